/**
 * Close-out counts (append-only history, the latest wins) and what the deposit slip needs
 * besides the payments: the distribution with its group's name, and members' names.
 */
import type { CloseoutCount, CloseoutExpected } from '../../../src/lib/domain/closeout';
import type { Queryable } from '../database';

export interface CloseoutCountRow {
	cashFloatCents: number;
	cashCountedCents: number;
	chequeCount: number;
	chequeTotalCents: number;
	cardTerminalBatchCents: number;
	recordedByUserId: string;
	recordedByName: string;
	recordedAt: string;
}

/** Appends one count, with the expected figures it was compared with. */
export async function insertCloseoutCount(
	db: Queryable,
	c: {
		groupId: string;
		id: string;
		distributionId: string;
		count: CloseoutCount;
		expected: CloseoutExpected;
		recordedBy: string;
	}
): Promise<void> {
	await db.query(
		`INSERT INTO closeout_counts (group_id, id, distribution_id, cash_float_cents,
		   cash_counted_cents, cheque_count, cheque_total_cents, card_terminal_batch_cents,
		   expected_cash_cents, expected_cheque_count, expected_cheque_total_cents,
		   expected_card_terminal_cents, expected_transfer_cents, recorded_by)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
		[
			c.groupId,
			c.id,
			c.distributionId,
			c.count.cashFloatCents,
			c.count.cashCountedCents,
			c.count.chequeCount,
			c.count.chequeTotalCents,
			c.count.cardTerminalBatchCents,
			c.expected.cashCents,
			c.expected.chequeCount,
			c.expected.chequeTotalCents,
			c.expected.cardTerminalCents,
			c.expected.transferCents,
			c.recordedBy
		]
	);
}

/** The distribution's latest count, or undefined before the first one. */
export async function latestCloseoutCount(
	db: Queryable,
	groupId: string,
	distributionId: string
): Promise<CloseoutCountRow | undefined> {
	const { rows } = await db.query<CloseoutCountRow>(
		`SELECT c.cash_float_cents AS "cashFloatCents", c.cash_counted_cents AS "cashCountedCents",
		        c.cheque_count AS "chequeCount", c.cheque_total_cents AS "chequeTotalCents",
		        c.card_terminal_batch_cents AS "cardTerminalBatchCents",
		        c.recorded_by AS "recordedByUserId", u.name AS "recordedByName",
		        c.recorded_at AS "recordedAt"
		   FROM closeout_counts c JOIN users u ON u.id = c.recorded_by
		  WHERE c.group_id = $1 AND c.distribution_id = $2
		  ORDER BY c.recorded_at DESC, c.id DESC
		  LIMIT 1`,
		[groupId, distributionId]
	);
	return rows[0];
}

export interface SlipHeader {
	groupName: string;
	date: string;
	place: string;
}

/** The distribution's date and place with its group's name, or undefined when not in it. */
export async function slipHeader(
	db: Queryable,
	groupId: string,
	distributionId: string
): Promise<SlipHeader | undefined> {
	const { rows } = await db.query<SlipHeader>(
		`SELECT g.name AS "groupName", d.date, d.place
		   FROM distributions d JOIN groups g ON g.id = d.group_id
		  WHERE d.group_id = $1 AND d.id = $2`,
		[groupId, distributionId]
	);
	return rows[0];
}

/** Names of some members of a group, by id. */
export async function memberNames(
	db: Queryable,
	groupId: string,
	memberIds: readonly string[]
): Promise<Map<string, string>> {
	if (memberIds.length === 0) return new Map();
	const { rows } = await db.query<{ id: string; name: string }>(
		`SELECT id, name FROM members WHERE group_id = $1 AND id = ANY($2::uuid[])`,
		[groupId, [...new Set(memberIds)]]
	);
	return new Map(rows.map((r) => [r.id, r.name]));
}
