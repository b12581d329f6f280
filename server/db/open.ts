import type { Database } from './database';
import { createPgDatabase } from './pg';
import { createPgliteDatabase } from './pglite';

/** DATABASE_URL when set, the embedded PGlite in dataDir otherwise. */
export async function openDatabase(opts: {
	databaseUrl?: string | undefined;
	dataDir?: string | undefined;
}): Promise<Database> {
	if (opts.databaseUrl) return createPgDatabase(opts.databaseUrl);
	return createPgliteDatabase(opts.dataDir);
}
