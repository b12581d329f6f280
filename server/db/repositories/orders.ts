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
	await db.query(
		`INSERT INTO orders (group_id, id, distribution_id, member_id, payment_method, lines, total_cents, created_by)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
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
