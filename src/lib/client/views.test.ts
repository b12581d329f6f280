import { describe, expect, it } from 'vitest';
import { cents, type LedgerOperation } from '../domain';
import { centsToInput, orderTotalFromLedger } from './views';

const base = {
	groupId: '11111111-1111-4111-8111-111111111111',
	memberId: '22222222-2222-4222-8222-222222222222',
	occurredAt: '2026-12-03T10:00:00.000Z',
	deviceId: 'd'
};
const orderId = '44444444-4444-4444-8444-444444444444';
const op = (id: number, kind: LedgerOperation['kind'], amount: number): LedgerOperation => ({
	...base,
	id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
	kind,
	amountCents: cents(amount),
	orderId
});

describe('order total from the ledger', () => {
	it('is the opposite of the order debit and its adjustments, whatever the stored total says', () => {
		const order = { id: orderId, totalCents: cents(2500) };
		expect(orderTotalFromLedger(order, [op(1, 'order', -2500)])).toBe(2500);
		// A tablet removed a 4,20 € item: the stored total lags until the next pull.
		expect(
			orderTotalFromLedger(order, [op(1, 'order', -2500), op(2, 'order_adjustment', 420)])
		).toBe(2080);
		expect(
			orderTotalFromLedger(order, [
				op(1, 'order', -2500),
				op(2, 'order_adjustment', 420),
				op(3, 'order_adjustment', -1250)
			])
		).toBe(3330);
	});

	it('falls back to the stored total when the device has no ledger entry for the order', () => {
		expect(orderTotalFromLedger({ id: orderId, totalCents: cents(0) }, [])).toBe(0);
		expect(orderTotalFromLedger({ id: orderId, totalCents: cents(1670) }, [])).toBe(1670);
	});
});

describe('cents as typed', () => {
	it('writes whole cents without floating point, in both languages', () => {
		expect(centsToInput(cents(0))).toBe('0,00');
		expect(centsToInput(cents(5))).toBe('0,05');
		expect(centsToInput(cents(8585))).toBe('85,85');
		expect(centsToInput(cents(-1250), 'en')).toBe('-12.50');
		expect(centsToInput(cents(9_007_199_254_740_991))).toBe('90071992547409,91');
	});
});
