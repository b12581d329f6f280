/**
 * Reads for the accounting exports (operations CSV, FEC journal) and the group's account
 * numbers. A period is a range of calendar days in the group's time zone, on `occurred_at`
 * (the device clock: when the money changed hands), both ends included and optional.
 */
import {
	DEFAULT_ACCOUNTS,
	GROUP_TIME_ZONE,
	type JournalAccounts,
	type JournalSource
} from '../../../src/lib/domain/journal';
import type { Queryable } from '../database';
import { OPERATION_COLUMNS, rowToOperation, type OperationRow } from './ledger';

export interface Period {
	/** First day, YYYY-MM-DD, included. */
	from?: string | undefined;
	/** Last day, YYYY-MM-DD, included. */
	to?: string | undefined;
}

export async function getAccounts(db: Queryable, groupId: string): Promise<JournalAccounts> {
	const { rows } = await db.query<JournalAccounts>(
		`SELECT members, cash, cheques, bank, sales, opening FROM group_accounts WHERE group_id = $1`,
		[groupId]
	);
	return rows[0] ?? { ...DEFAULT_ACCOUNTS };
}

export async function putAccounts(
	db: Queryable,
	groupId: string,
	a: JournalAccounts,
	userId: string
): Promise<void> {
	await db.query(
		`INSERT INTO group_accounts (group_id, members, cash, cheques, bank, sales, opening, updated_by)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		 ON CONFLICT (group_id) DO UPDATE SET
		   members = EXCLUDED.members, cash = EXCLUDED.cash, cheques = EXCLUDED.cheques,
		   bank = EXCLUDED.bank, sales = EXCLUDED.sales, opening = EXCLUDED.opening,
		   updated_by = EXCLUDED.updated_by, updated_at = now()`,
		[groupId, a.members, a.cash, a.cheques, a.bank, a.sales, a.opening, userId]
	);
}

/** One exported operation with its audit facts. */
export interface ExportRow extends OperationRow {
	member_name: string;
	recorded_by_name: string | null;
	distribution_date: string | null;
	distribution_validated_at: string | null;
	/** False for the corrected operations of another period, joined for the journal only. */
	in_period: boolean;
}

// Day bounds as instants: [from 00:00, to + 1 day 00:00) in the group's time zone, so that the
// comparison stays on the indexed timestamptz column.
const PERIOD_FILTER = `o.group_id = $1
	AND ($2::date IS NULL OR o.occurred_at >= ($2::date::timestamp AT TIME ZONE $4))
	AND ($3::date IS NULL OR o.occurred_at < (($3::date + 1)::timestamp AT TIME ZONE $4))`;

const EXPORT_COLUMNS = `${OPERATION_COLUMNS.split(',')
	.map((c) => `o.${c.trim()}`)
	.join(', ')},
	m.name AS member_name,
	u.name AS recorded_by_name,
	d.date AS distribution_date,
	d.validated_at AS distribution_validated_at`;

const EXPORT_JOINS = `
	JOIN members m ON m.group_id = o.group_id AND m.id = o.member_id
	LEFT JOIN users u ON u.id = o.recorded_by
	LEFT JOIN distributions d ON d.group_id = o.group_id AND d.id = o.distribution_id`;

/** The operations of a period, in occurrence order, with names, distribution and recorder. */
export async function periodOperations(
	db: Queryable,
	groupId: string,
	period: Period
): Promise<ExportRow[]> {
	const { rows } = await db.query<ExportRow>(
		`SELECT ${EXPORT_COLUMNS}, true AS in_period
		   FROM operations o ${EXPORT_JOINS}
		  WHERE ${PERIOD_FILTER}
		  ORDER BY o.occurred_at, o.id`,
		[groupId, period.from ?? null, period.to ?? null, GROUP_TIME_ZONE]
	);
	return rows;
}

/**
 * The journal's material in one snapshot: the period's operations, plus the operations their
 * corrections reverse when those lie outside the period (a correction reverses its target's
 * accounts, whenever the target happened).
 */
export async function journalOperations(
	db: Queryable,
	groupId: string,
	period: Period
): Promise<ExportRow[]> {
	const { rows } = await db.query<ExportRow>(
		`WITH p AS (SELECT o.id, o.corrects_id FROM operations o WHERE ${PERIOD_FILTER})
		 SELECT ${EXPORT_COLUMNS}, o.id IN (SELECT id FROM p) AS in_period
		   FROM operations o ${EXPORT_JOINS}
		  WHERE o.group_id = $1
		    AND (o.id IN (SELECT id FROM p)
		      OR o.id IN (SELECT corrects_id FROM p WHERE corrects_id IS NOT NULL))
		  ORDER BY o.occurred_at, o.id`,
		[groupId, period.from ?? null, period.to ?? null, GROUP_TIME_ZONE]
	);
	return rows;
}

/** A row as the journal reads it. */
export function toJournalSource(r: ExportRow): JournalSource {
	return {
		operation: rowToOperation(r),
		memberName: r.member_name,
		receivedAt: r.received_at,
		...(r.distribution_date ? { distributionDate: r.distribution_date } : {}),
		...(r.distribution_validated_at ? { distributionValidatedAt: r.distribution_validated_at } : {})
	};
}

/** Every member id of the group: auxiliary account codes are computed over all of them. */
export async function groupMemberIds(db: Queryable, groupId: string): Promise<string[]> {
	const { rows } = await db.query<{ id: string }>(`SELECT id FROM members WHERE group_id = $1`, [
		groupId
	]);
	return rows.map((r) => r.id);
}
