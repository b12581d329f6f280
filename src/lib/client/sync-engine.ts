/**
 * The sync engine: push the outbox in batches, then pull from the cursor. Free of DOM and
 * SvelteKit: its store, transport, clock and lock are passed in, so it runs the same in the
 * browser and in Node (tests, the device simulation).
 *
 * An outbox entry leaves only when the server answered `accepted` or `duplicate` for it; a
 * network error or a 5xx keeps everything queued (the next push replays it and the server
 * answers `duplicate` for what it already has).
 */
import type { Operation, PushResultItem } from '../domain/schemas';
import type { LocalStore } from './store';
import { TransportError, type SyncTransport } from './transport';

export interface SyncReport {
	pushed: number;
	accepted: number;
	refused: number;
	pulled: number;
}

export type RunExclusive = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

/** Without Web Locks (Node, old browsers): one run at a time in this process. */
export function inProcessLock(): RunExclusive {
	const tails = new Map<string, Promise<unknown>>();
	return <T>(name: string, fn: () => Promise<T>) => {
		const prev = tails.get(name) ?? Promise.resolve();
		const run = prev.then(fn, fn);
		tails.set(
			name,
			run.catch(() => {})
		);
		return run;
	};
}

export interface SyncEngineDeps {
	store: LocalStore;
	transport: SyncTransport;
	now: () => Date;
	lock?: RunExclusive;
	batchSize?: number;
	/** Called with progress while a sync runs (e.g. "12 / 40 sent"). */
	onProgress?: (p: { phase: 'push' | 'pull'; done: number; total: number }) => void;
}

export class SyncEngine {
	private readonly lock: RunExclusive;
	private readonly batchSize: number;

	constructor(private readonly deps: SyncEngineDeps) {
		this.lock = deps.lock ?? inProcessLock();
		this.batchSize = deps.batchSize ?? 100;
	}

	/** One full sync of a group: push everything queued, then pull what changed. */
	sync(groupId: string, deviceId: string): Promise<SyncReport> {
		return this.lock(`sync:${groupId}`, () => this.run(groupId, deviceId));
	}

	/**
	 * Best effort: the refused operations stay on the device with their reason whatever
	 * happens here; reporting them only puts them in the coordinator's review queue too.
	 */
	private async report(
		groupId: string,
		deviceId: string,
		refused: PushResultItem[],
		batch: Operation[]
	): Promise<void> {
		if (!this.deps.transport.reportRefused) return;
		const byId = new Map(batch.map((op) => [op.id, op]));
		try {
			await this.deps.transport.reportRefused(
				groupId,
				deviceId,
				refused
					.filter((r) => byId.has(r.id))
					.map((r) => ({
						operationId: r.id,
						status: r.status === 'conflict' ? ('conflict' as const) : ('rejected' as const),
						...(r.code ? { code: r.code } : {}),
						reason: r.reason ?? r.status,
						operation: byId.get(r.id)
					}))
			);
		} catch {
			// the next refusal of the same kind reports again; nothing is lost on the device
		}
	}

	private async run(groupId: string, deviceId: string): Promise<SyncReport> {
		const { store, transport, now, onProgress } = this.deps;
		const report: SyncReport = { pushed: 0, accepted: 0, refused: 0, pulled: 0 };
		try {
			const total = await store.countQueued(groupId);
			// Each batch shrinks the queue (answered entries leave it or stop being queued), so the
			// loop ends; the guard stops it if a server answered nothing for a batch.
			for (let guard = 0; guard < 10_000; guard++) {
				const batch = await store.queuedBatch(groupId, this.batchSize);
				if (batch.length === 0) break;
				onProgress?.({ phase: 'push', done: report.pushed, total });
				const res = await transport.push({ groupId, deviceId, operations: batch });
				await store.applyPushResults(groupId, res.results);
				report.pushed += batch.length;
				for (const r of res.results) {
					if (r.status === 'accepted' || r.status === 'duplicate') report.accepted++;
					else report.refused++;
				}
				const refused = res.results.filter(
					(r) => r.status === 'rejected' || r.status === 'conflict'
				);
				if (refused.length > 0) await this.report(groupId, deviceId, refused, batch);
				const answered = new Set(res.results.map((r) => r.id));
				if (!batch.some((op) => answered.has(op.id))) {
					throw new TransportError(
						'server',
						'Le serveur n’a répondu pour aucune opération envoyée.'
					);
				}
			}
			onProgress?.({ phase: 'push', done: report.pushed, total });

			if (transport.putCloseout) {
				for (const c of await store.unsyncedCloseouts(groupId)) {
					try {
						await transport.putCloseout(groupId, c.distributionId, c.count);
						await store.markCloseoutSynced(c);
					} catch (e) {
						// A refusal is kept with its reason (shown on the close-out page) and not
						// sent again until a new count is saved; a network failure retries later.
						if (!(e instanceof TransportError) || e.retryable) throw e;
						await store.markCloseoutRefused(c, e.message);
					}
				}
			}

			const state = await store.syncState(groupId);
			onProgress?.({ phase: 'pull', done: 0, total: 1 });
			const pull = await transport.pull(groupId, state.cursor);
			await store.applyPull(groupId, pull, now());
			report.pulled =
				pull.operations.length +
				pull.orders.length +
				pull.distributions.length +
				pull.members.length;
			onProgress?.({ phase: 'pull', done: 1, total: 1 });
			return report;
		} catch (e) {
			const prev = await store.syncState(groupId);
			await store.setSyncState({
				...prev,
				lastError: e instanceof Error ? e.message : String(e)
			});
			throw e;
		}
	}
}

/** The delay before retry n (1, 2, 3…): exponential with jitter, capped. */
export function backoffDelay(attempt: number, random: () => number, capMs = 60_000): number {
	const base = Math.min(capMs, 1000 * 2 ** Math.max(0, attempt - 1));
	return Math.round(base / 2 + (random() * base) / 2);
}
