/**
 * Reads of the kept balances and of one member's ledger, for the coordinator's overview and
 * the member history. The overview reads `member_balances` (kept in the same transaction as
 * every operation), never the operations: it stays one indexed join however long the ledger.
 */
import { cents, type Cents, type LedgerOperation } from '../../../src/lib/domain';
import type { Database, Queryable } from '../database';
import { insertMember, memberEmailTaken, type MemberRow } from './groups';
import { OPERATION_COLUMNS, rowToOperation, type OperationRow } from './ledger';

/** Which accounts the overview keeps, by the sign of the confirmed balance. */
export const BALANCE_FILTERS = ['debtors', 'creditors', 'settled'] as const;
export type BalanceFilter = (typeof BALANCE_FILTERS)[number];

const FILTER_SIGN = { debtors: -1, creditors: 1, settled: 0 } as const satisfies Record<
	BalanceFilter,
	number
>;

export interface MemberBalanceRow {
	memberId: string;
	name: string;
	email: string | null;
	/** Confirmed balance: total minus what still waits for validation. */
	balanceCents: Cents;
	pendingCents: Cents;
	/** Everything counted, pending included. */
	projectedCents: Cents;
}

/**
 * Every member of the group with their kept balance, in one query (members ⋈ member_balances
 * on the primary key). Members without a balance row count as zero. Ordered by id only: the
 * caller sorts with a French collation, the same on every PostgreSQL build.
 */
export async function memberBalances(
	db: Queryable,
	groupId: string,
	filter?: BalanceFilter
): Promise<MemberBalanceRow[]> {
	const { rows } = await db.query<{
		memberId: string;
		name: string;
		email: string | null;
		balanceCents: number;
		pendingCents: number;
		projectedCents: number;
	}>(
		`SELECT member_id AS "memberId", name, email, balance AS "balanceCents",
		        pending AS "pendingCents", projected AS "projectedCents"
		   FROM (SELECT m.id AS member_id, m.name, m.email,
		                (coalesce(b.total_cents, 0) - coalesce(b.pending_cents, 0))::bigint AS balance,
		                coalesce(b.pending_cents, 0)::bigint AS pending,
		                coalesce(b.total_cents, 0)::bigint AS projected
		           FROM members m
		           LEFT JOIN member_balances b ON b.group_id = m.group_id AND b.member_id = m.id
		          WHERE m.group_id = $1) t
		  WHERE $2::int IS NULL
		     OR (CASE WHEN balance < 0 THEN -1 WHEN balance > 0 THEN 1 ELSE 0 END) = $2::int
		  ORDER BY member_id`,
		[groupId, filter === undefined ? null : FILTER_SIGN[filter]]
	);
	return rows.map((r) => ({
		memberId: r.memberId,
		name: r.name,
		email: r.email,
		balanceCents: cents(r.balanceCents),
		pendingCents: cents(r.pendingCents),
		projectedCents: cents(r.projectedCents)
	}));
}

export interface HistoryOperation {
	operation: LedgerOperation;
	receivedAt: string;
	/** Name of the person who recorded it (absent for server-made operations). */
	recordedBy?: string;
}

export interface MemberLedger {
	operations: HistoryOperation[];
	/** The validated distributions among those the operations refer to. */
	validatedDistributionIds: Set<string>;
}

/**
 * One member's operations with, in the same snapshot (one statement), whether each one's
 * distribution is validated, so pending and confirmed are computed from a consistent state
 * even while a validation runs.
 */
export async function memberLedger(
	db: Queryable,
	groupId: string,
	memberId: string
): Promise<MemberLedger> {
	const { rows } = await db.query<
		OperationRow & { recorded_by_name: string | null; distribution_validated: boolean | null }
	>(
		`SELECT ${OPERATION_COLUMNS},
		        (SELECT u.name FROM users u WHERE u.id = o.recorded_by) AS recorded_by_name,
		        (SELECT d.validated_at IS NOT NULL FROM distributions d
		          WHERE d.group_id = o.group_id AND d.id = o.distribution_id) AS distribution_validated
		   FROM operations o
		  WHERE o.group_id = $1 AND o.member_id = $2
		  ORDER BY o.occurred_at, o.id`,
		[groupId, memberId]
	);
	const validatedDistributionIds = new Set<string>();
	const operations = rows.map((r): HistoryOperation => {
		if (r.distribution_id && r.distribution_validated)
			validatedDistributionIds.add(r.distribution_id);
		return {
			operation: rowToOperation(r),
			receivedAt: r.received_at,
			...(r.recorded_by_name ? { recordedBy: r.recorded_by_name } : {})
		};
	});
	return { operations, validatedDistributionIds };
}

// PostgreSQL's unique_violation, the same code on pg and PGlite.
const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(e: unknown): boolean {
	return typeof e === 'object' && e !== null && 'code' in e && e.code === UNIQUE_VIOLATION;
}

/**
 * Adds a member (and their balance row, through `insertMember`) in one transaction.
 * Returns undefined when the email is already used in the group: checked first, and also caught
 * from the unique index when two coordinators add the same email at once.
 */
export async function addMemberUnlessEmailTaken(
	db: Pick<Database, 'transaction'>,
	m: { groupId: string; id: string; name: string; email: string }
): Promise<MemberRow | undefined> {
	try {
		return await db.transaction(async (tx): Promise<MemberRow | undefined> => {
			if (await memberEmailTaken(tx, m.groupId, m.email)) return undefined;
			await insertMember(tx, { ...m, role: 'member' });
			return { id: m.id, name: m.name, email: m.email, role: 'member' };
		});
	} catch (e) {
		if (isUniqueViolation(e)) return undefined;
		throw e;
	}
}
