import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResult, PushResult } from '../../src/lib/domain/schemas';
import type { Database } from '../../server/db/database';
import { cents } from '../../src/lib/domain';
import {
	markDistributionValidated,
	recordOperation,
	verifyBalances
} from '../../server/db/repositories/ledger';
import { insertOrder } from '../../server/db/repositories/orders';
import {
	addPlainMember,
	createTestDistribution,
	createTestGroup,
	isoDay,
	type TestGroup
} from '../fixtures/factories';
import { makeOp } from '../fixtures/operations';
import { testApp } from '../fixtures/test-app';
import { openTestDatabase, TEST_DB_KIND } from '../fixtures/test-db';

type ErrorBody = { error: { code: string; message: string } };
type Client = Awaited<ReturnType<ReturnType<typeof testApp>['signIn']>>;

describe(`sync push and pull (${TEST_DB_KIND})`, () => {
	let db: Database;
	let g: TestGroup;
	let api: ReturnType<typeof testApp>;
	let coord: Client;
	let helper: Client;
	let member: Client;
	let dist: { id: string };

	const push = (c: Client, operations: unknown[], groupId = g.groupId) =>
		c.post<PushResult>('/api/sync/push', { groupId, deviceId: 'tablet-1', operations });
	const balance = async (memberId: string) => {
		const { rows } = await db.query<{ total_cents: number; pending_cents: number }>(
			'SELECT total_cents, pending_cents FROM member_balances WHERE group_id = $1 AND member_id = $2',
			[g.groupId, memberId]
		);
		return rows[0];
	};
	const opsCount = async (id: string) =>
		(await db.query('SELECT 1 FROM operations WHERE group_id = $1 AND id = $2', [g.groupId, id]))
			.rows.length;

	beforeAll(async () => {
		db = await openTestDatabase();
		g = await createTestGroup(db);
		api = testApp(db);
		coord = await api.signIn(g.coordinator.email, g.coordinator.password);
		helper = await api.signIn(g.helper.email, g.helper.password);
		member = await api.signIn(g.member.email, g.member.password);
		dist = await createTestDistribution(db, g.groupId, { date: isoDay(0) });
	});
	afterAll(async () => {
		await db.close();
	});

	it('accepts an operation once; a replayed push changes nothing', async () => {
		const memberId = await freshMember();
		const op = makeOp({ groupId: g.groupId, memberId }, { amountCents: 2350 });
		const first = await push(coord, [op]);
		expect(first.status).toBe(200);
		expect(first.body.results).toEqual([{ id: op.id, status: 'accepted' }]);
		const replay = await push(coord, [op, op]);
		expect(replay.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
		expect(await opsCount(op.id)).toBe(1);
		expect(await balance(memberId)).toEqual({ total_cents: 2350, pending_cents: 0 });
	});

	it('answers conflict for the same id with other content, keeping the original', async () => {
		const memberId = await freshMember();
		const op = makeOp({ groupId: g.groupId, memberId }, { amountCents: 1000 });
		await push(coord, [op]);
		const res = await push(coord, [{ ...op, amountCents: 9999 }]);
		expect(res.body.results[0]).toMatchObject({ id: op.id, status: 'conflict' });
		expect(res.body.results[0]?.reason).toMatch(/identifiant/);
		expect(await balance(memberId)).toEqual({ total_cents: 1000, pending_cents: 0 });
	});

	it('rejects a bad operation with a reason and still accepts the good ones', async () => {
		const memberId = await freshMember();
		const good1 = makeOp({ groupId: g.groupId, memberId }, { amountCents: 500 });
		const negativePayment = makeOp({ groupId: g.groupId, memberId }, { amountCents: -500 });
		const chequeNoNumber = makeOp({ groupId: g.groupId, memberId }, { method: 'cheque' });
		const unknownMember = makeOp({ groupId: g.groupId, memberId: randomUUID() });
		const otherGroup = makeOp({ groupId: randomUUID(), memberId });
		const garbage = { id: 'not-a-uuid', kind: 'payment' };
		const good2 = makeOp({ groupId: g.groupId, memberId }, { amountCents: 700 });
		const res = await push(coord, [
			good1,
			negativePayment,
			chequeNoNumber,
			unknownMember,
			otherGroup,
			garbage,
			good2
		]);
		expect(res.status).toBe(200);
		const r = res.body.results;
		expect(r.map((x) => x.status)).toEqual([
			'accepted',
			'rejected',
			'rejected',
			'rejected',
			'rejected',
			'rejected',
			'accepted'
		]);
		expect(r[1]?.code).toBe('PAYMENT_MUST_BE_POSITIVE');
		expect(r[2]?.code).toBe('CHEQUE_NUMBER_REQUIRED');
		expect(r[3]?.code).toBe('UNKNOWN_MEMBER');
		expect(r[4]?.code).toBe('GROUP_MISMATCH');
		expect(r[5]?.id).toBe('not-a-uuid');
		for (const x of r.filter((y) => y.status === 'rejected'))
			expect(x.reason?.length).toBeGreaterThan(10);
		expect(await balance(memberId)).toEqual({ total_cents: 1200, pending_cents: 0 });
	});

	it('stores an operation once when two devices push it at the same moment', async () => {
		const memberId = await freshMember();
		const ops = Array.from({ length: 5 }, (_, i) =>
			makeOp(
				{ groupId: g.groupId, memberId },
				{ amountCents: 100 * (i + 1), distributionId: dist.id }
			)
		);
		const [a, b, c] = await Promise.all([push(coord, ops), push(helper, ops), push(coord, ops)]);
		for (const i of ops.keys()) {
			const statuses = [a, b, c].map((res) => res.body.results[i]?.status).sort();
			expect(statuses).toEqual(['accepted', 'duplicate', 'duplicate']);
		}
		expect(await balance(memberId)).toEqual({ total_cents: 1500, pending_cents: 1500 });
	});

	it('keeps distribution payments pending until validation, then confirms them', async () => {
		const memberId = await freshMember();
		const d = await createTestDistribution(db, g.groupId, { date: isoDay(-1) });
		const pay = makeOp(
			{ groupId: g.groupId, memberId },
			{
				amountCents: 1670,
				distributionId: d.id,
				method: 'cheque',
				reference: { chequeNumber: '123', bank: 'CA' }
			}
		);
		expect((await push(helper, [pay])).body.results[0]?.status).toBe('accepted');
		expect(await balance(memberId)).toEqual({ total_cents: 1670, pending_cents: 1670 });
		await db.transaction((tx) =>
			markDistributionValidated(tx, g.groupId, d.id, g.coordinator.userId)
		);
		expect(await balance(memberId)).toEqual({ total_cents: 1670, pending_cents: 0 });
		// Validating again moves nothing.
		await db.transaction((tx) =>
			markDistributionValidated(tx, g.groupId, d.id, g.coordinator.userId)
		);
		expect(await balance(memberId)).toEqual({ total_cents: 1670, pending_cents: 0 });
	});

	it('accepts a payment arriving after validation, confirmed and flagged for review', async () => {
		const memberId = await freshMember();
		const d = await createTestDistribution(db, g.groupId, { date: isoDay(-2) });
		await db.transaction((tx) =>
			markDistributionValidated(tx, g.groupId, d.id, g.coordinator.userId)
		);
		const late = makeOp(
			{ groupId: g.groupId, memberId },
			{ amountCents: 800, distributionId: d.id }
		);
		expect((await push(helper, [late])).body.results[0]?.status).toBe('accepted');
		expect(await balance(memberId)).toEqual({ total_cents: 800, pending_cents: 0 });
		const { rows } = await db.query<{ kind: string; operation_ids: string[] }>(
			'SELECT kind, operation_ids FROM review_items WHERE group_id = $1 AND $2 = ANY(operation_ids)',
			[g.groupId, late.id]
		);
		expect(rows).toEqual([{ kind: 'late_payment', operation_ids: [late.id] }]);
	});

	it('accepts a correction that reverses exactly, once, and refuses the rest', async () => {
		const memberId = await freshMember();
		const pay = makeOp(
			{ groupId: g.groupId, memberId },
			{ amountCents: 1250, distributionId: dist.id }
		);
		await push(coord, [pay]);
		const wrongAmount = makeOp(
			{ groupId: g.groupId, memberId },
			{ kind: 'correction', amountCents: -1000, correctsId: pay.id, method: undefined }
		);
		const exact = makeOp(
			{ groupId: g.groupId, memberId },
			{
				kind: 'correction',
				amountCents: -1250,
				correctsId: pay.id,
				method: undefined,
				reference: { label: 'Saisie en double' }
			}
		);
		const again = { ...exact, id: randomUUID() };
		const correctingCorrection = makeOp(
			{ groupId: g.groupId, memberId },
			{ kind: 'correction', amountCents: 1250, correctsId: exact.id, method: undefined }
		);
		const res = await push(coord, [wrongAmount, exact, again, correctingCorrection]);
		expect(res.body.results.map((r) => [r.status, r.code])).toEqual([
			['rejected', 'CORRECTION_AMOUNT_MISMATCH'],
			['accepted', undefined],
			['rejected', 'ALREADY_CORRECTED'],
			['rejected', 'CORRECTION_OF_CORRECTION']
		]);
		// The payment and its correction were both pending: the balance is back to zero, exactly.
		expect(await balance(memberId)).toEqual({ total_cents: 0, pending_cents: 0 });
	});

	it('folds a device basket adjustment into the order total, once, never below zero', async () => {
		const memberId = await freshMember();
		const orderId = randomUUID();
		await db.transaction(async (tx) => {
			await insertOrder(tx, {
				groupId: g.groupId,
				id: orderId,
				distributionId: dist.id,
				memberId,
				paymentMethod: 'on_the_spot',
				lines: [{ productName: 'Panier', quantity: 1, unitPriceCents: cents(1670) }],
				totalCents: 1670,
				createdBy: null
			});
			await recordOperation(
				tx,
				makeOp(
					{ groupId: g.groupId, memberId },
					{ kind: 'order', amountCents: -1670, method: undefined, orderId, distributionId: dist.id }
				),
				{ recordedBy: null }
			);
		});
		const total = async () =>
			(
				await db.query<{ t: number }>(
					'SELECT total_cents AS t FROM orders WHERE group_id = $1 AND id = $2',
					[g.groupId, orderId]
				)
			).rows[0]?.t;
		const adj = makeOp(
			{ groupId: g.groupId, memberId },
			{
				kind: 'order_adjustment',
				amountCents: 420,
				method: undefined,
				orderId,
				distributionId: dist.id
			}
		);
		expect((await push(coord, [adj])).body.results[0]?.status).toBe('accepted');
		expect(await total()).toBe(1250);
		expect((await push(coord, [adj])).body.results[0]?.status).toBe('duplicate');
		expect(await total()).toBe(1250);
		expect(await balance(memberId)).toEqual({ total_cents: -1250, pending_cents: 0 });
		const tooMuch = makeOp(
			{ groupId: g.groupId, memberId },
			{
				kind: 'order_adjustment',
				amountCents: 5000,
				method: undefined,
				orderId,
				distributionId: dist.id
			}
		);
		const noOrder = makeOp(
			{ groupId: g.groupId, memberId },
			{ kind: 'order_adjustment', amountCents: 100, method: undefined }
		);
		const res = await push(coord, [tooMuch, noOrder]);
		expect(res.body.results.map((r) => r.code)).toEqual([
			'ADJUSTMENT_BELOW_ZERO',
			'ORDER_REQUIRED'
		]);
		expect(await total()).toBe(1250);
		expect(await opsCount(tooMuch.id)).toBe(0);
		expect(await balance(memberId)).toEqual({ total_cents: -1250, pending_cents: 0 });

		// Editing the order online afterwards starts from the adjusted total: ledger and order agree.
		const put = await coord.put<{ totalCents: number }>(
			`/api/groups/${g.groupId}/orders/${orderId}`,
			{ lines: [{ productName: 'Panier', quantity: 2, unitPriceCents: 1670 }] }
		);
		expect(put.status).toBe(200);
		expect(put.body.totalCents).toBe(3340);
		expect(await total()).toBe(3340);
		expect(await balance(memberId)).toEqual({ total_cents: -3340, pending_cents: 0 });
	});

	it('refuses a device adjustment once the order’s distribution is validated', async () => {
		const memberId = await freshMember();
		const closed = await createTestDistribution(db, g.groupId, { date: isoDay(-5) });
		const orderId = randomUUID();
		await db.transaction(async (tx) => {
			await insertOrder(tx, {
				groupId: g.groupId,
				id: orderId,
				distributionId: closed.id,
				memberId,
				paymentMethod: 'on_the_spot',
				lines: [{ productName: 'Panier', quantity: 1, unitPriceCents: cents(1250) }],
				totalCents: 1250,
				createdBy: null
			});
			await markDistributionValidated(tx, g.groupId, closed.id, g.coordinator.userId);
		});
		const adj = makeOp(
			{ groupId: g.groupId, memberId },
			{ kind: 'order_adjustment', amountCents: 420, method: undefined, orderId }
		);
		const res = await push(coord, [adj]);
		expect(res.body.results[0]).toMatchObject({
			status: 'rejected',
			code: 'DISTRIBUTION_VALIDATED'
		});
	});

	it('a helper records payments of open distributions and reverses payments only', async () => {
		const memberId = await freshMember();
		const open = await createTestDistribution(db, g.groupId, { date: isoDay(0) });
		const closed = await createTestDistribution(db, g.groupId, { date: isoDay(-3) });
		const ok = makeOp(
			{ groupId: g.groupId, memberId },
			{ distributionId: open.id, amountCents: 900 }
		);
		expect((await push(helper, [ok])).body.results[0]?.status).toBe('accepted');
		await db.transaction((tx) =>
			markDistributionValidated(tx, g.groupId, closed.id, g.coordinator.userId)
		);
		const opening = makeOp(
			{ groupId: g.groupId, memberId },
			{ kind: 'opening_balance', amountCents: -2000, method: undefined }
		);
		expect((await push(coord, [opening])).body.results[0]?.status).toBe('accepted');
		const cases = [
			// Erasing a debt is the coordinator's business.
			makeOp(
				{ groupId: g.groupId, memberId },
				{ kind: 'correction', amountCents: 2000, correctsId: opening.id, method: undefined }
			),
			// A payment not tied to a distribution would be confirmed at once.
			makeOp({ groupId: g.groupId, memberId }, { amountCents: 500 }),
			// Recorded after the validation (device clock later than the validation).
			makeOp(
				{ groupId: g.groupId, memberId },
				{ distributionId: closed.id, occurredAt: '2999-01-01T10:00:00.000Z' }
			),
			makeOp({ groupId: g.groupId, memberId }, { distributionId: open.id, method: 'online_card' })
		];
		const res = await push(helper, cases);
		expect(res.body.results.map((r) => [r.status, r.code])).toEqual([
			['rejected', 'FORBIDDEN_KIND'],
			['rejected', 'DISTRIBUTION_REQUIRED'],
			['rejected', 'DISTRIBUTION_VALIDATED'],
			['rejected', 'FORBIDDEN_METHOD']
		]);
		// A replay of what the helper recorded before stays a duplicate whatever happened since.
		await db.transaction((tx) =>
			markDistributionValidated(tx, g.groupId, open.id, g.coordinator.userId)
		);
		expect((await push(helper, [ok])).body.results[0]?.status).toBe('duplicate');
		expect(await balance(memberId)).toEqual({ total_cents: -1100, pending_cents: 0 });
	});

	it('refuses out-of-range data per operation, never with a 500', async () => {
		const memberId = await freshMember();
		const good = makeOp({ groupId: g.groupId, memberId }, { amountCents: 100 });
		const res = await push(coord, [
			makeOp({ groupId: g.groupId, memberId }, { occurredAt: '0000-01-01T00:00:00Z' }),
			makeOp(
				{ groupId: g.groupId, memberId },
				{ reference: { label: 'a\u0000b' }, method: 'transfer' }
			),
			makeOp({ groupId: g.groupId, memberId }, { amountCents: Number.MAX_SAFE_INTEGER }),
			good
		]);
		expect(res.status).toBe(200);
		expect(res.body.results.map((r) => r.status)).toEqual([
			'rejected',
			'rejected',
			'rejected',
			'accepted'
		]);
		expect(res.body.results[2]?.reason).toMatch(/10 000 000,00/);
		const cursor = await coord.get<ErrorBody>(
			`/api/sync/pull?groupId=${g.groupId}&cursor=99999999999999999999`
		);
		expect(cursor.status).toBe(400);
		expect(await balance(memberId)).toEqual({ total_cents: 100, pending_cents: 0 });
	});

	it('checks the role: members record nothing, helpers only payments and corrections', async () => {
		const memberId = g.member.memberId;
		const byMember = await push(member, [makeOp({ groupId: g.groupId, memberId })]);
		expect(byMember.body.results[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN_KIND' });
		const refund = makeOp({ groupId: g.groupId, memberId }, { kind: 'refund', amountCents: -300 });
		const byHelper = await push(helper, [refund]);
		expect(byHelper.body.results[0]).toMatchObject({ status: 'rejected', code: 'FORBIDDEN_KIND' });
		expect((await push(coord, [refund])).body.results[0]?.status).toBe('accepted');
		const order = makeOp(
			{ groupId: g.groupId, memberId },
			{ kind: 'order', amountCents: -300, method: undefined }
		);
		expect((await push(coord, [order])).body.results[0]?.code).toBe('FORBIDDEN_KIND');
	});

	it('refuses signed-out callers, outsiders and bad bodies with the error shape', async () => {
		const op = makeOp({ groupId: g.groupId, memberId: g.member.memberId });
		const anon = await api.anonymous.post<ErrorBody>('/api/sync/push', {
			groupId: g.groupId,
			deviceId: 'x',
			operations: [op]
		});
		expect(anon.status).toBe(401);
		const other = await createTestGroup(db);
		const outsider = await api.signIn(other.coordinator.email, other.coordinator.password);
		const res = await push(outsider, [op]);
		expect(res.status).toBe(403);
		expect(await opsCount(op.id)).toBe(0);
		const pulled = await outsider.get<ErrorBody>(`/api/sync/pull?groupId=${g.groupId}`);
		expect(pulled.status).toBe(403);
		for (const body of [
			'{',
			{},
			{ groupId: 'nope', deviceId: 'd', operations: [] },
			{ groupId: g.groupId, deviceId: 'd', operations: 'x' },
			{ groupId: g.groupId, deviceId: 'd', operations: Array.from({ length: 501 }, () => ({})) }
		]) {
			const r = await coord.post<ErrorBody>('/api/sync/push', body);
			expect(r.status).toBe(400);
			expect(r.body.error.message).toBeTruthy();
		}
		expect((await coord.get<ErrorBody>('/api/sync/pull?groupId=zzz')).status).toBe(400);
		expect(
			(await coord.get<ErrorBody>(`/api/sync/pull?groupId=${g.groupId}&cursor=abc`)).status
		).toBe(400);
	});

	it('pulls everything first, then only what changed, and only what the caller may see', async () => {
		const full = await coord.get<PullResult>(`/api/sync/pull?groupId=${g.groupId}`);
		expect(full.status).toBe(200);
		expect(full.body.cursor).toMatch(/^\d+$/);
		expect(full.body.members.map((m) => m.id)).toContain(g.member2.memberId);
		expect(full.body.distributions.map((d) => d.id)).toContain(dist.id);

		const op = makeOp({ groupId: g.groupId, memberId: g.member.memberId }, { amountCents: 4321 });
		const op2 = makeOp({ groupId: g.groupId, memberId: g.member2.memberId }, { amountCents: 1234 });
		await push(coord, [op, op2]);
		const next = await coord.get<PullResult>(
			`/api/sync/pull?groupId=${g.groupId}&cursor=${full.body.cursor}`
		);
		expect(next.body.operations.map((o) => o.id).sort()).toEqual([op.id, op2.id].sort());
		expect(next.body.members).toEqual([]);
		const again = await coord.get<PullResult>(
			`/api/sync/pull?groupId=${g.groupId}&cursor=${next.body.cursor}`
		);
		expect(again.body.operations).toEqual([]);

		const mine = await member.get<PullResult>(`/api/sync/pull?groupId=${g.groupId}`);
		expect(mine.status).toBe(200);
		expect(mine.body.operations.length).toBeGreaterThan(0);
		expect(mine.body.operations.every((o) => o.memberId === g.member.memberId)).toBe(true);
		expect(mine.body.members.map((m) => m.id)).toEqual([g.member.memberId]);
		expect(mine.body.distributions.map((d) => d.id)).toContain(dist.id);
	});

	it('a helper pulls the accounts of open baskets and always their own, not the others', async () => {
		const own = makeOp({ groupId: g.groupId, memberId: g.helper.memberId }, { amountCents: 321 });
		const stranger = await freshMember();
		const other = makeOp({ groupId: g.groupId, memberId: stranger }, { amountCents: 654 });
		await push(coord, [own, other]);
		const pulled = await helper.get<PullResult>(`/api/sync/pull?groupId=${g.groupId}`);
		const ids = pulled.body.operations.map((o) => o.id);
		expect(ids).toContain(own.id);
		expect(ids).not.toContain(other.id);
	});

	it('a member entering a helper’s scope comes with their whole history', async () => {
		const memberId = await freshMember();
		const opening = makeOp(
			{ groupId: g.groupId, memberId },
			{ kind: 'opening_balance', amountCents: -4000, method: undefined }
		);
		await push(coord, [opening]);
		const before = await helper.get<PullResult>(`/api/sync/pull?groupId=${g.groupId}`);
		expect(before.body.operations.map((o) => o.id)).not.toContain(opening.id);
		// A basket for today: the member now stands at the helper's distribution.
		const order = await coord.post(`/api/groups/${g.groupId}/orders`, {
			distributionId: dist.id,
			memberId,
			paymentMethod: 'on_the_spot',
			lines: [{ productName: 'Panier', quantity: 1, unitPriceCents: 1250 }]
		});
		expect(order.status).toBe(201);
		const after = await helper.get<PullResult>(
			`/api/sync/pull?groupId=${g.groupId}&cursor=${before.body.cursor}`
		);
		const ids = after.body.operations.filter((o) => o.memberId === memberId).map((o) => o);
		expect(ids.map((o) => o.kind).sort()).toEqual(['opening_balance', 'order']);
		expect(ids.reduce((sum, o) => sum + o.amountCents, 0)).toBe(-5250);
	});

	it.runIf(TEST_DB_KIND === 'pg')(
		'never skips a row whose transaction commits after a later one (cursor horizon)',
		async () => {
			const start = await coord.get<PullResult>(`/api/sync/pull?groupId=${g.groupId}`);
			const slow = makeOp(
				{ groupId: g.groupId, memberId: g.member.memberId },
				{ amountCents: 111 }
			);
			const fast = makeOp(
				{ groupId: g.groupId, memberId: g.member.memberId },
				{ amountCents: 222 }
			);
			let release!: () => void;
			const gate = new Promise<void>((r) => (release = r));
			let inserted!: () => void;
			const insertedP = new Promise<void>((r) => (inserted = r));
			// The slow transaction takes its transaction id first and commits last.
			const slowTx = db.transaction(async (tx) => {
				await tx.query(
					`INSERT INTO operations (group_id, id, member_id, kind, amount_cents, method, occurred_at, device_id)
					 VALUES ($1, $2, $3, 'payment', 111, 'cash', now(), 'slow')`,
					[g.groupId, slow.id, g.member.memberId]
				);
				inserted();
				await gate;
			});
			await insertedP;
			expect((await push(coord, [fast])).body.results[0]?.status).toBe('accepted');
			const during = await coord.get<PullResult>(
				`/api/sync/pull?groupId=${g.groupId}&cursor=${start.body.cursor}`
			);
			// The fast one committed, but it lies above the horizon of the still-open slow one.
			expect(during.body.operations.map((o) => o.id)).not.toContain(slow.id);
			release();
			await slowTx;
			const after = await coord.get<PullResult>(
				`/api/sync/pull?groupId=${g.groupId}&cursor=${during.body.cursor}`
			);
			const seen = [...during.body.operations, ...after.body.operations].map((o) => o.id);
			expect(seen).toContain(slow.id);
			expect(seen).toContain(fast.id);
			// The slow insert bypassed the balance upkeep on purpose: repair the test's own row.
			await db.query(
				'UPDATE member_balances SET total_cents = total_cents + 111 WHERE group_id = $1 AND member_id = $2',
				[g.groupId, g.member.memberId]
			);
		}
	);

	it('the database itself refuses UPDATE and DELETE on operations', async () => {
		const memberId = await freshMember();
		const op = makeOp({ groupId: g.groupId, memberId });
		await push(coord, [op]);
		await expect(
			db.query('UPDATE operations SET amount_cents = 1 WHERE group_id = $1 AND id = $2', [
				g.groupId,
				op.id
			])
		).rejects.toThrow(/append-only/);
		await expect(
			db.query('DELETE FROM operations WHERE group_id = $1 AND id = $2', [g.groupId, op.id])
		).rejects.toThrow(/append-only/);
		expect(await opsCount(op.id)).toBe(1);
	});

	it('kept balances match a recomputation from the operations; a tampered one is reported', async () => {
		expect(await verifyBalances(db, g.groupId)).toEqual([]);
		const memberId = await freshMember();
		await push(coord, [makeOp({ groupId: g.groupId, memberId }, { amountCents: 990 })]);
		await db.query(
			'UPDATE member_balances SET total_cents = total_cents + 1 WHERE group_id = $1 AND member_id = $2',
			[g.groupId, memberId]
		);
		expect(await verifyBalances(db, g.groupId)).toEqual([
			{
				groupId: g.groupId,
				memberId,
				kept: { totalCents: 991, pendingCents: 0 },
				recomputed: { totalCents: 990, pendingCents: 0 }
			}
		]);
		await db.query(
			'UPDATE member_balances SET total_cents = total_cents - 1 WHERE group_id = $1 AND member_id = $2',
			[g.groupId, memberId]
		);
	});

	function freshMember(): Promise<string> {
		return addPlainMember(db, g.groupId, `Adhérent ${randomUUID().slice(0, 4)}`);
	}
});
