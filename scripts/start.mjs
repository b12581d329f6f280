// `npm start`: builds the PWA when its sources are newer than the build, then runs the server
// (API + PWA on one port). On an empty database the server creates the demo group and prints
// the demo logins.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'build', 'index.html');

function newestMtime(path) {
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	let newest = st.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json']
	.map((p) => join(root, p))
	.filter((p) => existsSync(p));
const needsBuild =
	!existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;

if (needsBuild) {
	console.log('Building the PWA (vite build)…');
	const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (r.status !== 0) process.exit(r.status ?? 1);
}

const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], {
	cwd: root,
	stdio: 'inherit'
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
