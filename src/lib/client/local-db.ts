/**
 * The device's database (IndexedDB through Dexie): one versioned schema. Every write of the
 * app goes here first; the sync engine moves it to the server. Schema changes are a new
 * `version(n)` with an `.upgrade()`, never an edit of an earlier version.
 */
import { Dexie, type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { Distribution, Member, Operation, Order } from '../domain/schemas';

export type LocalDistribution = Distribution & { groupId: string };
export type LocalMember = Member & { groupId: string };
export type LocalOrder = Order & { groupId: string };

/**
 * An operation as the device knows it. `state`: `synced` (the server has it), `queued` (in the
 * outbox), `rejected` / `conflict` (the server refused it: kept, shown with its reason, and left
 * out of balances until someone deals with it).
 */
export type OperationState = 'synced' | 'queued' | 'rejected' | 'conflict';
export type LocalOperation = Operation & { state: OperationState; reason?: string; code?: string };

export interface OutboxEntry {
	seq?: number;
	opId: string;
	groupId: string;
	/** queued: waiting to be pushed; rejected/conflict: answered, waiting for a person. */
	status: 'queued' | 'rejected' | 'conflict';
	reason?: string;
	code?: string;
	createdAt: string;
	attempts: number;
}

export interface SyncState {
	groupId: string;
	cursor?: string;
	lastSyncAt?: string;
	lastError?: string;
}

export interface MetaEntry {
	key: string;
	value: unknown;
}

export const DB_NAME = 'paiements-amap';

export class LocalDb extends Dexie {
	distributions!: EntityTable<LocalDistribution, 'id'>;
	members!: Table<LocalMember, [string, string]>;
	orders!: EntityTable<LocalOrder, 'id'>;
	operations!: EntityTable<LocalOperation, 'id'>;
	outbox!: EntityTable<OutboxEntry, 'seq'>;
	syncState!: EntityTable<SyncState, 'groupId'>;
	meta!: EntityTable<MetaEntry, 'key'>;

	constructor(name = DB_NAME, options?: DexieOptions) {
		super(name, options);
		this.version(1).stores({
			distributions: 'id, groupId, [groupId+date]',
			members: '[groupId+id], groupId',
			orders: 'id, groupId, [groupId+distributionId], [groupId+memberId]',
			operations: 'id, groupId, [groupId+memberId], [groupId+distributionId], correctsId, state',
			outbox: '++seq, opId, groupId, [groupId+status]',
			syncState: 'groupId',
			meta: 'key'
		});
	}
}
