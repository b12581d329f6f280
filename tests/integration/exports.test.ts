import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationSchema, type Balances } from '../../src/lib/domain';
import { DEFAULT_ACCOUNTS, memberAccountCodes } from '../../src/lib/domain/journal';
import type { Database } from '../../server/db/database';
import {
	markDistributionValidated,
	recordOperation,
	verifyBalances
} from '../../server/db/repositories/ledger';
import { FEC_HEADER, OPERATIONS_HEADER } from '../../server/routes/exports/exports-csv';
import {
	addPlainMember,
	createTestDistribution,
	createTestGroup,
	type TestGroup
} from '../fixtures/factories';
import { testApp } from '../fixtures/test-app';
import { openTestDatabase, TEST_DB_KIND } from '../fixtures/test-db';

type ErrorBody = { error: { code: string; message: string } };
type Client = Awaited<ReturnType<ReturnType<typeof testApp>['signIn']>>;

function expectError(res: { status: number; body: unknown }, status: number, code?: string) {
	expect(res.status).toBe(status);
	const body = res.body as ErrorBody;
	expect(typeof body.error.message).toBe('string');
	expect(body.error.message.length).toBeGreaterThan(5);
	if (code) expect(body.error.code).toBe(code);
}

/**
 * Reads a `;` CSV as written by the exports: quoted cells, doubled quotes, CRLF. `Response.text()`
 * drops the BOM; the bytes are checked apart.
 */
function parseCsv(text: string): string[][] {
	expect(text.endsWith('\r\n')).toBe(true);
	const body = text.replace(/^\uFEFF/, '');
	// No bare LF: every line ends with CRLF.
	expect(body.replace(/\r\n/g, '').includes('\n')).toBe(false);
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < body.length; i += 1) {
		const ch = body[i];
		if (quoted) {
			if (ch === '"' && body[i + 1] === '"') {
				cell += '"';
				i += 1;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ';') {
			row.push(cell);
			cell = '';
		} else if (ch === '\r' && body[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i += 1;
		} else cell += ch;
	}
	return rows;
}

/** A French decimal "12,50" as cents. */
function centsOf(s: string): number {
	expect(s).toMatch(/^-?\d+,\d\d$/);
	const negative = s.startsWith('-');
	const [e, c] = s.replace('-', '').split(',') as [string, string];
	const n = Number(e) * 100 + Number(c);
	return negative ? -n : n;
}

async function record(db: Database, raw: Record<string, unknown>, recordedBy: string | null) {
	const op = OperationSchema.parse({ deviceId: 'tablet-7', ...raw });
	const outcome = await db.transaction((tx) => recordOperation(tx, op, { recordedBy }));
	expect(outcome.status).toBe('accepted');
	return op;
}

const FORMULA_NAME = '=HYPERLINK("http://evil.example")';
const QUOTED_NAME = 'Dupont; "Jo"';

interface Ledger {
	g: TestGroup;
	d1: string;
	d2: string;
	formulaId: string;
	quotedId: string;
	ids: Record<string, string>;
}

/**
 * A realistic ledger (cents): D1 (10 January 2025, validated) and D2 (17 January, pending).
 * - Marie: opening -1000 (5 Jan), transfer +333 (8 Jan), order D1 -1670, cheque D1 +1670,
 *   order D2 -1250, cash D2 +2000, card terminal D2 +500, adjustment D2 +420 (basket reduced),
 *   adjustment D2 -200, cash refund -300 (20 Jan);
 * - Marc: cash D2 +1250 and its correction, cash D2 +1200, order D2 -1250, online card +5000,
 *   an order of 28 Dec 2024 (-800) corrected on 3 Jan 2025;
 * - Claire: opening +500; the formula-named member: opening -1; the quoted name: a cheque
 *   of 23:30 UTC on 31 January (1 February in Paris).
 */
async function seedLedger(db: Database): Promise<Ledger> {
	const g = await createTestGroup(db);
	const by = g.coordinator.userId;
	const formulaId = await addPlainMember(db, g.groupId, FORMULA_NAME);
	const quotedId = await addPlainMember(db, g.groupId, QUOTED_NAME);
	const d1 = (await createTestDistribution(db, g.groupId, { date: '2025-01-10' })).id;
	const d2 = (await createTestDistribution(db, g.groupId, { date: '2025-01-17' })).id;
	const marie = { groupId: g.groupId, memberId: g.member.memberId };
	const marc = { groupId: g.groupId, memberId: g.member2.memberId };
	const ids: Record<string, string> = {};
	const op = async (name: string, raw: Record<string, unknown>, who: string | null = by) => {
		ids[name] = randomUUID();
		await record(db, { id: ids[name], ...raw }, who);
	};

	await op('marieOpening', {
		...marie,
		kind: 'opening_balance',
		amountCents: -1000,
		reference: { label: 'Reprise de solde' },
		occurredAt: '2025-01-05T09:00:00Z'
	});
	await op(
		'marieTransfer',
		{
			...marie,
			kind: 'payment',
			amountCents: 333,
			method: 'transfer',
			reference: { label: 'VIR MARIE JANVIER' },
			occurredAt: '2025-01-08T09:00:00Z'
		},
		null
	);
	await op('marieOrder1', {
		...marie,
		kind: 'order',
		amountCents: -1670,
		distributionId: d1,
		occurredAt: '2025-01-10T17:00:00Z'
	});
	await op('marieCheque', {
		...marie,
		kind: 'payment',
		amountCents: 1670,
		method: 'cheque',
		distributionId: d1,
		reference: { chequeNumber: '0001234', bank: 'Crédit Agricole', drawer: 'M. Membre' },
		occurredAt: '2025-01-10T18:05:00+01:00'
	});
	await db.transaction((tx) => markDistributionValidated(tx, g.groupId, d1, by));
	await op('marieOrder2', {
		...marie,
		kind: 'order',
		amountCents: -1250,
		distributionId: d2,
		occurredAt: '2025-01-17T17:00:00Z'
	});
	await op(
		'marieCash',
		{
			...marie,
			kind: 'payment',
			amountCents: 2000,
			method: 'cash',
			distributionId: d2,
			occurredAt: '2025-01-17T17:05:00Z'
		},
		g.helper.userId
	);
	await op('marieCard', {
		...marie,
		kind: 'payment',
		amountCents: 500,
		method: 'card_terminal',
		distributionId: d2,
		reference: { receiptNumber: 'T-998' },
		occurredAt: '2025-01-17T17:06:00Z'
	});
	await op('marieLess', {
		...marie,
		kind: 'order_adjustment',
		amountCents: 420,
		distributionId: d2,
		occurredAt: '2025-01-17T17:07:00Z'
	});
	await op('marieMore', {
		...marie,
		kind: 'order_adjustment',
		amountCents: -200,
		distributionId: d2,
		occurredAt: '2025-01-17T17:08:00Z'
	});
	await op('marieRefund', {
		...marie,
		kind: 'refund',
		amountCents: -300,
		method: 'cash',
		occurredAt: '2025-01-20T10:00:00Z'
	});

	await op('marcCash', {
		...marc,
		kind: 'payment',
		amountCents: 1250,
		method: 'cash',
		distributionId: d2,
		occurredAt: '2025-01-17T17:10:00Z'
	});
	await op('marcFix', {
		...marc,
		kind: 'correction',
		amountCents: -1250,
		correctsId: ids['marcCash'],
		reference: { label: 'Montant mal saisi' },
		occurredAt: '2025-01-17T17:11:00Z'
	});
	await op('marcCash2', {
		...marc,
		kind: 'payment',
		amountCents: 1200,
		method: 'cash',
		distributionId: d2,
		occurredAt: '2025-01-17T17:12:00Z'
	});
	await op('marcOrder', {
		...marc,
		kind: 'order',
		amountCents: -1250,
		distributionId: d2,
		occurredAt: '2025-01-17T17:13:00Z'
	});
	await op('marcOnline', {
		...marc,
		kind: 'payment',
		amountCents: 5000,
		method: 'online_card',
		occurredAt: '2025-01-12T20:00:00Z'
	});
	await op('marcOldOrder', {
		...marc,
		kind: 'order',
		amountCents: -800,
		occurredAt: '2024-12-28T10:00:00Z'
	});
	await op('marcOldFix', {
		...marc,
		kind: 'correction',
		amountCents: 800,
		correctsId: ids['marcOldOrder'],
		reference: { label: 'Panier jamais livré' },
		occurredAt: '2025-01-03T10:00:00Z'
	});

	await op(
		'claireOpening',
		{
			groupId: g.groupId,
			memberId: g.coordinator.memberId,
			kind: 'opening_balance',
			amountCents: 500,
			occurredAt: '2025-01-02T09:00:00Z'
		},
		null
	);
	await op('formulaOpening', {
		groupId: g.groupId,
		memberId: formulaId,
		kind: 'opening_balance',
		amountCents: -1,
		occurredAt: '2025-01-02T09:30:00Z'
	});
	await op('quotedCheque', {
		groupId: g.groupId,
		memberId: quotedId,
		kind: 'payment',
		amountCents: 4200,
		method: 'cheque',
		reference: { chequeNumber: '=1+1', bank: 'Banque "Populaire"; Lyon', drawer: '-Jo' },
		occurredAt: '2025-01-31T23:30:00Z'
	});
	return { g, d1, d2, formulaId, quotedId, ids };
}

describe(`accounting exports (${TEST_DB_KIND})`, () => {
	let db: Database;
	let api: ReturnType<typeof testApp>;
	let L: Ledger;
	let coord: Client;
	let helper: Client;
	let member: Client;
	let otherCoord: Client;
	let base: string;

	beforeAll(async () => {
		db = await openTestDatabase();
		api = testApp(db);
		L = await seedLedger(db);
		const other = await createTestGroup(db);
		coord = await api.signIn(L.g.coordinator.email, L.g.coordinator.password);
		helper = await api.signIn(L.g.helper.email, L.g.helper.password);
		member = await api.signIn(L.g.member.email, L.g.member.password);
		otherCoord = await api.signIn(other.coordinator.email, other.coordinator.password);
		base = `/api/groups/${L.g.groupId}`;
	});
	afterAll(async () => {
		await db.close();
	});

	describe('who may export', () => {
		const paths = () => [
			`${base}/exports/operations.csv`,
			`${base}/exports/journal.csv?from=2025-01-01`,
			`${base}/settings/accounts`
		];

		it('answers 401 signed out, 403 to a helper, a member and another group’s coordinator', async () => {
			for (const path of paths()) {
				expectError(await api.anonymous.get(path), 401, 'UNAUTHENTICATED');
				expectError(await helper.get(path), 403, 'FORBIDDEN_ROLE');
				expectError(await member.get(path), 403, 'FORBIDDEN_ROLE');
				expectError(await otherCoord.get(path), 403, 'NOT_IN_GROUP');
				expect((await coord.get(path)).status, path).toBe(200);
			}
			const put = `${base}/settings/accounts`;
			expectError(await api.anonymous.put(put, DEFAULT_ACCOUNTS), 401, 'UNAUTHENTICATED');
			expectError(await helper.put(put, DEFAULT_ACCOUNTS), 403, 'FORBIDDEN_ROLE');
			expectError(await member.put(put, DEFAULT_ACCOUNTS), 403, 'FORBIDDEN_ROLE');
			expectError(await otherCoord.put(put, DEFAULT_ACCOUNTS), 403, 'NOT_IN_GROUP');
		});

		it('refuses a cross-site write of the accounts', async () => {
			const res = await coord.put(`${base}/settings/accounts`, DEFAULT_ACCOUNTS, {
				origin: 'https://evil.example'
			});
			expectError(res, 403, 'CROSS_SITE_REQUEST');
		});

		it('answers ids that are not lower-case UUIDs with 400', async () => {
			for (const id of ['nope', L.g.groupId.toUpperCase()]) {
				for (const path of [
					`/api/groups/${id}/exports/operations.csv`,
					`/api/groups/${id}/exports/journal.csv`,
					`/api/groups/${id}/settings/accounts`
				]) {
					expectError(await coord.get(path), 400, 'VALIDATION_FAILED');
				}
			}
		});
	});

	describe('period', () => {
		it('answers bad dates and an inverted period with 400', async () => {
			for (const file of ['operations.csv', 'journal.csv']) {
				for (const q of [
					'from=2025-13-01',
					'to=2025-02-30',
					'from=10/01/2025',
					'from=',
					'to=2025-1-1',
					'from=2025-01-01T00:00:00Z'
				]) {
					expectError(await coord.get(`${base}/exports/${file}?${q}`), 400, 'VALIDATION_FAILED');
				}
				expectError(
					await coord.get(`${base}/exports/${file}?from=2025-02-01&to=2025-01-31`),
					400,
					'INVALID_PERIOD'
				);
			}
		});

		it('names the file after the period', async () => {
			const res = await coord.get(`${base}/exports/operations.csv?from=2025-01-01&to=2025-01-31`);
			expect(res.headers.get('content-disposition')).toBe(
				'attachment; filename="operations-2025-01-01-2025-01-31.csv"'
			);
			const all = await coord.get(`${base}/exports/journal.csv`);
			expect(all.headers.get('content-disposition')).toBe(
				'attachment; filename="journal-debut-fin.csv"'
			);
			const open = await coord.get(`${base}/exports/journal.csv?from=2025-01-10`);
			expect(open.headers.get('content-disposition')).toBe(
				'attachment; filename="journal-2025-01-10-fin.csv"'
			);
		});

		it('counts days in Paris, both ends included', async () => {
			const ids = async (q: string) =>
				parseCsv((await coord.get(`${base}/exports/operations.csv?${q}`)).text)
					.slice(1)
					.map((r) => r[0]);
			// 23:30 UTC on 31 January is 1 February in Paris.
			expect(await ids('from=2025-02-01&to=2025-02-01')).toEqual([L.ids['quotedCheque']]);
			expect(await ids('from=2025-01-31&to=2025-01-31')).toEqual([]);
			expect(await ids('from=2025-01-10&to=2025-01-10')).toEqual([
				L.ids['marieOrder1'],
				L.ids['marieCheque']
			]);
			expect(await ids('to=2024-12-31')).toEqual([L.ids['marcOldOrder']]);
			expect(await ids('')).toHaveLength(Object.keys(L.ids).length);
		});
	});

	describe('operations.csv', () => {
		let rows: string[][];
		let res: Awaited<ReturnType<Client['get']>>;

		beforeAll(async () => {
			res = await coord.get(`${base}/exports/operations.csv`);
			rows = parseCsv(res.text);
		});

		it('is a French CSV: BOM, semicolons, CRLF, no caching', async () => {
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
			expect(res.headers.get('cache-control')).toBe('no-store');
			const raw = await api.app.request(`http://localhost${base}/exports/operations.csv`, {
				headers: { cookie: coord.cookie }
			});
			const bytes = new Uint8Array(await raw.arrayBuffer());
			expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		});

		it('has the audit columns, one row per operation in occurrence order', () => {
			expect(rows[0]).toEqual(OPERATIONS_HEADER);
			expect(rows[0]).toEqual([
				'Identifiant',
				'Survenue le (appareil)',
				'Reçue le (serveur)',
				'Adhérent',
				'Compte adhérent',
				'Type',
				'Montant',
				'Moyen de paiement',
				'Distribution',
				'Commande',
				'Corrige',
				'N° de chèque',
				'Banque',
				'Tireur',
				'N° de ticket TPE',
				'Libellé',
				'Enregistrée par',
				'Appareil'
			]);
			expect(rows.slice(1).map((r) => r[0])).toEqual([
				L.ids['marcOldOrder'],
				L.ids['claireOpening'],
				L.ids['formulaOpening'],
				L.ids['marcOldFix'],
				L.ids['marieOpening'],
				L.ids['marieTransfer'],
				L.ids['marieOrder1'],
				L.ids['marieCheque'],
				L.ids['marcOnline'],
				L.ids['marieOrder2'],
				L.ids['marieCash'],
				L.ids['marieCard'],
				L.ids['marieLess'],
				L.ids['marieMore'],
				L.ids['marcCash'],
				L.ids['marcFix'],
				L.ids['marcCash2'],
				L.ids['marcOrder'],
				L.ids['marieRefund'],
				L.ids['quotedCheque']
			]);
			for (const r of rows) expect(r).toHaveLength(OPERATIONS_HEADER.length);
		});

		it('gives every field of a payment: times in Paris, amount, method, distribution, references, recorder, device', () => {
			const row = rows.find((r) => r[0] === L.ids['marieCheque']);
			const code = memberAccountCodes([L.g.member.memberId]).get(L.g.member.memberId) ?? '';
			expect(row?.slice(0, 2)).toEqual([L.ids['marieCheque'], '10/01/2025 18:05:00']);
			expect(row?.[2]).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/);
			expect(row?.slice(3)).toEqual([
				L.g.member.name,
				expect.stringMatching(new RegExp(`^${code.slice(0, 8)}`)),
				'Paiement',
				'16,70',
				'Chèque',
				'10/01/2025',
				'',
				'',
				'0001234',
				'Crédit Agricole',
				'M. Membre',
				'',
				'',
				L.g.coordinator.name,
				'tablet-7'
			]);
			const cash = rows.find((r) => r[0] === L.ids['marieCash']);
			expect(cash?.[16]).toBe(L.g.helper.name);
			const transfer = rows.find((r) => r[0] === L.ids['marieTransfer']);
			expect([transfer?.[7], transfer?.[15], transfer?.[16]]).toEqual([
				'Virement',
				'VIR MARIE JANVIER',
				''
			]);
			const fix = rows.find((r) => r[0] === L.ids['marcFix']);
			expect([fix?.[5], fix?.[6], fix?.[10], fix?.[15]]).toEqual([
				'Correction',
				'-12,50',
				L.ids['marcCash'],
				'Montant mal saisi'
			]);
			const order = rows.find((r) => r[0] === L.ids['marieOrder1']);
			expect([order?.[5], order?.[6], order?.[7], order?.[8]]).toEqual([
				'Commande',
				'-16,70',
				'',
				'10/01/2025'
			]);
			const types = new Set(rows.slice(1).map((r) => r[5]));
			expect(types).toEqual(
				new Set([
					'Commande',
					'Ajustement de commande',
					'Paiement',
					'Remboursement',
					'Reprise de solde',
					'Correction'
				])
			);
		});

		it('quotes separators and quotes, and neutralizes formulas', () => {
			const lines = res.text.split('\r\n');
			const formula = lines.find((l) => l.startsWith(L.ids['formulaOpening'] ?? '-'));
			expect(formula).toContain(`;"'=HYPERLINK(""http://evil.example"")";`);
			const quoted = lines.find((l) => l.startsWith(L.ids['quotedCheque'] ?? '-'));
			expect(quoted).toContain(`;"Dupont; ""Jo""";`);
			expect(quoted).toContain(`;'=1+1;"Banque ""Populaire""; Lyon";'-Jo;`);
			// Negative amounts stay numbers: no apostrophe before them.
			expect(lines.find((l) => l.startsWith(L.ids['marieRefund'] ?? '-'))).toContain(';-3,00;');
			const row = rows.find((r) => r[0] === L.ids['quotedCheque']);
			expect(row?.[1]).toBe('01/02/2025 00:30:00');
		});

		it('adds up to the group’s projected balances', async () => {
			const balances = await coord.get<Balances>(`${base}/balances`);
			const total = rows.slice(1).reduce((sum, r) => sum + centsOf(r[6] ?? ''), 0);
			expect(total).toBe(balances.body.totals.projectedCents);
		});
	});

	describe('journal.csv', () => {
		let rows: string[][];
		let res: Awaited<ReturnType<Client['get']>>;
		const col = (name: (typeof FEC_HEADER)[number]) => FEC_HEADER.indexOf(name);
		const entry = (rs: string[][], opId: string | undefined) =>
			rs.filter((r) => r[col('PieceRef')] === opId);
		const lines = (rs: string[][], opId: string | undefined) =>
			entry(rs, opId).map(
				(r) =>
					`${r[col('JournalCode')]} ${r[col('CompteNum')]}${r[col('CompAuxNum')] ? ':aux' : ''} ${r[col('Debit')]}/${r[col('Credit')]}`
			);

		beforeAll(async () => {
			res = await coord.get(`${base}/exports/journal.csv`);
			rows = parseCsv(res.text).slice(1);
		});

		it('has exactly the FEC columns, in order', () => {
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
			expect(res.text.split('\r\n')[0]).toBe(
				'JournalCode;JournalLib;EcritureNum;EcritureDate;CompteNum;CompteLib;CompAuxNum;CompAuxLib;PieceRef;PieceDate;EcritureLib;Debit;Credit;EcritureLet;DateLet;ValidDate;Montantdevise;Idevise'
			);
			for (const r of rows) {
				expect(r).toHaveLength(18);
				expect(r[col('EcritureDate')]).toMatch(/^\d{8}$/);
				expect(r[col('PieceDate')]).toMatch(/^\d{8}$/);
				expect(r[col('ValidDate')]).toMatch(/^(\d{8})?$/);
				expect(r[col('Debit')]).toMatch(/^\d+,\d\d$/);
				expect(r[col('Credit')]).toMatch(/^\d+,\d\d$/);
				expect([r[col('EcritureLet')], r[col('DateLet')], r[col('Montantdevise')]]).toEqual([
					'',
					'',
					''
				]);
			}
		});

		it('balances every entry, and the whole journal', () => {
			const byEntry = new Map<string, number>();
			let debit = 0;
			let credit = 0;
			for (const r of rows) {
				const d = centsOf(r[col('Debit')] ?? '');
				const c = centsOf(r[col('Credit')] ?? '');
				debit += d;
				credit += c;
				const key = r[col('EcritureNum')] ?? '';
				byEntry.set(key, (byEntry.get(key) ?? 0) + d - c);
			}
			expect(debit).toBe(credit);
			expect(debit).toBeGreaterThan(0);
			expect([...byEntry.values()].every((v) => v === 0)).toBe(true);
			// One entry per operation.
			expect(byEntry.size).toBe(Object.keys(L.ids).length);
		});

		it('books each kind on its accounts and journal', () => {
			expect(lines(rows, L.ids['marieOrder1'])).toEqual([
				'VE 411:aux 16,70/0,00',
				'VE 706 0,00/16,70'
			]);
			expect(lines(rows, L.ids['marieLess'])).toEqual(['VE 706 4,20/0,00', 'VE 411:aux 0,00/4,20']);
			expect(lines(rows, L.ids['marieMore'])).toEqual(['VE 411:aux 2,00/0,00', 'VE 706 0,00/2,00']);
			expect(lines(rows, L.ids['marieCash'])).toEqual([
				'CA 530 20,00/0,00',
				'CA 411:aux 0,00/20,00'
			]);
			expect(lines(rows, L.ids['marieCheque'])).toEqual([
				'BQ 5112 16,70/0,00',
				'BQ 411:aux 0,00/16,70'
			]);
			expect(lines(rows, L.ids['marieCard'])).toEqual(['BQ 512 5,00/0,00', 'BQ 411:aux 0,00/5,00']);
			expect(lines(rows, L.ids['marieTransfer'])).toEqual([
				'BQ 512 3,33/0,00',
				'BQ 411:aux 0,00/3,33'
			]);
			expect(lines(rows, L.ids['marcOnline'])).toEqual([
				'BQ 512 50,00/0,00',
				'BQ 411:aux 0,00/50,00'
			]);
			expect(lines(rows, L.ids['marieRefund'])).toEqual([
				'CA 411:aux 3,00/0,00',
				'CA 530 0,00/3,00'
			]);
			expect(lines(rows, L.ids['claireOpening'])).toEqual([
				'OD 471 5,00/0,00',
				'OD 411:aux 0,00/5,00'
			]);
			expect(lines(rows, L.ids['marieOpening'])).toEqual([
				'OD 411:aux 10,00/0,00',
				'OD 471 0,00/10,00'
			]);
			// Corrections reverse the corrected entry, even one of another period.
			expect(lines(rows, L.ids['marcFix'])).toEqual(['OD 411:aux 12,50/0,00', 'OD 530 0,00/12,50']);
			expect(lines(rows, L.ids['marcOldFix'])).toEqual([
				'OD 706 8,00/0,00',
				'OD 411:aux 0,00/8,00'
			]);
		});

		it('numbers entries per journal without gaps, dated in Paris', () => {
			const nums = new Map<string, string[]>();
			for (const r of rows) {
				const list = nums.get(r[col('JournalCode')] ?? '') ?? [];
				const n = r[col('EcritureNum')] ?? '';
				if (list.at(-1) !== n) list.push(n);
				nums.set(r[col('JournalCode')] ?? '', list);
			}
			for (const [code, list] of nums) {
				expect(list).toEqual(list.map((_, i) => `${code}${String(i + 1).padStart(6, '0')}`));
			}
			expect(entry(rows, L.ids['quotedCheque'])[0]?.[col('EcritureDate')]).toBe('20250201');
			expect(entry(rows, L.ids['marieCheque'])[0]?.[col('JournalLib')]).toBe('Banque');
		});

		it('sets ValidDate once the distribution is validated, and for operations with none', () => {
			const validDate = (id: string | undefined) => entry(rows, id)[0]?.[col('ValidDate')];
			const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
			expect(validDate(L.ids['marieCheque'])).toMatch(/^\d{8}$/);
			expect(Number(validDate(L.ids['marieCheque']))).toBeGreaterThanOrEqual(20250110);
			expect(validDate(L.ids['marieOrder1'])).toBe(validDate(L.ids['marieCheque']));
			// D2 is not validated: its orders, payments and their corrections wait.
			for (const k of [
				'marieOrder2',
				'marieCash',
				'marieCard',
				'marcCash',
				'marcFix',
				'marcOrder'
			]) {
				expect(validDate(L.ids[k]), k).toBe('');
			}
			// Received by the server today: final at once.
			expect(Number(validDate(L.ids['marieTransfer']))).toBeGreaterThanOrEqual(Number(today) - 1);
		});

		it('gives each member’s auxiliary account their projected balance', async () => {
			const balances = await coord.get<Balances>(`${base}/balances`);
			const byAux = new Map<string, { name: string; net: number }>();
			for (const r of rows) {
				const aux = r[col('CompAuxNum')] ?? '';
				if (!aux) continue;
				expect(r[col('CompteNum')]).toBe('411');
				const prev = byAux.get(aux) ?? { name: r[col('CompAuxLib')] ?? '', net: 0 };
				prev.net += centsOf(r[col('Credit')] ?? '') - centsOf(r[col('Debit')] ?? '');
				byAux.set(aux, prev);
			}
			const expected = balances.body.members
				.filter((m) => m.projectedCents !== 0 || m.memberId === L.g.member2.memberId)
				.map((m) => [m.name === FORMULA_NAME ? `'${m.name}` : m.name, m.projectedCents])
				.sort();
			expect([...byAux.values()].map((v) => [v.name, v.net]).sort()).toEqual(expected);
			// Codes are the stable member codes (8 capitals of the id, here), one per member.
			const codes = memberAccountCodes(
				(
					await db.query<{ id: string }>('SELECT id FROM members WHERE group_id = $1', [
						L.g.groupId
					])
				).rows.map((r) => r.id)
			);
			expect([...byAux.keys()].sort()).toEqual(
				[
					L.g.member.memberId,
					L.g.member2.memberId,
					L.g.coordinator.memberId,
					L.formulaId,
					L.quotedId
				]
					.map((id) => codes.get(id))
					.sort()
			);
		});

		it('quotes and guards text cells', () => {
			const formula = entry(rows, L.ids['formulaOpening']).find((r) => r[col('CompAuxNum')]);
			expect(formula?.[col('CompAuxLib')]).toBe(`'${FORMULA_NAME}`);
			const quoted = entry(rows, L.ids['quotedCheque']).find((r) => r[col('CompAuxNum')]);
			expect(quoted?.[col('CompAuxLib')]).toBe(QUOTED_NAME);
			expect(quoted?.[col('EcritureLib')]).toBe(
				`Paiement chèque n° =1+1 Banque "Populaire"; Lyon — ${QUOTED_NAME}`
			);
		});

		it('keeps a period’s corrections balanced when the corrected operation is outside it', async () => {
			const jan = parseCsv(
				(await coord.get(`${base}/exports/journal.csv?from=2025-01-01&to=2025-01-31`)).text
			).slice(1);
			expect(entry(jan, L.ids['marcOldOrder'])).toEqual([]);
			expect(lines(jan, L.ids['marcOldFix'])).toEqual(['OD 706 8,00/0,00', 'OD 411:aux 0,00/8,00']);
			expect(entry(jan, L.ids['quotedCheque'])).toEqual([]);
			const debit = jan.reduce((s, r) => s + centsOf(r[col('Debit')] ?? ''), 0);
			const credit = jan.reduce((s, r) => s + centsOf(r[col('Credit')] ?? ''), 0);
			expect(debit).toBe(credit);
		});

		it('answers an empty period with the header only', async () => {
			const empty = await coord.get(`${base}/exports/journal.csv?from=2030-01-01`);
			expect(empty.status).toBe(200);
			expect(parseCsv(empty.text)).toEqual([[...FEC_HEADER]]);
		});
	});

	describe('accounts settings', () => {
		let g: TestGroup;
		let gCoord: Client;
		let path: string;

		beforeAll(async () => {
			g = await createTestGroup(db);
			gCoord = await api.signIn(g.coordinator.email, g.coordinator.password);
			path = `/api/groups/${g.groupId}/settings/accounts`;
		});

		it('gives the defaults before any change', async () => {
			const res = await gCoord.get(path);
			expect(res.status).toBe(200);
			expect(res.body).toEqual({
				members: '411',
				cash: '530',
				cheques: '5112',
				bank: '512',
				sales: '706',
				opening: '471'
			});
		});

		it('stores a change and uses it in the journal', async () => {
			const accounts = {
				members: '4110',
				cash: '5300',
				cheques: '51120',
				bank: '5121',
				sales: '7060000001',
				opening: '890'
			};
			const put = await gCoord.put(path, accounts);
			expect(put.status).toBe(200);
			expect(put.body).toEqual(accounts);
			expect((await gCoord.get(path)).body).toEqual(accounts);
			// Another group keeps its defaults.
			expect((await coord.get(`${base}/settings/accounts`)).body).toEqual(DEFAULT_ACCOUNTS);

			await record(
				db,
				{
					id: randomUUID(),
					groupId: g.groupId,
					memberId: g.member.memberId,
					kind: 'order',
					amountCents: -1234,
					occurredAt: '2025-05-01T10:00:00Z'
				},
				g.coordinator.userId
			);
			await record(
				db,
				{
					id: randomUUID(),
					groupId: g.groupId,
					memberId: g.member.memberId,
					kind: 'opening_balance',
					amountCents: 99,
					occurredAt: '2025-05-01T11:00:00Z'
				},
				g.coordinator.userId
			);
			const journal = parseCsv(
				(await gCoord.get(`/api/groups/${g.groupId}/exports/journal.csv`)).text
			);
			expect(journal.slice(1).map((r) => [r[4], r[5], r[11], r[12]])).toEqual([
				['4110', 'Adhérents', '12,34', '0,00'],
				['7060000001', 'Ventes de paniers', '0,00', '12,34'],
				['890', 'Compte d’attente reprise de soldes', '0,99', '0,00'],
				['4110', 'Adhérents', '0,00', '0,99']
			]);

			// A second change replaces the first.
			const back = await gCoord.put(path, DEFAULT_ACCOUNTS);
			expect(back.body).toEqual(DEFAULT_ACCOUNTS);
			expect((await gCoord.get(path)).body).toEqual(DEFAULT_ACCOUNTS);
		});

		it('answers malformed accounts with 400 and changes nothing', async () => {
			for (const body of [
				'{"members":',
				{},
				{ ...DEFAULT_ACCOUNTS, members: '41' },
				{ ...DEFAULT_ACCOUNTS, members: '41100000000' },
				{ ...DEFAULT_ACCOUNTS, cash: '53O' },
				{ ...DEFAULT_ACCOUNTS, bank: 512 },
				{ ...DEFAULT_ACCOUNTS, sales: ' 706' },
				{ ...DEFAULT_ACCOUNTS, sales: '=706' },
				{ ...DEFAULT_ACCOUNTS, extra: '123' },
				{ members: '411', cash: '530' }
			]) {
				const res = await gCoord.put<ErrorBody>(path, body);
				expect(res.status, JSON.stringify(body)).toBe(400);
				expect(res.body.error.code).toMatch(/^(INVALID_JSON|VALIDATION_FAILED)$/);
			}
			expect((await gCoord.get(path)).body).toEqual(DEFAULT_ACCOUNTS);
		});

		it('refuses accounts outside their class of the chart with 422', async () => {
			expectError(
				await gCoord.put(path, { ...DEFAULT_ACCOUNTS, sales: '607' }),
				422,
				'ACCOUNT_CLASS_MISMATCH'
			);
			expectError(
				await gCoord.put(path, { ...DEFAULT_ACCOUNTS, opening: '411' }),
				422,
				'MEMBERS_ACCOUNT_SHARED'
			);
			expect((await gCoord.get(path)).body).toEqual(DEFAULT_ACCOUNTS);
		});
	});

	it('leaves the kept balances exact', async () => {
		expect(await verifyBalances(db, L.g.groupId)).toEqual([]);
	});
});
