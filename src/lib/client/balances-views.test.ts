import { describe, expect, it } from 'vitest';
import { cents, validateSettings } from '../domain';
import { OperationSchema, type Distribution, type Member } from '../domain/schemas';
import {
	balancesExportHref,
	balancesViewSearch,
	balanceTotals,
	DEFAULT_BALANCES_VIEW,
	filterCounts,
	parseBalancesView,
	buildBalanceRows,
	memberBalance,
	memberHistory,
	moneyLocale,
	openingBalanceOperation,
	parseOpeningAmount,
	sameMethods,
	selectBalanceRows,
	withMethod,
	type MemberBalanceRow
} from './balances-views';
import type { LocalOperation, OperationState } from './local-db';

const GROUP = '11111111-1111-4111-8111-111111111111';
const ALICE = '22222222-2222-4222-8222-000000000001';
const ELODIE = '22222222-2222-4222-8222-000000000002';
const ZOE = '22222222-2222-4222-8222-000000000003';
const GHOST = '22222222-2222-4222-8222-000000000009';
const DONE = '33333333-3333-4333-8333-000000000001';
const OPEN = '33333333-3333-4333-8333-000000000002';

const members: Member[] = [
	{ id: ZOE, name: 'Zoé Martin' },
	{ id: ELODIE, name: 'Élodie Durand' },
	{ id: ALICE, name: 'alice Bernard' }
];

const distributions: Distribution[] = [
	{ id: DONE, date: '2026-11-01', place: 'Ferme', products: [], validated: true },
	{ id: OPEN, date: '2026-12-03', place: 'Ferme', products: [], validated: false }
];

let n = 0;
function op(
	memberId: string,
	kind: LocalOperation['kind'],
	amount: number,
	over: Partial<LocalOperation> = {}
): LocalOperation {
	n += 1;
	return {
		id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		groupId: GROUP,
		memberId,
		kind,
		amountCents: cents(amount),
		occurredAt: `2026-12-01T10:${String(n % 60).padStart(2, '0')}:00.000Z`,
		deviceId: 'tablet-a',
		state: 'synced' as OperationState,
		...(kind === 'payment' ? { method: 'cash' as const } : {}),
		...over
	} as LocalOperation;
}

describe('buildBalanceRows', () => {
	it('computes confirmed, pending and projected per member from the device’s operations', () => {
		const ops = [
			op(ALICE, 'order', -2350, { distributionId: OPEN }),
			op(ALICE, 'payment', 2000, { distributionId: OPEN }),
			op(ALICE, 'payment', 1000, { distributionId: DONE }),
			op(ELODIE, 'opening_balance', 500, { state: 'queued' }),
			// refused by the server: shown elsewhere, never counted
			op(ELODIE, 'payment', 99_999, { state: 'rejected', reason: 'Doublon' }),
			op(ZOE, 'order', -1000, { state: 'conflict' })
		];
		const rows = buildBalanceRows({ members, operations: ops, distributions });
		const alice = rows.find((r) => r.memberId === ALICE)!;
		expect(alice).toMatchObject({ balanceCents: -1350, pendingCents: 2000, projectedCents: 650 });
		const elodie = rows.find((r) => r.memberId === ELODIE)!;
		expect(elodie).toMatchObject({ balanceCents: 500, pendingCents: 0, queuedCount: 1 });
		const zoe = rows.find((r) => r.memberId === ZOE)!;
		expect(zoe).toMatchObject({ balanceCents: 0, pendingCents: 0, projectedCents: 0 });
	});

	it('lists members with no operation at zero, and accounts with no member row by id', () => {
		const rows = buildBalanceRows({
			members,
			operations: [op(GHOST, 'order', -700)],
			distributions
		});
		expect(rows).toHaveLength(4);
		expect(rows.find((r) => r.memberId === GHOST)).toMatchObject({
			name: GHOST,
			balanceCents: -700
		});
		expect(Object.is(rows.find((r) => r.memberId === ZOE)!.balanceCents, 0)).toBe(true);
	});
});

function row(memberId: string, name: string, balance: number, pending = 0): MemberBalanceRow {
	return {
		memberId,
		name,
		balanceCents: cents(balance),
		pendingCents: cents(pending),
		projectedCents: cents(balance + pending),
		queuedCount: 0
	};
}

describe('selectBalanceRows', () => {
	const rows = [
		row(ZOE, 'Zoé Martin', -500),
		row(ELODIE, 'Élodie Durand', 1200),
		row(ALICE, 'alice Bernard', 0, 300),
		row(GHOST, 'Elodie Ancelin', -2500)
	];
	const view = {
		query: '',
		filter: 'all' as const,
		sort: 'name' as const,
		direction: 'ascending' as const
	};
	const names = (r: MemberBalanceRow[]) => r.map((x) => x.name);

	it('sorts by name the French way, accents and case aside', () => {
		expect(names(selectBalanceRows(rows, view))).toEqual([
			'alice Bernard',
			'Elodie Ancelin',
			'Élodie Durand',
			'Zoé Martin'
		]);
		expect(names(selectBalanceRows(rows, { ...view, direction: 'descending' }))[0]).toBe(
			'Zoé Martin'
		);
	});

	it('sorts by confirmed balance, largest debt first, ties by name', () => {
		const tied = [...rows, row('22222222-2222-4222-8222-00000000000a', 'Aaron', 0)];
		expect(names(selectBalanceRows(tied, { ...view, sort: 'balance' }))).toEqual([
			'Elodie Ancelin',
			'Zoé Martin',
			'Aaron',
			'alice Bernard',
			'Élodie Durand'
		]);
		expect(
			names(selectBalanceRows(rows, { ...view, sort: 'balance', direction: 'descending' }))[0]
		).toBe('Élodie Durand');
	});

	it('filters debtors, creditors and settled on the confirmed balance', () => {
		expect(names(selectBalanceRows(rows, { ...view, filter: 'debtors' }))).toEqual([
			'Elodie Ancelin',
			'Zoé Martin'
		]);
		expect(names(selectBalanceRows(rows, { ...view, filter: 'creditors' }))).toEqual([
			'Élodie Durand'
		]);
		// a settled balance with a pending payment is still settled
		expect(names(selectBalanceRows(rows, { ...view, filter: 'settled' }))).toEqual([
			'alice Bernard'
		]);
	});

	it('searches names as typed, whatever the accents and case', () => {
		expect(names(selectBalanceRows(rows, { ...view, query: 'elo' }))).toEqual([
			'Elodie Ancelin',
			'Élodie Durand'
		]);
		expect(names(selectBalanceRows(rows, { ...view, query: ' ZOE ' }))).toEqual(['Zoé Martin']);
		expect(selectBalanceRows(rows, { ...view, query: 'elo', filter: 'debtors' })).toHaveLength(1);
	});
});

describe('filterCounts and the view in the address', () => {
	it('counts each filter under the current search', () => {
		const rows = [row(ALICE, 'Aline', -5), row(ELODIE, 'Élodie', 5), row(ZOE, 'Eloi', 0)];
		expect(filterCounts(rows, '')).toEqual({ all: 3, debtors: 1, creditors: 1, settled: 1 });
		expect(filterCounts(rows, 'elo')).toEqual({ all: 2, debtors: 0, creditors: 1, settled: 1 });
	});

	it('round-trips the view, defaults left out and unknown values ignored', () => {
		const view = {
			query: 'Élo',
			filter: 'debtors' as const,
			sort: 'balance' as const,
			direction: 'descending' as const
		};
		const search = balancesViewSearch(view);
		expect(parseBalancesView(new URLSearchParams(search))).toEqual(view);
		expect(balancesViewSearch(DEFAULT_BALANCES_VIEW)).toBe('');
		expect(parseBalancesView(new URLSearchParams('filter=x&sort=y&dir=z'))).toEqual(
			DEFAULT_BALANCES_VIEW
		);
	});
});

describe('balanceTotals', () => {
	it('adds debts, credits and the overall balance exactly in cents', () => {
		const rows = [
			row(ALICE, 'a', 10, 1),
			row(ELODIE, 'b', 20, 2),
			row(ZOE, 'c', -30),
			row(GHOST, 'd', -1, 0)
		];
		expect(balanceTotals(rows)).toEqual({
			balanceCents: -1,
			pendingCents: 3,
			projectedCents: 2,
			debtCents: -31,
			creditCents: 30
		});
		expect(balanceTotals([])).toEqual({
			balanceCents: 0,
			pendingCents: 0,
			projectedCents: 0,
			debtCents: 0,
			creditCents: 0
		});
	});
});

describe('balancesExportHref', () => {
	it('asks the server for CSV with the filter and the sort shown', () => {
		expect(balancesExportHref(GROUP, 'all', 'name')).toBe(
			`/api/groups/${GROUP}/balances?format=csv&sort=name`
		);
		expect(balancesExportHref(GROUP, 'debtors', 'balance')).toBe(
			`/api/groups/${GROUP}/balances?format=csv&filter=debtors&sort=balance`
		);
	});
});

describe('memberHistory', () => {
	it('runs the projected balance in time order, refused lines in place and not counted', () => {
		const order = op(ALICE, 'order', -2000, {
			occurredAt: '2026-12-03T09:00:00+01:00',
			distributionId: OPEN
		});
		const opening = op(ALICE, 'opening_balance', 500, { occurredAt: '2026-10-01T08:00:00Z' });
		const refused = op(ALICE, 'payment', 2000, {
			occurredAt: '2026-12-03T08:30:00Z',
			distributionId: OPEN,
			state: 'rejected',
			reason: 'Distribution validée'
		});
		const pay = op(ALICE, 'payment', 1500, {
			occurredAt: '2026-12-03T09:00:00Z',
			distributionId: OPEN,
			state: 'queued'
		});
		const rows = memberHistory([pay, refused, order, opening], distributions);
		expect(rows.map((r) => [r.op.id, r.runningCents, r.pending, r.refused])).toEqual([
			[opening.id, 500, false, false],
			[order.id, -1500, false, false],
			[refused.id, -1500, false, true],
			[pay.id, 0, true, false]
		]);
		expect(rows[3]!.state).toBe('queued');
		expect(memberBalance([pay, refused, order, opening], distributions)).toEqual({
			confirmedCents: -1500,
			pendingCents: 1500,
			projectedCents: 0
		});
	});

	it('is empty with no operation', () => {
		expect(memberHistory([], distributions)).toEqual([]);
	});
});

describe('parseOpeningAmount', () => {
	it('reads amounts of either sign, French or English', () => {
		for (const [text, value] of [
			['12,50', 1250],
			['-12,50', -1250],
			['€12.50', 1250],
			['−3', -300],
			['1 234,56 €', 123456]
		] as const) {
			expect(parseOpeningAmount(text)).toEqual({ ok: true, cents: value });
		}
	});

	it('refuses zero and unreadable amounts with a French message', () => {
		const zero = parseOpeningAmount('0,00');
		expect(zero).toMatchObject({ ok: false, code: 'OPENING_BALANCE_MUST_NOT_BE_ZERO' });
		expect(parseOpeningAmount('')).toMatchObject({ ok: false, code: 'EMPTY' });
		expect(parseOpeningAmount('douze')).toMatchObject({ ok: false, code: 'LETTERS' });
		const bad = parseOpeningAmount('1,234,5');
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.message).toMatch(/Montant invalide/);
	});
});

describe('openingBalanceOperation', () => {
	const base = {
		id: '44444444-4444-4444-8444-444444444444',
		groupId: GROUP,
		memberId: ALICE,
		amountCents: cents(-1250),
		occurredAt: '2026-12-03T10:00:00.000Z',
		deviceId: '55555555-5555-4555-8555-555555555555'
	};

	it('makes a wire operation the shared schema accepts, with a default French label', () => {
		const made = openingBalanceOperation({ ...base, label: '   ' });
		expect(made.reference).toEqual({ label: 'Reprise de solde' });
		expect(OperationSchema.safeParse(made).success).toBe(true);
		expect(openingBalanceOperation({ ...base, label: ' Cahier 2025 ' }).reference).toEqual({
			label: 'Cahier 2025'
		});
	});
});

describe('settings helpers', () => {
	it('keeps methods in the canonical order whatever the clicks', () => {
		let methods = withMethod([], 'online_card', true);
		methods = withMethod(methods, 'cheque', true);
		methods = withMethod(methods, 'cash', true);
		expect(methods).toEqual(['cheque', 'cash', 'online_card']);
		expect(withMethod(methods, 'cash', false)).toEqual(['cheque', 'online_card']);
		expect(sameMethods(['cash', 'cheque'], ['cheque', 'cash'])).toBe(true);
		expect(sameMethods(['cash'], ['cheque', 'cash'])).toBe(false);
	});

	it('lets the domain refuse the money pot with another method', () => {
		const check = validateSettings({
			paymentMethods: withMethod(['cheque'], 'money_pot', true),
			allowNegativeMoneyPot: false
		});
		expect(check).toMatchObject({ ok: false, code: 'MONEY_POT_EXCLUSIVE' });
	});

	it('maps the UI language to a money locale', () => {
		expect(moneyLocale('en')).toBe('en');
		expect(moneyLocale('en-GB')).toBe('en');
		expect(moneyLocale('fr')).toBe('fr');
		expect(moneyLocale(null)).toBe('fr');
	});
});
