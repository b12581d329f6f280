import { describe, expect, it } from 'vitest';
import { cents } from './money';
import {
	checkCorrection,
	checkOperation,
	checkOperationSign,
	sameOperationContent,
	type LedgerOperation,
	type OperationKind
} from './operations';
import { correctionOf, makeOp, OTHER_GROUP_ID, OTHER_MEMBER_ID, uuid } from './test-fixtures';

describe('checkOperationSign', () => {
	it.each<[OperationKind, number, string]>([
		['order', 0, 'ORDER_MUST_BE_NEGATIVE'],
		['order', 100, 'ORDER_MUST_BE_NEGATIVE'],
		['order_adjustment', 0, 'ORDER_ADJUSTMENT_MUST_NOT_BE_ZERO'],
		['payment', 0, 'PAYMENT_MUST_BE_POSITIVE'],
		['payment', -100, 'PAYMENT_MUST_BE_POSITIVE'],
		['refund', 100, 'REFUND_MUST_BE_NEGATIVE'],
		['opening_balance', 0, 'OPENING_BALANCE_MUST_NOT_BE_ZERO'],
		['correction', 0, 'CORRECTION_MUST_NOT_BE_ZERO']
	])('refuses %s of %i with %s', (kind, amount, code) => {
		expect(checkOperationSign(kind, amount)).toMatchObject({ ok: false, code });
	});

	it.each<[OperationKind, number]>([
		['order', -1],
		['order_adjustment', -5],
		['order_adjustment', 5],
		['payment', 1],
		['refund', -1],
		['opening_balance', -2500],
		['opening_balance', 2500],
		['correction', 10]
	])('accepts %s of %i', (kind, amount) => {
		expect(checkOperationSign(kind, amount).ok).toBe(true);
	});

	it('refuses fractional cents', () => {
		expect(checkOperationSign('payment', 12.5)).toMatchObject({ code: 'AMOUNT_NOT_INTEGER' });
	});
});

describe('checkOperation', () => {
	it('needs a method on payments and refunds, and no money pot', () => {
		const payment = makeOp('payment', 1000);
		expect(checkOperation({ ...payment, method: undefined })).toMatchObject({
			code: 'METHOD_REQUIRED'
		});
		const refund = makeOp('refund', -1000);
		expect(checkOperation({ ...refund, method: undefined })).toMatchObject({
			code: 'METHOD_REQUIRED'
		});
		// A money_pot method can only come from untyped input.
		const pot: LedgerOperation = JSON.parse(JSON.stringify({ ...payment, method: 'money_pot' }));
		expect(checkOperation(pot)).toMatchObject({ code: 'UNKNOWN_METHOD' });
		expect(checkOperation(payment).ok).toBe(true);
	});

	it('refuses a method on other kinds', () => {
		expect(checkOperation(makeOp('order', -1000, { method: 'cash' }))).toMatchObject({
			code: 'METHOD_NOT_ALLOWED'
		});
		expect(checkOperation(makeOp('opening_balance', 500, { method: 'cheque' }))).toMatchObject({
			code: 'METHOD_NOT_ALLOWED'
		});
	});

	it('requires correctsId exactly on corrections', () => {
		expect(checkOperation(makeOp('correction', 100, { correctsId: undefined }))).toMatchObject({
			code: 'CORRECTS_ID_REQUIRED'
		});
		expect(checkOperation(makeOp('order', -100, { correctsId: uuid(5) }))).toMatchObject({
			code: 'CORRECTS_ID_NOT_ALLOWED'
		});
		expect(checkOperation(makeOp('correction', 100, { correctsId: uuid(5) })).ok).toBe(true);
	});

	it('requires the references of cheque and card terminal payments, not of refunds', () => {
		expect(checkOperation(makeOp('payment', 1000, { method: 'cheque' }))).toMatchObject({
			code: 'CHEQUE_NUMBER_REQUIRED'
		});
		expect(
			checkOperation(makeOp('payment', 1000, { method: 'card_terminal', reference: {} }))
		).toMatchObject({ code: 'RECEIPT_NUMBER_REQUIRED' });
		expect(
			checkOperation(
				makeOp('payment', 1000, { method: 'cheque', reference: { chequeNumber: '1', bank: 'LCL' } })
			).ok
		).toBe(true);
		expect(checkOperation(makeOp('refund', -1000, { method: 'cheque' })).ok).toBe(true);
	});

	it('reports the sign before anything else', () => {
		expect(checkOperation(makeOp('payment', -1000, { method: undefined }))).toMatchObject({
			code: 'PAYMENT_MUST_BE_POSITIVE'
		});
	});
});

describe('checkCorrection', () => {
	const target = makeOp('payment', 2350);

	it('accepts the exact reversal of an uncorrected operation', () => {
		expect(checkCorrection(correctionOf(target), target, [target]).ok).toBe(true);
	});

	it('refuses when the target is unknown or another operation', () => {
		const c = correctionOf(target);
		expect(checkCorrection(c, undefined, [])).toMatchObject({
			code: 'CORRECTION_TARGET_NOT_FOUND'
		});
		expect(checkCorrection(c, makeOp('payment', 2350), [])).toMatchObject({
			code: 'CORRECTION_TARGET_NOT_FOUND'
		});
	});

	it('refuses another group, another member, another amount', () => {
		expect(
			checkCorrection(correctionOf(target, { groupId: OTHER_GROUP_ID }), target, [])
		).toMatchObject({ code: 'CORRECTION_GROUP_MISMATCH' });
		expect(
			checkCorrection(correctionOf(target, { memberId: OTHER_MEMBER_ID }), target, [])
		).toMatchObject({ code: 'CORRECTION_MEMBER_MISMATCH' });
		const partial = { ...correctionOf(target), amountCents: cents(-2000) };
		expect(checkCorrection(partial, target, [])).toMatchObject({
			code: 'CORRECTION_AMOUNT_MISMATCH'
		});
		const sameSign = { ...correctionOf(target), amountCents: cents(2350) };
		expect(checkCorrection(sameSign, target, [])).toMatchObject({
			code: 'CORRECTION_AMOUNT_MISMATCH'
		});
	});

	it('never corrects a correction', () => {
		const first = correctionOf(target);
		const second = correctionOf(first);
		expect(checkCorrection(second, first, [target, first])).toMatchObject({
			code: 'CORRECTION_OF_CORRECTION'
		});
	});

	it('allows one correction per operation, but re-checking the same one passes', () => {
		const first = correctionOf(target);
		const second = correctionOf(target);
		expect(checkCorrection(second, target, [target, first])).toMatchObject({
			code: 'ALREADY_CORRECTED'
		});
		expect(checkCorrection(first, target, [target, first]).ok).toBe(true);
	});

	it('refuses an operation that is not a correction', () => {
		expect(checkCorrection(makeOp('refund', -2350), target, [])).toMatchObject({
			code: 'NOT_A_CORRECTION'
		});
	});
});

describe('sameOperationContent', () => {
	const op = makeOp('payment', 1000, {
		method: 'cheque',
		reference: { chequeNumber: '123', bank: 'LCL' },
		occurredAt: '2025-03-01T10:00:00Z'
	});

	it('is true for a copy, whatever the key order of the reference', () => {
		const copy: LedgerOperation = { ...op, reference: { bank: 'LCL', chequeNumber: '123' } };
		expect(sameOperationContent(op, copy)).toBe(true);
	});

	it('compares occurredAt as instants', () => {
		expect(sameOperationContent(op, { ...op, occurredAt: '2025-03-01T11:00:00.000+01:00' })).toBe(
			true
		);
		expect(sameOperationContent(op, { ...op, occurredAt: '2025-03-01T10:00:01Z' })).toBe(false);
	});

	it('treats an absent field and an undefined one alike', () => {
		const withUndefined: LedgerOperation = { ...op, orderId: undefined };
		expect(sameOperationContent(op, withUndefined)).toBe(true);
	});

	it.each<[string, Partial<LedgerOperation>]>([
		['amount', { amountCents: cents(1001) }],
		['member', { memberId: OTHER_MEMBER_ID }],
		['group', { groupId: OTHER_GROUP_ID }],
		['method', { method: 'cash' }],
		['kind', { kind: 'opening_balance' }],
		['distribution', { distributionId: uuid(77) }],
		['order', { orderId: uuid(78) }],
		['device', { deviceId: 'other-device' }],
		['reference', { reference: { chequeNumber: '124', bank: 'LCL' } }],
		['reference drawer', { reference: { chequeNumber: '123', bank: 'LCL', drawer: 'X' } }],
		['missing reference', { reference: undefined }]
	])('is false when the %s differs (a conflict)', (_, change) => {
		expect(sameOperationContent(op, { ...op, ...change })).toBe(false);
	});
});
