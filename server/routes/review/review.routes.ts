/**
 * The review queue: what needs the coordinator, and its one-tap resolutions.
 *
 * - likely duplicate payments across devices (the domain's `findLikelyDuplicates` over the
 *   payments of distributions not validated or recent), computed on each read;
 * - payments that arrived after their distribution was validated (written by
 *   `recordOperation`);
 * - operations devices report as rejected or conflicting (POST …/review/reports, once per
 *   operation id).
 * A resolution either keeps things as they are or reverses one operation by a correction
 * through the ledger's own rules, in the same transaction as marking the item resolved.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { isCents, negate, UuidSchema, type LedgerOperation } from '../../../src/lib/domain';
import {
	DeviceReportsBodySchema,
	ReviewResolveSchema,
	type DeviceReportsResult,
	type ReviewItem,
	type ReviewKind,
	type ReviewList,
	type ReviewResolution
} from '../../../src/lib/domain/closeout';
import type { Queryable } from '../../db/database';
import { memberNames } from '../../db/repositories/closeouts';
import { recordOperation, rowToOperation } from '../../db/repositories/ledger';
import {
	findOperationRow,
	findReviewRow,
	insertDeviceReport,
	insertResolvedDuplicate,
	markReviewResolved,
	openReviewRows,
	reviewablePayments,
	storedReviewIds
} from '../../db/repositories/review';
import { requireRole } from '../../http/auth';
import { localDay } from '../../http/clock';
import { ApiError } from '../../http/errors';
import type { AppDeps, AppEnv } from '../../http/types';
import { jsonBody, parseWith } from '../../http/validate';
import { computeDuplicates, rowToItem, type ComputedDuplicate } from './review-items';

const GroupParams = z.object({ groupId: UuidSchema });
const ItemParams = z.object({ groupId: UuidSchema, itemId: UuidSchema });
const PARAMS = 'l’adresse';

/** Validated distributions stay under watch for duplicates this many days after their date. */
export const DUPLICATE_WINDOW_DAYS = 60;

/** Labels of the corrections a resolution writes, by the kind of item reversed. */
const REVERSAL_LABELS = {
	duplicate: 'Doublon corrigé',
	late_payment: 'Paiement tardif annulé',
	device_rejected: 'Annulé après signalement d’un appareil'
} as const satisfies Record<ReviewKind, string>;

function daysBefore(isoDay: string, days: number): string {
	const d = new Date(`${isoDay}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() - days);
	return d.toISOString().slice(0, 10);
}

/** The open duplicates of the group (left out: those already resolved). */
async function openDuplicates(
	db: Queryable,
	groupId: string,
	today: string
): Promise<ComputedDuplicate[]> {
	const rows = await reviewablePayments(db, groupId, daysBefore(today, DUPLICATE_WINDOW_DAYS));
	const names = await memberNames(
		db,
		groupId,
		rows.map((r) => r.member_id)
	);
	const all = computeDuplicates(groupId, rows, names);
	const stored = await storedReviewIds(
		db,
		groupId,
		all.map((d) => d.id)
	);
	return all.filter((d) => !stored.has(d.id));
}

function byCreation(a: ReviewItem, b: ReviewItem): number {
	const ta = Date.parse(a.createdAt);
	const tb = Date.parse(b.createdAt);
	if (ta !== tb) return ta - tb;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What a device sent, read loosely: the member (when in the group) and the amount. */
function reportedFacts(operation: unknown): { memberId?: string; amountCents?: number } {
	if (typeof operation !== 'object' || operation === null) return {};
	const o = operation as Record<string, unknown>;
	const memberId = UuidSchema.safeParse(o['memberId']);
	const amount = o['amountCents'];
	return {
		...(memberId.success ? { memberId: memberId.data } : {}),
		...(isCents(amount) && amount !== 0 ? { amountCents: amount } : {})
	};
}

const itemNotFound = () =>
	new ApiError(404, 'REVIEW_ITEM_NOT_FOUND', 'Élément à revoir introuvable dans ce groupe.');
const alreadyResolved = () =>
	new ApiError(409, 'ALREADY_RESOLVED', 'Cet élément a déjà été traité.');

export function reviewRoutes(deps: AppDeps) {
	const { db } = deps;
	const now = deps.now ?? (() => new Date());

	return new Hono<AppEnv>()
		.get('/groups/:groupId/review', async (c) => {
			const { groupId } = parseWith(GroupParams, c.req.param(), PARAMS);
			await requireRole(c, db, groupId, ['coordinator']);
			const stored = (await openReviewRows(db, groupId)).map(rowToItem);
			const duplicates = await openDuplicates(db, groupId, localDay(now()));
			const items = [...stored, ...duplicates.map((d) => d.item)].sort(byCreation);
			return c.json({ items } satisfies ReviewList);
		})
		.post('/groups/:groupId/review/reports', async (c) => {
			const { groupId } = parseWith(GroupParams, c.req.param(), PARAMS);
			const me = await requireRole(c, db, groupId, ['coordinator', 'helper']);
			const body = await jsonBody(c, DeviceReportsBodySchema);
			const facts = body.reports.map((r) => reportedFacts(r.operation));
			const results = await db.transaction(async (tx) => {
				const members = await memberNames(
					tx,
					groupId,
					facts.flatMap((f) => (f.memberId ? [f.memberId] : []))
				);
				const out: DeviceReportsResult['results'] = [];
				for (const [i, report] of body.reports.entries()) {
					const fact = facts[i] ?? {};
					const { id, stored } = await insertDeviceReport(tx, {
						groupId,
						id: randomUUID(),
						operationId: report.operationId,
						reason: report.reason,
						memberId: fact.memberId && members.has(fact.memberId) ? fact.memberId : null,
						amountCents: fact.amountCents ?? null,
						deviceId: body.deviceId,
						details: {
							status: report.status,
							...(report.code ? { code: report.code } : {}),
							...(report.operation !== undefined ? { operation: report.operation } : {})
						},
						reportedBy: me.user.id
					});
					out.push({
						operationId: report.operationId,
						itemId: id,
						status: stored ? 'stored' : 'known'
					});
				}
				return out;
			});
			return c.json({ results } satisfies DeviceReportsResult);
		})
		.post('/groups/:groupId/review/:itemId/resolve', async (c) => {
			const { groupId, itemId } = parseWith(ItemParams, c.req.param(), PARAMS);
			const me = await requireRole(c, db, groupId, ['coordinator']);
			const body = await jsonBody(c, ReviewResolveSchema);
			const answer = await db.transaction(async (tx): Promise<ReviewResolution> => {
				const row = await findReviewRow(tx, groupId, itemId, { forUpdate: true });
				if (row?.resolvedAt) throw alreadyResolved();
				const duplicate = row
					? undefined
					: (await openDuplicates(tx, groupId, localDay(now()))).find((d) => d.id === itemId);
				const item = row ? rowToItem(row) : duplicate?.item;
				if (!item) throw itemNotFound();

				let correction: LedgerOperation | undefined;
				if (body.resolution === 'reverse') {
					if (!item.operationIds.includes(body.operationId)) {
						throw new ApiError(
							422,
							'OPERATION_NOT_IN_ITEM',
							'Cette opération ne fait pas partie de l’élément à revoir.'
						);
					}
					const target = await findOperationRow(tx, groupId, body.operationId);
					if (!target) {
						throw new ApiError(
							409,
							'NOTHING_TO_REVERSE',
							'Cette opération n’est pas dans le grand livre : il n’y a rien à annuler. Gardez l’élément une fois traité sur l’appareil.'
						);
					}
					const op = rowToOperation(target);
					correction = {
						id: randomUUID(),
						groupId,
						memberId: op.memberId,
						kind: 'correction',
						amountCents: negate(op.amountCents),
						correctsId: op.id,
						...(op.distributionId ? { distributionId: op.distributionId } : {}),
						reference: { label: body.reason ?? REVERSAL_LABELS[item.kind] },
						occurredAt: now().toISOString(),
						deviceId: 'server'
					};
					const outcome = await recordOperation(tx, correction, { recordedBy: me.user.id });
					if (outcome.status === 'rejected') throw new ApiError(409, outcome.code, outcome.reason);
					if (outcome.status !== 'accepted') {
						throw new ApiError(
							409,
							'CORRECTION_NOT_RECORDED',
							'La correction n’a pas pu être enregistrée.'
						);
					}
				}

				const resolution = body.resolution;
				const correctionId = correction?.id ?? null;
				const resolvedAt = duplicate
					? await insertResolvedDuplicate(tx, {
							groupId,
							id: duplicate.id,
							key: duplicate.key,
							operationIds: item.operationIds,
							reason: item.reason,
							memberId: duplicate.memberId,
							amountCents: duplicate.amountCents,
							resolution,
							resolvedBy: me.user.id,
							correctionId
						})
					: await markReviewResolved(tx, {
							groupId,
							id: itemId,
							resolution,
							resolvedBy: me.user.id,
							correctionId
						});
				// Resolved by someone else between our read and our write: roll back, say so.
				if (!resolvedAt) throw alreadyResolved();
				return {
					item: {
						...item,
						resolution,
						resolvedBy: { userId: me.user.id, name: me.user.name },
						resolvedAt
					},
					...(correction ? { correction } : {})
				};
			});
			return c.json(answer);
		});
}
