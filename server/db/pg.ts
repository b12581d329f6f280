import pg from 'pg';
import { TYPE_PARSERS, type Database, type Queryable } from './database';

/** A Database on a real PostgreSQL server through a `pg` pool. */
export function createPgDatabase(connectionString: string, poolSize = 10): Database {
	const types = {
		getTypeParser: ((oid: number, format?: string) =>
			TYPE_PARSERS[oid] ??
			pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser
	};
	const pool = new pg.Pool({ connectionString, max: poolSize, types });
	// An idle client losing its connection must not crash the process.
	pool.on('error', () => {});
	return {
		kind: 'pg',
		async query<T>(sql: string, params: unknown[] = []) {
			const r = await pool.query(sql, params);
			return { rows: r.rows as T[] };
		},
		async exec(sql: string) {
			await pool.query(sql);
		},
		async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
			const client = await pool.connect();
			try {
				await client.query('BEGIN');
				const tx: Queryable = {
					async query<R>(sql: string, params: unknown[] = []) {
						const r = await client.query(sql, params);
						return { rows: r.rows as R[] };
					},
					async exec(sql: string) {
						await client.query(sql);
					}
				};
				const out = await fn(tx);
				await client.query('COMMIT');
				return out;
			} catch (e) {
				await client.query('ROLLBACK').catch(() => {});
				throw e;
			} finally {
				client.release();
			}
		},
		async close() {
			await pool.end();
		}
	};
}
