/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Precaches the whole app shell at install so the app starts with no network after one
 * visit. Navigations get the cached shell (client-side routing does the rest); /api is never
 * cached (the app's data lives in IndexedDB). A new version waits until the person accepts it
 * (the page sends SKIP_WAITING through workbox-window), never forced.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `shell-${version}`;
const SHELL = '/';
const ASSETS = [SHELL, ...build, ...files.filter((f) => !f.endsWith('.DS_Store'))];

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const req = event.request;
	if (req.method !== 'GET') return;
	const url = new URL(req.url);
	if (url.origin !== sw.location.origin || url.pathname.startsWith('/api/')) return;

	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			if (req.mode === 'navigate') {
				// The shell for every page: offline first, it is versioned with the service worker.
				const shell = await cache.match(SHELL);
				if (shell) return shell;
				return fetch(req);
			}
			const hit = await cache.match(req);
			if (hit) return hit;
			return fetch(req);
		})()
	);
});
