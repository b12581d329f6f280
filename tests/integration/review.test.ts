import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../src/lib/domain';
import {
	DeviceReportsResultSchema,
	ReviewListSchema,
	ReviewResolutionSchema,
	type Closeout,
	type DeviceReportsResult,
	type ReviewItem,
	type ReviewList,
	type ReviewResolution
} from '../../src/lib/domain/closeout';
import type { PushResult } from '../../src/lib/domain/schemas';
import type { Database } from '../../server/db/database';
import { markDistributionValidated, verifyBalances } from '../../server/db/repositories/ledger';
import {
	addPlainMember,
	createTestDistribution,
	createTestGroup,
	type TestGroup
} from '../fixtures/factories';
import { makeOp } from '../fixtures/operations';
import { testApp } from '../fixtures/test-app';
import { openTestDatabase, TEST_DB_KIND } from '../fixtures/test-db';

type ErrorBody = { error: { code: string; message: string } };
type Api = ReturnType<typeof testApp>;
type Client = Awaited<ReturnType<Api['signIn']>>;

const NOW = new Date('2031-03-12T11:00:00.000Z');
const TODAY = '2031-03-12';

describe(`review queue (${TEST_DB_KIND})`, () => {
	let db: Database;
	let api: Api;
	let g: TestGroup;
	let other: TestGroup;
	let coord: Client;
	let helper: Client;
	let member: Client;
	let outsider: Client;

	const reviewPath = (groupId = g.groupId) => `/api/groups/${groupId}/review`;
	const resolvePath = (itemId: string, groupId = g.groupId) =>
		`/api/groups/${groupId}/review/${itemId}/resolve`;
	const reportsPath = (groupId = g.groupId) => `/api/groups/${groupId}/review/reports`;

	async function push(c: Client, deviceId: string, operations: unknown[]) {
		const res = await c.post<PushResult>('/api/sync/push', {
			groupId: g.groupId,
			deviceId,
			operations
		});
		expect(res.status).toBe(200);
		return res.body.results;
	}

	async function items(): Promise<ReviewItem[]> {
		const res = await coord.get<ReviewList>(reviewPath());
		expect(res.status).toBe(200);
		expect(ReviewListSchema.safeParse(res.body).success).toBe(true);
		return res.body.items;
	}

	const itemsOf = async (memberId: string) =>
		(await items()).filter((i) => i.memberId === memberId);

	async function balance(memberId: string) {
		const { rows } = await db.query<{ total: number; pending: number }>(
			`SELECT total_cents AS total, pending_cents AS pending FROM member_balances
			  WHERE group_id = $1 AND member_id = $2`,
			[g.groupId, memberId]
		);
		return rows[0];
	}

	function expectError(res: { status: number; body: unknown }, status: number, code?: string) {
		expect(res.status).toBe(status);
		expect(ErrorBodySchema.safeParse(res.body).success).toBe(true);
		if (code) expect((res.body as ErrorBody).error.code).toBe(code);
	}

	const cheque = (memberId: string, distributionId: string, deviceId: string, over = {}) =>
		makeOp(
			{ groupId: g.groupId, memberId },
			{
				amountCents: 2350,
				method: 'cheque',
				distributionId,
				reference: { chequeNumber: '1234567', bank: 'Crédit Agricole' },
				deviceId,
				...over
			}
		);

	beforeAll(async () => {
		db = await openTestDatabase();
		api = testApp(db, { now: () => NOW });
		g = await createTestGroup(db);
		other = await createTestGroup(db);
		coord = await api.signIn(g.coordinator.email, g.coordinator.password);
		helper = await api.signIn(g.helper.email, g.helper.password);
		member = await api.signIn(g.member.email, g.member.password);
		outsider = await api.signIn(other.coordinator.email, other.coordinator.password);
	});
	afterAll(async () => {
		await db.close();
	});

	describe('who may call', () => {
		it('lets only the coordinator read the queue', async () => {
			expectError(await api.anonymous.get(reviewPath()), 401, 'UNAUTHENTICATED');
			expectError(await member.get(reviewPath()), 403, 'FORBIDDEN_ROLE');
			expectError(await helper.get(reviewPath()), 403, 'FORBIDDEN_ROLE');
			expectError(await outsider.get(reviewPath()), 403, 'NOT_IN_GROUP');
			expectError(await coord.get(reviewPath('nope')), 400, 'VALIDATION_FAILED');
			const own = await outsider.get<ReviewList>(reviewPath(other.groupId));
			expect(own.status).toBe(200);
			expect(own.body).toEqual({ items: [] });
		});

		it('lets the coordinator and the helper report, nobody else', async () => {
			const body = {
				deviceId: 'tablet-9',
				reports: [{ operationId: randomUUID(), status: 'rejected', reason: 'Refusée' }]
			};
			expectError(await api.anonymous.post(reportsPath(), body), 401, 'UNAUTHENTICATED');
			expectError(await member.post(reportsPath(), body), 403, 'FORBIDDEN_ROLE');
			expectError(await outsider.post(reportsPath(), body), 403, 'NOT_IN_GROUP');
		});

		it('lets only the coordinator resolve', async () => {
			const id = randomUUID();
			expectError(await api.anonymous.post(resolvePath(id), { resolution: 'keep' }), 401);
			expectError(
				await member.post(resolvePath(id), { resolution: 'keep' }),
				403,
				'FORBIDDEN_ROLE'
			);
			expectError(
				await helper.post(resolvePath(id), { resolution: 'keep' }),
				403,
				'FORBIDDEN_ROLE'
			);
			expectError(
				await outsider.post(resolvePath(id), { resolution: 'keep' }),
				403,
				'NOT_IN_GROUP'
			);
		});
	});

	describe('likely duplicates across devices', () => {
		it('lists the same cheque pushed from two devices; reverse writes the correction and the balance comes back exactly', async () => {
			const memberId = await addPlainMember(db, g.groupId, 'Denise Doublon');
			const d = await createTestDistribution(db, g.groupId, { date: TODAY });
			const a = cheque(memberId, d.id, 'tablet-1');
			const b = cheque(memberId, d.id, 'tablet-2', {
				reference: { chequeNumber: ' 1234 567 ', bank: 'crédit  agricole' }
			});
			expect((await push(coord, 'tablet-1', [a]))[0]?.status).toBe('accepted');
			expect((await push(helper, 'tablet-2', [b]))[0]?.status).toBe('accepted');
			expect(await balance(memberId)).toEqual({ total: 4700, pending: 4700 });

			const found = await itemsOf(memberId);
			expect(found).toHaveLength(1);
			const item = found[0];
			expect(item).toMatchObject({
				kind: 'duplicate',
				operationIds: [a.id, b.id].sort(),
				memberId,
				memberName: 'Denise Doublon',
				amountCents: 2350,
				method: 'cheque',
				distributionId: d.id,
				deviceIds: ['tablet-1', 'tablet-2']
			});
			expect(item?.reference?.chequeNumber?.replace(/\s/g, '')).toBe('1234567');
			expect(item?.reason).toContain('23,50');
			expect(item?.reason).toContain('Denise Doublon');
			// The same duplicate keeps its id from one read to the next.
			expect((await itemsOf(memberId))[0]?.id).toBe(item?.id);
			if (!item) return;

			const res = await coord.post<ReviewResolution>(resolvePath(item.id), {
				resolution: 'reverse',
				operationId: b.id
			});
			expect(res.status).toBe(200);
			expect(ReviewResolutionSchema.safeParse(res.body).success).toBe(true);
			expect(res.body.item).toMatchObject({
				id: item.id,
				kind: 'duplicate',
				resolution: 'reverse',
				resolvedBy: { userId: g.coordinator.userId, name: g.coordinator.name }
			});
			expect(res.body.correction).toMatchObject({
				kind: 'correction',
				memberId,
				amountCents: -2350,
				correctsId: b.id,
				deviceId: 'server',
				reference: { label: 'Doublon corrigé' }
			});
			const { rows } = await db.query<{ recorded_by: string; amount_cents: number }>(
				`SELECT recorded_by, amount_cents FROM operations
				  WHERE group_id = $1 AND kind = 'correction' AND corrects_id = $2`,
				[g.groupId, b.id]
			);
			expect(rows).toEqual([{ recorded_by: g.coordinator.userId, amount_cents: -2350 }]);
			expect(await balance(memberId)).toEqual({ total: 2350, pending: 2350 });
			expect(await verifyBalances(db, g.groupId)).toEqual([]);

			// Gone for good, and the close-out counts one cheque.
			expect(await itemsOf(memberId)).toEqual([]);
			expectError(
				await coord.post(resolvePath(item.id), { resolution: 'reverse', operationId: a.id }),
				409,
				'ALREADY_RESOLVED'
			);
			expectError(await coord.post(resolvePath(item.id), { resolution: 'keep' }), 409);
			const closeout = await coord.get<Closeout>(
				`/api/groups/${g.groupId}/distributions/${d.id}/closeout`
			);
			expect(closeout.body.expected).toMatchObject({ chequeCount: 1, chequeTotalCents: 2350 });
			expect(await balance(memberId)).toEqual({ total: 2350, pending: 2350 });
		});

		it('keep hides the duplicate for good; a third copy shows up anew', async () => {
			const memberId = await addPlainMember(db, g.groupId, 'Karl Garde');
			const d = await createTestDistribution(db, g.groupId, { date: TODAY });
			const cash = (deviceId: string) =>
				makeOp(
					{ groupId: g.groupId, memberId },
					{ amountCents: 1000, distributionId: d.id, deviceId }
				);
			const a = cash('tablet-1');
			const b = cash('tablet-2');
			await push(coord, 'tablet-1', [a]);
			await push(helper, 'tablet-2', [b]);
			const [item] = await itemsOf(memberId);
			expect(item?.operationIds).toEqual([a.id, b.id].sort());
			if (!item) return;

			const res = await coord.post<ReviewResolution>(resolvePath(item.id), { resolution: 'keep' });
			expect(res.status).toBe(200);
			expect(res.body.item).toMatchObject({ id: item.id, resolution: 'keep' });
			expect(res.body.correction).toBeUndefined();
			expect(await balance(memberId)).toEqual({ total: 2000, pending: 2000 });
			expect(await itemsOf(memberId)).toEqual([]);

			// Replays change nothing; the item stays resolved.
			expect((await push(coord, 'tablet-1', [a, b])).map((r) => r.status)).toEqual([
				'duplicate',
				'duplicate'
			]);
			expect(await itemsOf(memberId)).toEqual([]);
			expectError(
				await coord.post(resolvePath(item.id), { resolution: 'keep' }),
				409,
				'ALREADY_RESOLVED'
			);

			const c = cash('tablet-3');
			await push(helper, 'tablet-3', [c]);
			const again = await itemsOf(memberId);
			expect(again).toHaveLength(1);
			expect(again[0]?.id).not.toBe(item.id);
			expect(again[0]?.operationIds).toEqual([a.id, b.id, c.id].sort());
		});

		it('watches distributions not validated or recent, not old validated ones', async () => {
			const memberId = await addPlainMember(db, g.groupId, 'Olga Ancienne');
			const oldValidated = await createTestDistribution(db, g.groupId, { date: '2030-10-01' });
			const oldOpen = await createTestDistribution(db, g.groupId, { date: '2030-10-08' });
			const recentValidated = await createTestDistribution(db, g.groupId, { date: '2031-03-05' });
			for (const d of [oldValidated, oldOpen, recentValidated]) {
				await push(coord, 'tablet-1', [cheque(memberId, d.id, 'tablet-1')]);
				await push(helper, 'tablet-2', [cheque(memberId, d.id, 'tablet-2')]);
			}
			for (const d of [oldValidated, recentValidated]) {
				await db.transaction((tx) =>
					markDistributionValidated(tx, g.groupId, d.id, g.coordinator.userId)
				);
			}
			const listed = (await itemsOf(memberId)).map((i) => i.distributionId).sort();
			expect(listed).toEqual([oldOpen.id, recentValidated.id].sort());
		});
	});

	describe('late payments', () => {
		it('lists a payment that arrived after validation; reverse with a reason cancels it exactly', async () => {
			const memberId = await addPlainMember(db, g.groupId, 'Lucie Retard');
			const d = await createTestDistribution(db, g.groupId, { date: '2031-03-10' });
			const validated = await coord.post(
				`/api/groups/${g.groupId}/distributions/${d.id}/validate`,
				{ confirmUnpaid: true }
			);
			expect(validated.status).toBe(200);
			const late = makeOp(
				{ groupId: g.groupId, memberId },
				{ amountCents: 800, distributionId: d.id, deviceId: 'phone-7' }
			);
			expect((await push(helper, 'phone-7', [late]))[0]?.status).toBe('accepted');
			expect(await balance(memberId)).toEqual({ total: 800, pending: 0 });

			const [item] = await itemsOf(memberId);
			expect(item).toMatchObject({
				kind: 'late_payment',
				operationIds: [late.id],
				memberId,
				memberName: 'Lucie Retard',
				amountCents: 800,
				method: 'cash',
				distributionId: d.id,
				deviceIds: ['phone-7']
			});
			expect(item?.reason).toMatch(/après la validation/);
			if (!item) return;

			expectError(
				await coord.post(resolvePath(item.id), {
					resolution: 'reverse',
					operationId: randomUUID()
				}),
				422,
				'OPERATION_NOT_IN_ITEM'
			);
			const res = await coord.post<ReviewResolution>(resolvePath(item.id), {
				resolution: 'reverse',
				operationId: late.id,
				reason: 'Déjà payé par virement'
			});
			expect(res.status).toBe(200);
			expect(res.body.correction).toMatchObject({
				amountCents: -800,
				correctsId: late.id,
				distributionId: d.id,
				reference: { label: 'Déjà payé par virement' }
			});
			expect(await balance(memberId)).toEqual({ total: 0, pending: 0 });
			expect(await verifyBalances(db, g.groupId)).toEqual([]);
			expect(await itemsOf(memberId)).toEqual([]);
			const { rows } = await db.query<{
				resolution: string;
				resolved_by: string;
				correction_id: string;
			}>(
				'SELECT resolution, resolved_by, correction_id FROM review_items WHERE group_id = $1 AND id = $2',
				[g.groupId, item.id]
			);
			expect(rows).toEqual([
				{
					resolution: 'reverse',
					resolved_by: g.coordinator.userId,
					correction_id: res.body.correction?.id
				}
			]);
		});

		it('refuses to reverse an operation already corrected, leaving the item open', async () => {
			const memberId = await addPlainMember(db, g.groupId, 'Paul Deux-Fois');
			const d = await createTestDistribution(db, g.groupId, { date: '2031-03-11' });
			await db.transaction((tx) =>
				markDistributionValidated(tx, g.groupId, d.id, g.coordinator.userId)
			);
			const late = makeOp(
				{ groupId: g.groupId, memberId },
				{ amountCents: 450, distributionId: d.id }
			);
			await push(coord, 'tablet-1', [late]);
			const fix = makeOp(
				{ groupId: g.groupId, memberId },
				{ kind: 'correction', amountCents: -450, correctsId: late.id, method: undefined }
			);
			expect((await push(coord, 'tablet-1', [fix]))[0]?.status).toBe('accepted');
			const [item] = await itemsOf(memberId);
			if (!item) throw new Error('late payment not listed');
			expectError(
				await coord.post(resolvePath(item.id), { resolution: 'reverse', operationId: late.id }),
				409,
				'ALREADY_CORRECTED'
			);
			expect(await balance(memberId)).toEqual({ total: 0, pending: 0 });
			expect((await itemsOf(memberId)).map((i) => i.id)).toEqual([item.id]);
			expect((await coord.post(resolvePath(item.id), { resolution: 'keep' })).status).toBe(200);
			expect(await itemsOf(memberId)).toEqual([]);
		});
	});

	describe('device reports', () => {
		it('stores rejected and conflicting operations once each, and lists them', async () => {
			const rejectedOp = makeOp(
				{ groupId: g.groupId, memberId: g.member.memberId },
				{ amountCents: 1500, method: 'cheque' }
			);
			const conflictId = randomUUID();
			const body = {
				deviceId: 'tablet-5',
				reports: [
					{
						operationId: rejectedOp.id,
						status: 'rejected',
						code: 'CHEQUE_NUMBER_REQUIRED',
						reason: 'Le numéro du chèque est obligatoire.',
						operation: rejectedOp
					},
					{
						operationId: conflictId,
						status: 'conflict',
						reason: 'Une autre opération porte déjà cet identifiant.',
						operation: { memberId: other.member.memberId, amountCents: 'beaucoup' }
					}
				]
			};
			const first = await helper.post<DeviceReportsResult>(reportsPath(), body);
			expect(first.status).toBe(200);
			expect(DeviceReportsResultSchema.safeParse(first.body).success).toBe(true);
			expect(first.body.results.map((r) => [r.operationId, r.status])).toEqual([
				[rejectedOp.id, 'stored'],
				[conflictId, 'stored']
			]);
			const again = await coord.post<DeviceReportsResult>(reportsPath(), body);
			expect(again.body.results).toEqual(
				first.body.results.map((r) => ({ ...r, status: 'known' }))
			);

			const listed = (await items()).filter((i) => i.kind === 'device_rejected');
			const rejected = listed.find((i) => i.operationIds[0] === rejectedOp.id);
			expect(rejected).toMatchObject({
				id: first.body.results[0]?.itemId,
				operationIds: [rejectedOp.id],
				memberId: g.member.memberId,
				memberName: g.member.name,
				amountCents: 1500,
				deviceIds: ['tablet-5'],
				reportStatus: 'rejected',
				code: 'CHEQUE_NUMBER_REQUIRED',
				reason: 'Le numéro du chèque est obligatoire.',
				operation: rejectedOp
			});
			const conflict = listed.find((i) => i.operationIds[0] === conflictId);
			expect(conflict).toMatchObject({ reportStatus: 'conflict', deviceIds: ['tablet-5'] });
			// A member of another group is not named, a non-number is not an amount.
			expect(conflict?.memberId).toBeUndefined();
			expect(conflict?.amountCents).toBeUndefined();
			expect(listed.filter((i) => i.operationIds[0] === rejectedOp.id)).toHaveLength(1);

			// Not in the ledger: nothing to reverse; keep closes it.
			const itemId = rejected?.id ?? '';
			expectError(
				await coord.post(resolvePath(itemId), {
					resolution: 'reverse',
					operationId: rejectedOp.id
				}),
				409,
				'NOTHING_TO_REVERSE'
			);
			const kept = await coord.post<ReviewResolution>(resolvePath(itemId), { resolution: 'keep' });
			expect(kept.status).toBe(200);
			expect(kept.body.item).toMatchObject({ kind: 'device_rejected', resolution: 'keep' });
			expect((await items()).some((i) => i.id === itemId)).toBe(false);
			// Reported again after resolution: still known, not reopened.
			expect((await helper.post<DeviceReportsResult>(reportsPath(), body)).body.results[0]).toEqual(
				{ operationId: rejectedOp.id, itemId, status: 'known' }
			);
			expect((await items()).some((i) => i.id === itemId)).toBe(false);
		});

		it('reverses a conflicting operation that is in the ledger', async () => {
			const memberId = await addPlainMember(db, g.groupId, 'Chloé Conflit');
			const op = makeOp({ groupId: g.groupId, memberId }, { amountCents: 1234 });
			await push(coord, 'tablet-1', [op]);
			const clash = { ...op, amountCents: 4321, deviceId: 'tablet-2' };
			const [answer] = await push(helper, 'tablet-2', [clash]);
			expect(answer?.status).toBe('conflict');
			const reported = await helper.post<DeviceReportsResult>(reportsPath(), {
				deviceId: 'tablet-2',
				reports: [
					{
						operationId: op.id,
						status: 'conflict',
						code: answer?.code,
						reason: answer?.reason,
						operation: clash
					}
				]
			});
			const itemId = reported.body.results[0]?.itemId ?? '';
			const res = await coord.post<ReviewResolution>(resolvePath(itemId), {
				resolution: 'reverse',
				operationId: op.id
			});
			expect(res.status).toBe(200);
			// The stored operation (12,34 €) is what gets reversed, not the device's version.
			expect(res.body.correction).toMatchObject({
				amountCents: -1234,
				correctsId: op.id,
				reference: { label: 'Annulé après signalement d’un appareil' }
			});
			expect(await balance(memberId)).toEqual({ total: 0, pending: 0 });
		});

		it('refuses bad reports with 400', async () => {
			const report = { operationId: randomUUID(), status: 'rejected', reason: 'Refusée' };
			const bad: unknown[] = [
				{ deviceId: 'tablet-1', reports: [{ ...report, status: 'accepted' }] },
				{ deviceId: 'tablet-1', reports: [{ ...report, reason: '' }] },
				{ deviceId: 'tablet-1', reports: [{ ...report, operationId: 'x' }] },
				{ deviceId: 'tablet-1', reports: [{ ...report, extra: true }] },
				{ deviceId: 'tablet 1!', reports: [report] },
				{ deviceId: 'tablet-1', reports: report },
				{ deviceId: 'tablet-1', reports: Array.from({ length: 501 }, () => report) },
				{ reports: [report] }
			];
			for (const body of bad)
				expectError(await helper.post(reportsPath(), body), 400, 'VALIDATION_FAILED');
			expectError(await helper.post(reportsPath(), '{"deviceId":'), 400, 'INVALID_JSON');
			const { rows } = await db.query(
				'SELECT 1 FROM review_items WHERE group_id = $1 AND $2 = ANY(operation_ids)',
				[g.groupId, report.operationId]
			);
			expect(rows).toEqual([]);
		});
	});

	describe('resolving', () => {
		it('shows a conflicting report with the ledger’s facts, the ones a reversal corrects', async () => {
			const memberId = await addPlainMember(db, g.groupId, 'Léon Ledger');
			const stored = makeOp({ groupId: g.groupId, memberId }, { amountCents: 1500 });
			await push(coord, 'tablet-1', [stored]);
			const deviceVersion = { ...stored, amountCents: 9900 };
			const res = await helper.post(reportsPath(), {
				deviceId: 'tablet-2',
				reports: [
					{
						operationId: stored.id,
						status: 'conflict',
						reason: 'Autre contenu',
						operation: deviceVersion
					}
				]
			});
			expect(res.status).toBe(200);
			const item = (await items()).find((i) => i.operationIds.includes(stored.id));
			expect(item).toMatchObject({ kind: 'device_rejected', memberId, amountCents: 1500 });
		});

		it('answers 404 for an unknown item or another group’s, 400 for a bad body', async () => {
			expectError(
				await coord.post(resolvePath(randomUUID()), { resolution: 'keep' }),
				404,
				'REVIEW_ITEM_NOT_FOUND'
			);
			const theirs = await outsider.post<DeviceReportsResult>(reportsPath(other.groupId), {
				deviceId: 'tablet-1',
				reports: [{ operationId: randomUUID(), status: 'rejected', reason: 'Refusée' }]
			});
			const theirId = theirs.body.results[0]?.itemId ?? '';
			expectError(
				await coord.post(resolvePath(theirId), { resolution: 'keep' }),
				404,
				'REVIEW_ITEM_NOT_FOUND'
			);
			expectError(
				await coord.post(resolvePath('nope'), { resolution: 'keep' }),
				400,
				'VALIDATION_FAILED'
			);
			for (const body of [
				{},
				{ resolution: 'delete' },
				{ resolution: 'reverse' },
				{ resolution: 'reverse', operationId: 'x' },
				{ resolution: 'keep', operationId: randomUUID(), extra: 1 }
			]) {
				expectError(await coord.post(resolvePath(theirId), body), 400, 'VALIDATION_FAILED');
			}
			expectError(await coord.post(resolvePath(theirId), '{'), 400, 'INVALID_JSON');
			// Still open in its own group.
			const own = await outsider.get<ReviewList>(reviewPath(other.groupId));
			expect(own.body.items.map((i) => i.id)).toContain(theirId);
		});
	});

	describe('corrections through push (the ledger rule)', () => {
		it('rejects a correction of an unknown operation, of another member, or of another group', async () => {
			const memberId = await addPlainMember(db, g.groupId, 'Rita Règle');
			const otherMemberId = await addPlainMember(db, g.groupId, 'Omar Autre');
			const pay = makeOp({ groupId: g.groupId, memberId }, { amountCents: 600 });
			await push(coord, 'tablet-1', [pay]);
			const theirs = makeOp({ groupId: other.groupId, memberId: other.member.memberId });
			const theirPush = await outsider.post<PushResult>('/api/sync/push', {
				groupId: other.groupId,
				deviceId: 'tablet-1',
				operations: [theirs]
			});
			expect(theirPush.body.results[0]?.status).toBe('accepted');
			const correction = (over: Record<string, unknown>) =>
				makeOp(
					{ groupId: g.groupId, memberId },
					{ kind: 'correction', amountCents: -600, method: undefined, correctsId: pay.id, ...over }
				);
			const results = await push(coord, 'tablet-1', [
				correction({ correctsId: randomUUID() }),
				correction({ memberId: otherMemberId }),
				correction({ correctsId: theirs.id, amountCents: -1250 }),
				correction({ correctsId: undefined })
			]);
			expect(results.map((r) => [r.status, r.code])).toEqual([
				['rejected', 'CORRECTION_TARGET_NOT_FOUND'],
				['rejected', 'CORRECTION_MEMBER_MISMATCH'],
				['rejected', 'CORRECTION_TARGET_NOT_FOUND'],
				['rejected', 'CORRECTS_ID_REQUIRED']
			]);
			expect(await balance(memberId)).toEqual({ total: 600, pending: 0 });
		});

		it('accepts only one of two corrections of one operation pushed at once from two devices', async () => {
			const memberId = await addPlainMember(db, g.groupId, 'Simone Simultanée');
			// At a distribution still open, so that the helper may reverse it too.
			const open = await createTestDistribution(db, g.groupId, { date: TODAY });
			const pay = makeOp(
				{ groupId: g.groupId, memberId },
				{ amountCents: 990, distributionId: open.id }
			);
			await push(coord, 'tablet-1', [pay]);
			const fix = (deviceId: string) =>
				makeOp(
					{ groupId: g.groupId, memberId },
					{ kind: 'correction', amountCents: -990, method: undefined, correctsId: pay.id, deviceId }
				);
			const [r1, r2] = await Promise.all([
				push(coord, 'tablet-1', [fix('tablet-1')]),
				push(helper, 'tablet-2', [fix('tablet-2')])
			]);
			const outcomes = [r1[0], r2[0]].map((r) => [r?.status, r?.code ?? null]).sort();
			expect(outcomes).toEqual([
				['accepted', null],
				['rejected', 'ALREADY_CORRECTED']
			]);
			expect(await balance(memberId)).toEqual({ total: 0, pending: 0 });
			expect(await verifyBalances(db, g.groupId)).toEqual([]);
		});
	});
});
