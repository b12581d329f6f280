import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
// Any constant shared by every instance: two servers starting at once wait on each other.
const MIGRATION_LOCK = 727_411_001;

export interface Migration {
	name: string;
	sql: string;
}

/** The append-only SQL files, in name order (a timestamp or number prefix). */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.sql'))
		.sort()
		.map((name) => ({ name, sql: readFileSync(dir + name, 'utf8') }));
}

/**
 * Applies the migrations not yet applied, each in its own transaction, serialized by a
 * transaction-level advisory lock. Returns the names applied now.
 */
export async function migrate(db: Database, migrations = loadMigrations()): Promise<string[]> {
	return db.transaction(async (tx) => {
		await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
		await tx.query(
			`CREATE TABLE IF NOT EXISTS schema_migrations (
				name text PRIMARY KEY,
				applied_at timestamptz NOT NULL DEFAULT now()
			)`
		);
		const done = new Set(
			(await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map(
				(r) => r.name
			)
		);
		const applied: string[] = [];
		for (const m of migrations) {
			if (done.has(m.name)) continue;
			await tx.exec(m.sql);
			await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [m.name]);
			applied.push(m.name);
		}
		return applied;
	});
}

/** True when every known migration is recorded as applied. */
export async function isMigrated(db: Database, migrations = loadMigrations()): Promise<boolean> {
	const rows = (
		await db.query<{ name: string }>(
			`SELECT name FROM schema_migrations WHERE name = ANY($1::text[])`,
			[migrations.map((m) => m.name)]
		)
	).rows;
	return rows.length === migrations.length;
}
