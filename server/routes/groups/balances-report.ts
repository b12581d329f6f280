/**
 * The balances overview as the coordinator reads it: sorted the French way, and exported as a
 * CSV that Excel and LibreOffice open correctly with French settings.
 */
import type { BalanceTotals, Cents } from '../../../src/lib/domain';
import type { MemberBalanceRow } from '../../db/repositories/balances';

export const BALANCE_SORTS = ['name', 'balance'] as const;
export type BalanceSort = (typeof BALANCE_SORTS)[number];

// Accents and case do not split names apart ("Élodie" sits with "Elodie", before "Zoé"),
// whatever collation the PostgreSQL build has.
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function byName(a: MemberBalanceRow, b: MemberBalanceRow): number {
	return (
		collator.compare(a.name, b.name) ||
		(a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0)
	);
}

/** By name, or by confirmed balance (largest debt first), ties by name; ids keep it total. */
export function sortBalances(rows: readonly MemberBalanceRow[], sort: BalanceSort) {
	const compare =
		sort === 'balance'
			? (a: MemberBalanceRow, b: MemberBalanceRow) =>
					a.balanceCents - b.balanceCents || byName(a, b)
			: byName;
	return [...rows].sort(compare);
}

/** Cents as a plain French decimal for a spreadsheet: -1250 → "-12,50" (no symbol, no grouping). */
export function csvAmount(c: Cents): string {
	const digits = String(Math.abs(c)).padStart(3, '0');
	return `${c < 0 ? '-' : ''}${digits.slice(0, -2)},${digits.slice(-2)}`;
}

/**
 * One text cell: a leading = + - @ (or tab, carriage return) would make a spreadsheet run it
 * as a formula, so it gets an apostrophe; then fields with the separator, quotes or line
 * breaks are quoted, inner quotes doubled.
 */
export function csvText(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_HEADER = ['Adhérent', 'E-mail', 'Solde', 'En attente', 'Solde projeté'];

/**
 * The overview as CSV: UTF-8 BOM (Excel otherwise reads it as Latin-1), `;` separators and
 * comma decimals (what French spreadsheets expect), CRLF line ends, a final totals row.
 */
export function balancesCsv(rows: readonly MemberBalanceRow[], totals: BalanceTotals): string {
	const lines = [
		CSV_HEADER.map(csvText),
		...rows.map((r) => [
			csvText(r.name),
			csvText(r.email ?? ''),
			csvAmount(r.balanceCents),
			csvAmount(r.pendingCents),
			csvAmount(r.projectedCents)
		]),
		[
			'Total',
			'',
			csvAmount(totals.balanceCents),
			csvAmount(totals.pendingCents),
			csvAmount(totals.projectedCents)
		]
	];
	return `\uFEFF${lines.map((cells) => cells.join(';')).join('\r\n')}\r\n`;
}
