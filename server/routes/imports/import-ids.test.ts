import { describe, expect, it } from 'vitest';
import { UuidSchema } from '../../../src/lib/domain';
import { fileHash, importOperationId, nameUuid } from '../../db/repositories/imports';

const GROUP = '0a000000-0000-4000-8000-000000000001';
const MEMBER = '0b000000-0000-4000-8000-000000000001';

describe('ids of imported operations', () => {
	it('follows UUID version 5 (RFC 9562 test vector)', () => {
		expect(nameUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
			'2ed6657d-e927-568b-95e1-2665a8aea6a2'
		);
	});

	it('is the same for the same group, file and member, and differs otherwise', () => {
		const hash = fileHash('a;1');
		const id = importOperationId(GROUP, hash, MEMBER);
		expect(UuidSchema.safeParse(id).success).toBe(true);
		expect(id[14]).toBe('5');
		expect(importOperationId(GROUP, hash, MEMBER)).toBe(id);
		expect(importOperationId(GROUP, fileHash('a;2'), MEMBER)).not.toBe(id);
		expect(importOperationId(GROUP, hash, MEMBER.replace(/1$/, '2'))).not.toBe(id);
		expect(importOperationId(GROUP.replace(/1$/, '2'), hash, MEMBER)).not.toBe(id);
	});

	it('hashes a file’s text with SHA-256', () => {
		expect(fileHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
	});
});
