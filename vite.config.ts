import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		// SvelteKit's post-build step is slow by design; the timing warning is noise in CI logs.
		rolldownOptions: { checks: { bundlerTimings: false } }
	},
	server: {
		// `npm run dev` talks to a server started with `npm start` (port 3000).
		proxy: { '/api': 'http://127.0.0.1:3000' }
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				test: {
					name: 'server',
					include: ['server/**/*.test.ts', 'tests/integration/**/*.test.ts'],
					environment: 'node',
					// Integration suites share one database per run; files run one after another.
					fileParallelism: false,
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
