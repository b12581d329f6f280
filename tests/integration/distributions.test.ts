import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
	DistributionOrdersSchema,
	DistributionSchema,
	ErrorBodySchema,
	ValidateConflictSchema,
	cents,
	type Distribution,
	type DistributionOrders,
	type LedgerOperation,
	type Order,
	type ValidateConflict
} from '../../src/lib/domain';
import type { Database } from '../../server/db/database';
import { keptBalances, recordOperation, verifyBalances } from '../../server/db/repositories/ledger';
import {
	createTestDistribution,
	createTestGroup,
	isoDay,
	type TestGroup
} from '../fixtures/factories';
import { testApp } from '../fixtures/test-app';
import { openTestDatabase, TEST_DB_KIND } from '../fixtures/test-db';

type ErrorBody = { error: { code: string; message: string; details?: unknown } };
type Api = ReturnType<typeof testApp>;
type Client = Awaited<ReturnType<Api['signIn']>>;
type OrderingState = {
	blocked: boolean;
	toValidate: { id: string; date: string; place: string }[];
};

// Noon in Paris: the server's local day is unambiguous.
const NOW = new Date('2031-03-12T11:00:00.000Z');
const TODAY = '2031-03-12';
const day = (n: number) => isoDay(n, NOW);

describe(`distributions (${TEST_DB_KIND})`, () => {
	let db: Database;
	let api: Api;
	let g: TestGroup;
	let other: TestGroup;
	let coord: Client;
	let helper: Client;
	let member: Client;
	let member2: Client;
	let outsider: Client;

	async function signInGroup(group: TestGroup) {
		return {
			coord: await api.signIn(group.coordinator.email, group.coordinator.password),
			helper: await api.signIn(group.helper.email, group.helper.password),
			member: await api.signIn(group.member.email, group.member.password),
			member2: await api.signIn(group.member2.email, group.member2.password)
		};
	}

	/** A payment recorded as a device would, pending while the distribution is not validated. */
	async function pay(
		group: TestGroup,
		memberId: string,
		distributionId: string,
		amount: number,
		extra: Partial<LedgerOperation> = {}
	) {
		const op: LedgerOperation = {
			id: randomUUID(),
			groupId: group.groupId,
			memberId,
			kind: 'payment',
			amountCents: cents(amount),
			method: 'cash',
			distributionId,
			occurredAt: NOW.toISOString(),
			deviceId: 'tablet-test',
			...extra
		};
		const outcome = await db.transaction((tx) =>
			recordOperation(tx, op, { recordedBy: group.coordinator.userId })
		);
		expect(outcome.status).toBe('accepted');
		return op;
	}

	async function balanceOf(group: TestGroup, memberId: string) {
		const b = (await keptBalances(db, group.groupId)).get(memberId);
		return { total: b?.totalCents ?? 0, pending: b?.pendingCents ?? 0 };
	}

	beforeAll(async () => {
		db = await openTestDatabase();
		api = testApp(db, { now: () => NOW });
		g = await createTestGroup(db);
		other = await createTestGroup(db);
		({ coord, helper, member, member2 } = await signInGroup(g));
		outsider = await api.signIn(other.coordinator.email, other.coordinator.password);
	});
	afterAll(async () => {
		await db.close();
	});

	describe('GET /api/groups/:groupId/distributions', () => {
		it('lists the distributions with their products to every member of the group', async () => {
			const d = await createTestDistribution(db, g.groupId, { date: day(7), place: 'Halle' });
			for (const c of [coord, helper, member]) {
				const res = await c.get<Distribution[]>(`/api/groups/${g.groupId}/distributions`);
				expect(res.status).toBe(200);
				expect(z.array(DistributionSchema).safeParse(res.body).success).toBe(true);
				const found = res.body.find((x) => x.id === d.id);
				expect(found).toEqual({
					id: d.id,
					date: day(7),
					place: 'Halle',
					products: d.products.map((p) => ({
						id: p.id,
						name: p.name,
						unitPriceCents: p.unitPriceCents
					})),
					validated: false
				});
			}
		});

		it('refuses the signed out (401), another group’s coordinator (403) and bad ids (400)', async () => {
			const anon = await api.anonymous.get<ErrorBody>(`/api/groups/${g.groupId}/distributions`);
			expect(anon.status).toBe(401);
			expect(ErrorBodySchema.safeParse(anon.body).success).toBe(true);
			const out = await outsider.get<ErrorBody>(`/api/groups/${g.groupId}/distributions`);
			expect(out.status).toBe(403);
			expect(out.body.error.code).toBe('NOT_IN_GROUP');
			for (const bad of ['nope', g.groupId.toUpperCase(), `${g.groupId}x`]) {
				const res = await coord.get<ErrorBody>(`/api/groups/${bad}/distributions`);
				expect(res.status).toBe(400);
				expect(res.body.error.code).toBe('VALIDATION_FAILED');
			}
		});
	});

	describe('POST /api/groups/:groupId/distributions', () => {
		it('creates a distribution with products (201), past dates allowed', async () => {
			const res = await coord.post<Distribution>(`/api/groups/${g.groupId}/distributions`, {
				date: '2020-01-15',
				place: '  Ferme du Bois  ',
				products: [
					{ name: 'Panier', unitPriceCents: 1500 },
					{ name: 'Pain', unitPriceCents: 0 }
				]
			});
			expect(res.status).toBe(201);
			expect(DistributionSchema.safeParse(res.body).success).toBe(true);
			expect(res.body).toMatchObject({
				date: '2020-01-15',
				place: 'Ferme du Bois',
				validated: false
			});
			expect(res.body.products.map((p) => [p.name, p.unitPriceCents])).toEqual([
				['Panier', 1500],
				['Pain', 0]
			]);
			const list = await member.get<Distribution[]>(`/api/groups/${g.groupId}/distributions`);
			expect(list.body.find((d) => d.id === res.body.id)).toEqual(res.body);
		});

		it('creates a distribution without products', async () => {
			const res = await coord.post<Distribution>(`/api/groups/${g.groupId}/distributions`, {
				date: day(14),
				place: 'Préau'
			});
			expect(res.status).toBe(201);
			expect(res.body.products).toEqual([]);
		});

		it('is for coordinators of the group only', async () => {
			const body = { date: day(3), place: 'Préau' };
			const path = `/api/groups/${g.groupId}/distributions`;
			expect((await api.anonymous.post(path, body)).status).toBe(401);
			for (const c of [member, helper, outsider]) {
				const res = await c.post<ErrorBody>(path, body);
				expect(res.status).toBe(403);
				expect(res.body.error.message.length).toBeGreaterThan(5);
			}
		});

		it('answers bad bodies with 400 and the error shape', async () => {
			const path = `/api/groups/${g.groupId}/distributions`;
			for (const body of [
				'{oops',
				{},
				{ date: '2031-02-30', place: 'Préau' },
				{ date: day(1), place: '' },
				{ date: day(1), place: 'Préau', products: [{ name: 'X', unitPriceCents: -1 }] },
				{ date: day(1), place: 'Préau', products: [{ name: 'X', unitPriceCents: 1.5 }] },
				{ date: day(1), place: 'Préau', id: randomUUID() },
				[]
			]) {
				const res = await coord.post<ErrorBody>(path, body);
				expect(res.status).toBe(400);
				expect(ErrorBodySchema.safeParse(res.body).success).toBe(true);
			}
		});
	});

	describe('the 4-distribution rule', () => {
		it('closes ordering when the last 4 past distributions are unvalidated, names them, and reopens', async () => {
			const grp = await createTestGroup(db, { name: 'Règle des 4' });
			const c = await signInGroup(grp);
			const today = await createTestDistribution(db, grp.groupId, { date: TODAY });
			// An old validated one does not matter: only the last 4 past count.
			const old = await createTestDistribution(db, grp.groupId, { date: day(-60) });
			expect(
				(await c.coord.post(`/api/groups/${grp.groupId}/distributions/${old.id}/validate`, {}))
					.status
			).toBe(200);
			const past = [];
			for (const n of [-7, -14, -21]) {
				past.push(await createTestDistribution(db, grp.groupId, { date: day(n), place: `J${n}` }));
			}
			const order = (client: Client) =>
				client.post<Order | ErrorBody>(`/api/groups/${grp.groupId}/orders`, {
					distributionId: today.id,
					memberId: grp.member.memberId,
					lines: [{ productId: today.products[0]!.id, quantity: 1 }],
					paymentMethod: 'cheque'
				});

			const open = await c.member.get<OrderingState>(`/api/groups/${grp.groupId}/ordering`);
			expect(open.status).toBe(200);
			expect(open.body).toEqual({ blocked: false, toValidate: [] });
			expect((await order(c.member)).status).toBe(201);

			past.push(await createTestDistribution(db, grp.groupId, { date: day(-28), place: 'J-28' }));
			const closed = await c.coord.get<OrderingState>(`/api/groups/${grp.groupId}/ordering`);
			expect(closed.body.blocked).toBe(true);
			expect(closed.body.toValidate).toEqual(
				past.map((d) => ({ id: d.id, date: d.date, place: expect.any(String) as string }))
			);
			expect(closed.body.toValidate[0]).toEqual({ id: past[0]!.id, date: day(-7), place: 'J-7' });
			for (const client of [c.helper, c.member]) {
				const seen = await client.get<OrderingState>(`/api/groups/${grp.groupId}/ordering`);
				expect(seen.body.blocked).toBe(true);
			}

			const refused = await order(c.member);
			expect(refused.status).toBe(409);
			const err = refused.body as ErrorBody;
			expect(err.error.code).toBe('ORDERING_BLOCKED');
			expect(err.error.message).toContain(day(-28).split('-').reverse().join('/'));
			expect(err.error.details).toEqual({ toValidate: closed.body.toValidate });
			// The coordinator is held by the rule too when ordering for today.
			expect((await order(c.coord)).status).toBe(409);

			const validated = await c.coord.post<Distribution>(
				`/api/groups/${grp.groupId}/distributions/${past[2]!.id}/validate`,
				{}
			);
			expect(validated.status).toBe(200);
			expect(
				(await c.member.get<OrderingState>(`/api/groups/${grp.groupId}/ordering`)).body
			).toEqual({ blocked: false, toValidate: [] });
			expect((await order(c.member)).status).toBe(201);
		});

		it('does not count today’s distribution as past; the route needs a member of the group', async () => {
			const grp = await createTestGroup(db);
			const c = await signInGroup(grp);
			for (const n of [0, -1, -2, -3])
				await createTestDistribution(db, grp.groupId, { date: day(n) });
			const res = await c.member.get<OrderingState>(`/api/groups/${grp.groupId}/ordering`);
			expect(res.body.blocked).toBe(false);
			expect((await api.anonymous.get(`/api/groups/${grp.groupId}/ordering`)).status).toBe(401);
			expect((await outsider.get(`/api/groups/${grp.groupId}/ordering`)).status).toBe(403);
			expect((await c.member.get(`/api/groups/not-a-uuid/ordering`)).status).toBe(400);
		});
	});

	describe('GET …/distributions/:distributionId/orders', () => {
		let d: Awaited<ReturnType<typeof createTestDistribution>>;
		let firstOrder: Order;
		let secondOrder: Order;
		let member2Order: Order;
		const path = () => `/api/groups/${g.groupId}/distributions/${d.id}/orders`;

		beforeAll(async () => {
			d = await createTestDistribution(db, g.groupId, {
				date: day(0),
				products: [
					{ name: 'Panier', unitPriceCents: 1250 },
					{ name: 'Œufs', unitPriceCents: 420 }
				]
			});
			const [panier, oeufs] = d.products;
			const place = async (c: Client, memberId: string, lines: unknown[]) => {
				const res = await c.post<Order>(`/api/groups/${g.groupId}/orders`, {
					distributionId: d.id,
					memberId,
					lines,
					paymentMethod: 'on_the_spot'
				});
				expect(res.status).toBe(201);
				return res.body;
			};
			firstOrder = await place(member, g.member.memberId, [
				{ productId: panier!.id, quantity: 1 },
				{ productId: oeufs!.id, quantity: 2 }
			]);
			secondOrder = await place(coord, g.member.memberId, [
				{ productName: 'Confiture', quantity: 1, unitPriceCents: 500 }
			]);
			member2Order = await place(member2, g.member2.memberId, [
				{ productId: panier!.id, quantity: 2 }
			]);
			await pay(g, g.member.memberId, d.id, 1000, {
				method: 'cheque',
				reference: { chequeNumber: '1234567', bank: 'Banque' }
			});
		});

		it('gives coordinators and helpers every basket, summing a member’s orders', async () => {
			for (const c of [coord, helper]) {
				const res = await c.get<DistributionOrders>(path());
				expect(res.status).toBe(200);
				expect(DistributionOrdersSchema.safeParse(res.body).success).toBe(true);
				expect(res.body.distributionId).toBe(d.id);
				const mine = res.body.baskets.find((b) => b.memberId === g.member.memberId);
				expect(mine).toMatchObject({
					memberName: g.member.name,
					orderIds: [firstOrder.id, secondOrder.id],
					totalCents: 1250 + 840 + 500,
					paidCents: 1000,
					pendingPaidCents: 1000,
					dueCents: 2590 - 1000,
					paymentMethods: ['on_the_spot'],
					balanceCents: -2590,
					projectedCents: -2590 + 1000
				});
				expect(mine?.lines).toEqual([...firstOrder.lines, ...secondOrder.lines]);
				const theirs = res.body.baskets.find((b) => b.memberId === g.member2.memberId);
				expect(theirs).toMatchObject({
					orderIds: [member2Order.id],
					totalCents: 2500,
					paidCents: 0,
					dueCents: 2500
				});
				expect(res.body.baskets.map((b) => b.memberName)).toEqual(
					[...res.body.baskets.map((b) => b.memberName)].sort((a, b) => a.localeCompare(b, 'fr'))
				);
			}
		});

		it('gives a member only their own basket', async () => {
			const res = await member2.get<DistributionOrders>(path());
			expect(res.status).toBe(200);
			expect(res.body.baskets.map((b) => b.memberId)).toEqual([g.member2.memberId]);
			const own = await member.get<DistributionOrders>(path());
			expect(own.body.baskets.map((b) => b.memberId)).toEqual([g.member.memberId]);
			expect(own.body.baskets[0]?.paidCents).toBe(1000);
		});

		it('refuses outsiders, hides other groups’ distributions (404) and bad ids (400)', async () => {
			expect((await api.anonymous.get(path())).status).toBe(401);
			expect((await outsider.get(path())).status).toBe(403);
			const foreign = await createTestDistribution(db, other.groupId, { date: day(0) });
			const res = await coord.get<ErrorBody>(
				`/api/groups/${g.groupId}/distributions/${foreign.id}/orders`
			);
			expect(res.status).toBe(404);
			expect(res.body.error.code).toBe('DISTRIBUTION_NOT_FOUND');
			const bad = await coord.get<ErrorBody>(`/api/groups/${g.groupId}/distributions/12/orders`);
			expect(bad.status).toBe(400);
			expect(bad.body.error.message).toMatch(/distributionId/);
		});

		it('shows a payment made without an order as its own basket', async () => {
			const grp = await createTestGroup(db);
			const c = await signInGroup(grp);
			const dist = await createTestDistribution(db, grp.groupId, { date: day(0) });
			await pay(grp, grp.member.memberId, dist.id, 700);
			const res = await c.coord.get<DistributionOrders>(
				`/api/groups/${grp.groupId}/distributions/${dist.id}/orders`
			);
			expect(res.body.baskets).toEqual([
				expect.objectContaining({
					memberId: grp.member.memberId,
					orderIds: [],
					lines: [],
					totalCents: 0,
					paidCents: 700,
					dueCents: 0
				})
			]);
		});
	});

	describe('POST …/distributions/:distributionId/validate', () => {
		it('answers 409 naming the unsettled baskets, then validates with confirmUnpaid, once', async () => {
			const grp = await createTestGroup(db);
			const c = await signInGroup(grp);
			const d = await createTestDistribution(db, grp.groupId, {
				date: day(0),
				products: [{ name: 'Panier', unitPriceCents: 2000 }]
			});
			const place = async (client: Client, memberId: string) => {
				const res = await client.post<Order>(`/api/groups/${grp.groupId}/orders`, {
					distributionId: d.id,
					memberId,
					lines: [{ productId: d.products[0]!.id, quantity: 1 }],
					paymentMethod: 'on_the_spot'
				});
				expect(res.status).toBe(201);
				return res.body;
			};
			const o1 = await place(c.member, grp.member.memberId);
			const o2 = await place(c.member2, grp.member2.memberId);
			await place(c.coord, grp.helper.memberId);
			// Paid in full (with a pending payment), partly paid, and not paid at all.
			await pay(grp, grp.helper.memberId, d.id, 2000);
			await pay(grp, grp.member.memberId, d.id, 500);
			const path = `/api/groups/${grp.groupId}/distributions/${d.id}/validate`;

			for (const client of [c.member, c.helper, outsider]) {
				expect((await client.post(path, {})).status).toBe(403);
			}
			expect((await api.anonymous.post(path, {})).status).toBe(401);
			for (const body of [{ confirmUnpaid: 'yes' }, { confirm: true }, '[1', []]) {
				const bad = await c.coord.post<ErrorBody>(path, body);
				expect(bad.status).toBe(400);
			}

			const refused = await c.coord.post<ValidateConflict>(path, {});
			expect(refused.status).toBe(409);
			expect(ValidateConflictSchema.safeParse(refused.body).success).toBe(true);
			expect(refused.body.error.message).toMatch(/^2 paniers/);
			expect(refused.body.error.message).toContain(grp.member.name);
			expect(refused.body.error.unpaid).toEqual(
				[
					{
						memberId: grp.member2.memberId,
						memberName: grp.member2.name,
						orderIds: [o2.id],
						totalCents: 2000,
						paidCents: 0,
						dueCents: 2000
					},
					{
						memberId: grp.member.memberId,
						memberName: grp.member.name,
						orderIds: [o1.id],
						totalCents: 2000,
						paidCents: 500,
						dueCents: 1500
					}
				].sort((a, b) => a.memberName.localeCompare(b.memberName, 'fr'))
			);
			const still = await c.coord.get<Distribution[]>(`/api/groups/${grp.groupId}/distributions`);
			expect(still.body.find((x) => x.id === d.id)?.validated).toBe(false);
			expect(await balanceOf(grp, grp.helper.memberId)).toEqual({ total: 0, pending: 2000 });

			const ok = await c.coord.post<Distribution>(path, { confirmUnpaid: true });
			expect(ok.status).toBe(200);
			expect(DistributionSchema.safeParse(ok.body).success).toBe(true);
			expect(ok.body).toMatchObject({ id: d.id, validated: true });
			// Pending payments are now confirmed.
			expect(await balanceOf(grp, grp.helper.memberId)).toEqual({ total: 0, pending: 0 });
			expect(await balanceOf(grp, grp.member.memberId)).toEqual({ total: -1500, pending: 0 });
			const baskets = await c.coord.get<DistributionOrders>(
				`/api/groups/${grp.groupId}/distributions/${d.id}/orders`
			);
			const helperBasket = baskets.body.baskets.find((b) => b.memberId === grp.helper.memberId);
			expect(helperBasket).toMatchObject({ paidCents: 2000, pendingPaidCents: 0, balanceCents: 0 });

			// Idempotent: a second validation (with or without confirmation) changes nothing.
			const before = await keptBalances(db, grp.groupId);
			for (const body of [{}, { confirmUnpaid: true }, undefined]) {
				const again = await c.coord.post<Distribution>(path, body);
				expect(again.status).toBe(200);
				expect(again.body).toEqual(ok.body);
			}
			expect(await keptBalances(db, grp.groupId)).toEqual(before);
			expect(await verifyBalances(db, grp.groupId)).toEqual([]);

			// Validated: orders and edits are refused, the coordinator is sent to corrections.
			const late = await c.coord.post<ErrorBody>(`/api/groups/${grp.groupId}/orders`, {
				distributionId: d.id,
				memberId: grp.member.memberId,
				lines: [{ productId: d.products[0]!.id, quantity: 1 }],
				paymentMethod: 'cheque'
			});
			expect(late.status).toBe(409);
			expect(late.body.error.code).toBe('DISTRIBUTION_VALIDATED');
			const edit = await c.coord.put<ErrorBody>(`/api/groups/${grp.groupId}/orders/${o1.id}`, {
				lines: []
			});
			expect(edit.status).toBe(409);
			expect(edit.body.error.message).toMatch(/correction/);
		});

		it('validates at once when every basket is settled, money-pot orders included', async () => {
			const grp = await createTestGroup(db, {
				settings: { paymentMethods: ['money_pot'], allowNegativeMoneyPot: true }
			});
			const c = await signInGroup(grp);
			const d = await createTestDistribution(db, grp.groupId, { date: day(-1) });
			const res = await c.coord.post(`/api/groups/${grp.groupId}/orders`, {
				distributionId: d.id,
				memberId: grp.member.memberId,
				lines: [{ productId: d.products[0]!.id, quantity: 3 }],
				paymentMethod: 'money_pot'
			});
			expect(res.status).toBe(201);
			const ok = await c.coord.post<Distribution>(
				`/api/groups/${grp.groupId}/distributions/${d.id}/validate`
			);
			expect(ok.status).toBe(200);
			expect(ok.body.validated).toBe(true);
		});

		it('validates an empty body and answers 404 for another group’s distribution', async () => {
			const d = await createTestDistribution(db, g.groupId, { date: day(-100) });
			const res = await api.request(
				`http://localhost/api/groups/${g.groupId}/distributions/${d.id}/validate`,
				{ method: 'POST', headers: { cookie: coord.cookie } }
			);
			expect(res.status).toBe(200);
			const foreign = await createTestDistribution(db, other.groupId, { date: day(0) });
			const notHere = await coord.post<ErrorBody>(
				`/api/groups/${g.groupId}/distributions/${foreign.id}/validate`,
				{}
			);
			expect(notHere.status).toBe(404);
			const unknown = await coord.post<ErrorBody>(
				`/api/groups/${g.groupId}/distributions/${randomUUID()}/validate`,
				{}
			);
			expect(unknown.status).toBe(404);
			expect(unknown.body.error.code).toBe('DISTRIBUTION_NOT_FOUND');
		});
	});
});
