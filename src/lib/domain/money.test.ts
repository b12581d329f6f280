import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addCents,
	cents,
	formatMoney,
	MAX_CENTS,
	MoneyError,
	multiplyCents,
	negate,
	parseMoney,
	splitCents,
	subtractCents,
	sumCents,
	type Cents,
	type Locale,
	type MoneyErrorCode
} from './money';

function parsed(input: string): number | string {
	const r = parseMoney(input);
	return r.ok ? r.cents : r.code;
}

function codeOf(f: () => unknown): string | undefined {
	try {
		f();
	} catch (e) {
		return e instanceof MoneyError ? e.code : 'not a MoneyError';
	}
	return undefined;
}

const centsArb = fc.integer({ min: -MAX_CENTS, max: MAX_CENTS }).map((n) => cents(n));

describe('cents', () => {
	it('brands safe integers and refuses the rest with NOT_INTEGER_CENTS', () => {
		expect(cents(1250)).toBe(1250);
		expect(codeOf(() => cents(12.5))).toBe('NOT_INTEGER_CENTS');
		expect(codeOf(() => cents(Number.NaN))).toBe('NOT_INTEGER_CENTS');
		expect(codeOf(() => cents(MAX_CENTS + 1))).toBe('NOT_INTEGER_CENTS');
		expect(codeOf(() => cents(Infinity))).toBe('NOT_INTEGER_CENTS');
	});

	it('never makes -0', () => {
		expect(Object.is(cents(-0), 0)).toBe(true);
		expect(Object.is(negate(cents(0)), 0)).toBe(true);
	});
});

describe('parseMoney accepts what a person types', () => {
	it.each([
		['12,50', 1250],
		['12.5', 1250],
		['12', 1200],
		['12,50 €', 1250],
		['12,50€', 1250],
		['€12.50', 1250],
		['€ 12.50', 1250],
		['1 234,56', 123456],
		['1\u202f234,56', 123456],
		['1\u00a0234,56', 123456],
		['1,234.56', 123456],
		['1.234,56', 123456],
		['1 234 567,89 €', 123456789],
		['1,234,567.89', 123456789],
		['-12,50', -1250],
		['\u221212,50', -1250],
		['-€12.50', -1250],
		['€-12.50', -1250],
		['+5', 500],
		['  7,05  ', 705],
		[',50', 50],
		['0', 0],
		['-0', 0]
	])('%j → %i cents', (input, expected) => {
		expect(parsed(input)).toBe(expected);
	});
});

describe('parseMoney refuses with a code and a French message', () => {
	it.each<[string, MoneyErrorCode]>([
		['', 'EMPTY'],
		['   ', 'EMPTY'],
		['12,505,5', 'MISPLACED_SEPARATOR'],
		['12,5055', 'TOO_MANY_DECIMALS'],
		['12.1234', 'TOO_MANY_DECIMALS'],
		['0,125', 'TOO_MANY_DECIMALS'],
		['12a', 'LETTERS'],
		['douze', 'LETTERS'],
		['1e5', 'LETTERS'],
		['--5', 'MULTIPLE_SIGNS'],
		['+-5', 'MULTIPLE_SIGNS'],
		['12-', 'MISPLACED_SIGN'],
		['1,2,3', 'MISPLACED_SEPARATOR'],
		['12,,5', 'MISPLACED_SEPARATOR'],
		['12,', 'MISPLACED_SEPARATOR'],
		['1 23,45', 'MISPLACED_SEPARATOR'],
		['1 234.567,89', 'MISPLACED_SEPARATOR'],
		['12€50', 'MISPLACED_CURRENCY'],
		['€12 €', 'MISPLACED_CURRENCY'],
		['$12', 'INVALID_CHARACTER'],
		['€', 'NO_DIGITS'],
		['90071992547409,92', 'OUT_OF_RANGE'],
		['99999999999999999999', 'OUT_OF_RANGE']
	])('%j → %s', (input, code) => {
		const r = parseMoney(input);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.code).toBe(code);
			expect(r.message.length).toBeGreaterThan(5);
		}
	});

	it('says "Montant vide" and "Au plus deux décimales" in French', () => {
		expect(parseMoney('')).toMatchObject({ message: 'Montant vide' });
		expect(parseMoney('1,999')).toMatchObject({ ok: true });
		expect(parseMoney('1,9999')).toMatchObject({ message: 'Au plus deux décimales' });
		expect(parseMoney('x')).toMatchObject({ message: 'Montant invalide : lettres non permises' });
	});
});

describe('parseMoney ambiguity rule (pinned)', () => {
	it('reads one separator followed by exactly 3 digits as thousands', () => {
		expect(parsed('1,234')).toBe(123400);
		expect(parsed('1.234')).toBe(123400);
		expect(parsed('12,500')).toBe(1250000);
	});

	it('reads it as decimals (refused) when the first group cannot be a thousands group', () => {
		expect(parsed('1234,567')).toBe('TOO_MANY_DECIMALS');
		expect(parsed('01,234')).toBe('TOO_MANY_DECIMALS');
		expect(parsed('1 234,567')).toBe('TOO_MANY_DECIMALS');
	});

	it('takes the last of "." and "," as the decimal mark when both appear', () => {
		expect(parsed('1.234.567,8')).toBe(123456780);
		expect(parsed('1,234,567.8')).toBe(123456780);
		expect(parsed('1,234.56,7')).toBe('MISPLACED_SEPARATOR');
	});

	it('accepts the largest amount and refuses one cent more', () => {
		expect(parsed('90 071 992 547 409,91')).toBe(MAX_CENTS);
		expect(parsed('-90 071 992 547 409,91')).toBe(-MAX_CENTS);
		expect(parsed('90 071 992 547 409,92')).toBe('OUT_OF_RANGE');
	});
});

describe('formatMoney', () => {
	it('writes French with U+202F groups and U+00A0 before €', () => {
		expect(formatMoney(cents(1250))).toBe('12,50\u00a0€');
		expect(formatMoney(cents(123456), 'fr')).toBe('1\u202f234,56\u00a0€');
		expect(formatMoney(cents(-5))).toBe('-0,05\u00a0€');
	});

	it('writes English with the symbol first', () => {
		expect(formatMoney(cents(1250), 'en')).toBe('€12.50');
		expect(formatMoney(cents(-123456), 'en')).toBe('-€1,234.56');
		expect(formatMoney(cents(0), 'en')).toBe('€0.00');
	});

	it('is exact at the largest amounts, where c / 100 as a float would not be', () => {
		expect(formatMoney(cents(MAX_CENTS), 'en')).toBe('€90,071,992,547,409.91');
		expect(formatMoney(cents(-MAX_CENTS), 'fr')).toBe(
			'-90\u202f071\u202f992\u202f547\u202f409,91\u00a0€'
		);
	});

	it('matches Intl on floats for amounts where floats are exact', () => {
		const fr = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
		fc.assert(
			fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (n) => {
				expect(formatMoney(cents(n))).toBe(fr.format(n / 100));
			})
		);
	});

	it('parses back to the same cents for every amount, in both locales (property)', () => {
		fc.assert(
			fc.property(centsArb, fc.constantFrom<Locale>('fr', 'en'), (c, locale) => {
				expect(parseMoney(formatMoney(c, locale))).toEqual({ ok: true, cents: c });
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('arithmetic', () => {
	it('adds and sums exactly', () => {
		expect(addCents(cents(1), cents(2), cents(-4))).toBe(-1);
		expect(sumCents([])).toBe(0);
		expect(subtractCents(cents(1000), cents(1250))).toBe(-250);
		expect(multiplyCents(cents(250), 3)).toBe(750);
	});

	it('throws OVERFLOW past MAX_CENTS instead of rounding', () => {
		expect(codeOf(() => addCents(cents(MAX_CENTS), cents(1)))).toBe('OVERFLOW');
		expect(codeOf(() => sumCents([cents(-MAX_CENTS), cents(-1)]))).toBe('OVERFLOW');
		expect(codeOf(() => multiplyCents(cents(MAX_CENTS), 2))).toBe('OVERFLOW');
		expect(codeOf(() => subtractCents(cents(-MAX_CENTS), cents(1)))).toBe('OVERFLOW');
		expect(addCents(cents(MAX_CENTS), cents(-1))).toBe(MAX_CENTS - 1);
	});

	it('negate is its own inverse (property)', () => {
		fc.assert(
			fc.property(centsArb, (c) => {
				expect(negate(negate(c))).toBe(c);
			})
		);
	});
});

describe('splitCents', () => {
	it('gives the remainder to the first parts: 1003 in 2 → 502 + 501', () => {
		expect(splitCents(cents(1003), 2)).toEqual([502, 501]);
		expect(splitCents(cents(100), 3)).toEqual([34, 33, 33]);
		expect(splitCents(cents(-1003), 2)).toEqual([-502, -501]);
		expect(splitCents(cents(2), 3)).toEqual([1, 1, 0]);
	});

	it('refuses a split into zero or fractional parts', () => {
		expect(codeOf(() => splitCents(cents(100), 0))).toBe('INVALID_SPLIT');
		expect(codeOf(() => splitCents(cents(100), 1.5))).toBe('INVALID_SPLIT');
	});

	it('always adds up to the total with parts one cent apart at most (property)', () => {
		fc.assert(
			fc.property(centsArb, fc.integer({ min: 1, max: 50 }), (total: Cents, parts) => {
				const split = splitCents(total, parts);
				expect(split).toHaveLength(parts);
				expect(sumCents(split)).toBe(total);
				const magnitudes = split.map(Math.abs);
				expect(Math.max(...magnitudes) - Math.min(...magnitudes)).toBeLessThanOrEqual(1);
			})
		);
	});
});
