/** Starts one process: the API under /api and the built PWA, on one port. */
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open';
import { databaseIsEmpty, demoExists, DEMO_LOGINS, seedDemo } from './db/seed-demo';
import { localDay } from './http/clock';
import { loadEnv, type Env } from './env';
import type { Database } from './db/database';
import { createLogger, type Logger } from './logger';

async function main() {
	let env: Env;
	try {
		env = loadEnv();
	} catch (e) {
		console.error((e as Error).message);
		process.exit(1);
	}
	const logger = createLogger(env.LOG_LEVEL);
	const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
	const applied = await migrate(db);
	if (applied.length) logger.info({ applied }, 'migrations applied');

	const demo = await ensureDemo(db, env, logger);

	const app = createApp({ db, logger, staticDir: env.STATIC_DIR });
	const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
		const where = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${env.DATA_DIR}`;
		console.log(`\n  Paiements AMAP — http://localhost:${info.port}  (database: ${where})\n`);
		if (demo) {
			console.log('  Demo group "AMAP des Tilleuls" — sign in with:');
			for (const l of DEMO_LOGINS) {
				console.log(`    ${l.role.padEnd(12)} ${l.email.padEnd(18)} ${l.password}`);
			}
			console.log('');
		}
	});

	const stop = async () => {
		server.close();
		await db.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

/**
 * The demo group: created on an empty database (or when SEED_DEMO=true and it is missing),
 * never in production. Returns whether the demo group is there to sign in to.
 */
async function ensureDemo(db: Database, env: Env, logger: Logger): Promise<boolean> {
	if (env.NODE_ENV === 'production' || env.SEED_DEMO === false) {
		if (env.SEED_DEMO) logger.warn('SEED_DEMO is ignored in production');
		return false;
	}
	if (await demoExists(db)) return true;
	if (env.SEED_DEMO === true || (await databaseIsEmpty(db))) {
		await seedDemo(db, localDay(new Date()));
		logger.info('demo group created');
		return true;
	}
	return false;
}

main().catch((e) => {
	console.error('Server failed to start:', e instanceof Error ? e.message : e);
	process.exit(1);
});
