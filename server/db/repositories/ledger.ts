/**
 * The ledger of record: operations inserted exactly once, with each member's balance kept in
 * the same transaction (member_balances), and validation moving pending payments to confirmed.
 *
 * Concurrency: an operation that touches a distribution takes a share lock on that
 * distribution's row; validation takes an exclusive one. So an operation is either counted
 * pending before validation (and moved by it) or sees the distribution validated (and counts
 * as confirmed, flagged as late), never lost in between. The member's balance row is updated
 * with an upsert, which serializes concurrent writes on one account.
 */
import { randomUUID } from 'node:crypto';
import {
	cents,
	checkCorrection,
	sameOperationContent,
	type LedgerOperation,
	type OperationKind,
	type OperationMethod,
	type PaymentReference
} from '../../../src/lib/domain';
import type { Queryable } from '../database';

export interface OperationRow {
	group_id: string;
	id: string;
	member_id: string;
	kind: OperationKind;
	amount_cents: number;
	method: OperationMethod | null;
	distribution_id: string | null;
	order_id: string | null;
	corrects_id: string | null;
	reference: PaymentReference | null;
	occurred_at: string;
	device_id: string;
	recorded_by: string | null;
	received_at: string;
}

export const OPERATION_COLUMNS = `group_id, id, member_id, kind, amount_cents, method, distribution_id,
	order_id, corrects_id, reference, occurred_at, device_id, recorded_by, received_at`;

/** A database row as the wire Operation (absent fields left out). */
export function rowToOperation(r: OperationRow): LedgerOperation {
	return {
		id: r.id,
		groupId: r.group_id,
		memberId: r.member_id,
		kind: r.kind,
		amountCents: cents(r.amount_cents),
		...(r.method ? { method: r.method } : {}),
		...(r.distribution_id ? { distributionId: r.distribution_id } : {}),
		...(r.order_id ? { orderId: r.order_id } : {}),
		...(r.corrects_id ? { correctsId: r.corrects_id } : {}),
		...(r.reference ? { reference: r.reference } : {}),
		occurredAt: r.occurred_at,
		deviceId: r.device_id
	};
}

export type RecordOutcome =
	| { status: 'accepted'; late?: boolean }
	| { status: 'duplicate' }
	| { status: 'conflict'; reason: string }
	| { status: 'rejected'; code: string; reason: string };

async function findOperation(db: Queryable, groupId: string, id: string) {
	const { rows } = await db.query<OperationRow>(
		`SELECT ${OPERATION_COLUMNS} FROM operations WHERE group_id = $1 AND id = $2`,
		[groupId, id]
	);
	return rows[0];
}

function sameIdOutcome(existing: OperationRow, op: LedgerOperation): RecordOutcome {
	return sameOperationContent(rowToOperation(existing), op)
		? { status: 'duplicate' }
		: {
				status: 'conflict',
				reason:
					'Une autre opération porte déjà cet identifiant avec un contenu différent : elle n’a pas été remplacée.'
			};
}

const rejected = (code: string, reason: string): RecordOutcome => ({
	status: 'rejected',
	code,
	reason
});

/** Locks the distribution row (shared) and tells whether it exists and is validated. */
async function lockDistribution(db: Queryable, groupId: string, distributionId: string) {
	const { rows } = await db.query<{ validated: boolean }>(
		`SELECT validated_at IS NOT NULL AS validated FROM distributions
		  WHERE group_id = $1 AND id = $2 FOR SHARE`,
		[groupId, distributionId]
	);
	return rows[0];
}

/**
 * Records one operation, already checked against the shared schema and the caller's rights,
 * inside the caller's transaction. Referential rules are checked here: the member, the
 * distribution and the order belong to the group, a correction reverses exactly one
 * operation of the same member.
 */
/** The facts of an operation a rule needs: its kind, and its distribution's state. */
export async function distributionState(
	db: Queryable,
	groupId: string,
	distributionId: string
): Promise<{ validated: boolean; validatedAt: string | null } | undefined> {
	const { rows } = await db.query<{ validated: boolean; validatedAt: string | null }>(
		`SELECT validated_at IS NOT NULL AS validated, validated_at AS "validatedAt"
		   FROM distributions WHERE group_id = $1 AND id = $2`,
		[groupId, distributionId]
	);
	return rows[0];
}

export async function operationById(
	db: Queryable,
	groupId: string,
	id: string
): Promise<LedgerOperation | undefined> {
	const row = await findOperation(db, groupId, id);
	return row ? rowToOperation(row) : undefined;
}

export async function recordOperation(
	tx: Queryable,
	op: LedgerOperation,
	ctx: {
		recordedBy: string | null;
		/** A rule of the caller's role, checked for new operations only (a replay stays a duplicate). */
		allow?: (tx: Queryable) => Promise<RecordOutcome | null>;
	}
): Promise<RecordOutcome> {
	const existing = await findOperation(tx, op.groupId, op.id);
	if (existing) return sameIdOutcome(existing, op);
	const refusal = ctx.allow ? await ctx.allow(tx) : null;
	if (refusal) return refusal;

	const member = await tx.query('SELECT 1 FROM members WHERE group_id = $1 AND id = $2', [
		op.groupId,
		op.memberId
	]);
	if (member.rows.length === 0) {
		return rejected('UNKNOWN_MEMBER', 'Adhérent inconnu dans ce groupe.');
	}

	let pending = false;
	let late = false;
	if (op.distributionId) {
		const d = await lockDistribution(tx, op.groupId, op.distributionId);
		if (!d) return rejected('UNKNOWN_DISTRIBUTION', 'Distribution inconnue dans ce groupe.');
		if (op.kind === 'payment') {
			pending = !d.validated;
			late = d.validated;
		}
	}
	if (op.orderId) {
		const { rows } = await tx.query<{ member_id: string; distribution_id: string }>(
			'SELECT member_id, distribution_id FROM orders WHERE group_id = $1 AND id = $2',
			[op.groupId, op.orderId]
		);
		const order = rows[0];
		if (!order) return rejected('UNKNOWN_ORDER', 'Commande inconnue dans ce groupe.');
		if (order.member_id !== op.memberId) {
			return rejected('ORDER_MEMBER_MISMATCH', 'Cette commande est celle d’un autre adhérent.');
		}
		if (op.distributionId && order.distribution_id !== op.distributionId) {
			return rejected(
				'ORDER_DISTRIBUTION_MISMATCH',
				'Cette commande est d’une autre distribution.'
			);
		}
		if (op.kind === 'order_adjustment') {
			const d = await lockDistribution(tx, op.groupId, order.distribution_id);
			if (d?.validated) {
				return rejected(
					'DISTRIBUTION_VALIDATED',
					'La distribution de cette commande est validée : corrigez par une contre-passation.'
				);
			}
		}
	}
	if (op.kind === 'correction' && op.correctsId) {
		const targetRow = await findOperation(tx, op.groupId, op.correctsId);
		const target = targetRow ? rowToOperation(targetRow) : undefined;
		const { rows: others } = await tx.query<OperationRow>(
			`SELECT ${OPERATION_COLUMNS} FROM operations WHERE group_id = $1 AND corrects_id = $2`,
			[op.groupId, op.correctsId]
		);
		const check = checkCorrection(op, target, others.map(rowToOperation));
		if (!check.ok) return rejected(check.code, check.message);
		// A correction follows its target: pending while the target payment is.
		if (target?.kind === 'payment' && target.distributionId) {
			const d = await lockDistribution(tx, op.groupId, target.distributionId);
			pending = !!d && !d.validated;
		}
	}

	const inserted = await tx.query(
		`INSERT INTO operations (group_id, id, member_id, kind, amount_cents, method, distribution_id,
		   order_id, corrects_id, reference, occurred_at, device_id, recorded_by)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		 ON CONFLICT DO NOTHING RETURNING id`,
		[
			op.groupId,
			op.id,
			op.memberId,
			op.kind,
			op.amountCents,
			op.method ?? null,
			op.distributionId ?? null,
			op.orderId ?? null,
			op.correctsId ?? null,
			op.reference ? JSON.stringify(op.reference) : null,
			op.occurredAt,
			op.deviceId,
			ctx.recordedBy
		]
	);
	if (inserted.rows.length === 0) {
		// Another transaction stored the same id, or another correction of the same target,
		// between our check and our insert.
		const again = await findOperation(tx, op.groupId, op.id);
		if (again) return sameIdOutcome(again, op);
		return rejected('ALREADY_CORRECTED', 'Cette opération a déjà été corrigée.');
	}

	await tx.query(
		`INSERT INTO member_balances (group_id, member_id, total_cents, pending_cents)
		 VALUES ($1, $2, $3, $4)
		 ON CONFLICT (group_id, member_id) DO UPDATE
		   SET total_cents = member_balances.total_cents + EXCLUDED.total_cents,
		       pending_cents = member_balances.pending_cents + EXCLUDED.pending_cents`,
		[op.groupId, op.memberId, op.amountCents, pending ? op.amountCents : 0]
	);

	if (late) {
		await tx.query(
			`INSERT INTO review_items (group_id, id, kind, operation_ids, reason)
			 VALUES ($1, $2, 'late_payment', ARRAY[$3::uuid], $4)`,
			[
				op.groupId,
				randomUUID(),
				op.id,
				'Paiement reçu après la validation de sa distribution : vérifiez-le.'
			]
		);
	}
	return { status: 'accepted', ...(late ? { late: true } : {}) };
}

/**
 * Validates a distribution: its payments (and their corrections) stop being pending.
 * Idempotent: a second call finds the distribution validated and changes nothing.
 * Returns false when the distribution was already validated.
 */
export async function markDistributionValidated(
	tx: Queryable,
	groupId: string,
	distributionId: string,
	userId: string
): Promise<boolean> {
	const { rows } = await tx.query<{ validated: boolean }>(
		`SELECT validated_at IS NOT NULL AS validated FROM distributions
		  WHERE group_id = $1 AND id = $2 FOR UPDATE`,
		[groupId, distributionId]
	);
	if (!rows[0] || rows[0].validated) return false;
	await tx.query(
		`UPDATE distributions SET validated_at = now(), validated_by = $3 WHERE group_id = $1 AND id = $2`,
		[groupId, distributionId, userId]
	);
	await tx.query(
		`WITH moved AS (
		   SELECT o.member_id, sum(o.amount_cents)::bigint AS amount
		     FROM operations o
		    WHERE o.group_id = $1
		      AND ((o.kind = 'payment' AND o.distribution_id = $2)
		        OR (o.kind = 'correction' AND o.corrects_id IN (
		              SELECT p.id FROM operations p
		               WHERE p.group_id = $1 AND p.kind = 'payment' AND p.distribution_id = $2)))
		    GROUP BY o.member_id)
		 UPDATE member_balances b SET pending_cents = b.pending_cents - moved.amount
		   FROM moved WHERE b.group_id = $1 AND b.member_id = moved.member_id`,
		[groupId, distributionId]
	);
	return true;
}

export interface BalanceRow {
	memberId: string;
	totalCents: number;
	pendingCents: number;
}

/** Kept balances of a group's members (those without operations have none yet: zero). */
export async function keptBalances(
	db: Queryable,
	groupId: string
): Promise<Map<string, BalanceRow>> {
	const { rows } = await db.query<BalanceRow>(
		`SELECT member_id AS "memberId", total_cents AS "totalCents", pending_cents AS "pendingCents"
		   FROM member_balances WHERE group_id = $1`,
		[groupId]
	);
	return new Map(rows.map((r) => [r.memberId, r]));
}

export interface BalanceDifference {
	groupId: string;
	memberId: string;
	kept: { totalCents: number; pendingCents: number };
	recomputed: { totalCents: number; pendingCents: number };
}

/**
 * Recomputes every kept balance from the operations (optionally for one group) and returns
 * the members whose kept figures differ. Empty means the books are exact.
 */
export async function verifyBalances(
	db: Queryable,
	groupId?: string
): Promise<BalanceDifference[]> {
	const { rows } = await db.query<{
		group_id: string;
		member_id: string;
		kept_total: number;
		kept_pending: number;
		total: number;
		pending: number;
	}>(
		`WITH pending_payment AS (
		   SELECT p.group_id, p.id FROM operations p
		     JOIN distributions d ON d.group_id = p.group_id AND d.id = p.distribution_id
		    WHERE p.kind = 'payment' AND d.validated_at IS NULL),
		 recomputed AS (
		   SELECT o.group_id, o.member_id,
		          sum(o.amount_cents)::bigint AS total,
		          coalesce(sum(o.amount_cents) FILTER (WHERE
		            (o.kind = 'payment' AND EXISTS (SELECT 1 FROM pending_payment pp WHERE pp.group_id = o.group_id AND pp.id = o.id))
		            OR (o.kind = 'correction' AND EXISTS (SELECT 1 FROM pending_payment pp WHERE pp.group_id = o.group_id AND pp.id = o.corrects_id))
		          ), 0)::bigint AS pending
		     FROM operations o
		    WHERE ($1::uuid IS NULL OR o.group_id = $1)
		    GROUP BY o.group_id, o.member_id)
		 SELECT coalesce(b.group_id, r.group_id) AS group_id, coalesce(b.member_id, r.member_id) AS member_id,
		        coalesce(b.total_cents, 0) AS kept_total, coalesce(b.pending_cents, 0) AS kept_pending,
		        coalesce(r.total, 0) AS total, coalesce(r.pending, 0) AS pending
		   FROM (SELECT * FROM member_balances WHERE $1::uuid IS NULL OR group_id = $1) b
		   FULL JOIN recomputed r ON r.group_id = b.group_id AND r.member_id = b.member_id
		  WHERE coalesce(b.total_cents, 0) <> coalesce(r.total, 0)
		     OR coalesce(b.pending_cents, 0) <> coalesce(r.pending, 0)`,
		[groupId ?? null]
	);
	return rows.map((r) => ({
		groupId: r.group_id,
		memberId: r.member_id,
		kept: { totalCents: r.kept_total, pendingCents: r.kept_pending },
		recomputed: { totalCents: r.total, pendingCents: r.pending }
	}));
}
