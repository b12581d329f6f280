import { describe, expect, it } from 'vitest';
import { cents } from '../domain';
import { ReviewResolveSchema, type ReviewItem } from '../domain/closeout';
import { DEFAULT_ACCOUNTS, JournalAccountsSchema } from '../domain/journal';
import { OpeningImportBodySchema, type OpeningImportPreview } from '../domain/opening-import';
import {
	accountNumberProblem,
	accountsProblems,
	balancesCsvHref,
	canRecordImport,
	checkExportPeriod,
	decodeCsvBytes,
	defaultExportPeriod,
	defaultReverseTarget,
	exportHref,
	groupReviewItems,
	importBody,
	isStaleItemError,
	reverseBody,
	reviewOperations,
	sameAccounts,
	shortId,
	trimAccounts,
	type KnownOperation
} from './review-views';

const GROUP = '11111111-1111-4111-8111-111111111111';
const MEMBER = '22222222-2222-4222-8222-000000000001';
const OP_A = '44444444-4444-4444-8444-00000000000a';
const OP_B = '44444444-4444-4444-8444-00000000000b';
const OP_C = '44444444-4444-4444-8444-00000000000c';
const TABLET = 'tablet-aaaaaaaa-1111';
const PHONE = 'phone-bbbbbbbb-2222';

function item(over: Partial<ReviewItem> & Pick<ReviewItem, 'id' | 'kind'>): ReviewItem {
	return {
		operationIds: [OP_A],
		reason: 'raison',
		createdAt: '2026-03-14T10:00:00.000Z',
		...over
	};
}

const duplicate = item({
	id: '55555555-5555-4555-8555-000000000001',
	kind: 'duplicate',
	operationIds: [OP_A, OP_B],
	memberId: MEMBER,
	memberName: 'Marie Membre',
	amountCents: cents(2350),
	method: 'cheque',
	reference: { chequeNumber: '1234567', bank: 'Crédit Agricole' },
	deviceIds: [PHONE, TABLET]
});

function known(id: string, deviceId: string, occurredAt: string): KnownOperation {
	return { id, deviceId, occurredAt, amountCents: cents(2350), method: 'cheque' };
}

describe('groupReviewItems', () => {
	it('groups by kind in a fixed order and leaves empty kinds out', () => {
		const late = item({ id: '55555555-5555-4555-8555-000000000002', kind: 'late_payment' });
		const rejected = item({ id: '55555555-5555-4555-8555-000000000003', kind: 'device_rejected' });
		const sections = groupReviewItems([rejected, late, duplicate]);
		expect(sections.map((s) => s.kind)).toEqual(['duplicate', 'late_payment', 'device_rejected']);
		expect(groupReviewItems([rejected]).map((s) => s.kind)).toEqual(['device_rejected']);
		expect(groupReviewItems([])).toEqual([]);
	});
});

describe('reviewOperations and defaultReverseTarget', () => {
	it('gives each operation its device and time from the device copy, and marks this device', () => {
		const map = new Map([
			[OP_A, known(OP_A, TABLET, '2026-03-14T09:05:00.000Z')],
			[OP_B, known(OP_B, PHONE, '2026-03-14T09:12:00.000Z')]
		]);
		const ops = reviewOperations(duplicate, map, TABLET);
		expect(ops.map((o) => [o.id, o.deviceId, o.thisDevice, o.known])).toEqual([
			[OP_A, TABLET, true, true],
			[OP_B, PHONE, false, true]
		]);
		expect(defaultReverseTarget(ops)).toBe(OP_B);
	});

	it('defaults to the most recent copy whatever the order of the ids', () => {
		const map = new Map([
			[OP_A, known(OP_A, TABLET, '2026-03-14T09:30:00.000Z')],
			[OP_B, known(OP_B, PHONE, '2026-03-14T09:12:00.000Z')]
		]);
		expect(defaultReverseTarget(reviewOperations(duplicate, map))).toBe(OP_A);
	});

	it('ranks an operation the device does not know below dated ones, ties to the later one', () => {
		const three = { ...duplicate, operationIds: [OP_A, OP_B, OP_C] };
		const map = new Map([[OP_A, known(OP_A, TABLET, '2026-03-14T09:30:00.000Z')]]);
		const ops = reviewOperations(three, map);
		expect(ops[1]).toMatchObject({ id: OP_B, known: false, amountCents: 2350 });
		expect(ops[1]?.deviceId).toBeUndefined();
		expect(defaultReverseTarget(ops)).toBe(OP_A);
		expect(defaultReverseTarget(reviewOperations(three, new Map()))).toBe(OP_C);
		expect(defaultReverseTarget([])).toBeUndefined();
	});

	it('reads a device report loosely for what the device sent', () => {
		const report = item({
			id: '55555555-5555-4555-8555-000000000003',
			kind: 'device_rejected',
			operationIds: [OP_C],
			deviceIds: [PHONE],
			amountCents: cents(-500),
			operation: { deviceId: PHONE, occurredAt: '2026-03-14T08:00:00.000Z', amountCents: 'x' }
		});
		const [op] = reviewOperations(report, new Map(), PHONE);
		expect(op).toMatchObject({
			id: OP_C,
			deviceId: PHONE,
			occurredAt: '2026-03-14T08:00:00.000Z',
			amountCents: -500,
			thisDevice: true,
			known: true
		});
		const [bare] = reviewOperations({ ...report, operation: 'garbage' }, new Map());
		expect(bare).toMatchObject({ id: OP_C, deviceId: PHONE, known: false, thisDevice: false });
	});
});

describe('reverseBody', () => {
	it('leaves a blank reason out and trims one, always a valid resolution', () => {
		expect(reverseBody(OP_A, '   ')).toEqual({ resolution: 'reverse', operationId: OP_A });
		expect(reverseBody(OP_A, '  Saisi deux fois ')).toEqual({
			resolution: 'reverse',
			operationId: OP_A,
			reason: 'Saisi deux fois'
		});
		expect(ReviewResolveSchema.safeParse(reverseBody(OP_A, 'x'.repeat(500))).success).toBe(true);
		expect(ReviewResolveSchema.safeParse(reverseBody(OP_A, '')).success).toBe(true);
	});

	it('knows which errors mean the list is stale', () => {
		expect(isStaleItemError('ALREADY_RESOLVED')).toBe(true);
		expect(isStaleItemError('REVIEW_ITEM_NOT_FOUND')).toBe(true);
		expect(isStaleItemError('NOTHING_TO_REVERSE')).toBe(false);
	});

	it('cuts ids short', () => {
		expect(shortId(OP_A)).toBe('44444444');
		expect(shortId('server')).toBe('server');
	});
});

describe('export period and links', () => {
	it('defaults to the first day of the month up to today', () => {
		expect(defaultExportPeriod('2026-03-14')).toEqual({ from: '2026-03-01', to: '2026-03-14' });
		expect(defaultExportPeriod('2026-12-01')).toEqual({ from: '2026-12-01', to: '2026-12-01' });
	});

	it('accepts open bounds and refuses bad days and reversed periods', () => {
		expect(checkExportPeriod({ from: '', to: '' })).toBeNull();
		expect(checkExportPeriod({ from: '2026-03-01', to: '2026-03-01' })).toBeNull();
		expect(checkExportPeriod({ from: '2026-02-30', to: '' })).toBe('BAD_FROM');
		expect(checkExportPeriod({ from: '', to: '14/03/2026' })).toBe('BAD_TO');
		expect(checkExportPeriod({ from: '2026-03-15', to: '2026-03-14' })).toBe('FROM_AFTER_TO');
	});

	it('carries the period in the exports, leaves empty bounds out', () => {
		const p = { from: '2026-03-01', to: '2026-03-14' };
		expect(exportHref(GROUP, 'operations', p)).toBe(
			`/api/groups/${GROUP}/exports/operations.csv?from=2026-03-01&to=2026-03-14`
		);
		expect(exportHref(GROUP, 'journal', { from: '', to: '2026-03-14' })).toBe(
			`/api/groups/${GROUP}/exports/journal.csv?to=2026-03-14`
		);
		expect(exportHref(GROUP, 'journal', { from: '', to: '' })).toBe(
			`/api/groups/${GROUP}/exports/journal.csv`
		);
		expect(balancesCsvHref(GROUP)).toBe(`/api/groups/${GROUP}/balances?format=csv`);
	});
});

describe('journal accounts', () => {
	it('takes 3 to 10 digits, nothing else, as the server schema does', () => {
		for (const v of ['411', '5112', '4110000001', ' 706 ']) {
			expect(accountNumberProblem(v)).toBeNull();
		}
		expect(accountNumberProblem('')).toBe('REQUIRED');
		expect(accountNumberProblem('41')).toBe('LENGTH');
		expect(accountNumberProblem('41100000001')).toBe('LENGTH');
		expect(accountNumberProblem('411A')).toBe('NOT_DIGITS');
		expect(accountNumberProblem('-411')).toBe('NOT_DIGITS');
		expect(accountNumberProblem('4 11')).toBe('NOT_DIGITS');
	});

	it('lists the problems per account, and sends trimmed numbers the server accepts', () => {
		const draft = { ...DEFAULT_ACCOUNTS, cash: ' 530 ', sales: '70', bank: 'x12' };
		expect(accountsProblems(draft)).toEqual({ sales: 'LENGTH', bank: 'NOT_DIGITS' });
		expect(accountsProblems(DEFAULT_ACCOUNTS)).toEqual({});
		const fixed = trimAccounts({ ...DEFAULT_ACCOUNTS, cash: ' 530 ' });
		expect(fixed.cash).toBe('530');
		expect(JournalAccountsSchema.safeParse(fixed).success).toBe(true);
		expect(sameAccounts(DEFAULT_ACCOUNTS, { ...DEFAULT_ACCOUNTS, cash: '530 ' })).toBe(true);
		expect(sameAccounts(DEFAULT_ACCOUNTS, { ...DEFAULT_ACCOUNTS, cash: '531' })).toBe(false);
	});
});

describe('bulk opening balances', () => {
	it('decodes UTF-8, and falls back to Windows-1252 for files Excel wrote', () => {
		const utf8 = new TextEncoder().encode('Élodie;12,50\n');
		expect(decodeCsvBytes(utf8)).toEqual({ text: 'Élodie;12,50\n', encoding: 'utf-8' });
		// "Élodie;12,50 €" in Windows-1252: É = 0xC9, € = 0x80.
		const cp1252 = Uint8Array.from([
			0xc9, 0x6c, 0x6f, 0x64, 0x69, 0x65, 0x3b, 0x31, 0x32, 0x2c, 0x35, 0x30, 0x20, 0x80
		]);
		expect(decodeCsvBytes(cp1252)).toEqual({ text: 'Élodie;12,50 €', encoding: 'windows-1252' });
	});

	it('sends the date only when one is chosen', () => {
		expect(importBody('a;1', '')).toEqual({ csv: 'a;1' });
		expect(importBody('a;1', '2026-01-01')).toEqual({ csv: 'a;1', date: '2026-01-01' });
		expect(OpeningImportBodySchema.safeParse(importBody('a;1', '2026-01-01')).success).toBe(true);
	});

	it('records only a preview with lines and no error', () => {
		const base: OpeningImportPreview = {
			separator: ';',
			hasHeader: false,
			lines: [],
			validCount: 2,
			errorCount: 0,
			totalCents: cents(100),
			alreadyImported: false
		};
		expect(canRecordImport(base)).toBe(true);
		expect(canRecordImport({ ...base, errorCount: 1 })).toBe(false);
		expect(canRecordImport({ ...base, validCount: 0 })).toBe(false);
	});
});
