import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { TYPE_PARSERS, type Database, type Queryable } from './database';

/**
 * The embedded default: real PostgreSQL compiled to WASM, data in a folder (or in memory when
 * dataDir is undefined, for tests). PGlite has one connection; it queues concurrent queries and
 * runs a transaction alone, so transactions are serialized, which is what the ledger needs.
 */
export async function createPgliteDatabase(dataDir?: string): Promise<Database> {
	if (dataDir) mkdirSync(dataDir, { recursive: true });
	const db = await PGlite.create(dataDir ?? 'memory://', { parsers: TYPE_PARSERS });
	return {
		kind: 'pglite',
		async query<T>(sql: string, params: unknown[] = []) {
			const r = await db.query<T>(sql, params);
			return { rows: r.rows };
		},
		async exec(sql: string) {
			await db.exec(sql);
		},
		async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
			return db.transaction(async (t) => {
				const tx: Queryable = {
					async query<R>(sql: string, params: unknown[] = []) {
						const r = await t.query<R>(sql, params);
						return { rows: r.rows };
					},
					async exec(sql: string) {
						await t.exec(sql);
					}
				};
				return fn(tx);
			});
		},
		async close() {
			await db.close();
		}
	};
}
