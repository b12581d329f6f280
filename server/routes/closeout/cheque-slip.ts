/**
 * The cheque deposit slip (bordereau de remise de chèques) as a self-contained HTML page with
 * a print stylesheet (A4, header row repeated on each page). No script and nothing loaded from
 * anywhere (the CSP below forbids it); every piece of text goes through `escapeHtml`.
 */
import { formatMoney, type Cents } from '../../../src/lib/domain';
import type { DepositCheque } from '../../../src/lib/domain/closeout';
import type { SlipHeader } from '../../db/repositories/closeouts';
import { escapeHtml } from '../docs/docs-page';

/**
 * No script, no fetch, only inline styles. `frame-ancestors 'self'` lets the PWA print the
 * slip from a frame of its own origin; no other site may frame it.
 */
export const SLIP_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const LONG_DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'UTC' });

/** "mercredi 12 mars 2031" for "2031-03-12" (a calendar day, no time zone shift). */
export function frenchLongDate(isoDay: string): string {
	const at = new Date(`${isoDay}T00:00:00Z`);
	return Number.isNaN(at.getTime()) ? isoDay : LONG_DATE.format(at);
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:11pt/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111;background:#fff}
main{max-width:190mm;margin:0 auto;padding:12mm 8mm}
h1{font-size:16pt;margin:0 0 4mm}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:1mm 6mm;margin:0 0 6mm}
.meta dt{font-weight:600}
.meta dd{margin:0}
.blank{border-bottom:1px solid #555;min-height:1.4em}
table{width:100%;border-collapse:collapse;margin:0 0 6mm}
th,td{border:1px solid #555;padding:1.5mm 2mm;text-align:left;vertical-align:top}
thead th{background:#eee}
.num,.amount{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tfoot th,tfoot td{font-weight:700}
.empty{text-align:center;font-style:italic}
.sign{display:grid;grid-template-columns:1fr 1fr;gap:8mm;margin-top:10mm}
.sign p{margin:0;padding-bottom:18mm;border-bottom:1px solid #555}
.hint{margin-top:8mm;color:#555;font-size:9pt}
@page{size:A4;margin:12mm}
@media print{main{padding:0;max-width:none}.hint{display:none}thead{display:table-header-group}tr{break-inside:avoid}thead th{background:none}}
`;

function chequeRow(c: DepositCheque, index: number): string {
	return `<tr><td class="num">${index + 1}</td><td>${escapeHtml(c.number)}</td><td>${escapeHtml(
		c.bank
	)}</td><td>${escapeHtml(c.drawer)}</td><td class="amount">${escapeHtml(
		formatMoney(c.amountCents, 'fr')
	)}</td></tr>`;
}

/** The printable slip of a distribution's cheques, in French. */
export function renderChequeSlip(
	header: SlipHeader,
	cheques: readonly DepositCheque[],
	totals: { count: number; totalCents: Cents }
): string {
	const day = frenchLongDate(header.date);
	const title = `Bordereau de remise de chèques — ${header.groupName} — ${day}`;
	const rows =
		cheques.length > 0
			? cheques.map(chequeRow).join('\n')
			: '<tr><td colspan="5" class="empty">Aucun chèque à remettre pour cette distribution.</td></tr>';
	return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Bordereau de remise de chèques</h1>
<dl class="meta">
<dt>Titulaire du compte</dt><dd>${escapeHtml(header.groupName)}</dd>
<dt>Distribution</dt><dd>${escapeHtml(day)} — ${escapeHtml(header.place)}</dd>
<dt>Compte à créditer</dt><dd class="blank"></dd>
</dl>
<table>
<thead><tr><th class="num">#</th><th>N° du chèque</th><th>Banque</th><th>Tireur</th><th class="amount">Montant</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot>
<tr><th colspan="4">Nombre de chèques</th><td class="amount">${totals.count}</td></tr>
<tr><th colspan="4">Total</th><td class="amount">${escapeHtml(formatMoney(totals.totalCents, 'fr'))}</td></tr>
</tfoot>
</table>
<div class="sign">
<p>Date de remise :</p>
<p>Signature du déposant :</p>
</div>
<p class="hint">Pour imprimer : Ctrl+P (⌘+P sur Mac). Vérifiez le nombre et le total avant de signer.</p>
</main>
</body>
</html>
`;
}
