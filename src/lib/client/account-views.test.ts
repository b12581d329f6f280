import { describe, expect, it } from 'vitest';
import { cents, type LedgerOperation } from '../domain';
import type { Distribution } from '../domain/schemas';
import {
	accountView,
	asLocale,
	attemptId,
	balanceStatus,
	clampQuantity,
	formatDay,
	mergeLines,
	nextBasket,
	orderableDistributions,
	orderBody,
	orderingState,
	orderLinesFrom,
	parseCachedSettings,
	parseQuantity,
	paymentChoices,
	upcomingOrders
} from './account-views';
import type { LocalOperation, LocalOrder, OperationState } from './local-db';

const GROUP = '11111111-1111-4111-8111-111111111111';
const ME = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';
const TODAY = '2026-03-14';

function id(prefix: string, n: number): string {
	return `${prefix}000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

const P1 = id('a1', 1);
const P2 = id('a1', 2);

function dist(n: number, date: string, validated = false): Distribution {
	return {
		id: id('d0', n),
		date,
		place: 'Préau',
		products: [
			{ id: P1, name: 'Panier', unitPriceCents: cents(1250) },
			{ id: P2, name: 'Œufs', unitPriceCents: cents(420) }
		],
		validated
	};
}

let seq = 0;
function op(
	kind: LedgerOperation['kind'],
	amount: number,
	extra: Partial<LocalOperation> = {},
	state: OperationState = 'synced'
): LocalOperation {
	seq += 1;
	return {
		id: id('0e', seq),
		groupId: GROUP,
		memberId: ME,
		kind,
		amountCents: cents(amount),
		occurredAt: `2026-03-${String(1 + (seq % 27)).padStart(2, '0')}T10:00:00.000Z`,
		deviceId: 'tablet',
		...(kind === 'payment' ? { method: 'cash' as const } : {}),
		...extra,
		state
	};
}

function order(
	n: number,
	distributionId: string,
	lines: { productId: string; name: string; quantity: number; price: number }[],
	memberId = ME,
	paymentMethod: LocalOrder['paymentMethod'] = 'cheque'
): LocalOrder {
	const orderLines = lines.map((l) => ({
		productId: l.productId,
		productName: l.name,
		quantity: l.quantity,
		unitPriceCents: cents(l.price)
	}));
	return {
		id: id('0f', n),
		groupId: GROUP,
		distributionId,
		memberId,
		lines: orderLines,
		totalCents: cents(orderLines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0)),
		paymentMethod
	};
}

describe('balanceStatus and locale', () => {
	it('names credit, debt and settled', () => {
		expect(balanceStatus(cents(1))).toBe('credit');
		expect(balanceStatus(cents(-1))).toBe('debt');
		expect(balanceStatus(cents(0))).toBe('settled');
	});

	it('reads the UI language as a money locale, French by default', () => {
		expect(asLocale('en')).toBe('en');
		expect(asLocale('en-GB')).toBe('en');
		expect(asLocale('fr')).toBe('fr');
		expect(asLocale(null)).toBe('fr');
	});

	it('writes a calendar day in words, whatever the device time zone', () => {
		expect(formatDay('2026-03-14', 'fr')).toBe('samedi 14 mars 2026');
		expect(formatDay('2026-03-14', 'en')).toMatch(/^Saturday,? 14 March 2026$/);
		expect(formatDay('pas une date', 'fr')).toBe('pas une date');
	});
});

describe('accountView', () => {
	it('counts confirmed, pending and projected, leaving refused operations out', () => {
		const open = dist(1, TODAY);
		const done = dist(2, '2026-03-07', true);
		const ops = [
			op('order', -3000, { distributionId: done.id }),
			op('payment', 1000, { distributionId: done.id }),
			op('order', -2000, { distributionId: open.id }),
			op('payment', 2350, { distributionId: open.id }),
			op('payment', 5000, { distributionId: open.id }, 'rejected'),
			op('payment', 700, { distributionId: open.id }, 'conflict')
		];
		const view = accountView(ops, [open, done]);
		expect(view.balance).toEqual({
			confirmedCents: -4000,
			pendingCents: 2350,
			projectedCents: -1650
		});
		expect(view.history).toHaveLength(4);
	});

	it('lists the history most recent first with the running (projected) balance', () => {
		const d = dist(1, TODAY);
		const a = op('opening_balance', 2500, { occurredAt: '2026-01-01T09:00:00.000Z' });
		const b = op('order', -1250, {
			distributionId: d.id,
			occurredAt: '2026-03-10T09:00:00.000Z'
		});
		const c = op(
			'payment',
			1250,
			{ distributionId: d.id, occurredAt: '2026-03-14T09:00:00.000Z' },
			'queued'
		);
		const view = accountView([c, a, b], [d]);
		expect(view.history.map((h) => [h.kind, h.runningCents, h.pending, h.state])).toEqual([
			['payment', 2500, true, 'queued'],
			['order', 1250, false, 'synced'],
			['opening_balance', 2500, false, 'synced']
		]);
		expect(view.history[1]?.distributionDate).toBe(TODAY);
	});

	it('tells what a correction reverses', () => {
		const target = op('payment', 1500, { occurredAt: '2026-03-01T09:00:00.000Z' });
		const fix = op('correction', -1500, {
			correctsId: target.id,
			reference: { label: 'Saisi deux fois' },
			occurredAt: '2026-03-02T09:00:00.000Z'
		});
		const view = accountView([target, fix], []);
		expect(view.balance.confirmedCents).toBe(0);
		expect(view.history[0]?.corrects).toMatchObject({ kind: 'payment', amountCents: 1500 });
	});
});

describe('nextBasket', () => {
	const past = dist(1, '2026-03-07');
	const today = dist(2, TODAY);
	const later = dist(3, '2026-03-21');
	const distributions = [later, past, today];

	it('is the earliest distribution from today on where the member ordered', () => {
		const orders = [
			order(1, past.id, [{ productId: P1, name: 'Panier', quantity: 1, price: 1250 }]),
			order(2, later.id, [{ productId: P1, name: 'Panier', quantity: 1, price: 1250 }]),
			order(3, today.id, [{ productId: P1, name: 'Panier', quantity: 1, price: 1250 }], OTHER)
		];
		const basket = nextBasket({
			memberId: ME,
			distributions,
			orders,
			operations: [],
			today: TODAY
		});
		expect(basket?.distribution.id).toBe(later.id);
	});

	it('sums the member’s orders and tells what was paid and what is left', () => {
		const orders = [
			order(1, today.id, [
				{ productId: P1, name: 'Panier', quantity: 1, price: 1250 },
				{ productId: P2, name: 'Œufs', quantity: 1, price: 420 }
			]),
			order(2, today.id, [{ productId: P2, name: 'Œufs', quantity: 2, price: 420 }])
		];
		const operations = [
			op('order', -1670, { distributionId: today.id, orderId: orders[0]!.id }),
			op('order', -840, { distributionId: today.id, orderId: orders[1]!.id }),
			op('payment', 1000, { distributionId: today.id }),
			op('payment', 9999, { distributionId: today.id }, 'rejected')
		];
		const basket = nextBasket({ memberId: ME, distributions, orders, operations, today: TODAY });
		expect(basket).toMatchObject({
			totalCents: 2510,
			paidCents: 1000,
			pendingPaidCents: 1000,
			dueCents: 1510,
			paymentChoices: ['cheque'],
			fromMoneyPot: false
		});
		expect(basket?.lines.map((l) => [l.productName, l.quantity])).toEqual([
			['Panier', 1],
			['Œufs', 3]
		]);
	});

	it('knows a money-pot basket asks nothing at the distribution', () => {
		const orders = [
			order(
				1,
				today.id,
				[{ productId: P1, name: 'Panier', quantity: 1, price: 1250 }],
				ME,
				'money_pot'
			)
		];
		const basket = nextBasket({
			memberId: ME,
			distributions,
			orders,
			operations: [],
			today: TODAY
		});
		expect(basket?.fromMoneyPot).toBe(true);
	});

	it('is null with no order to come', () => {
		expect(
			nextBasket({ memberId: ME, distributions, orders: [], operations: [], today: TODAY })
		).toBeNull();
	});
});

describe('mergeLines', () => {
	it('adds up the same product at the same price, keeps the others apart', () => {
		const merged = mergeLines([
			{ productId: P1, productName: 'Panier', quantity: 1, unitPriceCents: cents(1250) },
			{ productId: P1, productName: 'Panier', quantity: 2, unitPriceCents: cents(1250) },
			{ productId: P1, productName: 'Panier', quantity: 1, unitPriceCents: cents(1000) },
			{ productName: 'Fix', quantity: 1, unitPriceCents: cents(50) }
		]);
		expect(merged.map((l) => l.quantity)).toEqual([3, 1, 1]);
	});
});

describe('ordering', () => {
	it('offers distributions from today on, not validated, earliest first', () => {
		const list = orderableDistributions(
			[dist(1, '2026-03-21'), dist(2, '2026-03-07'), dist(3, TODAY), dist(4, '2026-03-28', true)],
			TODAY
		);
		expect(list.map((d) => d.date)).toEqual([TODAY, '2026-03-21']);
	});

	it('is closed when the last 4 past distributions are not validated, naming them', () => {
		const dists = [
			dist(1, '2026-02-14', true),
			dist(2, '2026-02-21'),
			dist(3, '2026-02-28'),
			dist(4, '2026-03-07'),
			dist(5, '2026-03-13'),
			dist(6, TODAY)
		];
		const state = orderingState(dists, TODAY, null);
		expect(state.blocked).toBe(true);
		expect(state.toValidate.map((d) => d.date)).toEqual([
			'2026-03-13',
			'2026-03-07',
			'2026-02-28',
			'2026-02-21'
		]);
		expect(state.toValidate[0]?.place).toBe('Préau');
		dists[3] = dist(4, '2026-03-07', true);
		expect(orderingState(dists, TODAY, null)).toEqual({ blocked: false, toValidate: [] });
	});

	it('prefers the server’s answer to the device’s copy', () => {
		const fromServer = { blocked: false, toValidate: [] };
		const blocked = [2, 3, 4, 5].map((n) => dist(n, `2026-02-0${n}`));
		expect(orderingState(blocked, TODAY, fromServer)).toBe(fromServer);
	});

	it('offers the enabled methods, then "sur place" when an on-site method is on', () => {
		expect(
			paymentChoices({ paymentMethods: ['cheque', 'transfer'], allowNegativeMoneyPot: false })
		).toEqual(['cheque', 'transfer', 'on_the_spot']);
		expect(paymentChoices({ paymentMethods: ['money_pot'], allowNegativeMoneyPot: false })).toEqual(
			['money_pot']
		);
		expect(paymentChoices({ paymentMethods: ['transfer'], allowNegativeMoneyPot: false })).toEqual([
			'transfer'
		]);
	});

	it('reads kept settings only when they still fit the schema', () => {
		const s = { paymentMethods: ['cash'], allowNegativeMoneyPot: true };
		expect(parseCachedSettings(s)).toEqual(s);
		expect(parseCachedSettings({ paymentMethods: ['gold'] })).toBeNull();
		expect(parseCachedSettings(undefined)).toBeNull();
	});
});

describe('quantities and lines', () => {
	it('accepts whole numbers from 0, capped at 1000', () => {
		expect(parseQuantity('3')).toBe(3);
		expect(parseQuantity(' 0 ')).toBe(0);
		expect(parseQuantity('1500')).toBe(1000);
		expect(parseQuantity('99999999999999999999')).toBe(1000);
		expect(parseQuantity('')).toBeNull();
		expect(parseQuantity('-1')).toBeNull();
		expect(parseQuantity('2.5')).toBeNull();
		expect(clampQuantity(-1)).toBe(0);
		expect(clampQuantity(1001)).toBe(1000);
		expect(clampQuantity(Number.NaN)).toBe(0);
	});

	it('makes lines of the products with a quantity, and the body the server prices', () => {
		const d = dist(1, TODAY);
		const lines = orderLinesFrom(d.products, { [P1]: 2, [P2]: 0, unknown: 4 });
		expect(lines).toEqual([
			{ productId: P1, productName: 'Panier', quantity: 2, unitPriceCents: 1250 }
		]);
		expect(
			orderBody({ distributionId: d.id, memberId: ME, lines, paymentMethod: 'on_the_spot' })
		).toEqual({
			distributionId: d.id,
			memberId: ME,
			lines: [{ productId: P1, quantity: 2 }],
			paymentMethod: 'on_the_spot'
		});
	});

	it('keeps the id of an attempt while the content stays the same', () => {
		let n = 0;
		const make = () => `id-${++n}`;
		const body = {
			distributionId: id('d0', 1),
			memberId: ME,
			lines: [{ productId: P1, quantity: 1 }],
			paymentMethod: 'cash' as const
		};
		const first = attemptId(null, body, make);
		expect(attemptId(first, { ...body }, make).id).toBe(first.id);
		const changed = attemptId(first, { ...body, lines: [{ productId: P1, quantity: 2 }] }, make);
		expect(changed.id).not.toBe(first.id);
	});
});

describe('upcomingOrders', () => {
	it('groups the member’s orders from today on by distribution, earliest first', () => {
		const past = dist(1, '2026-03-07');
		const today = dist(2, TODAY);
		const later = dist(3, '2026-03-21');
		const line = [{ productId: P1, name: 'Panier', quantity: 1, price: 1250 }];
		const orders = [
			order(1, later.id, line),
			order(2, past.id, line),
			order(3, today.id, line),
			order(4, today.id, line, OTHER),
			order(5, today.id, line)
		];
		const groups = upcomingOrders(orders, [later, past, today], ME, TODAY);
		expect(groups.map((g) => [g.distribution.date, g.orders.map((o) => o.id)])).toEqual([
			[TODAY, [orders[2]!.id, orders[4]!.id]],
			['2026-03-21', [orders[0]!.id]]
		]);
	});
});
