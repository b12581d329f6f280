import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { cents } from '../domain';
import type { Operation, PullResult, PushResultItem } from '../domain/schemas';
import { LocalDb } from './local-db';
import { LocalStore, StorageError } from './store';
import { backoffDelay, SyncEngine } from './sync-engine';
import { TransportError, type SyncTransport } from './transport';

const GROUP = '11111111-1111-4111-8111-111111111111';
const MEMBER = '22222222-2222-4222-8222-222222222222';
const now = () => new Date('2026-12-03T10:00:00Z');
let n = 0;

function freshStore(): LocalStore {
	return new LocalStore(new LocalDb(`test-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange }));
}

function op(i: number, over: Partial<Operation> = {}): Operation {
	return {
		id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
		groupId: GROUP,
		memberId: MEMBER,
		kind: 'payment',
		amountCents: 100 * i,
		method: 'cash',
		occurredAt: '2026-12-03T09:00:00.000Z',
		deviceId: 'tablet-a',
		...over
	} as Operation;
}

const emptyPull = (cursor = '10'): PullResult => ({
	cursor,
	operations: [],
	distributions: [],
	members: [],
	orders: []
});

/** A transport that answers from a script and records what it was sent. */
function scripted(answer: (ops: Operation[]) => PushResultItem[] | Error, pull = emptyPull()) {
	const pushes: Operation[][] = [];
	const pulls: (string | undefined)[] = [];
	const transport: SyncTransport = {
		async push(body) {
			pushes.push(body.operations);
			const a = answer(body.operations);
			if (a instanceof Error) throw a;
			return { results: a };
		},
		async pull(_g, cursor) {
			pulls.push(cursor);
			return pull;
		}
	};
	return { transport, pushes, pulls };
}

describe('local store', () => {
	it('records the operation and its outbox entry together, once', async () => {
		const store = freshStore();
		await store.recordOperation(op(1), now());
		await store.recordOperation(op(1), now());
		expect(await store.countQueued(GROUP)).toBe(1);
		const ops = await store.operations(GROUP);
		expect(ops).toHaveLength(1);
		expect(ops[0]).toMatchObject({ id: op(1).id, amountCents: 100, state: 'queued' });
	});

	it('refuses an operation that breaks a rule, writing nothing', async () => {
		const store = freshStore();
		await expect(store.recordOperation(op(1, { amountCents: -5 as never }), now())).rejects.toThrow(
			StorageError
		);
		expect(await store.countQueued(GROUP)).toBe(0);
		expect(await store.operations(GROUP)).toEqual([]);
	});

	it('leaves nothing half-written when the transaction fails', async () => {
		const store = freshStore();
		// Break the outbox write: the operation write of the same transaction must roll back.
		const orig = store.db.outbox.add.bind(store.db.outbox);
		store.db.outbox.add = (() =>
			Promise.reject(Object.assign(new Error('full'), { name: 'QuotaExceededError' }))) as never;
		const err = await store.recordOperation(op(2), now()).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(StorageError);
		expect((err as StorageError).code).toBe('QUOTA_EXCEEDED');
		expect((err as StorageError).message).toMatch(/rien n’a été enregistré/);
		store.db.outbox.add = orig;
		expect(await store.operations(GROUP)).toEqual([]);
	});

	it('forgets the previous person’s data for a new one, keeping the device id', async () => {
		const store = freshStore();
		await store.deviceId(() => 'dev-1');
		await store.recordOperation(op(1), now());
		await store.setSyncState({ groupId: GROUP, cursor: '99' });
		await store.setMeta('settings:x', { a: 1 });
		await store.clearForNewUser();
		expect(await store.operations(GROUP)).toEqual([]);
		expect(await store.countQueued()).toBe(0);
		expect((await store.syncState(GROUP)).cursor).toBeUndefined();
		expect(await store.getMeta('settings:x')).toBeUndefined();
		expect(await store.deviceId(() => 'dev-2')).toBe('dev-1');
	});

	it('keeps a stable device id', async () => {
		const store = freshStore();
		const a = await store.deviceId(() => 'dev-1');
		const b = await store.deviceId(() => 'dev-2');
		expect(a).toBe('dev-1');
		expect(b).toBe('dev-1');
	});
});

describe('sync engine', () => {
	it('pushes in batches, empties the outbox on accepted/duplicate, then pulls from the cursor', async () => {
		const store = freshStore();
		for (let i = 1; i <= 5; i++) await store.recordOperation(op(i), now());
		const t = scripted((ops) =>
			ops.map((o, i) => ({ id: o.id, status: i % 2 ? 'duplicate' : 'accepted' }))
		);
		const engine = new SyncEngine({ store, transport: t.transport, now, batchSize: 2 });
		const report = await engine.sync(GROUP, 'tablet-a');
		expect(t.pushes.map((b) => b.length)).toEqual([2, 2, 1]);
		expect(report).toMatchObject({ pushed: 5, accepted: 5, refused: 0 });
		expect(await store.countQueued(GROUP)).toBe(0);
		expect((await store.operations(GROUP)).every((o) => o.state === 'synced')).toBe(true);
		expect(t.pulls).toEqual([undefined]);
		expect((await store.syncState(GROUP)).cursor).toBe('10');
		await engine.sync(GROUP, 'tablet-a');
		expect(t.pulls).toEqual([undefined, '10']);
	});

	it('keeps everything queued on a network error or a 5xx, and delivers it next time', async () => {
		const store = freshStore();
		await store.recordOperation(op(1), now());
		await store.recordOperation(op(2), now());
		const down = scripted(() => new TransportError('server', 'Erreur 500', 500));
		const engine = new SyncEngine({ store, transport: down.transport, now });
		await expect(engine.sync(GROUP, 'tablet-a')).rejects.toThrow(TransportError);
		expect(await store.countQueued(GROUP)).toBe(2);
		expect((await store.syncState(GROUP)).lastError).toBe('Erreur 500');
		const offline = scripted(() => new TransportError('network', 'Pas de connexion'));
		await expect(
			new SyncEngine({ store, transport: offline.transport, now }).sync(GROUP, 'tablet-a')
		).rejects.toThrow(/connexion/);
		expect(await store.countQueued(GROUP)).toBe(2);
		const up = scripted((ops) => ops.map((o) => ({ id: o.id, status: 'accepted' })));
		await new SyncEngine({ store, transport: up.transport, now }).sync(GROUP, 'tablet-a');
		expect(up.pushes[0]?.map((o) => o.id)).toEqual([op(1).id, op(2).id]);
		expect(await store.countQueued(GROUP)).toBe(0);
		expect((await store.syncState(GROUP)).lastError).toBeUndefined();
	});

	it('keeps a rejected or conflicting operation visible with its reason, out of the queue', async () => {
		const store = freshStore();
		await store.recordOperation(op(1), now());
		await store.recordOperation(op(2), now());
		const t = scripted((ops) => [
			{ id: ops[0]!.id, status: 'rejected', code: 'UNKNOWN_MEMBER', reason: 'Adhérent inconnu.' },
			{ id: ops[1]!.id, status: 'conflict', reason: 'Autre contenu.' }
		]);
		const report = await new SyncEngine({ store, transport: t.transport, now }).sync(GROUP, 'd');
		expect(report.refused).toBe(2);
		expect(await store.countQueued(GROUP)).toBe(0);
		const entries = await store.outboxEntries(GROUP);
		expect(entries.map((e) => [e.status, e.reason])).toEqual([
			['rejected', 'Adhérent inconnu.'],
			['conflict', 'Autre contenu.']
		]);
		const ops = await store.operations(GROUP);
		expect(ops.find((o) => o.id === op(1).id)).toMatchObject({
			state: 'rejected',
			code: 'UNKNOWN_MEMBER'
		});
		// Not pushed again: only a person can deal with it.
		await new SyncEngine({ store, transport: t.transport, now }).sync(GROUP, 'd');
		expect(t.pushes).toHaveLength(1);
		await store.dismissRefused(op(1).id);
		expect((await store.outboxEntries(GROUP)).map((e) => e.opId)).toEqual([op(2).id]);
	});

	it('stores what it pulls, parsed, and a pulled copy of a queued operation marks it synced', async () => {
		const store = freshStore();
		await store.recordOperation(op(3), now());
		const pull: PullResult = {
			...emptyPull('42'),
			operations: [op(3), op(4)],
			members: [{ id: MEMBER, name: 'Léa Simon' }]
		};
		const t = scripted(() => new TransportError('network', 'x'), pull);
		// Push fails: nothing pulled, nothing lost.
		await expect(
			new SyncEngine({ store, transport: t.transport, now }).sync(GROUP, 'd')
		).rejects.toThrow();
		expect(t.pulls).toEqual([]);
		const ok = scripted((ops) => ops.map((o) => ({ id: o.id, status: 'accepted' })), pull);
		const report = await new SyncEngine({ store, transport: ok.transport, now }).sync(GROUP, 'd');
		expect(report.pulled).toBe(3);
		const ops = await store.operations(GROUP);
		expect(ops.map((o) => [o.id, o.state]).sort()).toEqual(
			[
				[op(3).id, 'synced'],
				[op(4).id, 'synced']
			].sort()
		);
		expect(await store.members(GROUP)).toEqual([{ id: MEMBER, name: 'Léa Simon', groupId: GROUP }]);
	});

	it('runs one sync at a time per group', async () => {
		const store = freshStore();
		await store.recordOperation(op(1), now());
		let inFlight = 0;
		let maxInFlight = 0;
		const transport: SyncTransport = {
			async push(body) {
				inFlight++;
				maxInFlight = Math.max(maxInFlight, inFlight);
				await new Promise((r) => setTimeout(r, 5));
				inFlight--;
				return { results: body.operations.map((o) => ({ id: o.id, status: 'accepted' as const })) };
			},
			async pull() {
				return emptyPull();
			}
		};
		const engine = new SyncEngine({ store, transport, now });
		await Promise.all([engine.sync(GROUP, 'd'), engine.sync(GROUP, 'd'), engine.sync(GROUP, 'd')]);
		expect(maxInFlight).toBe(1);
	});

	it('reports refused operations for the review queue, best effort', async () => {
		const store = freshStore();
		await store.recordOperation(op(1), now());
		await store.recordOperation(op(2), now());
		const reports: unknown[] = [];
		const t = scripted((ops) => [
			{ id: ops[0]!.id, status: 'accepted' },
			{ id: ops[1]!.id, status: 'rejected', code: 'UNKNOWN_MEMBER', reason: 'Adhérent inconnu.' }
		]);
		t.transport.reportRefused = async (_g, deviceId, r) => {
			reports.push({ deviceId, r });
			throw new Error('offline'); // a failed report changes nothing on the device
		};
		await new SyncEngine({ store, transport: t.transport, now }).sync(GROUP, 'tab');
		expect(reports).toEqual([
			{
				deviceId: 'tab',
				r: [
					expect.objectContaining({
						operationId: op(2).id,
						status: 'rejected',
						code: 'UNKNOWN_MEMBER',
						reason: 'Adhérent inconnu.'
					})
				]
			}
		]);
		expect((await store.outboxEntries(GROUP)).map((e) => e.status)).toEqual(['rejected']);
	});

	it('delivers a close-out count kept on the device, once, keeping a newer one', async () => {
		const store = freshStore();
		const count = {
			cashFloatCents: cents(5000),
			cashCountedCents: cents(8585),
			chequeCount: 2,
			chequeTotalCents: cents(3340),
			cardTerminalBatchCents: cents(0)
		};
		const dist = '33333333-3333-4333-8333-333333333333';
		await store.saveCloseout({
			groupId: GROUP,
			distributionId: dist,
			count,
			savedAt: 'a',
			synced: false
		});
		const sent: unknown[] = [];
		const t = scripted(() => []);
		t.transport.putCloseout = async (_g, d, c) => {
			sent.push([d, c]);
		};
		const engine = new SyncEngine({ store, transport: t.transport, now });
		await engine.sync(GROUP, 'tab');
		await engine.sync(GROUP, 'tab');
		expect(sent).toEqual([[dist, count]]);
		expect((await store.closeout(GROUP, dist))?.synced).toBe(true);
		// A failed delivery keeps it queued.
		await store.saveCloseout({
			groupId: GROUP,
			distributionId: dist,
			count,
			savedAt: 'b',
			synced: false
		});
		t.transport.putCloseout = async () => {
			throw new TransportError('network', 'x');
		};
		await expect(engine.sync(GROUP, 'tab')).rejects.toThrow();
		expect(await store.unsyncedCloseouts(GROUP)).toHaveLength(1);
	});

	it('backs off exponentially with jitter, capped', () => {
		expect(backoffDelay(1, () => 0)).toBe(500);
		expect(backoffDelay(1, () => 1)).toBe(1000);
		expect(backoffDelay(4, () => 1)).toBe(8000);
		expect(backoffDelay(30, () => 1)).toBe(60_000);
	});
});
