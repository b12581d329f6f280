import { describe, expect, it } from 'vitest';
import {
	checkReference,
	isOnSite,
	isOperationMethod,
	METHOD_LABELS,
	methodLabel,
	OPERATION_METHODS,
	ORDER_PAYMENT_CHOICES,
	PAYMENT_METHODS,
	requiredReference
} from './payment-methods';

describe('payment methods', () => {
	it('keeps the money pot out of operation methods (paying from the pot creates no payment)', () => {
		expect(PAYMENT_METHODS).toContain('money_pot');
		expect(OPERATION_METHODS).not.toContain('money_pot');
		expect(isOperationMethod('money_pot')).toBe(false);
		expect(isOperationMethod('cheque')).toBe(true);
		expect(ORDER_PAYMENT_CHOICES).toContain('on_the_spot');
	});

	it('knows which methods are taken at the pickup point', () => {
		expect(PAYMENT_METHODS.filter((m) => isOnSite(m))).toEqual(['cheque', 'cash', 'card_terminal']);
	});

	it('requires cheque number and bank for a cheque, a receipt for the card terminal', () => {
		expect(requiredReference('cheque')).toEqual(['chequeNumber', 'bank']);
		expect(requiredReference('card_terminal')).toEqual(['receiptNumber']);
		expect(requiredReference('cash')).toEqual([]);
		expect(requiredReference('transfer')).toEqual([]);
	});

	it.each([
		['cheque', undefined, 'CHEQUE_NUMBER_REQUIRED'],
		['cheque', { chequeNumber: '1234567' }, 'BANK_REQUIRED'],
		['cheque', { chequeNumber: '   ', bank: 'Crédit Agricole' }, 'CHEQUE_NUMBER_REQUIRED'],
		['card_terminal', { label: 'ticket' }, 'RECEIPT_NUMBER_REQUIRED']
	] as const)('refuses %s with %j: %s', (method, reference, code) => {
		const check = checkReference(method, reference);
		expect(check).toMatchObject({ ok: false, code });
		if (!check.ok) expect(check.message).toMatch(/obligatoire/);
	});

	it('accepts complete references and methods that need none', () => {
		expect(checkReference('cheque', { chequeNumber: '1234567', bank: 'LCL' }).ok).toBe(true);
		expect(checkReference('card_terminal', { receiptNumber: '0042' }).ok).toBe(true);
		expect(checkReference('cash', undefined).ok).toBe(true);
	});

	it('has a French and an English label for every choice', () => {
		for (const choice of ORDER_PAYMENT_CHOICES) {
			expect(METHOD_LABELS.fr[choice].length).toBeGreaterThan(0);
			expect(METHOD_LABELS.en[choice].length).toBeGreaterThan(0);
		}
		expect(methodLabel('cheque')).toBe('Chèque');
		expect(methodLabel('money_pot', 'en')).toBe('Money pot');
	});
});
