// `npm test`: every suite, one after the other, and a closing count.
//   1. unit tests (domain, client store) — vitest project "unit"
//   2. server integration tests on the embedded PGlite — vitest project "server"
//   3. the same server tests on real PostgreSQL when TEST_DATABASE_URL is set
//   4. e2e tests in Chromium against the real server (scripts/e2e.mjs)
// Every suite runs even when an earlier one failed; the exit code is non-zero if any failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'test-results');
mkdirSync(out, { recursive: true });
const vitest = join(root, 'node_modules/vitest/vitest.mjs');

const suites = [
	{ name: 'unit', cmd: [vitest, 'run', '--project', 'unit'], json: 'unit.json', env: {} },
	{
		name: 'server (PGlite)',
		cmd: [vitest, 'run', '--project', 'server'],
		json: 'server-pglite.json',
		env: { TEST_DB: 'pglite' }
	}
];
if (process.env.TEST_DATABASE_URL) {
	suites.push({
		name: 'server (PostgreSQL)',
		cmd: [vitest, 'run', '--project', 'server'],
		json: 'server-pg.json',
		env: { TEST_DB: 'pg' }
	});
} else {
	console.log('TEST_DATABASE_URL is not set: the server suite runs on PGlite only.');
}
suites.push({
	name: 'e2e (Chromium)',
	cmd: [join(root, 'scripts/e2e.mjs')],
	json: 'e2e.json',
	env: { CI: process.env.CI ?? 'true' },
	playwright: true
});

let passed = 0;
let failed = 0;
let skipped = 0;
const summary = [];
for (const s of suites) {
	const jsonPath = join(out, s.json);
	rmSync(jsonPath, { force: true });
	const args = s.playwright
		? s.cmd
		: [...s.cmd, '--reporter=default', '--reporter=json', `--outputFile.json=${jsonPath}`];
	console.log(`\n=== ${s.name} ===`);
	const r = spawnSync(process.execPath, args, {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ...s.env }
	});
	const counts = existsSync(jsonPath)
		? readCounts(JSON.parse(readFileSync(jsonPath, 'utf8')), s.playwright)
		: { passed: 0, failed: 0, skipped: 0 };
	// A suite that crashed before reporting counts as one failure.
	if (r.status !== 0 && counts.failed === 0) counts.failed = 1;
	passed += counts.passed;
	failed += counts.failed;
	skipped += counts.skipped;
	summary.push(`${s.name}: ${counts.passed} passed, ${counts.failed} failed`);
}

function readCounts(report, playwright) {
	if (playwright) {
		const st = report.stats ?? {};
		return {
			passed: (st.expected ?? 0) + (st.flaky ?? 0),
			failed: st.unexpected ?? 0,
			skipped: st.skipped ?? 0
		};
	}
	return {
		passed: report.numPassedTests ?? 0,
		failed: report.numFailedTests ?? 0,
		skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
	};
}

console.log('\n' + summary.join('\n'));
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
