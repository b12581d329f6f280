/**
 * The only code that touches the device's database. Pages and the sync engine call these
 * named handlers; every write is one Dexie transaction, so nothing is ever half-written.
 */
import type { z } from 'zod';
import {
	DistributionSchema,
	MemberSchema,
	OperationSchema,
	OperationShapeSchema,
	OrderSchema,
	type Me,
	type Operation,
	type PullResult,
	type PushResultItem
} from '../domain/schemas';
import type { CloseoutCount } from '../domain/closeout';
import type {
	LocalDb,
	LocalDistribution,
	LocalMember,
	LocalOperation,
	LocalOrder,
	OutboxEntry,
	SyncState
} from './local-db';

/** A storage failure a person can act on (quota, lost connection), with a French message. */
export class StorageError extends Error {
	constructor(
		readonly code: 'QUOTA_EXCEEDED' | 'STORAGE_LOST' | 'STORAGE_FAILED' | 'INVALID_OPERATION',
		message: string,
		readonly cause?: unknown
	) {
		super(message);
		this.name = 'StorageError';
	}
}

function storageError(e: unknown): StorageError {
	if (e instanceof StorageError) return e;
	const name = (e as { name?: string; inner?: { name?: string } })?.name ?? '';
	const inner = (e as { inner?: { name?: string } })?.inner?.name ?? '';
	if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
		return new StorageError(
			'QUOTA_EXCEEDED',
			'Stockage de l’appareil plein : rien n’a été enregistré. Libérez de l’espace puis réessayez.',
			e
		);
	}
	if (['DatabaseClosedError', 'UnknownError', 'InvalidStateError'].includes(name || inner)) {
		return new StorageError(
			'STORAGE_LOST',
			'La connexion au stockage de l’appareil a été perdue : rien n’a été enregistré. Rechargez la page puis réessayez.',
			e
		);
	}
	return new StorageError(
		'STORAGE_FAILED',
		'Impossible d’enregistrer sur l’appareil : rien n’a été enregistré. Réessayez.',
		e
	);
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		throw storageError(e);
	}
}

/** Parses rows read back; a row that no longer fits the schema is left out, never shown half. */
function parseRows<S extends z.ZodType, R extends object>(
	schema: S,
	rows: R[],
	extra: (row: R) => object = () => ({})
): (z.output<S> & object)[] {
	const out: (z.output<S> & object)[] = [];
	for (const row of rows) {
		const r = schema.safeParse(stripLocal(row));
		if (r.success) out.push({ ...(r.data as object), ...extra(row) } as z.output<S> & object);
	}
	return out;
}

function stripLocal<T extends object>(row: T): object {
	const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
	for (const k of ['groupId', 'state', 'reason', 'code']) {
		if (k === 'groupId' && 'kind' in copy) continue; // operations carry groupId on the wire
		delete copy[k];
	}
	return copy;
}

export interface PendingCloseout {
	groupId: string;
	distributionId: string;
	count: CloseoutCount;
	savedAt: string;
	synced: boolean;
	/** The server's reason when it refused this count. */
	refused?: string;
}

function closeoutKey(groupId: string, distributionId: string): string {
	return `closeout:${groupId}:${distributionId}`;
}

export class LocalStore {
	constructor(readonly db: LocalDb) {}

	// --- device and session -----------------------------------------------------------

	/** This device's id, made once and kept. */
	async deviceId(makeId: () => string): Promise<string> {
		return guarded(() =>
			this.db.transaction('rw', this.db.meta, async () => {
				const found = await this.db.meta.get('deviceId');
				if (typeof found?.value === 'string') return found.value;
				const id = makeId();
				await this.db.meta.put({ key: 'deviceId', value: id });
				return id;
			})
		);
	}

	async saveMe(me: Me | null): Promise<void> {
		await guarded(() =>
			me ? this.db.meta.put({ key: 'me', value: me }).then(() => {}) : this.db.meta.delete('me')
		);
	}

	async loadMe(): Promise<Me | null> {
		const row = await this.db.meta.get('me');
		return (row?.value as Me | undefined) ?? null;
	}

	/**
	 * Forgets everything of the previous person on this device (another person signs in):
	 * their data must not show, and their cursor would hide data from a wider role.
	 * The device id stays.
	 */
	async clearForNewUser(): Promise<void> {
		const d = this.db;
		await guarded(() =>
			d.transaction(
				'rw',
				[d.distributions, d.members, d.orders, d.operations, d.outbox, d.syncState, d.meta],
				async () => {
					await Promise.all([
						d.distributions.clear(),
						d.members.clear(),
						d.orders.clear(),
						d.operations.clear(),
						d.outbox.clear(),
						d.syncState.clear()
					]);
					await d.meta.where('key').noneOf(['deviceId']).delete();
				}
			)
		);
	}

	async getMeta<T>(key: string): Promise<T | undefined> {
		return (await this.db.meta.get(key))?.value as T | undefined;
	}

	async setMeta(key: string, value: unknown): Promise<void> {
		await guarded(() => this.db.meta.put({ key, value }).then(() => {}));
	}

	// --- recording ------------------------------------------------------------------------

	/**
	 * Records an operation made on this device: the operation and its outbox entry in one
	 * transaction. The operation is checked with the shared schema first.
	 */
	async recordOperation(op: Operation, now: Date): Promise<void> {
		const parsed = OperationSchema.safeParse(op);
		if (!parsed.success) {
			throw new StorageError(
				'INVALID_OPERATION',
				parsed.error.issues[0]?.message ?? 'Opération invalide.'
			);
		}
		await guarded(() =>
			this.db.transaction('rw', this.db.operations, this.db.outbox, async () => {
				if (await this.db.operations.get(op.id)) return; // recorded already: once only
				await this.db.operations.add({ ...parsed.data, state: 'queued' });
				await this.db.outbox.add({
					opId: op.id,
					groupId: op.groupId,
					status: 'queued',
					createdAt: now.toISOString(),
					attempts: 0
				});
			})
		);
	}

	// --- outbox -----------------------------------------------------------------------------

	async queuedBatch(groupId: string, limit: number): Promise<Operation[]> {
		const entries = await this.db.outbox
			.where('[groupId+status]')
			.equals([groupId, 'queued'])
			.limit(limit)
			.toArray();
		const ops = await this.db.operations.bulkGet(entries.map((e) => e.opId));
		return parseRows(
			OperationShapeSchema,
			ops.filter((o): o is LocalOperation => o !== undefined)
		) as Operation[];
	}

	async countQueued(groupId?: string): Promise<number> {
		return groupId
			? this.db.outbox.where('[groupId+status]').equals([groupId, 'queued']).count()
			: this.db.outbox.where('opId').notEqual('').count();
	}

	async outboxEntries(groupId: string): Promise<OutboxEntry[]> {
		return this.db.outbox.where('groupId').equals(groupId).sortBy('seq');
	}

	/**
	 * Applies the server's answers: accepted and duplicate leave the outbox (the server has
	 * them); rejected and conflict stay, with their reason, until a person deals with them.
	 */
	async applyPushResults(groupId: string, results: PushResultItem[]): Promise<void> {
		await guarded(() =>
			this.db.transaction('rw', this.db.operations, this.db.outbox, async () => {
				for (const r of results) {
					const entries = await this.db.outbox.where('opId').equals(r.id).toArray();
					for (const entry of entries) {
						if (entry.groupId !== groupId) continue;
						if (r.status === 'accepted' || r.status === 'duplicate') {
							await this.db.outbox.delete(entry.seq!);
						} else {
							await this.db.outbox.update(entry.seq!, {
								status: r.status,
								...(r.reason ? { reason: r.reason } : {}),
								...(r.code ? { code: r.code } : {}),
								attempts: entry.attempts + 1
							});
						}
					}
					const op = await this.db.operations.get(r.id);
					if (!op || op.groupId !== groupId) continue;
					if (r.status === 'accepted' || r.status === 'duplicate') {
						await this.db.operations.update(r.id, { state: 'synced' });
					} else {
						await this.db.operations.update(r.id, {
							state: r.status,
							...(r.reason ? { reason: r.reason } : {}),
							...(r.code ? { code: r.code } : {})
						});
					}
				}
			})
		);
	}

	/** A person dealt with a refused operation: it leaves the outbox and the device. */
	async dismissRefused(opId: string): Promise<void> {
		await guarded(() =>
			this.db.transaction('rw', this.db.operations, this.db.outbox, async () => {
				const op = await this.db.operations.get(opId);
				if (op && (op.state === 'rejected' || op.state === 'conflict')) {
					await this.db.operations.delete(opId);
				}
				await this.db.outbox
					.where('opId')
					.equals(opId)
					.filter((e) => e.status !== 'queued')
					.delete();
			})
		);
	}

	// --- close-out counts ---------------------------------------------------------------------

	/**
	 * Keeps a close-out count on the device until the server has it (the latest count wins
	 * there too). Stored in the same database as the ledger, so it survives a restart.
	 */
	async saveCloseout(pending: PendingCloseout): Promise<void> {
		await guarded(() =>
			this.db.meta
				.put({ key: closeoutKey(pending.groupId, pending.distributionId), value: pending })
				.then(() => {})
		);
	}

	async closeout(groupId: string, distributionId: string): Promise<PendingCloseout | undefined> {
		const row = await this.db.meta.get(closeoutKey(groupId, distributionId));
		return row?.value as PendingCloseout | undefined;
	}

	async unsyncedCloseouts(groupId: string): Promise<PendingCloseout[]> {
		const rows = await this.db.meta.where('key').startsWith(`closeout:${groupId}:`).toArray();
		return rows.map((r) => r.value as PendingCloseout).filter((c) => !c.synced && !c.refused);
	}

	async markCloseoutRefused(c: PendingCloseout, reason: string): Promise<void> {
		await guarded(() =>
			this.db.transaction('rw', this.db.meta, async () => {
				const key = closeoutKey(c.groupId, c.distributionId);
				const current = (await this.db.meta.get(key))?.value as PendingCloseout | undefined;
				if (current && current.savedAt === c.savedAt) {
					await this.db.meta.put({ key, value: { ...current, refused: reason } });
				}
			})
		);
	}

	/** Marks a count as delivered, unless a newer count was saved meanwhile. */
	async markCloseoutSynced(c: PendingCloseout): Promise<void> {
		await guarded(() =>
			this.db.transaction('rw', this.db.meta, async () => {
				const key = closeoutKey(c.groupId, c.distributionId);
				const current = (await this.db.meta.get(key))?.value as PendingCloseout | undefined;
				if (current && current.savedAt === c.savedAt) {
					await this.db.meta.put({ key, value: { ...current, synced: true } });
				}
			})
		);
	}

	// --- pull -------------------------------------------------------------------------------

	async syncState(groupId: string): Promise<SyncState> {
		return (await this.db.syncState.get(groupId)) ?? { groupId };
	}

	async setSyncState(state: SyncState): Promise<void> {
		await guarded(() => this.db.syncState.put(state).then(() => {}));
	}

	/** Stores what the server sent and moves the cursor, in one transaction. */
	async applyPull(groupId: string, pull: PullResult, now: Date): Promise<void> {
		await guarded(() =>
			this.db.transaction(
				'rw',
				[
					this.db.distributions,
					this.db.members,
					this.db.orders,
					this.db.operations,
					this.db.syncState
				],
				async () => {
					await this.db.distributions.bulkPut(pull.distributions.map((d) => ({ ...d, groupId })));
					await this.db.members.bulkPut(pull.members.map((m) => ({ ...m, groupId })));
					await this.db.orders.bulkPut(pull.orders.map((o) => ({ ...o, groupId })));
					// The server's copy wins for what it has; local queued ones with the same id are
					// the same operation (ids are made once, on the device).
					await this.db.operations.bulkPut(
						pull.operations.map((o) => ({ ...o, state: 'synced' as const }))
					);
					// A successful pull clears the last error.
					await this.db.syncState.put({
						groupId,
						cursor: pull.cursor,
						lastSyncAt: now.toISOString()
					});
				}
			)
		);
	}

	// --- reads (parsed with the shared schemas) ---------------------------------------------

	async distributions(groupId: string): Promise<LocalDistribution[]> {
		const rows = await this.db.distributions.where('groupId').equals(groupId).toArray();
		return parseRows(DistributionSchema, rows, () => ({ groupId })) as LocalDistribution[];
	}

	async distribution(id: string): Promise<LocalDistribution | undefined> {
		const row = await this.db.distributions.get(id);
		return row
			? (parseRows(DistributionSchema, [row], () => ({ groupId: row.groupId }))[0] as
					LocalDistribution | undefined)
			: undefined;
	}

	async members(groupId: string): Promise<LocalMember[]> {
		const rows = await this.db.members.where('groupId').equals(groupId).toArray();
		return parseRows(MemberSchema, rows, () => ({ groupId })) as LocalMember[];
	}

	async orders(groupId: string, distributionId?: string): Promise<LocalOrder[]> {
		const rows = distributionId
			? await this.db.orders
					.where('[groupId+distributionId]')
					.equals([groupId, distributionId])
					.toArray()
			: await this.db.orders.where('groupId').equals(groupId).toArray();
		return parseRows(OrderSchema, rows, () => ({ groupId })) as LocalOrder[];
	}

	/** Every operation of the group known here, with its local state. */
	async operations(groupId: string, memberId?: string): Promise<LocalOperation[]> {
		const rows = memberId
			? await this.db.operations.where('[groupId+memberId]').equals([groupId, memberId]).toArray()
			: await this.db.operations.where('groupId').equals(groupId).toArray();
		return parseRows(OperationShapeSchema, rows, (r) => ({
			state: r.state,
			...(r.reason ? { reason: r.reason } : {}),
			...(r.code ? { code: r.code } : {})
		})) as LocalOperation[];
	}
}
