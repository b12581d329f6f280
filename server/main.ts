/** Starts one process: the API under /api and the built PWA, on one port. */
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open';
import { loadEnv, type Env } from './env';
import { createLogger } from './logger';

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

	const app = createApp({ db, logger, staticDir: env.STATIC_DIR });
	const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
		const where = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${env.DATA_DIR}`;
		console.log(`\n  Paiements AMAP — http://localhost:${info.port}  (database: ${where})\n`);
	});

	const stop = async () => {
		server.close();
		await db.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((e) => {
	console.error('Server failed to start:', e instanceof Error ? e.message : e);
	process.exit(1);
});
