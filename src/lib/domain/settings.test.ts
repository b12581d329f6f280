import { describe, expect, it } from 'vitest';
import type { PaymentMethod } from './payment-methods';
import { DEFAULT_GROUP_SETTINGS, usesMoneyPot, validateSettings } from './settings';

function settings(paymentMethods: PaymentMethod[], allowNegativeMoneyPot = false) {
	return { paymentMethods, allowNegativeMoneyPot };
}

describe('validateSettings', () => {
	it('accepts usual combinations and the money pot alone', () => {
		expect(validateSettings(settings(['cheque', 'cash', 'card_terminal'])).ok).toBe(true);
		expect(validateSettings(settings(['money_pot'], true))).toEqual({
			ok: true,
			value: { paymentMethods: ['money_pot'], allowNegativeMoneyPot: true }
		});
	});

	it('refuses the money pot with any other method, explaining why', () => {
		for (const other of ['cheque', 'cash', 'transfer', 'card_terminal', 'online_card'] as const) {
			const r = validateSettings(settings(['money_pot', other]));
			expect(r).toMatchObject({ ok: false, code: 'MONEY_POT_EXCLUSIVE' });
			if (!r.ok) expect(r.message).toMatch(/^La cagnotte ne peut pas être activée en même temps/);
		}
	});

	it('refuses no method, a duplicate, an unknown method', () => {
		expect(validateSettings(settings([]))).toMatchObject({ code: 'NO_PAYMENT_METHOD' });
		expect(validateSettings(settings(['cash', 'cash']))).toMatchObject({
			code: 'DUPLICATE_PAYMENT_METHOD'
		});
		const unknown = JSON.parse('{"paymentMethods":["bitcoin"],"allowNegativeMoneyPot":false}');
		expect(validateSettings(unknown)).toMatchObject({ code: 'UNKNOWN_PAYMENT_METHOD' });
	});

	it('keeps allowNegativeMoneyPot without the money pot', () => {
		expect(validateSettings(settings(['cash'], true))).toMatchObject({
			value: { allowNegativeMoneyPot: true }
		});
	});

	it('has valid defaults without the money pot', () => {
		const defaults = {
			paymentMethods: [...DEFAULT_GROUP_SETTINGS.paymentMethods],
			allowNegativeMoneyPot: DEFAULT_GROUP_SETTINGS.allowNegativeMoneyPot
		};
		expect(validateSettings(defaults).ok).toBe(true);
		expect(usesMoneyPot(defaults)).toBe(false);
	});
});
