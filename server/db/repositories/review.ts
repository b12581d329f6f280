/**
 * The review queue's rows: late payments (written by `recordOperation`), operations devices
 * reported as rejected or conflicting, and duplicates once resolved (open duplicates are
 * computed from the ledger, see server/routes/review).
 */
import type { OperationMethod, PaymentReference } from '../../../src/lib/domain';
import type { ReviewKind } from '../../../src/lib/domain/closeout';
import type { Queryable } from '../database';
import { OPERATION_COLUMNS, type OperationRow } from './ledger';

export interface ReviewRow {
	id: string;
	kind: ReviewKind;
	operationIds: string[];
	reason: string;
	createdAt: string;
	memberId: string | null;
	memberName: string | null;
	amountCents: number | null;
	method: OperationMethod | null;
	reference: PaymentReference | null;
	distributionId: string | null;
	deviceId: string | null;
	details: { status?: string; code?: string; operation?: unknown } | null;
	resolution: 'keep' | 'reverse' | null;
	resolvedAt: string | null;
	resolvedByUserId: string | null;
	resolvedByName: string | null;
}

// Member and amount come from the ledger when the operation is there (what a reversal would
// correct), else from what the device reported (a refused operation is in no ledger); the
// device's own version stays in details.
const SELECT_ITEMS = `
	SELECT r.id, r.kind, r.operation_ids AS "operationIds", r.reason, r.created_at AS "createdAt",
	       coalesce(o.member_id, r.member_id) AS "memberId", m.name AS "memberName",
	       coalesce(o.amount_cents, r.amount_cents) AS "amountCents",
	       o.method, o.reference, o.distribution_id AS "distributionId",
	       coalesce(r.device_id, o.device_id) AS "deviceId", r.details,
	       r.resolution, r.resolved_at AS "resolvedAt", r.resolved_by AS "resolvedByUserId",
	       u.name AS "resolvedByName"
	  FROM review_items r
	  LEFT JOIN operations o ON o.group_id = r.group_id AND o.id = r.operation_ids[1]
	  LEFT JOIN members m ON m.group_id = r.group_id AND m.id = coalesce(o.member_id, r.member_id)
	  LEFT JOIN users u ON u.id = r.resolved_by`;

/** The group's open stored items, oldest first. */
export async function openReviewRows(db: Queryable, groupId: string): Promise<ReviewRow[]> {
	const { rows } = await db.query<ReviewRow>(
		`${SELECT_ITEMS} WHERE r.group_id = $1 AND r.resolved_at IS NULL
		 ORDER BY r.created_at, r.id`,
		[groupId]
	);
	return rows;
}

/** One stored item; `forUpdate` locks it until the transaction ends (resolution). */
export async function findReviewRow(
	db: Queryable,
	groupId: string,
	id: string,
	opts: { forUpdate?: boolean } = {}
): Promise<ReviewRow | undefined> {
	const { rows } = await db.query<ReviewRow>(
		`${SELECT_ITEMS} WHERE r.group_id = $1 AND r.id = $2${opts.forUpdate ? ' FOR UPDATE OF r' : ''}`,
		[groupId, id]
	);
	return rows[0];
}

/** Which of these item ids are stored (resolved duplicates, mostly). */
export async function storedReviewIds(
	db: Queryable,
	groupId: string,
	ids: readonly string[]
): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	const { rows } = await db.query<{ id: string }>(
		`SELECT id FROM review_items WHERE group_id = $1 AND id = ANY($2::uuid[])`,
		[groupId, [...ids]]
	);
	return new Set(rows.map((r) => r.id));
}

/**
 * Payments of the distributions that may still hold a duplicate worth flagging (not
 * validated, or dated on or after `since`), with the corrections of those payments, so that a
 * reversed copy is no longer flagged.
 */
export async function reviewablePayments(
	db: Queryable,
	groupId: string,
	since: string
): Promise<OperationRow[]> {
	const { rows } = await db.query<OperationRow>(
		`WITH recent AS (
		   SELECT id FROM distributions
		    WHERE group_id = $1 AND (validated_at IS NULL OR date >= $2::date)),
		 payments AS (
		   SELECT p.id FROM operations p
		    WHERE p.group_id = $1 AND p.kind = 'payment'
		      AND p.distribution_id IN (SELECT id FROM recent))
		 SELECT ${OPERATION_COLUMNS} FROM operations o
		  WHERE o.group_id = $1
		    AND ((o.kind = 'payment' AND o.id IN (SELECT id FROM payments))
		      OR (o.kind = 'correction' AND o.corrects_id IN (SELECT id FROM payments)))`,
		[groupId, since]
	);
	return rows;
}

/** One operation of the group as stored, or undefined. */
export async function findOperationRow(
	db: Queryable,
	groupId: string,
	id: string
): Promise<OperationRow | undefined> {
	const { rows } = await db.query<OperationRow>(
		`SELECT ${OPERATION_COLUMNS} FROM operations WHERE group_id = $1 AND id = $2`,
		[groupId, id]
	);
	return rows[0];
}

/**
 * Stores a device's report of one operation unless that operation was already reported in
 * the group; returns the item's id and whether this call stored it.
 */
export async function insertDeviceReport(
	db: Queryable,
	r: {
		groupId: string;
		id: string;
		operationId: string;
		reason: string;
		memberId: string | null;
		amountCents: number | null;
		deviceId: string;
		details: { status: string; code?: string; operation?: unknown };
		reportedBy: string;
	}
): Promise<{ id: string; stored: boolean }> {
	const key = `report:${r.operationId}`;
	const inserted = await db.query<{ id: string }>(
		`INSERT INTO review_items (group_id, id, kind, operation_ids, reason, item_key, member_id,
		   amount_cents, device_id, details, reported_by)
		 VALUES ($1, $2, 'device_rejected', ARRAY[$3::uuid], $4, $5, $6, $7, $8, $9, $10)
		 ON CONFLICT (group_id, item_key) DO NOTHING RETURNING id`,
		[
			r.groupId,
			r.id,
			r.operationId,
			r.reason,
			key,
			r.memberId,
			r.amountCents,
			r.deviceId,
			JSON.stringify(r.details),
			r.reportedBy
		]
	);
	const storedId = inserted.rows[0]?.id;
	if (storedId) return { id: storedId, stored: true };
	const { rows } = await db.query<{ id: string }>(
		`SELECT id FROM review_items WHERE group_id = $1 AND item_key = $2`,
		[r.groupId, key]
	);
	const existing = rows[0]?.id;
	if (!existing) throw new Error(`review item ${key} neither inserted nor found`);
	return { id: existing, stored: false };
}

/** Marks an open stored item resolved: when, or undefined if it was resolved meanwhile. */
export async function markReviewResolved(
	db: Queryable,
	r: {
		groupId: string;
		id: string;
		resolution: 'keep' | 'reverse';
		resolvedBy: string;
		correctionId: string | null;
	}
): Promise<string | undefined> {
	const { rows } = await db.query<{ resolvedAt: string }>(
		`UPDATE review_items
		    SET resolved_at = now(), resolved_by = $3, resolution = $4, correction_id = $5
		  WHERE group_id = $1 AND id = $2 AND resolved_at IS NULL RETURNING resolved_at AS "resolvedAt"`,
		[r.groupId, r.id, r.resolvedBy, r.resolution, r.correctionId]
	);
	return rows[0]?.resolvedAt;
}

/**
 * Stores a computed duplicate as resolved, under its stable id, so it is never listed again:
 * when, or undefined if it was stored (resolved) meanwhile.
 */
export async function insertResolvedDuplicate(
	db: Queryable,
	r: {
		groupId: string;
		id: string;
		key: string;
		operationIds: readonly string[];
		reason: string;
		memberId: string;
		amountCents: number;
		resolution: 'keep' | 'reverse';
		resolvedBy: string;
		correctionId: string | null;
	}
): Promise<string | undefined> {
	const { rows } = await db.query<{ resolvedAt: string }>(
		`INSERT INTO review_items (group_id, id, kind, operation_ids, reason, item_key, member_id,
		   amount_cents, resolved_at, resolved_by, resolution, correction_id)
		 VALUES ($1, $2, 'duplicate', $3::uuid[], $4, $5, $6, $7, now(), $8, $9, $10)
		 ON CONFLICT DO NOTHING RETURNING resolved_at AS "resolvedAt"`,
		[
			r.groupId,
			r.id,
			[...r.operationIds],
			r.reason,
			r.key,
			r.memberId,
			r.amountCents,
			r.resolvedBy,
			r.resolution,
			r.correctionId
		]
	);
	return rows[0]?.resolvedAt;
}
