/**
 * Opening balances in bulk ("reprise de soldes"): reading the CSV a coordinator exports from
 * the old bookkeeping, one line per member, into amounts per member with an error per bad line.
 * Pure: the caller passes the group's members and records nothing.
 *
 * The file: two columns, the member (e-mail address, or name) then the amount in euros
 * ("12,50", "-8,40", "1 234,56 €", "12.5"); a positive amount is a credit held for the member,
 * a negative one a debt. The separator is detected on the first line: `;` if it has one, else a
 * tab, else `,`. With `,` the amount is the rest of the line, so `Marie,12,50` reads 12,50 €.
 * Fields may be quoted ("Dupont; Jo";12,50). A first line whose amount has letters (Montant,
 * Solde…) is a header. Blank lines are skipped; line numbers are those of the file.
 */
import { z } from 'zod';
import { cents, parseMoney, sumCents, type Cents } from './money';
import { CentsSchema, IsoDateSchema, NameSchema, UuidSchema } from './schemas';

/** The largest file accepted, in bytes of UTF-8. */
export const MAX_IMPORT_BYTES = 1_048_576;
/** The largest opening balance of one member, either sign: 1 000 000,00 €. */
export const MAX_OPENING_CENTS = 100_000_000;
/** `reference.label` of the operations an import records. */
export const OPENING_IMPORT_LABEL = 'Reprise de solde (import)';

const encoder = new TextEncoder();

/** The body of the preview and of the import: the file's text, and optionally its date. */
export const OpeningImportBodySchema = z.strictObject({
	csv: z
		.string({ message: 'Le contenu du fichier (csv) est obligatoire' })
		.max(MAX_IMPORT_BYTES, 'Fichier trop volumineux : 1 Mo au plus')
		.refine((s) => encoder.encode(s).length <= MAX_IMPORT_BYTES, {
			message: 'Fichier trop volumineux : 1 Mo au plus'
		}),
	/** The day the balances are taken over (YYYY-MM-DD); the server's today when absent. */
	date: IsoDateSchema.optional()
});
export type OpeningImportBody = z.infer<typeof OpeningImportBodySchema>;

export const IMPORT_LINE_ERROR_CODES = [
	'UNCLOSED_QUOTE',
	'EXTRA_COLUMNS',
	'MISSING_MEMBER',
	'UNKNOWN_MEMBER',
	'AMBIGUOUS_MEMBER',
	'MISSING_AMOUNT',
	'BAD_AMOUNT',
	'ZERO_AMOUNT',
	'AMOUNT_TOO_LARGE',
	'DUPLICATE_MEMBER'
] as const;
export type ImportLineErrorCode = (typeof IMPORT_LINE_ERROR_CODES)[number];

export const IMPORT_SEPARATORS = [';', '\t', ','] as const;
export type ImportSeparator = (typeof IMPORT_SEPARATORS)[number];

/** A member the file may name. */
export interface ImportMember {
	id: string;
	name: string;
	email: string | null;
}

/** One data line of the file: what it resolves to, or why it is refused. */
export interface ImportLine {
	/** 1-based line number in the file. */
	line: number;
	/** The line as read (cut to 200 characters), to show beside its error. */
	text: string;
	member?: { id: string; name: string };
	amountCents?: Cents;
	code?: ImportLineErrorCode;
	error?: string;
}

export interface OpeningImport {
	separator: ImportSeparator;
	hasHeader: boolean;
	lines: ImportLine[];
	validCount: number;
	errorCount: number;
	/** Sum of the valid lines. */
	totalCents: Cents;
}

interface CsvRecord {
	line: number;
	fields: string[];
	text: string;
	unclosed: boolean;
}

/** The text with the BOM removed and every line end as `\n`. */
function unify(csv: string): string {
	return csv.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * The file's content as it matters for "the same file": no BOM, `\n` line ends, no trailing
 * white space, no blank lines. Two uploads whose normalized texts are equal are one import.
 */
export function normalizeImportText(csv: string): string {
	return unify(csv)
		.split('\n')
		.map((l) => l.trimEnd())
		.filter((l) => l.trim() !== '')
		.join('\n');
}

/** The separator of the first non-blank line (outside quotes): `;`, else tab, else `,`. */
export function detectSeparator(text: string): ImportSeparator {
	const first = unify(text)
		.split('\n')
		.find((l) => l.trim() !== '');
	if (first === undefined) return ';';
	const outside = first.replace(/"(?:[^"]|"")*"?/g, '');
	if (outside.includes(';')) return ';';
	if (outside.includes('\t')) return '\t';
	return ',';
}

/** Splits the text into records: quoted fields may hold separators, quotes and line ends. */
function readRecords(text: string, separator: ImportSeparator): CsvRecord[] {
	const src = unify(text);
	const records: CsvRecord[] = [];
	let fields: string[] = [];
	let field = '';
	let quoted = false;
	let atFieldStart = true;
	let line = 1;
	let recordLine = 1;
	let recordStart = 0;

	const endRecord = (end: number, unclosed: boolean) => {
		fields.push(field);
		records.push({ line: recordLine, fields, text: src.slice(recordStart, end), unclosed });
		fields = [];
		field = '';
		atFieldStart = true;
	};

	for (let i = 0; i < src.length; i += 1) {
		const ch = src[i];
		if (quoted) {
			if (ch === '"') {
				if (src[i + 1] === '"') {
					field += '"';
					i += 1;
				} else {
					quoted = false;
				}
			} else {
				if (ch === '\n') line += 1;
				field += ch;
			}
			continue;
		}
		if (ch === '"' && atFieldStart) {
			quoted = true;
			atFieldStart = false;
		} else if (ch === separator) {
			fields.push(field);
			field = '';
			atFieldStart = true;
		} else if (ch === '\n') {
			endRecord(i, false);
			line += 1;
			recordLine = line;
			recordStart = i + 1;
		} else {
			// Spaces before an opening quote do not make the quote literal.
			if (!(atFieldStart && (ch === ' ' || ch === '\u00a0'))) atFieldStart = false;
			field += ch;
		}
	}
	if (quoted || field !== '' || fields.length > 0) endRecord(src.length, quoted);
	return records.filter((r) => r.unclosed || r.fields.some((f) => f.trim() !== ''));
}

/** Lower case, no accents, punctuation as spaces, single spaces: "Élodie  D'Arc" → "elodie d arc". */
export function normalizeName(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}@.]+/gu, ' ')
		.trim();
}

/** The words of a name in order, so that "MEMBRE Marie" finds "Marie Membre". */
function wordKey(name: string): string {
	return normalizeName(name).split(' ').sort().join(' ');
}

type Resolution =
	{ ok: true; member: ImportMember } | { ok: false; code: ImportLineErrorCode; message: string };

function matching(
	members: readonly ImportMember[],
	key: (m: ImportMember) => string | undefined,
	wanted: string
): ImportMember[] {
	return members.filter((m) => key(m) === wanted);
}

/**
 * The member a cell names: by e-mail (any case) when it has an @, else by name — exactly, then
 * ignoring case, accents and punctuation, then in any word order. At each step one match wins
 * and several are ambiguous.
 */
export function resolveMember(cell: string, members: readonly ImportMember[]): Resolution {
	const wanted = cell.trim();
	if (wanted === '') {
		return {
			ok: false,
			code: 'MISSING_MEMBER',
			message: 'Adhérent manquant : la première colonne donne son adresse e-mail ou son nom.'
		};
	}
	if (wanted.includes('@')) {
		const found = matching(members, (m) => m.email?.trim().toLowerCase(), wanted.toLowerCase());
		if (found[0] && found.length === 1) return { ok: true, member: found[0] };
		return {
			ok: false,
			code: 'UNKNOWN_MEMBER',
			message: `Aucun adhérent du groupe n’a l’adresse « ${wanted} ».`
		};
	}
	const steps: [(m: ImportMember) => string, string][] = [
		[(m) => m.name.trim(), wanted],
		[(m) => normalizeName(m.name), normalizeName(wanted)],
		[(m) => wordKey(m.name), wordKey(wanted)]
	];
	for (const [key, value] of steps) {
		const found = matching(members, key, value);
		if (found[0] && found.length === 1) return { ok: true, member: found[0] };
		if (found.length > 1) {
			const names = found
				.slice(0, 5)
				.map((m) => m.name)
				.join(', ');
			return {
				ok: false,
				code: 'AMBIGUOUS_MEMBER',
				message: `« ${wanted} » désigne ${found.length} adhérents (${names}) : indiquez plutôt l’adresse e-mail.`
			};
		}
	}
	return {
		ok: false,
		code: 'UNKNOWN_MEMBER',
		message: `Aucun adhérent du groupe ne s’appelle « ${wanted} ».`
	};
}

function amountOf(
	cell: string
): { ok: true; cents: Cents } | { ok: false; code: ImportLineErrorCode; message: string } {
	const text = cell.trim();
	if (text === '') {
		return {
			ok: false,
			code: 'MISSING_AMOUNT',
			message: 'Montant manquant : la deuxième colonne donne le solde repris (12,50 ou -8,40).'
		};
	}
	const parsed = parseMoney(text);
	if (!parsed.ok) {
		return { ok: false, code: 'BAD_AMOUNT', message: `« ${text} » : ${parsed.message}.` };
	}
	if (parsed.cents === 0) {
		return {
			ok: false,
			code: 'ZERO_AMOUNT',
			message: 'Montant nul : une reprise de solde de 0,00 € ne s’enregistre pas.'
		};
	}
	if (Math.abs(parsed.cents) > MAX_OPENING_CENTS) {
		return {
			ok: false,
			code: 'AMOUNT_TOO_LARGE',
			message: 'Montant trop grand pour une reprise de solde (1 000 000,00 € au plus).'
		};
	}
	return { ok: true, cents: parsed.cents };
}

function cells(record: CsvRecord, separator: ImportSeparator) {
	const [member = '', ...rest] = record.fields;
	// With commas, "12,50" arrives as two fields: the amount is the rest of the line.
	if (separator === ',') return { member, amount: rest.join(','), extra: false };
	const [amount = '', ...extra] = rest;
	return { member, amount, extra: extra.some((f) => f.trim() !== '') };
}

function isHeader(record: CsvRecord, separator: ImportSeparator): boolean {
	if (record.unclosed) return false;
	const { amount } = cells(record, separator);
	return /\p{L}/u.test(amount) && !parseMoney(amount).ok;
}

/**
 * Reads the file against the group's members: one result per non-blank data line, each with
 * its member and amount or its error (unknown or ambiguous member, bad, zero or too large
 * amount, the same member twice, extra columns), and the total of the valid lines.
 */
export function parseOpeningImport(csv: string, members: readonly ImportMember[]): OpeningImport {
	const separator = detectSeparator(csv);
	const records = readRecords(csv, separator);
	const hasHeader = records[0] !== undefined && isHeader(records[0], separator);
	const seen = new Map<string, number>();
	const lines = (hasHeader ? records.slice(1) : records).map((record): ImportLine => {
		const out: ImportLine = { line: record.line, text: record.text.slice(0, 200) };
		const refuse = (code: ImportLineErrorCode, message: string): ImportLine => ({
			...out,
			code,
			error: message
		});
		if (record.unclosed) {
			return refuse('UNCLOSED_QUOTE', 'Guillemet ouvert jamais refermé sur cette ligne.');
		}
		const c = cells(record, separator);
		const who = resolveMember(c.member, members);
		if (who.ok) out.member = { id: who.member.id, name: who.member.name };
		const amount = amountOf(c.amount);
		if (amount.ok) out.amountCents = amount.cents;
		if (c.extra) {
			return refuse(
				'EXTRA_COLUMNS',
				'Colonnes en trop : deux colonnes attendues, l’adhérent puis le montant.'
			);
		}
		if (!who.ok) return refuse(who.code, who.message);
		if (!amount.ok) return refuse(amount.code, amount.message);
		const earlier = seen.get(who.member.id);
		if (earlier !== undefined) {
			return refuse(
				'DUPLICATE_MEMBER',
				`${who.member.name} figure déjà ligne ${earlier} : une seule reprise par adhérent dans un fichier.`
			);
		}
		seen.set(who.member.id, record.line);
		return out;
	});
	const valid = lines.filter((l) => l.error === undefined);
	return {
		separator,
		hasHeader,
		lines,
		validCount: valid.length,
		errorCount: lines.length - valid.length,
		totalCents: sumCents(valid.map((l) => l.amountCents ?? cents(0)))
	};
}

// --- Wire shapes of the answers ----------------------------------------------------------

/** One line of the preview (and of the 422's `error.details.lines`). */
export const ImportLineSchema = z.object({
	line: z.number().int().min(1),
	text: z.string().max(200),
	member: z.object({ id: UuidSchema, name: NameSchema }).optional(),
	amountCents: CentsSchema.optional(),
	code: z.enum(IMPORT_LINE_ERROR_CODES).optional(),
	error: z.string().max(2000).optional(),
	/** A valid line worth a second look: the member already has an opening balance. */
	warning: z.string().max(2000).optional()
});

/** `POST …/imports/opening-balances/preview`. */
export const OpeningImportPreviewSchema = z.object({
	separator: z.enum(IMPORT_SEPARATORS),
	hasHeader: z.boolean(),
	lines: z.array(ImportLineSchema),
	validCount: z.number().int().min(0),
	errorCount: z.number().int().min(0),
	totalCents: CentsSchema,
	/** This very file (same normalized text) was already imported into the group. */
	alreadyImported: z.boolean()
});
export type OpeningImportPreview = z.infer<typeof OpeningImportPreviewSchema>;

/** `POST …/imports/opening-balances`: operations recorded now, and those already there. */
export const OpeningImportResultSchema = z.object({
	recorded: z.number().int().min(0),
	alreadyRecorded: z.number().int().min(0),
	totalCents: CentsSchema
});
export type OpeningImportResult = z.infer<typeof OpeningImportResultSchema>;
