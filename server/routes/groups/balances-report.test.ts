import { describe, expect, it } from 'vitest';
import { cents, MAX_CENTS, summarizeBalances } from '../../../src/lib/domain';
import type { MemberBalanceRow } from '../../db/repositories/balances';
import { balancesCsv, csvAmount, csvText, sortBalances } from './balances-report';

function row(memberId: string, name: string, balance: number, pending = 0): MemberBalanceRow {
	return {
		memberId,
		name,
		email: null,
		balanceCents: cents(balance),
		pendingCents: cents(pending),
		projectedCents: cents(balance + pending)
	};
}

describe('csvAmount', () => {
	it('writes cents as a comma decimal with no grouping or symbol', () => {
		expect(csvAmount(cents(0))).toBe('0,00');
		expect(csvAmount(cents(5))).toBe('0,05');
		expect(csvAmount(cents(-5))).toBe('-0,05');
		expect(csvAmount(cents(-1250))).toBe('-12,50');
		expect(csvAmount(cents(100))).toBe('1,00');
		expect(csvAmount(cents(123456789))).toBe('1234567,89');
		expect(csvAmount(cents(-MAX_CENTS))).toBe('-90071992547409,91');
	});
});

describe('csvText', () => {
	it('neutralizes formulas with an apostrophe', () => {
		for (const v of ['=1+1', '+33 6 12', '-2', '@SUM(A1)', '\tx']) expect(csvText(v)).toBe(`'${v}`);
		expect(csvText('Anne-Marie')).toBe('Anne-Marie');
		expect(csvText('')).toBe('');
	});

	it('quotes separators, quotes and line breaks', () => {
		expect(csvText('a;b')).toBe('"a;b"');
		expect(csvText('dit "Jo"')).toBe('"dit ""Jo"""');
		expect(csvText('ligne\nsuivante')).toBe('"ligne\nsuivante"');
		expect(csvText('a\r\nb')).toBe('"a\r\nb"');
		expect(csvText('=A1;B1')).toBe(`"'=A1;B1"`);
	});
});

describe('sortBalances', () => {
	const rows = [
		row('4', 'zoé', 0),
		row('1', 'Élodie', -300),
		row('3', 'elodie', 200),
		row('2', 'Adhérent 10', -300),
		row('5', 'Adhérent 9', 0)
	];

	it('sorts names the French way (accents and case aside, numbers by value), ties by id', () => {
		expect(sortBalances(rows, 'name').map((r) => r.memberId)).toEqual(['5', '2', '1', '3', '4']);
	});

	it('sorts by balance, largest debt first, ties by name', () => {
		expect(sortBalances(rows, 'balance').map((r) => r.memberId)).toEqual(['2', '1', '5', '4', '3']);
	});

	it('leaves its input alone', () => {
		sortBalances(rows, 'name');
		expect(rows.map((r) => r.memberId)).toEqual(['4', '1', '3', '2', '5']);
	});
});

describe('balancesCsv', () => {
	it('writes BOM, header, rows and a totals row, CRLF-ended', () => {
		const rows = [row('1', 'Ana', -1250, 1000), { ...row('2', 'Bo;b', 99), email: 'b@x.fr' }];
		expect(balancesCsv(rows, summarizeBalances(rows))).toBe(
			'\uFEFFAdhérent;E-mail;Solde;En attente;Solde projeté\r\n' +
				'Ana;;-12,50;10,00;-2,50\r\n' +
				'"Bo;b";b@x.fr;0,99;0,00;0,99\r\n' +
				'Total;;-11,51;10,00;-1,51\r\n'
		);
	});
});
