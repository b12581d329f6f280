import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Balances, MemberHistory } from '../../src/lib/domain';
import {
	normalizeImportText,
	type OpeningImportPreview,
	type OpeningImportResult
} from '../../src/lib/domain/opening-import';
import type { Database } from '../../server/db/database';
import { fileHash, importOperationId } from '../../server/db/repositories/imports';
import { verifyBalances } from '../../server/db/repositories/ledger';
import { addPlainMember, createTestGroup, type TestGroup } from '../fixtures/factories';
import { testApp } from '../fixtures/test-app';
import { openTestDatabase, TEST_DB_KIND } from '../fixtures/test-db';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };
type Client = Awaited<ReturnType<ReturnType<typeof testApp>['signIn']>>;

function expectError(res: { status: number; body: unknown }, status: number, code?: string) {
	expect(res.status).toBe(status);
	const body = res.body as ErrorBody;
	expect(typeof body.error.message).toBe('string');
	expect(body.error.message.length).toBeGreaterThan(5);
	if (code) expect(body.error.code).toBe(code);
}

const FIXED_NOW = new Date('2025-03-09T23:30:00Z');

async function operationCount(db: Database, groupId: string): Promise<number> {
	const { rows } = await db.query<{ n: number }>(
		'SELECT count(*)::bigint AS n FROM operations WHERE group_id = $1',
		[groupId]
	);
	return rows[0]?.n ?? -1;
}

describe(`opening balances import (${TEST_DB_KIND})`, () => {
	let db: Database;
	let api: ReturnType<typeof testApp>;
	let g: TestGroup;
	let coord: Client;
	let helper: Client;
	let member: Client;
	let otherCoord: Client;
	let other: TestGroup;
	let elodieId: string;
	let dupontAId: string;
	let preview: string;
	let importPath: string;

	beforeAll(async () => {
		db = await openTestDatabase();
		api = testApp(db, { now: () => FIXED_NOW });
		g = await createTestGroup(db);
		other = await createTestGroup(db);
		elodieId = await addPlainMember(db, g.groupId, 'Élodie Évrard');
		dupontAId = await addPlainMember(db, g.groupId, 'Jean Dupont');
		await addPlainMember(db, g.groupId, 'Jean  Dupont');
		coord = await api.signIn(g.coordinator.email, g.coordinator.password);
		helper = await api.signIn(g.helper.email, g.helper.password);
		member = await api.signIn(g.member.email, g.member.password);
		otherCoord = await api.signIn(other.coordinator.email, other.coordinator.password);
		preview = `/api/groups/${g.groupId}/imports/opening-balances/preview`;
		importPath = `/api/groups/${g.groupId}/imports/opening-balances`;
	});
	afterAll(async () => {
		await db.close();
	});

	describe('who may import', () => {
		it('answers 401 signed out, 403 to a helper, a member and another group’s coordinator', async () => {
			const body = { csv: `${g.member.email};12,50` };
			for (const path of [preview, importPath]) {
				expectError(await api.anonymous.post(path, body), 401, 'UNAUTHENTICATED');
				expectError(await helper.post(path, body), 403, 'FORBIDDEN_ROLE');
				expectError(await member.post(path, body), 403, 'FORBIDDEN_ROLE');
				expectError(await otherCoord.post(path, body), 403, 'NOT_IN_GROUP');
				expectError(
					await coord.post(path, body, { origin: 'https://evil.example' }),
					403,
					'CROSS_SITE_REQUEST'
				);
			}
			expect(await operationCount(db, g.groupId)).toBe(0);
		});

		it('answers malformed bodies and ids with 400', async () => {
			for (const path of [preview, importPath]) {
				for (const body of [
					'{"csv":',
					{},
					{ csv: 12 },
					{ csv: 'a;1', extra: true },
					{ csv: 'a;1', date: '09/03/2025' },
					{ csv: 'a;1', date: '2025-02-30' }
				]) {
					const res = await coord.post<ErrorBody>(path, body);
					expect(res.status, JSON.stringify(body)).toBe(400);
					expect(res.body.error.code).toMatch(/^(INVALID_JSON|VALIDATION_FAILED)$/);
				}
				expectError(
					await coord.post(path.replace(g.groupId, 'not-a-group'), { csv: '' }),
					400,
					'VALIDATION_FAILED'
				);
			}
		});

		it('refuses a file over 1 MB', async () => {
			const big = `${g.member.email};1\n`.repeat(Math.ceil(1_100_000 / 30));
			expectError(await coord.post(preview, { csv: big }), 400, 'VALIDATION_FAILED');
			// A body far too large is cut off before being read whole.
			const huge = 'x'.repeat(4 * 1024 * 1024);
			expectError(await coord.post(importPath, { csv: huge }), 400, 'FILE_TOO_LARGE');
			expect(await operationCount(db, g.groupId)).toBe(0);
		});
	});

	describe('preview', () => {
		it('reads each line, with an error in French for each bad one, and records nothing', async () => {
			const csv = [
				'Adhérent;Montant',
				`${g.member.email.toUpperCase()};12,50`,
				`${g.member2.name};-8,40`,
				'elodie evrard;1 234,56 €',
				'inconnu@test.example;5',
				`${other.member.email};5`,
				'Jean Dupont;3',
				'JEAN DUPONT;3',
				`${g.helper.name};douze`,
				`${g.coordinator.name};0`,
				`${g.member.name};1`,
				';4'
			].join('\r\n');
			const res = await coord.post<OpeningImportPreview>(preview, { csv });
			expect(res.status).toBe(200);
			expect(res.headers.get('cache-control')).toBe('no-store');
			const p = res.body;
			expect([p.separator, p.hasHeader, p.alreadyImported]).toEqual([';', true, false]);
			expect(
				p.lines.map((l) => [l.line, l.member?.id ?? null, l.amountCents ?? null, l.code ?? null])
			).toEqual([
				[2, g.member.memberId, 1250, null],
				[3, g.member2.memberId, -840, null],
				[4, elodieId, 123456, null],
				[5, null, 500, 'UNKNOWN_MEMBER'],
				// A member of another group is unknown here.
				[6, null, 500, 'UNKNOWN_MEMBER'],
				// The exact name wins over its look-alike…
				[7, dupontAId, 300, null],
				// …but a looser spelling names both.
				[8, null, 300, 'AMBIGUOUS_MEMBER'],
				[9, g.helper.memberId, null, 'BAD_AMOUNT'],
				[10, g.coordinator.memberId, null, 'ZERO_AMOUNT'],
				[11, g.member.memberId, 100, 'DUPLICATE_MEMBER'],
				[12, null, 400, 'MISSING_MEMBER']
			]);
			const errors = new Map(p.lines.map((l) => [l.line, l.error]));
			expect(errors.get(5)).toBe(
				'Aucun adhérent du groupe n’a l’adresse « inconnu@test.example ».'
			);
			expect(errors.get(8)).toMatch(/^« JEAN DUPONT » désigne 2 adhérents .*adresse e-mail\.$/);
			expect(errors.get(9)).toBe('« douze » : Montant invalide : lettres non permises.');
			expect(errors.get(10)).toMatch(/^Montant nul/);
			expect(errors.get(11)).toBe(
				`${g.member.name} figure déjà ligne 2 : une seule reprise par adhérent dans un fichier.`
			);
			expect([p.validCount, p.errorCount, p.totalCents]).toEqual([4, 7, 1250 - 840 + 123456 + 300]);
			expect(p.lines[0]?.member).toEqual({ id: g.member.memberId, name: g.member.name });
			expect(p.lines[0]?.text).toBe(`${g.member.email.toUpperCase()};12,50`);
			expect(await operationCount(db, g.groupId)).toBe(0);
		});

		it('reads a comma-separated file without header', async () => {
			const res = await coord.post<OpeningImportPreview>(preview, {
				csv: `${g.member.email},12,50\n"${g.member2.name}",-3.5\n`
			});
			expect(res.status).toBe(200);
			expect(res.body.separator).toBe(',');
			expect(res.body.hasHeader).toBe(false);
			expect(res.body.lines.map((l) => [l.member?.id, l.amountCents])).toEqual([
				[g.member.memberId, 1250],
				[g.member2.memberId, -350]
			]);
		});
	});

	describe('import', () => {
		let h: TestGroup;
		let hCoord: Client;
		let hImport: string;
		let hPreview: string;
		const csv = () =>
			[
				'E-mail;Solde',
				`${h.member.email};12,50`,
				`${h.member2.email};-8,40`,
				`${h.helper.name};0,01`
			].join('\r\n') + '\r\n';

		beforeAll(async () => {
			h = await createTestGroup(db);
			hCoord = await api.signIn(h.coordinator.email, h.coordinator.password);
			hImport = `/api/groups/${h.groupId}/imports/opening-balances`;
			hPreview = `${hImport}/preview`;
		});

		it('refuses a file with a bad line with 422, the line errors, and records nothing', async () => {
			const bad = `${csv()}inconnu@test.example;4\n${h.member.name};abc\n`;
			const res = await hCoord.post<ErrorBody>(hImport, { csv: bad });
			expectError(res, 422, 'IMPORT_HAS_ERRORS');
			expect(res.body.error.message).toMatch(/2 ligne\(s\) en erreur \(ligne 5 : Aucun adhérent/);
			const details = res.body.error.details as { lines: { line: number; code: string }[] };
			expect(details.lines.map((l) => [l.line, l.code])).toEqual([
				[5, 'UNKNOWN_MEMBER'],
				[6, 'BAD_AMOUNT']
			]);
			expect(await operationCount(db, h.groupId)).toBe(0);
			// It was not counted as imported either.
			const again = await hCoord.post<OpeningImportPreview>(hPreview, { csv: bad });
			expect(again.body.alreadyImported).toBe(false);
		});

		it('refuses a file with no line to import', async () => {
			for (const text of ['', 'Adhérent;Montant\r\n', '\r\n\r\n']) {
				expectError(await hCoord.post(hImport, { csv: text }), 422, 'IMPORT_EMPTY');
			}
			expect(await operationCount(db, h.groupId)).toBe(0);
		});

		it('records one opening balance per line, with exact balances', async () => {
			const res = await hCoord.post<OpeningImportResult>(hImport, { csv: csv() });
			expect(res.status).toBe(201);
			expect(res.body).toEqual({ recorded: 3, alreadyRecorded: 0, totalCents: 1250 - 840 + 1 });

			const balances = await hCoord.get<Balances>(`/api/groups/${h.groupId}/balances`);
			const by = new Map(balances.body.members.map((m) => [m.memberId, m]));
			expect(by.get(h.member.memberId)).toMatchObject({
				balanceCents: 1250,
				pendingCents: 0,
				projectedCents: 1250
			});
			expect(by.get(h.member2.memberId)?.balanceCents).toBe(-840);
			expect(by.get(h.helper.memberId)?.balanceCents).toBe(1);
			expect(by.get(h.coordinator.memberId)?.balanceCents).toBe(0);
			expect(balances.body.totals).toMatchObject({
				balanceCents: 411,
				pendingCents: 0,
				debtCents: -840,
				creditCents: 1251
			});
			expect(await verifyBalances(db, h.groupId)).toEqual([]);

			const history = await hCoord.get<MemberHistory>(
				`/api/groups/${h.groupId}/members/${h.member.memberId}/operations`
			);
			const hash = fileHash(normalizeImportText(csv()));
			expect(history.body.entries).toEqual([
				expect.objectContaining({
					id: importOperationId(h.groupId, hash, h.member.memberId),
					kind: 'opening_balance',
					amountCents: 1250,
					reference: { label: 'Reprise de solde (import)' },
					deviceId: 'server-import',
					occurredAt: FIXED_NOW.toISOString(),
					recordedBy: h.coordinator.name,
					pending: false,
					runningCents: 1250
				})
			]);
		});

		it('records nothing when the same file comes again, whatever its line ends', async () => {
			const before = await operationCount(db, h.groupId);
			for (const again of [csv(), `\uFEFF${csv().replace(/\r\n/g, '\n')}\n\n`]) {
				const res = await hCoord.post<OpeningImportResult>(hImport, { csv: again });
				expect(res.status).toBe(200);
				expect(res.body).toEqual({ recorded: 0, alreadyRecorded: 3, totalCents: 411 });
				const p = await hCoord.post<OpeningImportPreview>(hPreview, { csv: again });
				expect(p.body.alreadyImported).toBe(true);
				// Nothing to warn about: these balances are this file's own.
				expect(p.body.lines.some((l) => l.warning)).toBe(false);
			}
			expect(await operationCount(db, h.groupId)).toBe(before);
			expect(await verifyBalances(db, h.groupId)).toEqual([]);
		});

		it('warns before a second, different file adds to a member’s opening balance', async () => {
			const res = await hCoord.post<OpeningImportPreview>(hPreview, {
				csv: `${h.member.email};1,00\n${h.coordinator.email};2,00`
			});
			expect(res.body.alreadyImported).toBe(false);
			expect(res.body.lines.map((l) => l.warning ?? null)).toEqual([
				`${h.member.name} a déjà une reprise de solde (12,50\u00a0€) : celle-ci s’y ajoutera.`,
				null
			]);
		});

		it('dates the operations on the day given', async () => {
			const k = await createTestGroup(db);
			const kCoord = await api.signIn(k.coordinator.email, k.coordinator.password);
			const res = await kCoord.post<OpeningImportResult>(
				`/api/groups/${k.groupId}/imports/opening-balances`,
				{ csv: `${k.member.email};-1`, date: '2024-12-31' }
			);
			expect(res.status).toBe(201);
			const { rows } = await db.query<{ occurred_at: string }>(
				'SELECT occurred_at FROM operations WHERE group_id = $1',
				[k.groupId]
			);
			expect(rows.map((r) => r.occurred_at)).toEqual(['2024-12-31T12:00:00.000Z']);
			const journal = await kCoord.get(
				`/api/groups/${k.groupId}/exports/journal.csv?from=2024-12-31&to=2024-12-31`
			);
			const lines = journal.text.split('\r\n').slice(1, -1);
			expect(lines.map((l) => l.split(';').slice(0, 5).join(';'))).toEqual([
				'OD;Opérations diverses;OD000001;20241231;411',
				'OD;Opérations diverses;OD000001;20241231;471'
			]);
		});

		it('records a file once when it is sent twice at the same time', async () => {
			const k = await createTestGroup(db);
			const kCoord = await api.signIn(k.coordinator.email, k.coordinator.password);
			const path = `/api/groups/${k.groupId}/imports/opening-balances`;
			const file = `${k.member.email};5\n${k.member2.email};-5\n${k.helper.email};7,77\n`;
			const answers = await Promise.all([
				kCoord.post<OpeningImportResult>(path, { csv: file }),
				kCoord.post<OpeningImportResult>(path, { csv: file }),
				kCoord.post<OpeningImportResult>(path, { csv: file.replace(/\n/g, '\r\n') })
			]);
			expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
			expect(answers.map((a) => a.body.recorded).sort()).toEqual([0, 0, 3]);
			expect(answers.every((a) => a.body.recorded + a.body.alreadyRecorded === 3)).toBe(true);
			expect(await operationCount(db, k.groupId)).toBe(3);
			expect(await verifyBalances(db, k.groupId)).toEqual([]);
		});
	});
});
