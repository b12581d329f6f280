/**
 * What a device pulls: rows written by transactions in [cursor, horizon).
 *
 * The cursor is a transaction-id horizon, not a row sequence. A sequence value is taken when a
 * row is written but becomes visible only at commit, so a later value can commit first and a
 * "greater than the last seen" cursor would skip the earlier one forever. Instead every
 * pullable row records the id of the transaction that wrote it (`txid`, xid8), and a pull
 * answers only rows whose transaction is older than the oldest transaction still running
 * (`pg_snapshot_xmin(pg_current_snapshot())`): all of those have finished, so nothing below
 * the horizon can appear later. The next pull starts at that horizon.
 */
import type { Queryable } from '../database';
import type { DistributionRow } from './distributions';
import { OPERATION_COLUMNS, rowToOperation, type OperationRow } from './ledger';
import type { OrderRow } from './orders';

export type PullScope =
	| { kind: 'all' }
	| { kind: 'distribution-day'; memberId: string }
	| { kind: 'own'; memberId: string };

export async function currentHorizon(db: Queryable): Promise<string> {
	const { rows } = await db.query<{ h: string }>(
		'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS h'
	);
	return rows[0]!.h;
}

/** Members whose accounts a helper sees: those with a basket in a distribution not yet validated. */
const HELPER_MEMBERS = `SELECT o.member_id FROM orders o
	JOIN distributions d ON d.group_id = o.group_id AND d.id = o.distribution_id
	WHERE o.group_id = $1 AND d.validated_at IS NULL`;

export async function pullChanges(
	db: Queryable,
	groupId: string,
	scope: PullScope,
	from: string,
	to: string
) {
	// A helper sees the accounts of today's baskets, and always their own.
	const memberFilter =
		scope.kind === 'own'
			? 'AND x.member_id = $4'
			: scope.kind === 'distribution-day'
				? `AND (x.member_id = $4 OR x.member_id IN (${HELPER_MEMBERS}))`
				: '';
	const params = scope.kind === 'all' ? [groupId, from, to] : [groupId, from, to, scope.memberId];
	const window = 'x.group_id = $1 AND x.txid >= $2::xid8 AND x.txid < $3::xid8';

	// A member enters a helper's scope when a basket of theirs appears (or changes) in an open
	// distribution: their whole history below the horizon comes along, not only what changed
	// since the cursor, or the tablet would show a wrong balance. Sending an operation the
	// device already has is harmless (stored by id).
	const entering =
		scope.kind === 'distribution-day'
			? `OR (x.group_id = $1 AND x.txid < $3::xid8 AND x.member_id IN (
			     SELECT o.member_id FROM orders o
			       JOIN distributions d ON d.group_id = o.group_id AND d.id = o.distribution_id
			      WHERE o.group_id = $1 AND d.validated_at IS NULL
			        AND o.txid >= $2::xid8 AND o.txid < $3::xid8))`
			: '';
	const ops = await db.query<OperationRow>(
		`SELECT ${OPERATION_COLUMNS} FROM operations x
		  WHERE (${window} ${memberFilter}) ${entering}
		  ORDER BY x.txid, x.occurred_at, x.id`,
		params
	);
	const orders = await db.query<Omit<OrderRow, 'memberName' | 'createdAt' | 'updatedAt'>>(
		`SELECT x.id, x.distribution_id AS "distributionId", x.member_id AS "memberId",
		        x.payment_method AS "paymentMethod", x.lines, x.total_cents AS "totalCents"
		   FROM orders x WHERE ${window} ${memberFilter} ORDER BY x.txid, x.id`,
		params
	);
	const distributions = await db.query<DistributionRow>(
		`SELECT x.id, x.date, x.place, x.validated_at IS NOT NULL AS validated,
		        coalesce((SELECT json_agg(json_build_object('id', p.id, 'name', p.name,
		                    'unitPriceCents', p.unit_price_cents) ORDER BY p.position, p.name)
		                    FROM products p WHERE p.group_id = x.group_id AND p.distribution_id = x.id),
		                 '[]'::json) AS products
		   FROM distributions x WHERE ${window} ORDER BY x.date, x.id`,
		[groupId, from, to]
	);
	const members =
		scope.kind === 'own'
			? await db.query<{ id: string; name: string; email: string | null }>(
					`SELECT x.id, x.name, x.email FROM members x WHERE ${window} AND x.id = $4 ORDER BY x.name, x.id`,
					params
				)
			: await db.query<{ id: string; name: string; email: string | null }>(
					`SELECT x.id, x.name, x.email FROM members x WHERE ${window} ORDER BY x.name, x.id`,
					[groupId, from, to]
				);
	return {
		operations: ops.rows.map(rowToOperation),
		orders: orders.rows,
		distributions: distributions.rows,
		// Emails are the coordinator's (and each member's own): a helper gets names only.
		members: members.rows.map((m) => ({
			id: m.id,
			name: m.name,
			...(m.email && scope.kind !== 'distribution-day' ? { email: m.email } : {})
		}))
	};
}
