/**
 * The two accounting exports as CSV files, with the conventions of the balances export
 * (`balances-report.ts`): UTF-8 BOM, `;` separators, comma decimals, CRLF line ends, text
 * cells quoted when needed and guarded against formula injection.
 */
import type { OperationKind, OperationMethod } from '../../../src/lib/domain';
import { cents } from '../../../src/lib/domain';
import { GROUP_TIME_ZONE, type JournalEntry } from '../../../src/lib/domain/journal';
import type { ExportRow } from '../../db/repositories/exports';
import { csvAmount, csvText } from '../groups/balances-report';

/** Rows of cells (already escaped) as a file Excel and LibreOffice open in a French locale. */
export function csvFile(rows: readonly (readonly string[])[]): string {
	return `\uFEFF${rows.map((cells) => cells.join(';')).join('\r\n')}\r\n`;
}

export const KIND_LABELS_FR = {
	order: 'Commande',
	order_adjustment: 'Ajustement de commande',
	payment: 'Paiement',
	refund: 'Remboursement',
	opening_balance: 'Reprise de solde',
	correction: 'Correction'
} as const satisfies Record<OperationKind, string>;

export const METHOD_LABELS_FR = {
	cheque: 'Chèque',
	cash: 'Espèces',
	transfer: 'Virement',
	card_terminal: 'Carte bancaire sur place (TPE)',
	online_card: 'Carte bancaire en ligne'
} as const satisfies Record<OperationMethod, string>;

const dateTime = new Intl.DateTimeFormat('fr-FR', {
	timeZone: GROUP_TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/** An instant as French spreadsheets read a date and time, in Paris: "10/01/2025 18:05:00". */
export function csvDateTime(iso: string): string {
	const parts = Object.fromEntries(
		dateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value])
	);
	return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** A calendar day YYYY-MM-DD as "10/01/2025". */
export function csvDate(isoDay: string): string {
	const [y, m, d] = isoDay.split('-');
	return `${d}/${m}/${y}`;
}

export const OPERATIONS_HEADER = [
	'Identifiant',
	'Survenue le (appareil)',
	'Reçue le (serveur)',
	'Adhérent',
	'Compte adhérent',
	'Type',
	'Montant',
	'Moyen de paiement',
	'Distribution',
	'Commande',
	'Corrige',
	'N° de chèque',
	'Banque',
	'Tireur',
	'N° de ticket TPE',
	'Libellé',
	'Enregistrée par',
	'Appareil'
];

/**
 * Every operation with its audit fields: times in Paris, the signed amount (debit < 0), the
 * references, who recorded it from which device. `codes` gives the member's auxiliary account,
 * the same as in the journal.
 */
export function operationsCsv(rows: readonly ExportRow[], codes: ReadonlyMap<string, string>) {
	const ref = (r: ExportRow, k: 'chequeNumber' | 'bank' | 'drawer' | 'receiptNumber' | 'label') =>
		csvText(r.reference?.[k] ?? '');
	return csvFile([
		OPERATIONS_HEADER.map(csvText),
		...rows.map((r) => [
			r.id,
			csvDateTime(r.occurred_at),
			csvDateTime(r.received_at),
			csvText(r.member_name),
			csvText(codes.get(r.member_id) ?? ''),
			KIND_LABELS_FR[r.kind],
			csvAmount(cents(r.amount_cents)),
			r.method ? csvText(METHOD_LABELS_FR[r.method]) : '',
			r.distribution_date ? csvDate(r.distribution_date) : '',
			r.order_id ?? '',
			r.corrects_id ?? '',
			ref(r, 'chequeNumber'),
			ref(r, 'bank'),
			ref(r, 'drawer'),
			ref(r, 'receiptNumber'),
			ref(r, 'label'),
			csvText(r.recorded_by_name ?? ''),
			csvText(r.device_id)
		])
	]);
}

/** The columns of the French FEC (article A47 A-1 of the Livre des procédures fiscales). */
export const FEC_HEADER = [
	'JournalCode',
	'JournalLib',
	'EcritureNum',
	'EcritureDate',
	'CompteNum',
	'CompteLib',
	'CompAuxNum',
	'CompAuxLib',
	'PieceRef',
	'PieceDate',
	'EcritureLib',
	'Debit',
	'Credit',
	'EcritureLet',
	'DateLet',
	'ValidDate',
	'Montantdevise',
	'Idevise'
] as const;

/**
 * One row per journal line. Amounts are positive with comma decimals and no grouping (0,00 on
 * the empty side); dates YYYYMMDD; lettering and currency columns empty (everything is in
 * euros, the accounting currency).
 */
export function journalCsv(entries: readonly JournalEntry[]): string {
	return csvFile([
		[...FEC_HEADER],
		...entries.flatMap((e) =>
			e.lines.map((l) => [
				e.journalCode,
				csvText(e.journalLabel),
				e.num,
				e.date,
				l.account,
				csvText(l.accountLabel),
				csvText(l.auxNum),
				csvText(l.auxLabel),
				csvText(e.pieceRef),
				e.pieceDate,
				csvText(e.label),
				csvAmount(l.debitCents),
				csvAmount(l.creditCents),
				'',
				'',
				e.validDate,
				'',
				''
			])
		)
	]);
}
