import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cents, ErrorBodySchema, type LedgerOperation } from '../../src/lib/domain';
import {
	ChequeSlipSchema,
	CloseoutSchema,
	type ChequeSlip,
	type Closeout
} from '../../src/lib/domain/closeout';
import type { Database } from '../../server/db/database';
import { recordOperation } from '../../server/db/repositories/ledger';
import {
	addPlainMember,
	createTestDistribution,
	createTestGroup,
	isoDay,
	type TestGroup
} from '../fixtures/factories';
import { testApp } from '../fixtures/test-app';
import { openTestDatabase, TEST_DB_KIND } from '../fixtures/test-db';

type ErrorBody = { error: { code: string; message: string } };
type Api = ReturnType<typeof testApp>;
type Client = Awaited<ReturnType<Api['signIn']>>;

const NOW = new Date('2031-03-12T11:00:00.000Z');

describe(`distribution close-out and cheque slip (${TEST_DB_KIND})`, () => {
	let db: Database;
	let api: Api;
	let g: TestGroup;
	let other: TestGroup;
	let coord: Client;
	let helper: Client;
	let member: Client;
	let outsider: Client;

	const closeoutPath = (distributionId: string, groupId = g.groupId) =>
		`/api/groups/${groupId}/distributions/${distributionId}/closeout`;
	const slipPath = (distributionId: string, groupId = g.groupId) =>
		`/api/groups/${groupId}/distributions/${distributionId}/cheque-slip`;

	async function record(op: LedgerOperation) {
		const outcome = await db.transaction((tx) =>
			recordOperation(tx, op, { recordedBy: g.coordinator.userId })
		);
		expect(outcome.status).toBe('accepted');
		return op;
	}

	function payment(
		memberId: string,
		distributionId: string,
		amount: number,
		extra: Partial<LedgerOperation> = {}
	): LedgerOperation {
		return {
			id: randomUUID(),
			groupId: g.groupId,
			memberId,
			kind: 'payment',
			amountCents: cents(amount),
			method: 'cash',
			distributionId,
			occurredAt: NOW.toISOString(),
			deviceId: 'tablet-1',
			...extra
		};
	}

	const cheque = (
		memberId: string,
		distributionId: string,
		amount: number,
		chequeNumber: string,
		bank: string,
		drawer?: string
	) =>
		payment(memberId, distributionId, amount, {
			method: 'cheque',
			reference: { chequeNumber, bank, ...(drawer === undefined ? {} : { drawer }) }
		});

	function correctionOf(target: LedgerOperation, label = 'Erreur de saisie'): LedgerOperation {
		return {
			id: randomUUID(),
			groupId: target.groupId,
			memberId: target.memberId,
			kind: 'correction',
			amountCents: cents(-target.amountCents),
			correctsId: target.id,
			reference: { label },
			occurredAt: NOW.toISOString(),
			deviceId: 'tablet-2'
		};
	}

	function expectError(res: { status: number; body: unknown }, status: number, code?: string) {
		expect(res.status).toBe(status);
		expect(ErrorBodySchema.safeParse(res.body).success).toBe(true);
		if (code) expect((res.body as ErrorBody).error.code).toBe(code);
		expect((res.body as ErrorBody).error.message.length).toBeGreaterThan(5);
	}

	beforeAll(async () => {
		db = await openTestDatabase();
		api = testApp(db, { now: () => NOW });
		g = await createTestGroup(db, { name: 'AMAP <Tilleuls> & "Co"' });
		other = await createTestGroup(db);
		coord = await api.signIn(g.coordinator.email, g.coordinator.password);
		helper = await api.signIn(g.helper.email, g.helper.password);
		member = await api.signIn(g.member.email, g.member.password);
		outsider = await api.signIn(other.coordinator.email, other.coordinator.password);
	});
	afterAll(async () => {
		await db.close();
	});

	const COUNT = {
		cashFloatCents: 5000,
		cashCountedCents: 8580,
		chequeCount: 2,
		chequeTotalCents: 3355,
		cardTerminalBatchCents: 1900
	};

	describe('GET and PUT …/closeout', () => {
		it('refuses the signed out (401), members (403), another group’s coordinator (403)', async () => {
			const d = await createTestDistribution(db, g.groupId, { date: '2031-03-12' });
			expectError(await api.anonymous.get(closeoutPath(d.id)), 401, 'UNAUTHENTICATED');
			expectError(await api.anonymous.put(closeoutPath(d.id), COUNT), 401, 'UNAUTHENTICATED');
			expectError(await member.get(closeoutPath(d.id)), 403, 'FORBIDDEN_ROLE');
			expectError(await member.put(closeoutPath(d.id), COUNT), 403, 'FORBIDDEN_ROLE');
			expectError(await helper.put(closeoutPath(d.id), COUNT), 403, 'FORBIDDEN_ROLE');
			expectError(await outsider.get(closeoutPath(d.id)), 403, 'NOT_IN_GROUP');
			expectError(await outsider.put(closeoutPath(d.id), COUNT), 403, 'NOT_IN_GROUP');
			// Through their own group, the other group's distribution does not exist.
			expectError(
				await outsider.get(closeoutPath(d.id, other.groupId)),
				404,
				'DISTRIBUTION_NOT_FOUND'
			);
			expectError(
				await outsider.put(closeoutPath(d.id, other.groupId), COUNT),
				404,
				'DISTRIBUTION_NOT_FOUND'
			);
			const { rows } = await db.query(
				'SELECT 1 FROM closeout_counts WHERE group_id = $1 AND distribution_id = $2',
				[g.groupId, d.id]
			);
			expect(rows).toEqual([]);
		});

		it('answers 404 for an unknown distribution and 400 for a malformed id', async () => {
			expectError(await coord.get(closeoutPath(randomUUID())), 404, 'DISTRIBUTION_NOT_FOUND');
			expectError(
				await coord.put(closeoutPath(randomUUID()), COUNT),
				404,
				'DISTRIBUTION_NOT_FOUND'
			);
			expectError(await coord.get(closeoutPath('not-a-uuid')), 400, 'VALIDATION_FAILED');
		});

		it('computes the expected figures to the cent, net of corrections, and the differences', async () => {
			const d = await createTestDistribution(db, g.groupId, { date: '2031-03-12' });
			const elsewhere = await createTestDistribution(db, g.groupId, { date: '2031-03-05' });
			const m1 = g.member.memberId;
			const m2 = g.member2.memberId;
			const cash1 = await record(payment(m1, d.id, 1250));
			await record(payment(m2, d.id, 2335));
			const cashReversed = await record(payment(m2, d.id, 999));
			await record(correctionOf(cashReversed));
			await record(cheque(m1, d.id, 2350, '1234567', 'Crédit Agricole'));
			await record(cheque(m2, d.id, 1005, '88', 'LCL'));
			const chequeReversed = await record(cheque(m2, d.id, 4000, '89', 'LCL'));
			await record(correctionOf(chequeReversed));
			await record(
				payment(m1, d.id, 1870, { method: 'card_terminal', reference: { receiptNumber: 'T-1' } })
			);
			await record(payment(m1, d.id, 5000, { method: 'transfer' }));
			await record(payment(m1, elsewhere.id, 7777));

			const before = await helper.get<Closeout>(closeoutPath(d.id));
			expect(before.status).toBe(200);
			expect(CloseoutSchema.safeParse(before.body).success).toBe(true);
			expect(before.body).toEqual({
				distributionId: d.id,
				expected: {
					cashCents: 3585,
					chequeCount: 2,
					chequeTotalCents: 3355,
					cardTerminalCents: 1870,
					transferCents: 5000
				},
				counted: null,
				differences: null
			});

			const put = await coord.put<Closeout>(closeoutPath(d.id), COUNT);
			expect(put.status).toBe(200);
			expect(CloseoutSchema.safeParse(put.body).success).toBe(true);
			expect(put.body.counted).toMatchObject({
				...COUNT,
				recordedBy: { userId: g.coordinator.userId, name: g.coordinator.name }
			});
			expect(put.body.counted?.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
			// cash: 8580 − 5000 − 3585 = −5; terminal: 1900 − 1870 = +30.
			expect(put.body.differences).toEqual({
				cashCents: -5,
				chequeCount: 0,
				chequeTotalCents: 0,
				cardTerminalCents: 30
			});
			expect((await coord.get<Closeout>(closeoutPath(d.id))).body).toEqual(put.body);

			// A recount: the latest wins, both stay in the history.
			const recount = await coord.put<Closeout>(closeoutPath(d.id), {
				...COUNT,
				cashCountedCents: 8585,
				cardTerminalBatchCents: 1870
			});
			expect(recount.status).toBe(200);
			expect(recount.body.differences).toEqual({
				cashCents: 0,
				chequeCount: 0,
				chequeTotalCents: 0,
				cardTerminalCents: 0
			});
			const seen = await helper.get<Closeout>(closeoutPath(d.id));
			expect(seen.body.counted?.cashCountedCents).toBe(8585);
			expect(seen.body.counted?.recordedBy.name).toBe(g.coordinator.name);
			const { rows } = await db.query<{
				cash_counted_cents: number;
				expected_cash_cents: number;
				recorded_by: string;
			}>(
				`SELECT cash_counted_cents, expected_cash_cents, recorded_by FROM closeout_counts
				  WHERE group_id = $1 AND distribution_id = $2 ORDER BY recorded_at`,
				[g.groupId, d.id]
			);
			expect(rows).toEqual([
				{ cash_counted_cents: 8580, expected_cash_cents: 3585, recorded_by: g.coordinator.userId },
				{ cash_counted_cents: 8585, expected_cash_cents: 3585, recorded_by: g.coordinator.userId }
			]);

			// A correction arriving after the count changes what is expected, and the difference.
			await record(correctionOf(cash1));
			const after = await coord.get<Closeout>(closeoutPath(d.id));
			expect(after.body.expected.cashCents).toBe(2335);
			expect(after.body.differences?.cashCents).toBe(1250);
		});

		it('keeps the history append-only in the database', async () => {
			const d = await createTestDistribution(db, g.groupId, { date: '2031-03-12' });
			expect((await coord.put(closeoutPath(d.id), COUNT)).status).toBe(200);
			await expect(
				db.query('UPDATE closeout_counts SET cash_counted_cents = 0 WHERE group_id = $1', [
					g.groupId
				])
			).rejects.toThrow(/append-only/);
			await expect(
				db.query('DELETE FROM closeout_counts WHERE group_id = $1', [g.groupId])
			).rejects.toThrow(/append-only/);
		});

		it('answers a zero close-out for a distribution without payments', async () => {
			const d = await createTestDistribution(db, g.groupId, { date: '2031-03-19' });
			const res = await coord.put<Closeout>(closeoutPath(d.id), {
				cashFloatCents: 0,
				cashCountedCents: 0,
				chequeCount: 0,
				chequeTotalCents: 0,
				cardTerminalBatchCents: 0
			});
			expect(res.status).toBe(200);
			expect(res.body.differences).toEqual({
				cashCents: 0,
				chequeCount: 0,
				chequeTotalCents: 0,
				cardTerminalCents: 0
			});
		});

		it('refuses bad counts with 400 and a message naming the field', async () => {
			const d = await createTestDistribution(db, g.groupId, { date: '2031-03-12' });
			const { chequeCount: _c, ...missing } = COUNT;
			const bad: [unknown, RegExp][] = [
				[{ ...COUNT, cashFloatCents: -1 }, /cashFloatCents/],
				[{ ...COUNT, cashCountedCents: 12.5 }, /cashCountedCents/],
				[{ ...COUNT, chequeTotalCents: '33,55' }, /chequeTotalCents/],
				[{ ...COUNT, cardTerminalBatchCents: 1e12 }, /cardTerminalBatchCents/],
				[{ ...COUNT, chequeCount: -2 }, /chequeCount/],
				[missing, /chequeCount/],
				[{ ...COUNT, note: 'x' }, /note/],
				[[COUNT], /./]
			];
			for (const [body, field] of bad) {
				const res = await coord.put<ErrorBody>(closeoutPath(d.id), body);
				expectError(res, 400, 'VALIDATION_FAILED');
				expect(res.body.error.message).toMatch(field);
			}
			expectError(await coord.put(closeoutPath(d.id), '{"cashFloatCents": 1'), 400, 'INVALID_JSON');
			const { rows } = await db.query(
				'SELECT 1 FROM closeout_counts WHERE group_id = $1 AND distribution_id = $2',
				[g.groupId, d.id]
			);
			expect(rows).toEqual([]);
		});
	});

	describe('GET …/cheque-slip', () => {
		let d: { id: string };
		let kept: LedgerOperation[];

		beforeAll(async () => {
			d = await createTestDistribution(db, g.groupId, {
				date: '2031-03-12',
				place: 'Préau <de l’école>'
			});
			const plain = await addPlainMember(db, g.groupId, 'Béa <b>Gras</b>');
			kept = [
				await record(cheque(g.member.memberId, d.id, 2350, '1234567', 'Crédit Agricole')),
				await record(
					cheque(g.member2.memberId, d.id, 123456, '0042', 'LCL', '<script>alert(1)</script>')
				),
				await record(cheque(plain, d.id, 1005, '77', 'Banque & Co'))
			];
			const reversed = await record(cheque(g.member.memberId, d.id, 9900, '999', 'Reversée'));
			await record(correctionOf(reversed));
			await record(payment(g.member.memberId, d.id, 700));
		});

		it('refuses the signed out, members and other groups; 404 for an unknown distribution', async () => {
			expectError(await api.anonymous.get(slipPath(d.id)), 401, 'UNAUTHENTICATED');
			expectError(await member.get(slipPath(d.id)), 403, 'FORBIDDEN_ROLE');
			expectError(await outsider.get(slipPath(d.id)), 403, 'NOT_IN_GROUP');
			expectError(await outsider.get(slipPath(d.id, other.groupId)), 404, 'DISTRIBUTION_NOT_FOUND');
			expectError(await coord.get(slipPath(randomUUID())), 404, 'DISTRIBUTION_NOT_FOUND');
			expectError(await coord.get(`${slipPath(d.id)}?format=pdf`), 400, 'VALIDATION_FAILED');
		});

		it('serves a printable HTML slip with a strict CSP, everything escaped', async () => {
			for (const c of [coord, helper]) {
				const res = await c.get(slipPath(d.id));
				expect(res.status).toBe(200);
				expect(res.headers.get('content-type')?.toLowerCase()).toBe('text/html; charset=utf-8');
				const csp = res.headers.get('content-security-policy') ?? '';
				expect(csp).toContain("default-src 'none'");
				expect(csp).toContain("style-src 'unsafe-inline'");
				expect(csp).not.toMatch(/script-src/);
				expect(res.headers.get('x-content-type-options')).toBe('nosniff');
				expect(res.headers.get('cache-control')).toBe('no-store');

				const html = res.text;
				expect(html).toMatch(/^<!doctype html>/);
				expect(html).toContain('Bordereau de remise de chèques');
				expect(html).toContain('@media print');
				// Group, date and place, escaped.
				expect(html).toContain('AMAP &lt;Tilleuls&gt; &amp; &quot;Co&quot;');
				expect(html).toContain('mercredi 12 mars 2031');
				expect(html).toContain('Préau &lt;de l’école&gt;');
				// Each cheque: number, bank, drawer (or the member's name), amount in French.
				expect(html).toContain('<td>1234567</td><td>Crédit Agricole</td><td>Marie Membre</td>');
				expect(html).toContain('23,50\u00a0€');
				expect(html).toContain(
					'<td>0042</td><td>LCL</td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td>'
				);
				expect(html).toContain('1\u202f234,56\u00a0€');
				expect(html).toContain('<td>Banque &amp; Co</td><td>Béa &lt;b&gt;Gras&lt;/b&gt;</td>');
				// The reversed cheque and the cash payment are not on the slip.
				expect(html).not.toContain('Reversée');
				expect(html).not.toContain('99,00');
				expect(html).not.toContain('7,00');
				// Count and total: 2350 + 123456 + 1005 = 126811.
				expect(html).toMatch(/Nombre de chèques<\/th><td class="amount">3<\/td>/);
				expect(html).toContain('1\u202f268,11\u00a0€');
				expect(html).toContain('Signature du déposant');
				expect(html).toContain('Date de remise');
				// Nothing active, nothing loaded.
				expect(html).not.toMatch(/<script|<img|<iframe|<link|src=|url\(|<b>/i);
			}
		});

		it('answers JSON with format=json', async () => {
			const res = await helper.get<ChequeSlip>(`${slipPath(d.id)}?format=json`);
			expect(res.status).toBe(200);
			expect(ChequeSlipSchema.safeParse(res.body).success).toBe(true);
			const [member2Cheque, memberCheque, plainCheque] = [kept[1], kept[0], kept[2]];
			expect(res.body).toEqual({
				cheques: [
					{
						operationId: member2Cheque?.id,
						number: '0042',
						bank: 'LCL',
						drawer: '<script>alert(1)</script>',
						amountCents: 123456
					},
					{
						operationId: plainCheque?.id,
						number: '77',
						bank: 'Banque & Co',
						drawer: 'Béa <b>Gras</b>',
						amountCents: 1005
					},
					{
						operationId: memberCheque?.id,
						number: '1234567',
						bank: 'Crédit Agricole',
						drawer: 'Marie Membre',
						amountCents: 2350
					}
				],
				count: 3,
				totalCents: 126811
			});
		});

		it('says there is no cheque on an empty distribution', async () => {
			const empty = await createTestDistribution(db, g.groupId, { date: isoDay(3, NOW) });
			const html = await coord.get(slipPath(empty.id));
			expect(html.status).toBe(200);
			expect(html.text).toContain('Aucun chèque');
			expect(html.text).toContain('0,00\u00a0€');
			const json = await coord.get<ChequeSlip>(`${slipPath(empty.id)}?format=json`);
			expect(json.body).toEqual({ cheques: [], count: 0, totalCents: 0 });
		});
	});
});
