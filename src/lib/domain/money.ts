/**
 * Money: integer cents of euros, parsed and formatted only at the edges.
 *
 * Nothing here goes through floating point to compute cents: digits are read as strings and
 * checked with BigInt, and formatting builds the decimal digits from the integer itself.
 */
import { DomainError } from './result';

/** An integer number of euro cents; only `cents()` and the helpers below make one. */
export type Cents = number & { readonly __brand: 'Cents' };

/** The largest amount the ledger holds, in cents (exact in IEEE doubles and in `bigint`). */
export const MAX_CENTS = Number.MAX_SAFE_INTEGER;

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const MONEY_ERROR_CODES = [
	'EMPTY',
	'NO_DIGITS',
	'LETTERS',
	'INVALID_CHARACTER',
	'MULTIPLE_SIGNS',
	'MISPLACED_SIGN',
	'MISPLACED_CURRENCY',
	'MISPLACED_SEPARATOR',
	'TOO_MANY_DECIMALS',
	'OUT_OF_RANGE',
	'NOT_INTEGER_CENTS',
	'OVERFLOW',
	'INVALID_SPLIT'
] as const;
export type MoneyErrorCode = (typeof MONEY_ERROR_CODES)[number];

/** A money invariant broken by the caller (non-integer cents, overflow, bad split). */
export class MoneyError extends DomainError<MoneyErrorCode> {
	constructor(code: MoneyErrorCode, message: string) {
		super(code, message);
		this.name = 'MoneyError';
	}
}

export type MoneyParseResult =
	{ ok: true; cents: Cents } | { ok: false; code: MoneyErrorCode; message: string };

/** Whether `n` is a valid amount of cents (a safe integer). */
export function isCents(n: unknown): n is Cents {
	return typeof n === 'number' && Number.isSafeInteger(n);
}

/** Brands a safe integer as cents; throws `MoneyError` `NOT_INTEGER_CENTS` otherwise. */
export function cents(n: number): Cents {
	if (!isCents(n)) {
		throw new MoneyError('NOT_INTEGER_CENTS', `Not an integer number of cents: ${String(n)}`);
	}
	// -0 would print as "-0,00 €" and fail Object.is equality with 0.
	return (n === 0 ? 0 : n) as Cents;
}

/** Adds amounts, throwing `MoneyError` `OVERFLOW` past `MAX_CENTS`: `addCents(a, b, c)`. */
export function addCents(...xs: readonly Cents[]): Cents {
	return sumCents(xs);
}

/** Sums a list of amounts, throwing `MoneyError` `OVERFLOW` past `MAX_CENTS`. */
export function sumCents(list: Iterable<Cents>): Cents {
	let total = 0;
	for (const x of list) {
		total += cents(x);
		// A sum past 2^53 rounds to a value that is no longer a safe integer, so this catches it.
		if (!Number.isSafeInteger(total)) {
			throw new MoneyError('OVERFLOW', 'Sum of cents beyond Number.MAX_SAFE_INTEGER');
		}
	}
	return cents(total);
}

/** The opposite amount (never -0). */
export function negate(c: Cents): Cents {
	return cents(-cents(c));
}

/** `a - b`, throwing `MoneyError` `OVERFLOW` past `MAX_CENTS`. */
export function subtractCents(a: Cents, b: Cents): Cents {
	return addCents(a, negate(b));
}

/** An amount times an integer factor (a quantity), throwing `MoneyError` on overflow. */
export function multiplyCents(c: Cents, factor: number): Cents {
	if (!Number.isSafeInteger(factor)) {
		throw new MoneyError('NOT_INTEGER_CENTS', `Not an integer factor: ${String(factor)}`);
	}
	const product = BigInt(cents(c)) * BigInt(factor);
	if (product > BigInt(MAX_CENTS) || product < -BigInt(MAX_CENTS)) {
		throw new MoneyError('OVERFLOW', 'Product of cents beyond Number.MAX_SAFE_INTEGER');
	}
	return cents(Number(product));
}

/**
 * Splits `total` into `parts` amounts that add up to it exactly, the remainder going one cent
 * at a time to the first parts: 1003 in 2 → [502, 501]; -1003 in 2 → [-502, -501].
 */
export function splitCents(total: Cents, parts: number): Cents[] {
	if (!Number.isSafeInteger(parts) || parts < 1) {
		throw new MoneyError('INVALID_SPLIT', `Cannot split into ${String(parts)} parts`);
	}
	const sign = total < 0 ? -1 : 1;
	const magnitude = Math.abs(cents(total));
	// Integer division on safe integers: the remainder is exact, so the quotient is as well.
	const remainder = magnitude % parts;
	const base = (magnitude - remainder) / parts;
	return Array.from({ length: parts }, (_, i) => cents(sign * (base + (i < remainder ? 1 : 0))));
}

function refuse(code: MoneyErrorCode, message: string): MoneyParseResult {
	return { ok: false, code, message };
}

const MISPLACED_SEPARATOR_MESSAGE =
	'Montant invalide : séparateur mal placé (exemples valides : 12,50 ou 1 234,56)';

type Separator = ',' | '.' | ' ';

/** Whether separators all mark thousands: one kind, groups of 3 after a first of 1 to 3. */
function isThousandsGrouping(groups: readonly string[], separators: readonly Separator[]): boolean {
	if (separators.length === 0) return true;
	if (new Set(separators).size > 1) return false;
	const [first, ...rest] = groups;
	if (first === undefined || first.length > 3 || first.startsWith('0')) return false;
	return rest.every((g) => g.length === 3);
}

/**
 * Reads an amount typed by a person, in French or English, into cents.
 *
 * Accepts "12,50", "12.5", "12", "12,50 €", "€12.50", "-€12.50", "−12,50" (U+2212), "+5",
 * ",50", thousands grouped by space, U+00A0, U+202F, "." or "," ("1 234,56", "1.234,56",
 * "1,234.56"). When both "." and "," appear, the last one is the decimal mark.
 * Ambiguity rule: a single "," or "." followed by exactly three digits is a thousands
 * separator ("1,234" and "1.234" are 1 234,00 €) when the digits before it form a valid
 * first group (1 to 3 digits, no leading zero); otherwise it is a decimal mark and the input
 * is refused for too many decimals ("0,125", "1234,567"). Negative amounts are accepted:
 * the caller decides whether they are allowed.
 */
export function parseMoney(input: string): MoneyParseResult {
	const text = input.replace(/\u2212/g, '-').trim();
	if (text === '') return refuse('EMPTY', 'Montant vide');
	if (/\p{L}/u.test(text)) return refuse('LETTERS', 'Montant invalide : lettres non permises');
	const stray = /[^0-9\s.,€+-]/u.exec(text);
	if (stray) {
		return refuse('INVALID_CHARACTER', `Montant invalide : caractère « ${stray[0]} » non permis`);
	}
	if ((text.match(/[+-]/g) ?? []).length > 1) {
		return refuse('MULTIPLE_SIGNS', 'Montant invalide : un seul signe (+ ou −) est permis');
	}
	if ((text.match(/€/g) ?? []).length > 1) {
		return refuse('MISPLACED_CURRENCY', 'Montant invalide : un seul symbole € est permis');
	}

	// The sign and the euro symbol may lead in either order ("-€12.50" in English, "€-12.50").
	let rest = text;
	let negative = false;
	let leadingEuro = false;
	for (let i = 0; i < 2; i += 1) {
		const head = rest[0];
		if (head === '+' || head === '-') {
			negative = head === '-';
			rest = rest.slice(1).trimStart();
		} else if (head === '€') {
			leadingEuro = true;
			rest = rest.slice(1).trimStart();
		}
	}
	if (rest.endsWith('€')) {
		if (leadingEuro) {
			return refuse('MISPLACED_CURRENCY', 'Montant invalide : un seul symbole € est permis');
		}
		rest = rest.slice(0, -1).trimEnd();
	}
	if (/[+-]/.test(rest)) {
		return refuse('MISPLACED_SIGN', 'Montant invalide : le signe doit précéder le nombre');
	}
	if (rest.includes('€')) {
		return refuse(
			'MISPLACED_CURRENCY',
			'Montant invalide : le symbole € doit être avant ou après le nombre'
		);
	}
	if (!/[0-9]/.test(rest)) return refuse('NO_DIGITS', 'Montant invalide : aucun chiffre');

	// Alternate digit groups and single separators; any white space is a thousands separator.
	const tokens = rest.match(/[0-9]+|[.,]|\s/gu) ?? [];
	const groups: string[] = [];
	const separators: Separator[] = [];
	let leadingDecimal = false;
	for (const [i, token] of tokens.entries()) {
		const isDigits = /^[0-9]/.test(token);
		const expectDigits = groups.length === separators.length;
		if (isDigits !== expectDigits) {
			// ",50" and ".5": a person typing cents without the zero.
			if (i === 0 && (token === ',' || token === '.')) {
				leadingDecimal = true;
				continue;
			}
			return refuse('MISPLACED_SEPARATOR', MISPLACED_SEPARATOR_MESSAGE);
		}
		if (isDigits) groups.push(token);
		else separators.push(token === ',' || token === '.' ? token : ' ');
	}
	if (groups.length === separators.length) {
		return refuse('MISPLACED_SEPARATOR', MISPLACED_SEPARATOR_MESSAGE);
	}

	let decimalIndex = -1;
	if (leadingDecimal) {
		if (separators.length > 0) return refuse('MISPLACED_SEPARATOR', MISPLACED_SEPARATOR_MESSAGE);
		groups.unshift('0');
		separators.push('.');
		decimalIndex = 0;
	} else {
		const marks = separators.filter((s) => s !== ' ');
		const kinds = new Set(marks);
		const lastMark = marks[marks.length - 1];
		const lastIndex = lastMark === undefined ? -1 : separators.lastIndexOf(lastMark);
		const lastCount = marks.filter((s) => s === lastMark).length;
		if (kinds.size === 2) {
			if (lastCount !== 1 || lastIndex !== separators.length - 1) {
				return refuse('MISPLACED_SEPARATOR', MISPLACED_SEPARATOR_MESSAGE);
			}
			decimalIndex = lastIndex;
		} else if (kinds.size === 1 && lastCount === 1 && lastIndex === separators.length - 1) {
			const fractionLength = groups[lastIndex + 1]?.length ?? 0;
			const isThousands = fractionLength === 3 && isThousandsGrouping(groups, separators);
			if (!isThousands) decimalIndex = lastIndex;
		}
	}

	const integerGroups = decimalIndex === -1 ? groups : groups.slice(0, decimalIndex + 1);
	const thousands = decimalIndex === -1 ? separators : separators.slice(0, decimalIndex);
	const fraction = decimalIndex === -1 ? '' : (groups[decimalIndex + 1] ?? '');
	if (fraction.length > 2) return refuse('TOO_MANY_DECIMALS', 'Au plus deux décimales');
	if (!isThousandsGrouping(integerGroups, thousands)) {
		return refuse('MISPLACED_SEPARATOR', MISPLACED_SEPARATOR_MESSAGE);
	}

	const magnitude = BigInt(integerGroups.join('')) * 100n + BigInt(fraction.padEnd(2, '0'));
	if (magnitude > BigInt(MAX_CENTS)) return refuse('OUT_OF_RANGE', 'Montant trop grand');
	const value = Number(magnitude);
	return { ok: true, cents: cents(negative ? -value : value) };
}

const INTL_LOCALES = { fr: 'fr-FR', en: 'en-IE' } as const satisfies Record<Locale, string>;
const formatters = new Map<Locale, Intl.NumberFormat>();

function formatter(locale: Locale): Intl.NumberFormat {
	let f = formatters.get(locale);
	if (!f) {
		f = new Intl.NumberFormat(INTL_LOCALES[locale], { style: 'currency', currency: 'EUR' });
		formatters.set(locale, f);
	}
	return f;
}

/**
 * Formats cents for display: "12,50 €" in French (U+202F groups, U+00A0 before €), "€12.50"
 * in English; exact up to `MAX_CENTS`.
 */
export function formatMoney(c: Cents, locale: Locale = 'fr'): string {
	const value = cents(c);
	const f = formatter(locale);
	// Euros go to Intl as a bigint (exact grouping), the cents are spliced in as digits, and a
	// ±1 template gives the locale's placement of the sign, the symbol and the spaces.
	const digits = String(Math.abs(value)).padStart(3, '0');
	const euros = f
		.formatToParts(BigInt(digits.slice(0, -2)))
		.filter((p) => p.type === 'integer' || p.type === 'group')
		.map((p) => p.value)
		.join('');
	return f
		.formatToParts(value < 0 ? -1n : 1n)
		.map((p) => (p.type === 'integer' ? euros : p.type === 'fraction' ? digits.slice(-2) : p.value))
		.join('');
}
