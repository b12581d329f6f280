// `npm run test:e2e`: builds the PWA, then runs Playwright in Chromium against the real server.
// The server gets a database of its own for the run: a fresh PostgreSQL database when
// TEST_DATABASE_URL is set (created here, dropped after), an empty PGlite folder otherwise.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findChromium, NO_CHROMIUM_MESSAGE } from './chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const extraArgs = process.argv.slice(2);

const chromium = findChromium();
if (!chromium) {
	console.error(NO_CHROMIUM_MESSAGE);
	process.exit(1);
}

const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
	cwd: root,
	stdio: ['ignore', 'ignore', 'inherit']
});
if (build.status !== 0) {
	console.error('vite build failed');
	process.exit(build.status ?? 1);
}

const env = { ...process.env, CHROMIUM_PATH: chromium };
let cleanup = async () => {};

if (process.env.TEST_DATABASE_URL) {
	const url = new URL(process.env.TEST_DATABASE_URL);
	const name = `e2e_${Date.now()}_${process.pid}`;
	const admin = new pg.Client({ connectionString: url.toString() });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	url.pathname = `/${name}`;
	env.E2E_DATABASE_URL = url.toString();
	cleanup = async () => {
		const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
		await c.connect();
		await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await c.end();
	};
	console.log(`e2e: server on PostgreSQL database ${name}`);
} else {
	const dir = mkdtempSync(join(tmpdir(), 'amap-e2e-'));
	env.E2E_DATA_DIR = dir;
	cleanup = async () => rmSync(dir, { recursive: true, force: true });
	console.log(`e2e: server on PGlite in ${dir}`);
}

const run = spawnSync(
	process.execPath,
	[join(root, 'node_modules/@playwright/test/cli.js'), 'test', ...extraArgs],
	{ cwd: root, stdio: 'inherit', env }
);
await cleanup().catch((e) => console.error('e2e cleanup:', e.message));
process.exit(run.status ?? 1);
