/**
 * The app's session and device: who is signed in (kept on the device so the app opens
 * offline), the local store and the sync engine, and one sync controller per open group.
 */
import { liveQuery } from 'dexie';
import { z } from 'zod';
import { MeSchema, type Me } from '../domain/schemas';
import { apiCall } from '../client/api';
import { LocalDb } from '../client/local-db';
import { LocalStore } from '../client/store';
import { backoffDelay, inProcessLock, SyncEngine, type RunExclusive } from '../client/sync-engine';
import { httpTransport, TransportError } from '../client/transport';

/** One tab syncs at a time: Web Locks across tabs, a local queue where they are missing. */
function webLock(): RunExclusive {
	const fallback = inProcessLock();
	return <T>(name: string, fn: () => Promise<T>) =>
		typeof navigator !== 'undefined' && navigator.locks
			? (navigator.locks.request(name, fn) as Promise<T>)
			: fallback(name, fn);
}

export class SyncStatus {
	queued = $state(0);
	refused = $state(0);
	lastSyncAt = $state<string | null>(null);
	lastError = $state<string | null>(null);
	syncing = $state(false);
	progress = $state<string | null>(null);

	private attempts = 0;
	private retryTimer: ReturnType<typeof setTimeout> | undefined;
	private cleanups: (() => void)[] = [];

	constructor(
		private readonly app: AppState,
		readonly groupId: string
	) {}

	/** Starts the triggers: now, back online, page visible again, every 30 s while online. */
	start(): () => void {
		const subs = [
			liveQuery(() => this.app.store.countQueued(this.groupId)).subscribe((n) => (this.queued = n)),
			liveQuery(() =>
				this.app.store.db.outbox
					.where('groupId')
					.equals(this.groupId)
					.filter((e) => e.status !== 'queued')
					.count()
			).subscribe((n) => (this.refused = n)),
			liveQuery(() => this.app.store.syncState(this.groupId)).subscribe((s) => {
				this.lastSyncAt = s.lastSyncAt ?? null;
				this.lastError = s.lastError ?? null;
			})
		];
		this.cleanups.push(() => subs.forEach((s) => s.unsubscribe()));
		const onOnline = () => void this.syncNow();
		const onVisible = () => {
			if (document.visibilityState === 'visible') void this.syncNow();
		};
		window.addEventListener('online', onOnline);
		document.addEventListener('visibilitychange', onVisible);
		const timer = setInterval(() => {
			if (navigator.onLine) void this.syncNow();
		}, 30_000);
		this.cleanups.push(() => {
			window.removeEventListener('online', onOnline);
			document.removeEventListener('visibilitychange', onVisible);
			clearInterval(timer);
			clearTimeout(this.retryTimer);
		});
		void this.syncNow();
		return () => this.stop();
	}

	stop(): void {
		for (const c of this.cleanups.splice(0)) c();
	}

	/** One sync now; on a retryable failure, tries again later with backoff. */
	async syncNow(): Promise<void> {
		if (this.syncing) return;
		this.syncing = true;
		clearTimeout(this.retryTimer);
		try {
			const deviceId = await this.app.deviceId();
			await this.app.engine.sync(this.groupId, deviceId);
			this.attempts = 0;
		} catch (e) {
			if (e instanceof TransportError && e.kind === 'auth') {
				this.app.sessionExpired = true;
			} else if (!(e instanceof TransportError) || e.retryable) {
				this.attempts++;
				this.retryTimer = setTimeout(
					() => void this.syncNow(),
					backoffDelay(this.attempts, Math.random)
				);
			}
		} finally {
			this.syncing = false;
			this.progress = null;
		}
	}
}

export class AppState {
	me = $state<Me | null>(null);
	ready = $state(false);
	online = $state(true);
	sessionExpired = $state(false);
	persisted = $state<boolean | null>(null);
	storageError = $state<string | null>(null);

	readonly store: LocalStore;
	readonly engine: SyncEngine;
	// Not reactive on purpose: each SyncStatus carries its own $state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	private syncs = new Map<string, SyncStatus>();
	private device: Promise<string> | undefined;

	constructor() {
		this.store = new LocalStore(new LocalDb());
		this.engine = new SyncEngine({
			store: this.store,
			transport: httpTransport((input, init) => fetch(input, init)),
			// A fresh instant each call, never shown reactively.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			now: () => new Date(),
			lock: webLock(),
			onProgress: (p) => {
				for (const s of this.syncs.values()) {
					if (s.syncing) s.progress = p.phase === 'push' ? `${p.done}/${p.total}` : null;
				}
			}
		});
	}

	deviceId(): Promise<string> {
		this.device ??= this.store.deviceId(() => crypto.randomUUID());
		return this.device;
	}

	/** Opens the app: the person kept on the device first (offline), then the server's word. */
	async init(): Promise<void> {
		this.online = navigator.onLine;
		window.addEventListener('online', () => (this.online = true));
		window.addEventListener('offline', () => (this.online = false));
		try {
			this.me = await this.store.loadMe();
		} catch (e) {
			this.storageError = e instanceof Error ? e.message : String(e);
		}
		this.ready = true;
		if (navigator.storage?.persisted) {
			this.persisted = await navigator.storage.persisted().catch(() => null);
		}
		try {
			const me = await apiCall('GET', '/api/me', MeSchema);
			this.me = me;
			this.sessionExpired = false;
			await this.store.saveMe(me);
		} catch (e) {
			const status = (e as { status?: number }).status;
			if (status === 401) {
				if (this.me) this.sessionExpired = true;
				else this.me = null;
			}
			// offline: keep the person kept on the device
		}
	}

	async login(email: string, password: string): Promise<Me> {
		const me = await apiCall('POST', '/api/auth/login', MeSchema, { email, password });
		const previous = await this.store.getMeta<{ id: string; name: string }>('deviceUser');
		if (previous && previous.id !== me.user.id) {
			// Another person's operations must reach the server under their own session.
			const waiting = await this.store.countQueued();
			if (waiting > 0) {
				await apiCall('POST', '/api/auth/logout', z.unknown()).catch(() => {});
				throw new Error(
					`Cet appareil garde ${waiting} opération(s) de ${previous.name} pas encore synchronisée(s) ou refusée(s) : ` +
						'reconnectez-vous avec ce compte pour les envoyer ou les traiter avant de changer d’utilisateur.'
				);
			}
			await this.store.clearForNewUser();
		}
		await this.store.setMeta('deviceUser', { id: me.user.id, name: me.user.name });
		this.me = me;
		this.sessionExpired = false;
		await this.store.saveMe(me);
		await this.requestPersistence();
		return me;
	}

	async logout(): Promise<void> {
		await apiCall('POST', '/api/auth/logout', z.unknown()).catch(() => {});
		await this.store.saveMe(null);
		this.me = null;
	}

	/** Asks the browser to keep IndexedDB even under storage pressure. */
	async requestPersistence(): Promise<void> {
		if (!navigator.storage?.persist) return;
		this.persisted = await navigator.storage.persist().catch(() => false);
	}

	sync(groupId: string): SyncStatus {
		let s = this.syncs.get(groupId);
		if (!s) {
			s = new SyncStatus(this, groupId);
			this.syncs.set(groupId, s);
		}
		return s;
	}

	role(groupId: string) {
		return this.me?.groups.find((g) => g.groupId === groupId);
	}
}

export const app = new AppState();
