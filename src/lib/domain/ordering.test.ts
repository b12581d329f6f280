import { describe, expect, it } from 'vitest';
import { cents } from './money';
import {
	BLOCKING_UNVALIDATED_COUNT,
	checkMoneyPotOrder,
	checkOrderPaymentChoice,
	orderingBlock,
	type DistributionStatus
} from './ordering';
import type { GroupSettings } from './settings';

const today = '2025-03-20';

function distribution(day: number, validated = false): DistributionStatus {
	return { id: `d${day}`, date: `2025-03-${String(day).padStart(2, '0')}`, validated };
}

describe('orderingBlock', () => {
	it('stays open with 3 unvalidated past distributions', () => {
		expect(BLOCKING_UNVALIDATED_COUNT).toBe(4);
		expect(orderingBlock([distribution(1), distribution(8), distribution(15)], today)).toEqual({
			blocked: false
		});
	});

	it('blocks when the 4 most recent past distributions are unvalidated, listing them', () => {
		const ds = [
			distribution(1, true),
			distribution(5),
			distribution(8),
			distribution(12),
			distribution(15)
		];
		const block = orderingBlock(ds, today);
		expect(block).toEqual({
			blocked: true,
			toValidate: [distribution(15), distribution(12), distribution(8), distribution(5)]
		});
	});

	it('opens again once one of them is validated', () => {
		const ds = [distribution(5), distribution(8, true), distribution(12), distribution(15)];
		expect(orderingBlock(ds, today).blocked).toBe(false);
	});

	it('ignores today and future distributions, and older validated ones', () => {
		const ds = [
			distribution(5),
			distribution(8),
			distribution(12),
			distribution(20),
			distribution(27)
		];
		expect(orderingBlock(ds, today).blocked).toBe(false);
		expect(orderingBlock([...ds, distribution(2, true)], today).blocked).toBe(false);
		expect(orderingBlock([...ds, distribution(2)], today).blocked).toBe(true);
	});
});

describe('checkMoneyPotOrder', () => {
	const pot: GroupSettings = { paymentMethods: ['money_pot'], allowNegativeMoneyPot: false };

	it('refuses an order the balance does not cover, with the amounts', () => {
		const r = checkMoneyPotOrder({
			settings: pot,
			balanceIncludingUnsyncedCents: cents(1200),
			orderTotalCents: cents(1550)
		});
		expect(r).toMatchObject({ ok: false, code: 'MONEY_POT_INSUFFICIENT' });
		if (!r.ok) {
			expect(r.message).toContain('15,50\u00a0€');
			expect(r.message).toContain('12,00\u00a0€');
			expect(r.message).toContain('3,50\u00a0€');
		}
	});

	it('accepts an order that leaves exactly zero', () => {
		const input = { balanceIncludingUnsyncedCents: cents(1550), orderTotalCents: cents(1550) };
		expect(checkMoneyPotOrder({ settings: pot, ...input }).ok).toBe(true);
	});

	it('accepts when negative is allowed, without the pot, or when paid otherwise', () => {
		const input = { balanceIncludingUnsyncedCents: cents(-500), orderTotalCents: cents(1550) };
		expect(
			checkMoneyPotOrder({ settings: { ...pot, allowNegativeMoneyPot: true }, ...input }).ok
		).toBe(true);
		const cash: GroupSettings = { paymentMethods: ['cash'], allowNegativeMoneyPot: false };
		expect(checkMoneyPotOrder({ settings: cash, ...input }).ok).toBe(true);
		expect(checkMoneyPotOrder({ settings: pot, ...input, paymentChoice: 'money_pot' }).ok).toBe(
			false
		);
	});
});

describe('checkOrderPaymentChoice', () => {
	it('accepts an enabled method and refuses a disabled or unknown one', () => {
		const s = { paymentMethods: ['cheque', 'transfer'] as GroupSettings['paymentMethods'] };
		expect(checkOrderPaymentChoice(s, 'cheque').ok).toBe(true);
		expect(checkOrderPaymentChoice(s, 'cash')).toMatchObject({ code: 'PAYMENT_METHOD_DISABLED' });
		expect(checkOrderPaymentChoice(s, 'bitcoin')).toMatchObject({ code: 'UNKNOWN_PAYMENT_CHOICE' });
	});

	it('accepts on_the_spot only when an on-site method is enabled', () => {
		expect(checkOrderPaymentChoice({ paymentMethods: ['cash'] }, 'on_the_spot').ok).toBe(true);
		expect(
			checkOrderPaymentChoice({ paymentMethods: ['transfer', 'online_card'] }, 'on_the_spot')
		).toMatchObject({
			code: 'ON_THE_SPOT_UNAVAILABLE'
		});
		expect(checkOrderPaymentChoice({ paymentMethods: ['money_pot'] }, 'on_the_spot')).toMatchObject(
			{
				code: 'ON_THE_SPOT_UNAVAILABLE'
			}
		);
	});
});
