import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from './money';
import {
	adjustmentDelta,
	basketDue,
	basketPayments,
	checkOrderLines,
	lineTotal,
	OrderError,
	orderDebit,
	orderTotal,
	type OrderLine
} from './orders';
import {
	correctionOf,
	DISTRIBUTION_ID,
	makeOp,
	MEMBER_ID,
	OTHER_DISTRIBUTION_ID,
	OTHER_MEMBER_ID
} from './test-fixtures';

function line(quantity: number, unitPrice: number, productName = 'Panier'): OrderLine {
	return { productName, quantity, unitPriceCents: cents(unitPrice) };
}

function orderErrorCode(f: () => unknown): string | undefined {
	try {
		f();
	} catch (e) {
		return e instanceof OrderError ? e.code : 'other error';
	}
	return undefined;
}

describe('order totals', () => {
	it('multiplies and sums in integer cents', () => {
		expect(lineTotal(line(3, 333))).toBe(999);
		expect(orderTotal([line(3, 333), line(1, 1550), line(2, 5)])).toBe(2559);
		expect(orderTotal([])).toBe(0);
		expect(orderDebit([line(2, 1000)])).toBe(-2000);
	});

	it('refuses non-positive, fractional or excessive quantities and bad prices', () => {
		expect(orderErrorCode(() => lineTotal(line(0, 100)))).toBe('INVALID_QUANTITY');
		expect(orderErrorCode(() => lineTotal(line(1.5, 100)))).toBe('INVALID_QUANTITY');
		expect(orderErrorCode(() => lineTotal(line(1001, 100)))).toBe('INVALID_QUANTITY');
		expect(orderErrorCode(() => orderTotal([line(1, 100), line(-2, 100)]))).toBe(
			'INVALID_QUANTITY'
		);
		expect(orderErrorCode(() => lineTotal(line(1, -100)))).toBe('INVALID_UNIT_PRICE');
		expect(checkOrderLines([line(1, 100), line(0, 5, 'Œufs')])).toMatchObject({
			ok: false,
			code: 'INVALID_QUANTITY',
			message: expect.stringContaining('Œufs')
		});
	});
});

describe('adjustmentDelta', () => {
	it('is negative when the basket grows and positive when it shrinks', () => {
		expect(adjustmentDelta([line(2, 500)], [line(3, 500)])).toBe(-500);
		expect(adjustmentDelta([line(2, 500), line(1, 300)], [line(2, 500)])).toBe(300);
		expect(Object.is(adjustmentDelta([line(2, 500)], [line(1, 1000)]), 0)).toBe(true);
	});

	it('order debit plus adjustment equals the new debit (property)', () => {
		const lineArb = fc
			.record({ q: fc.integer({ min: 1, max: 1000 }), p: fc.integer({ min: 0, max: 100_000 }) })
			.map(({ q, p }) => line(q, p));
		fc.assert(
			fc.property(
				fc.array(lineArb, { maxLength: 20 }),
				fc.array(lineArb, { maxLength: 20 }),
				(a, b) => {
					expect(orderDebit(a) + adjustmentDelta(a, b)).toBe(orderDebit(b));
				}
			)
		);
	});
});

describe('basketPayments and basketDue', () => {
	it('counts the member’s payments at this distribution, net of corrections, with the pending part', () => {
		const d = { distributionId: DISTRIBUTION_ID };
		const cash = makeOp('payment', 1000, d);
		const wrongCheque = makeOp('payment', 2000, {
			...d,
			method: 'cheque',
			reference: { chequeNumber: '1', bank: 'LCL' }
		});
		const ops = [
			cash,
			wrongCheque,
			correctionOf(wrongCheque),
			makeOp('payment', 700, { distributionId: OTHER_DISTRIBUTION_ID }),
			makeOp('payment', 900, { ...d, memberId: OTHER_MEMBER_ID }),
			makeOp('order', -3000, d),
			cash
		];
		expect(basketPayments(ops, MEMBER_ID, DISTRIBUTION_ID, new Set())).toEqual({
			paidCents: 1000,
			pendingPaidCents: 1000
		});
		expect(basketPayments(ops, MEMBER_ID, DISTRIBUTION_ID, new Set([DISTRIBUTION_ID]))).toEqual({
			paidCents: 1000,
			pendingPaidCents: 0
		});
	});

	it('never owes below zero', () => {
		expect(basketDue(cents(3000), cents(1000))).toBe(2000);
		expect(basketDue(cents(3000), cents(3500))).toBe(0);
	});
});
