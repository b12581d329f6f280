import type { OrderLine, OrderPaymentChoice } from '../../../src/lib/domain';
import type { Queryable } from '../database';
import { OPERATION_COLUMNS, rowToOperation, type OperationRow } from './ledger';

export interface OrderRow {
	id: string;
	distributionId: string;
	memberId: string;
	memberName: string;
	paymentMethod: OrderPaymentChoice;
	lines: OrderLine[];
	totalCents: number;
	createdAt: string;
	updatedAt: string;
}

const SELECT_ORDERS = `
	SELECT o.id, o.distribution_id AS "distributionId", o.member_id AS "memberId",
	       m.name AS "memberName", o.payment_method AS "paymentMethod", o.lines,
	       o.total_cents AS "totalCents", o.created_at AS "createdAt", o.updated_at AS "updatedAt"
	  FROM orders o JOIN members m ON m.group_id = o.group_id AND m.id = o.member_id`;

export async function insertOrder(
	db: Queryable,
	o: {
		groupId: string;
		id: string;
		distributionId: string;
		memberId: string;
		paymentMethod: OrderPaymentChoice;
		lines: OrderLine[];
		totalCents: number;
		createdBy: string | null;
	}
): Promise<void> {
	if (!(await tryInsertOrder(db, o))) throw new Error(`order ${o.id} already exists`);
}

export async function findOrder(
	db: Queryable,
	groupId: string,
	orderId: string,
	opts: { forUpdate?: boolean } = {}
): Promise<OrderRow | undefined> {
	const { rows } = await db.query<OrderRow>(
		`${SELECT_ORDERS} WHERE o.group_id = $1 AND o.id = $2${opts.forUpdate ? ' FOR UPDATE OF o' : ''}`,
		[groupId, orderId]
	);
	return rows[0];
}

export async function updateOrderLines(
	db: Queryable,
	groupId: string,
	orderId: string,
	lines: OrderLine[],
	totalCents: number
): Promise<void> {
	await db.query(
		`UPDATE orders SET lines = $3, total_cents = $4, updated_at = now() WHERE group_id = $1 AND id = $2`,
		[groupId, orderId, JSON.stringify(lines), totalCents]
	);
}

export async function ordersOfDistribution(
	db: Queryable,
	groupId: string,
	distributionId: string,
	memberId?: string
): Promise<OrderRow[]> {
	const { rows } = await db.query<OrderRow>(
		`${SELECT_ORDERS} WHERE o.group_id = $1 AND o.distribution_id = $2
		   AND ($3::uuid IS NULL OR o.member_id = $3)
		 ORDER BY m.name, o.member_id, o.created_at, o.id`,
		[groupId, distributionId, memberId ?? null]
	);
	return rows;
}

/** The distribution's payments and the corrections of those payments. */
export async function paymentsOfDistribution(
	db: Queryable,
	groupId: string,
	distributionId: string
) {
	const { rows } = await db.query<OperationRow>(
		`SELECT ${OPERATION_COLUMNS} FROM operations o
		  WHERE o.group_id = $1
		    AND ((o.kind = 'payment' AND o.distribution_id = $2)
		      OR (o.kind = 'correction' AND o.corrects_id IN (
		            SELECT p.id FROM operations p
		             WHERE p.group_id = $1 AND p.kind = 'payment' AND p.distribution_id = $2)))`,
		[groupId, distributionId]
	);
	return rows.map(rowToOperation);
}

/**
 * Inserts an order unless one with the same id already exists in the group (a client retry,
 * possibly concurrent): true when this call stored it.
 */
export async function tryInsertOrder(
	db: Queryable,
	o: Parameters<typeof insertOrder>[1]
): Promise<boolean> {
	const { rows } = await db.query(
		`INSERT INTO orders (group_id, id, distribution_id, member_id, payment_method, lines, total_cents, created_by)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		 ON CONFLICT (group_id, id) DO NOTHING RETURNING id`,
		[
			o.groupId,
			o.id,
			o.distributionId,
			o.memberId,
			o.paymentMethod,
			JSON.stringify(o.lines),
			o.totalCents,
			o.createdBy
		]
	);
	return rows.length > 0;
}

export interface MemberAccount {
	memberId: string;
	name: string;
	/** Projected balance: every operation, pending payments included. */
	totalCents: number;
	/** The pending part of `totalCents`. */
	pendingCents: number;
}

/**
 * Locks the member's kept balance row until the transaction ends and returns it. Every write
 * that checks the money-pot floor goes through this lock first, so two orders sent at once
 * are checked one after the other against the balance the first one left.
 */
export async function lockMemberBalance(
	tx: Queryable,
	groupId: string,
	memberId: string
): Promise<{ totalCents: number; pendingCents: number }> {
	// Members get their row when created; this covers rows made before that rule.
	await tx.query(
		`INSERT INTO member_balances (group_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
		[groupId, memberId]
	);
	const { rows } = await tx.query<{ totalCents: number; pendingCents: number }>(
		`SELECT total_cents AS "totalCents", pending_cents AS "pendingCents"
		   FROM member_balances WHERE group_id = $1 AND member_id = $2 FOR UPDATE`,
		[groupId, memberId]
	);
	return rows[0] ?? { totalCents: 0, pendingCents: 0 };
}

/** Names and kept balances of some members of a group (zero when they have no row yet). */
export async function memberAccounts(
	db: Queryable,
	groupId: string,
	memberIds: readonly string[]
): Promise<MemberAccount[]> {
	if (memberIds.length === 0) return [];
	const { rows } = await db.query<MemberAccount>(
		`SELECT m.id AS "memberId", m.name,
		        coalesce(b.total_cents, 0)::bigint AS "totalCents",
		        coalesce(b.pending_cents, 0)::bigint AS "pendingCents"
		   FROM members m
		   LEFT JOIN member_balances b ON b.group_id = m.group_id AND b.member_id = m.id
		  WHERE m.group_id = $1 AND m.id = ANY($2::uuid[])`,
		[groupId, [...memberIds]]
	);
	return rows;
}

/**
 * Folds an adjustment recorded on a device into the order's total (the lines stay as
 * ordered; the adjustment's label says what changed). Returns the new total, or undefined
 * when the order is missing or its total would go below zero (nothing changed).
 */
export async function applyAdjustmentToTotal(
	db: Queryable,
	groupId: string,
	orderId: string,
	adjustmentCents: number
): Promise<number | undefined> {
	const { rows } = await db.query<{ total_cents: number }>(
		`UPDATE orders SET total_cents = total_cents - $3, updated_at = now()
		  WHERE group_id = $1 AND id = $2 AND total_cents - $3 >= 0 RETURNING total_cents`,
		[groupId, orderId, adjustmentCents]
	);
	return rows[0]?.total_cents;
}
