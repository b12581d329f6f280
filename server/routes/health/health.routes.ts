import { Hono } from 'hono';
import type { AppDeps } from '../../http/types';
import { isMigrated } from '../../db/migrate';
import { errorBody } from '../../http/errors';

export function healthRoutes({ db }: Pick<AppDeps, 'db'>) {
	return new Hono().get('/health', async (c) => {
		try {
			if (await isMigrated(db)) return c.json({ ok: true });
			return c.json(errorBody('NOT_MIGRATED', 'La base de données n’est pas à jour.'), 503);
		} catch {
			return c.json(errorBody('DATABASE_UNREACHABLE', 'La base de données est injoignable.'), 503);
		}
	});
}
