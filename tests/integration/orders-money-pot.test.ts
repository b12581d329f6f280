import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cents, type GroupSettings, type Order } from '../../src/lib/domain';
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

type ErrorBody = { error: { code: string; message: string } };
type Api = ReturnType<typeof testApp>;
type Client = Awaited<ReturnType<Api['signIn']>>;

const NOW = new Date('2031-03-12T11:00:00.000Z');
const day = (n: number) => isoDay(n, NOW);
const POT_ONLY: GroupSettings = { paymentMethods: ['money_pot'], allowNegativeMoneyPot: false };

describe(`orders and the money pot (${TEST_DB_KIND})`, () => {
	let db: Database;
	let api: Api;

	beforeAll(async () => {
		db = await openTestDatabase();
		api = testApp(db, { now: () => NOW });
	});
	afterAll(async () => {
		await db.close();
	});

	/** A money-pot group, its member credited with `credit` cents, a distribution at 15,00 €. */
	async function potGroup(settings: GroupSettings, credit: number) {
		const g: TestGroup = await createTestGroup(db, { settings });
		const d = await createTestDistribution(db, g.groupId, {
			date: day(7),
			products: [
				{ name: 'Panier', unitPriceCents: 1500 },
				{ name: 'Œufs', unitPriceCents: 500 }
			]
		});
		const outcome = await db.transaction((tx) =>
			recordOperation(
				tx,
				{
					id: randomUUID(),
					groupId: g.groupId,
					memberId: g.member.memberId,
					kind: 'opening_balance',
					amountCents: cents(credit),
					occurredAt: NOW.toISOString(),
					deviceId: 'test'
				},
				{ recordedBy: g.coordinator.userId }
			)
		);
		expect(outcome.status).toBe('accepted');
		const member: Client = await api.signIn(g.member.email, g.member.password);
		const coord: Client = await api.signIn(g.coordinator.email, g.coordinator.password);
		const order = (client: Client, quantity = 1, productIndex = 0) =>
			client.post<Order | ErrorBody>(`/api/groups/${g.groupId}/orders`, {
				distributionId: d.id,
				memberId: g.member.memberId,
				lines: [{ productId: d.products[productIndex]!.id, quantity }],
				paymentMethod: 'money_pot'
			});
		const balance = async () => (await keptBalances(db, g.groupId)).get(g.member.memberId);
		return { g, d, member, coord, order, balance };
	}

	it('accepts exactly one of two 15,00 € orders sent at once on a 20,00 € pot', async () => {
		for (let round = 0; round < 3; round++) {
			const { g, member, order, balance } = await potGroup(POT_ONLY, 2000);
			const results = await Promise.all([order(member), order(member)]);
			expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
			const refused = results.find((r) => r.status === 409)!.body as ErrorBody;
			expect(refused.error.code).toBe('MONEY_POT_INSUFFICIENT');
			expect(refused.error.message).toMatch(/Créditez/);
			expect((await balance())?.totalCents).toBe(500);
			expect(await verifyBalances(db, g.groupId)).toEqual([]);
		}
	});

	it('never overdraws under many concurrent orders from member and coordinator', async () => {
		const { g, member, coord, order, balance } = await potGroup(POT_ONLY, 2000);
		// Eight orders of 5,00 € against 20,00 €: four fit.
		const results = await Promise.all(
			Array.from({ length: 8 }, (_, i) => order(i % 2 ? coord : member, 1, 1))
		);
		expect(results.filter((r) => r.status === 201)).toHaveLength(4);
		expect(results.filter((r) => r.status === 409)).toHaveLength(4);
		expect((await balance())?.totalCents).toBe(0);
		expect(await verifyBalances(db, g.groupId)).toEqual([]);
	});

	it('lets the pot go negative when the group allows it', async () => {
		const { member, order, balance } = await potGroup(
			{ paymentMethods: ['money_pot'], allowNegativeMoneyPot: true },
			2000
		);
		const results = await Promise.all([order(member), order(member)]);
		expect(results.map((r) => r.status)).toEqual([201, 201]);
		expect((await balance())?.totalCents).toBe(-1000);
	});

	it('refuses on_the_spot in a money-pot group (422)', async () => {
		const { g, d, member } = await potGroup(POT_ONLY, 2000);
		const res = await member.post<ErrorBody>(`/api/groups/${g.groupId}/orders`, {
			distributionId: d.id,
			memberId: g.member.memberId,
			lines: [{ productId: d.products[0]!.id, quantity: 1 }],
			paymentMethod: 'on_the_spot'
		});
		expect(res.status).toBe(422);
		expect(res.body.error.code).toBe('ON_THE_SPOT_UNAVAILABLE');
	});

	it('applies the floor to increases of an order, not to decreases', async () => {
		const { g, d, member, order, balance } = await potGroup(POT_ONLY, 2000);
		const placed = await order(member);
		expect(placed.status).toBe(201);
		const id = (placed.body as Order).id;
		const path = `/api/groups/${g.groupId}/orders/${id}`;
		// 15,00 € ordered, 5,00 € left: 3 baskets (+30,00 €) do not fit, +5,00 € of eggs does.
		const tooMuch = await member.put<ErrorBody>(path, {
			lines: [{ productId: d.products[0]!.id, quantity: 3 }]
		});
		expect(tooMuch.status).toBe(409);
		expect(tooMuch.body.error.code).toBe('MONEY_POT_INSUFFICIENT');
		const fits = await member.put<Order>(path, {
			lines: [
				{ productId: d.products[0]!.id, quantity: 1 },
				{ productId: d.products[1]!.id, quantity: 1 }
			]
		});
		expect(fits.status).toBe(200);
		expect((await balance())?.totalCents).toBe(0);
		const less = await member.put<Order>(path, {
			lines: [{ productId: d.products[1]!.id, quantity: 1 }]
		});
		expect(less.status).toBe(200);
		expect((await balance())?.totalCents).toBe(1500);
		expect(await verifyBalances(db, g.groupId)).toEqual([]);
	});
});
