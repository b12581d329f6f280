import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { isMigrated, loadMigrations, migrate } from '../../server/db/migrate';
import { openTestDatabase, TEST_DB_KIND } from '../fixtures/test-db';
import { testApp } from '../fixtures/test-app';

describe(`health and migrations (${TEST_DB_KIND})`, () => {
	let db: Database;
	beforeAll(async () => {
		db = await openTestDatabase();
	});
	afterAll(async () => {
		await db.close();
	});

	it('answers ok once the database is migrated', async () => {
		const res = await testApp(db).request('/api/health');
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ ok: true });
	});

	it('migrating again applies nothing', async () => {
		expect(await migrate(db)).toEqual([]);
		expect(await isMigrated(db)).toBe(true);
	});

	it('reports 503 when a known migration is missing', async () => {
		const extra = [...loadMigrations(), { name: '9999_not_applied.sql', sql: 'SELECT 1' }];
		expect(await isMigrated(db, extra)).toBe(false);
	});

	it('answers unknown API paths with the JSON error shape', async () => {
		const res = await testApp(db).request('/api/nope');
		expect(res.status).toBe(404);
		const body = (await res.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('NOT_FOUND');
		expect(body.error.message).toMatch(/nope/);
	});

	it('keeps bigint cents exact beyond 2^31', async () => {
		const { rows } = await db.query<{ v: number }>(
			'SELECT $1::bigint AS v',
			[9_007_199_254_740_991]
		);
		expect(rows[0]?.v).toBe(9_007_199_254_740_991);
	});
});
