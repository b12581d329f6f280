import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, OrderSchema, type Order } from '../../src/lib/domain';
import type { Database } from '../../server/db/database';
import { keptBalances, verifyBalances } from '../../server/db/repositories/ledger';
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
type Dist = Awaited<ReturnType<typeof createTestDistribution>>;

const NOW = new Date('2031-03-12T11:00:00.000Z');
const day = (n: number) => isoDay(n, NOW);

describe(`orders (${TEST_DB_KIND})`, () => {
	let db: Database;
	let api: Api;
	let g: TestGroup;
	let other: TestGroup;
	let coord: Client;
	let helper: Client;
	let member: Client;
	let outsider: Client;
	let next: Dist; // next week
	let today: Dist;
	let past: Dist;
	let panier: string;
	let oeufs: string;
	const ordersPath = () => `/api/groups/${g.groupId}/orders`;

	/** The ledger operations written for one order, oldest first. */
	async function operationsOf(orderId: string) {
		const { rows } = await db.query<{
			kind: string;
			amount_cents: number;
			distribution_id: string;
			device_id: string;
			recorded_by: string;
		}>(
			`SELECT kind, amount_cents, distribution_id, device_id, recorded_by FROM operations
			  WHERE group_id = $1 AND order_id = $2 ORDER BY received_at, kind`,
			[g.groupId, orderId]
		);
		return rows;
	}
	const totalOf = async (memberId: string) =>
		(await keptBalances(db, g.groupId)).get(memberId)?.totalCents ?? 0;

	function orderBody(overrides: Record<string, unknown> = {}) {
		return {
			distributionId: next.id,
			memberId: g.member.memberId,
			lines: [
				{ productId: panier, quantity: 1 },
				{ productId: oeufs, quantity: 2 }
			],
			paymentMethod: 'cheque',
			...overrides
		};
	}

	beforeAll(async () => {
		db = await openTestDatabase();
		api = testApp(db, { now: () => NOW });
		g = await createTestGroup(db);
		other = await createTestGroup(db);
		coord = await api.signIn(g.coordinator.email, g.coordinator.password);
		helper = await api.signIn(g.helper.email, g.helper.password);
		member = await api.signIn(g.member.email, g.member.password);
		outsider = await api.signIn(other.coordinator.email, other.coordinator.password);
		const products = [
			{ name: 'Panier de légumes', unitPriceCents: 1250 },
			{ name: 'Œufs (douzaine)', unitPriceCents: 420 }
		];
		next = await createTestDistribution(db, g.groupId, { date: day(7), products });
		today = await createTestDistribution(db, g.groupId, { date: day(0), products });
		past = await createTestDistribution(db, g.groupId, { date: day(-7), products });
		panier = next.products[0]!.id;
		oeufs = next.products[1]!.id;
	});
	afterAll(async () => {
		await db.close();
	});

	describe('POST /api/groups/:groupId/orders', () => {
		it('lets a member order for themself at the server’s prices, and debits the account', async () => {
			const before = await totalOf(g.member.memberId);
			const res = await member.post<Order>(ordersPath(), orderBody());
			expect(res.status).toBe(201);
			expect(OrderSchema.safeParse(res.body).success).toBe(true);
			expect(res.body).toEqual({
				id: expect.any(String) as string,
				distributionId: next.id,
				memberId: g.member.memberId,
				paymentMethod: 'cheque',
				lines: [
					{
						productId: panier,
						productName: 'Panier de légumes',
						quantity: 1,
						unitPriceCents: 1250
					},
					{ productId: oeufs, productName: 'Œufs (douzaine)', quantity: 2, unitPriceCents: 420 }
				],
				totalCents: 2090
			});
			expect(await operationsOf(res.body.id)).toEqual([
				{
					kind: 'order',
					amount_cents: -2090,
					distribution_id: next.id,
					device_id: 'server',
					recorded_by: g.member.userId
				}
			]);
			expect(await totalOf(g.member.memberId)).toBe(before - 2090);
			expect(await verifyBalances(db, g.groupId)).toEqual([]);
		});

		it('lets a coordinator order for any member, with free lines for on-site fixes', async () => {
			const plain = await addPlainMember(db, g.groupId, 'Paul Sans Compte');
			const res = await coord.post<Order>(
				ordersPath(),
				orderBody({
					memberId: plain,
					distributionId: today.id,
					lines: [
						{ productId: today.products[0]!.id, quantity: 2 },
						{ productName: 'Miel', quantity: 1, unitPriceCents: 850 }
					],
					paymentMethod: 'on_the_spot'
				})
			);
			expect(res.status).toBe(201);
			expect(res.body.lines[1]).toEqual({ productName: 'Miel', quantity: 1, unitPriceCents: 850 });
			expect(res.body.totalCents).toBe(2500 + 850);
			expect((await operationsOf(res.body.id))[0]?.recorded_by).toBe(g.coordinator.userId);
		});

		it('refuses a client price on a product line (400): prices come from the server', async () => {
			for (const line of [
				{ productId: panier, quantity: 1, unitPriceCents: 1 },
				{ productId: panier, productName: 'Panier', quantity: 1, unitPriceCents: 1 }
			]) {
				const res = await coord.post<ErrorBody>(ordersPath(), orderBody({ lines: [line] }));
				expect(res.status).toBe(400);
				expect(res.body.error.code).toBe('VALIDATION_FAILED');
			}
		});

		it('refuses a product of another distribution or unknown (422)', async () => {
			for (const productId of [past.products[0]!.id, randomUUID()]) {
				const res = await member.post<ErrorBody>(
					ordersPath(),
					orderBody({ lines: [{ productId, quantity: 1 }] })
				);
				expect(res.status).toBe(422);
				expect(res.body.error.code).toBe('UNKNOWN_PRODUCT');
			}
		});

		it('refuses free lines from a member (403) with the reason', async () => {
			const res = await member.post<ErrorBody>(
				ordersPath(),
				orderBody({ lines: [{ productName: 'Caviar', quantity: 1, unitPriceCents: 0 }] })
			);
			expect(res.status).toBe(403);
			expect(res.body.error.code).toBe('FREE_LINE_FORBIDDEN');
			expect(res.body.error.message).toMatch(/coordinateur/);
		});

		it('checks the payment choice against the settings (422)', async () => {
			const disabled = await member.post<ErrorBody>(
				ordersPath(),
				orderBody({ paymentMethod: 'money_pot' })
			);
			expect(disabled.status).toBe(422);
			expect(disabled.body.error.code).toBe('PAYMENT_METHOD_DISABLED');
			const unknown = await member.post<ErrorBody>(
				ordersPath(),
				orderBody({ paymentMethod: 'bitcoin' })
			);
			expect(unknown.status).toBe(400);
			const spot = await member.post(ordersPath(), orderBody({ paymentMethod: 'on_the_spot' }));
			expect(spot.status).toBe(201);
		});

		it('refuses members a past distribution (409); coordinators may catch up', async () => {
			const lines = [{ productId: past.products[0]!.id, quantity: 1 }];
			const res = await member.post<ErrorBody>(
				ordersPath(),
				orderBody({ distributionId: past.id, lines })
			);
			expect(res.status).toBe(409);
			expect(res.body.error.code).toBe('DISTRIBUTION_PAST');
			const coordRes = await coord.post(
				ordersPath(),
				orderBody({ distributionId: past.id, lines })
			);
			expect(coordRes.status).toBe(201);
			// Today is not past.
			const todayRes = await member.post(
				ordersPath(),
				orderBody({
					distributionId: today.id,
					lines: [{ productId: today.products[1]!.id, quantity: 1 }]
				})
			);
			expect(todayRes.status).toBe(201);
		});

		it('checks who orders for whom', async () => {
			expect((await api.anonymous.post(ordersPath(), orderBody())).status).toBe(401);
			const forOther = await member.post<ErrorBody>(
				ordersPath(),
				orderBody({ memberId: g.member2.memberId })
			);
			expect(forOther.status).toBe(403);
			expect(forOther.body.error.code).toBe('NOT_YOUR_ACCOUNT');
			const asHelper = await helper.post<ErrorBody>(
				ordersPath(),
				orderBody({ memberId: g.helper.memberId })
			);
			expect(asHelper.status).toBe(403);
			const asOutsider = await outsider.post<ErrorBody>(ordersPath(), orderBody());
			expect(asOutsider.status).toBe(403);
			expect(asOutsider.body.error.code).toBe('NOT_IN_GROUP');
			// Another group's member or distribution is not found here.
			const foreignMember = await coord.post<ErrorBody>(
				ordersPath(),
				orderBody({ memberId: other.member.memberId })
			);
			expect(foreignMember.status).toBe(404);
			expect(foreignMember.body.error.code).toBe('MEMBER_NOT_FOUND');
			const foreignDist = await createTestDistribution(db, other.groupId, { date: day(7) });
			const res = await coord.post<ErrorBody>(
				ordersPath(),
				orderBody({
					distributionId: foreignDist.id,
					lines: [{ productId: foreignDist.products[0]!.id, quantity: 1 }]
				})
			);
			expect(res.status).toBe(404);
			expect(res.body.error.code).toBe('DISTRIBUTION_NOT_FOUND');
		});

		it('answers bad input with 400 and the error shape, never a 500', async () => {
			const bodies: unknown[] = [
				'{"distributionId":',
				[],
				{},
				orderBody({ lines: [] }),
				orderBody({ lines: [{ productId: panier, quantity: 0 }] }),
				orderBody({ lines: [{ productId: panier, quantity: 1.5 }] }),
				orderBody({ lines: [{ productId: panier, quantity: 1001 }] }),
				orderBody({ lines: [{ productName: 'X', quantity: 1, unitPriceCents: -5 }] }),
				orderBody({ distributionId: 'nope' }),
				orderBody({ memberId: g.member.memberId.toUpperCase() }),
				orderBody({ id: 'not-a-uuid' }),
				orderBody({ extra: true })
			];
			for (const body of bodies) {
				const res = await coord.post<ErrorBody>(ordersPath(), body);
				expect(res.status).toBe(400);
				expect(ErrorBodySchema.safeParse(res.body).success).toBe(true);
			}
			const badPath = await coord.post<ErrorBody>('/api/groups/xyz/orders', orderBody());
			expect(badPath.status).toBe(400);
		});

		it('makes a retry with the same id idempotent; other content under that id is a conflict', async () => {
			const id = randomUUID();
			const before = await totalOf(g.member.memberId);
			const first = await member.post<Order>(ordersPath(), orderBody({ id }));
			expect(first.status).toBe(201);
			expect(first.body.id).toBe(id);
			const retry = await member.post<Order>(ordersPath(), orderBody({ id }));
			expect(retry.status).toBe(200);
			expect(retry.body).toEqual(first.body);
			// Two retries at once still store one order and one debit.
			const both = await Promise.all([
				member.post<Order>(ordersPath(), orderBody({ id })),
				member.post<Order>(ordersPath(), orderBody({ id }))
			]);
			expect(both.map((r) => r.status)).toEqual([200, 200]);
			expect(await operationsOf(id)).toHaveLength(1);
			expect(await totalOf(g.member.memberId)).toBe(before - 2090);
			const changed = await member.post<ErrorBody>(
				ordersPath(),
				orderBody({ id, lines: [{ productId: panier, quantity: 5 }] })
			);
			expect(changed.status).toBe(409);
			expect(changed.body.error.code).toBe('ORDER_ID_CONFLICT');
		});

		it('stores a concurrent first attempt once when two requests carry a new id', async () => {
			const id = randomUUID();
			const res = await Promise.all([
				member.post<Order>(ordersPath(), orderBody({ id })),
				member.post<Order>(ordersPath(), orderBody({ id }))
			]);
			expect(res.map((r) => r.status).sort()).toEqual([200, 201]);
			expect(await operationsOf(id)).toHaveLength(1);
		});

		it('stores a basket of free products without a ledger operation', async () => {
			const freeDist = await createTestDistribution(db, g.groupId, {
				date: day(7),
				products: [{ name: 'Graines offertes', unitPriceCents: 0 }]
			});
			const res = await member.post<Order>(
				ordersPath(),
				orderBody({
					distributionId: freeDist.id,
					lines: [{ productId: freeDist.products[0]!.id, quantity: 3 }]
				})
			);
			expect(res.status).toBe(201);
			expect(res.body.totalCents).toBe(0);
			expect(await operationsOf(res.body.id)).toEqual([]);
		});
	});

	describe('PUT /api/groups/:groupId/orders/:orderId', () => {
		async function newOrder(client: Client, overrides: Record<string, unknown> = {}) {
			const res = await client.post<Order>(ordersPath(), orderBody(overrides));
			expect(res.status).toBe(201);
			return res.body;
		}

		it('writes an order_adjustment of the exact delta and returns the new order', async () => {
			const o = await newOrder(coord, {
				distributionId: today.id,
				lines: [
					{ productId: today.products[0]!.id, quantity: 1 },
					{ productId: today.products[1]!.id, quantity: 2 }
				]
			});
			const before = await totalOf(g.member.memberId);
			// At the distribution: eggs missing, a second basket and a jar of honey instead.
			const res = await coord.put<Order>(`${ordersPath()}/${o.id}`, {
				lines: [
					{ productId: today.products[0]!.id, quantity: 2 },
					{ productName: 'Miel', quantity: 1, unitPriceCents: 799 }
				]
			});
			expect(res.status).toBe(200);
			expect(OrderSchema.safeParse(res.body).success).toBe(true);
			expect(res.body.totalCents).toBe(2500 + 799);
			expect(res.body.lines).toHaveLength(2);
			const ops = await operationsOf(o.id);
			expect(ops.map((x) => [x.kind, x.amount_cents])).toEqual([
				['order', -2090],
				['order_adjustment', 2090 - 3299]
			]);
			expect(await totalOf(g.member.memberId)).toBe(before - 1209);

			// The same lines again: no adjustment of 0.
			const same = await coord.put<Order>(`${ordersPath()}/${o.id}`, {
				lines: [
					{ productId: today.products[0]!.id, quantity: 2 },
					{ productName: 'Miel', quantity: 1, unitPriceCents: 799 }
				]
			});
			expect(same.status).toBe(200);
			expect(await operationsOf(o.id)).toHaveLength(2);

			// No lines cancels the amount: the adjustment gives it all back.
			const cancelled = await coord.put<Order>(`${ordersPath()}/${o.id}`, { lines: [] });
			expect(cancelled.body).toMatchObject({ totalCents: 0, lines: [] });
			expect((await operationsOf(o.id)).map((x) => x.amount_cents)).toEqual([-2090, -1209, 3299]);
			expect(await totalOf(g.member.memberId)).toBe(before + 2090);
			expect(await verifyBalances(db, g.groupId)).toEqual([]);
		});

		it('lets a member change their own order before the distribution day only', async () => {
			const o = await newOrder(member);
			const res = await member.put<Order>(`${ordersPath()}/${o.id}`, {
				lines: [{ productId: panier, quantity: 3 }]
			});
			expect(res.status).toBe(200);
			expect(res.body.totalCents).toBe(3750);
			expect((await operationsOf(o.id)).map((x) => x.amount_cents)).toEqual([-2090, 2090 - 3750]);

			const free = await member.put<ErrorBody>(`${ordersPath()}/${o.id}`, {
				lines: [{ productName: 'Truffe', quantity: 1, unitPriceCents: 1 }]
			});
			expect(free.status).toBe(403);

			const onTheDay = await coord.post<Order>(
				ordersPath(),
				orderBody({
					distributionId: today.id,
					lines: [{ productId: today.products[0]!.id, quantity: 1 }]
				})
			);
			const locked = await member.put<ErrorBody>(`${ordersPath()}/${onTheDay.body.id}`, {
				lines: [{ productId: today.products[0]!.id, quantity: 2 }]
			});
			expect(locked.status).toBe(409);
			expect(locked.body.error.code).toBe('ORDER_LOCKED');
		});

		it('hides other members’ orders (404) and checks roles, ids and bodies', async () => {
			const o = await newOrder(coord, { memberId: g.member2.memberId });
			const path = `${ordersPath()}/${o.id}`;
			const body = { lines: [{ productId: panier, quantity: 1 }] };
			const notMine = await member.put<ErrorBody>(path, body);
			expect(notMine.status).toBe(404);
			expect(notMine.body.error.code).toBe('ORDER_NOT_FOUND');
			expect((await helper.put(path, body)).status).toBe(403);
			expect((await outsider.put(path, body)).status).toBe(403);
			expect((await api.anonymous.put(path, body)).status).toBe(401);
			expect((await coord.put(`${ordersPath()}/${randomUUID()}`, body)).status).toBe(404);
			expect((await coord.put(`${ordersPath()}/nope`, body)).status).toBe(400);
			for (const bad of [{}, { lines: [{ productId: panier, quantity: -1 }] }, '{', { lines: 3 }]) {
				const res = await coord.put<ErrorBody>(path, bad);
				expect(res.status).toBe(400);
				expect(ErrorBodySchema.safeParse(res.body).success).toBe(true);
			}
			const unknownProduct = await coord.put<ErrorBody>(path, {
				lines: [{ productId: past.products[0]!.id, quantity: 1 }]
			});
			expect(unknownProduct.status).toBe(422);
			// An order of another group is not found through this group.
			const foreignDist = await createTestDistribution(db, other.groupId, { date: day(7) });
			const foreign = await outsider.post<Order>(`/api/groups/${other.groupId}/orders`, {
				distributionId: foreignDist.id,
				memberId: other.member.memberId,
				lines: [{ productId: foreignDist.products[0]!.id, quantity: 1 }],
				paymentMethod: 'cheque'
			});
			expect(foreign.status).toBe(201);
			const crossGroup = await coord.put<ErrorBody>(`${ordersPath()}/${foreign.body.id}`, {
				lines: [{ productId: foreignDist.products[0]!.id, quantity: 2 }]
			});
			expect(crossGroup.status).toBe(404);
		});
	});
});
