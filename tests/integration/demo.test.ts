import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderingBlock } from '../../src/lib/domain';
import type { PullResult } from '../../src/lib/domain/schemas';
import type { Database } from '../../server/db/database';
import { verifyBalances } from '../../server/db/repositories/ledger';
import { DEMO_GROUP_ID, DEMO_LOGINS, demoExists, seedDemo } from '../../server/db/seed-demo';
import { testApp } from '../fixtures/test-app';
import { openTestDatabase, TEST_DB_KIND } from '../fixtures/test-db';

describe(`demo group (${TEST_DB_KIND})`, () => {
	let db: Database;
	const today = '2026-12-03';
	beforeAll(async () => {
		db = await openTestDatabase();
		// The PostgreSQL test database is shared by runs: seed only where it is missing.
		if (!(await demoExists(db))) await seedDemo(db, today);
	});
	afterAll(async () => {
		await db.close();
	});

	it('the three demo logins work with their roles', async () => {
		const api = testApp(db);
		for (const l of DEMO_LOGINS) {
			const s = await api.signIn(l.email, l.password);
			const me = await s.get<{ groups: { groupId: string; role: string }[] }>('/api/me');
			expect(me.body.groups).toContainEqual(
				expect.objectContaining({ groupId: DEMO_GROUP_ID, role: l.role })
			);
		}
	});

	it('is realistic: ~30 members, past distributions some validated, today with baskets, debtors and creditors', async () => {
		const api = testApp(db);
		const coord = await api.signIn(DEMO_LOGINS[0].email, DEMO_LOGINS[0].password);
		const pull = await coord.get<PullResult>(`/api/sync/pull?groupId=${DEMO_GROUP_ID}`);
		expect(pull.body.members.length).toBeGreaterThanOrEqual(25);
		const dists = pull.body.distributions;
		const demoToday = dists.map((d) => d.date).sort()[8]!; // 8 past, then today, then next week
		const past = dists.filter((d) => d.date < demoToday);
		expect(past.length).toBe(8);
		expect(past.filter((d) => d.validated).length).toBeGreaterThan(0);
		expect(past.filter((d) => !d.validated).length).toBeGreaterThan(0);
		expect(orderingBlock(dists, demoToday).blocked).toBe(false);
		const todayDist = dists.find((d) => d.date === demoToday)!;
		expect(
			pull.body.orders.filter((o) => o.distributionId === todayDist.id).length
		).toBeGreaterThan(15);
		expect(
			todayDist.products.every((p) => Number.isInteger(p.unitPriceCents) && p.unitPriceCents > 0)
		).toBe(true);

		const { rows } = await db.query<{ total: number }>(
			'SELECT total_cents - pending_cents AS total FROM member_balances WHERE group_id = $1',
			[DEMO_GROUP_ID]
		);
		expect(rows.some((r) => r.total < 0)).toBe(true);
		expect(rows.some((r) => r.total > 0)).toBe(true);
		expect(await verifyBalances(db, DEMO_GROUP_ID)).toEqual([]);
	});
});
