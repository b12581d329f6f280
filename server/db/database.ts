/**
 * One small interface over PostgreSQL: `pg` on DATABASE_URL, or embedded PGlite in DATA_DIR.
 * Repositories only see `Queryable` / `Database`, so the same SQL runs on both.
 *
 * Type parsing is pinned on both drivers so repositories get the same JS values:
 * int8 → number (refused beyond safe integers: money must never be rounded), date → 'YYYY-MM-DD',
 * timestamptz → ISO string.
 */
export interface QueryResult<T> {
	rows: T[];
}

export interface Queryable {
	query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
	/** Runs a script of several statements, without parameters (migrations). */
	exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
	readonly kind: 'pg' | 'pglite';
	/** Runs fn in one transaction (BEGIN … COMMIT, ROLLBACK on throw). */
	transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

export const PG_TYPES = { INT8: 20, DATE: 1082, TIMESTAMPTZ: 1184 } as const;

export function parseInt8(value: string): number {
	const n = Number(value);
	if (!Number.isSafeInteger(n)) throw new Error(`bigint value out of safe range: ${value}`);
	return n;
}

export function parseTimestamptz(value: string): string {
	return new Date(value).toISOString();
}

export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
	[PG_TYPES.INT8]: parseInt8,
	[PG_TYPES.DATE]: (v) => v,
	[PG_TYPES.TIMESTAMPTZ]: parseTimestamptz
};
