import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents, formatMoney } from './money';
import {
	GroupSettingsSchema,
	NewDistributionSchema,
	NewOrderSchema,
	OperationSchema,
	OperationShapeSchema,
	parseWith,
	PullResultSchema,
	PushBodyLooseSchema,
	PushBodySchema,
	rawOperationId,
	toErrorBody,
	ValidateBodySchema,
	ValidateConflictSchema,
	ErrorBodySchema,
	LoginBodySchema
} from './schemas';
import { DISTRIBUTION_ID, GROUP_ID, MEMBER_ID, operationArb, uuid } from './test-fixtures';

const wirePayment = {
	id: uuid(0xabc),
	groupId: GROUP_ID,
	memberId: MEMBER_ID,
	kind: 'payment',
	amountCents: 2350,
	method: 'cheque',
	distributionId: DISTRIBUTION_ID,
	reference: { chequeNumber: '1234567', bank: 'LCL', drawer: 'Jeanne Martin' },
	occurredAt: '2025-03-01T10:15:00.000+01:00',
	deviceId: 'tablet-1'
};

describe('OperationSchema', () => {
	it('accepts a wire operation and keeps it as is', () => {
		expect(OperationSchema.parse(wirePayment)).toEqual(wirePayment);
	});

	it('accepts every valid generated operation, through JSON (property)', () => {
		fc.assert(
			fc.property(operationArb, (op) => {
				expect(OperationSchema.parse(JSON.parse(JSON.stringify(op)))).toEqual(op);
			})
		);
	});

	it('refuses unknown keys, bad ids, fractional cents, money pot payments', () => {
		expect(OperationShapeSchema.safeParse({ ...wirePayment, extra: 1 }).success).toBe(false);
		expect(OperationShapeSchema.safeParse({ ...wirePayment, id: 'not-a-uuid' }).success).toBe(
			false
		);
		expect(
			OperationShapeSchema.safeParse({ ...wirePayment, id: wirePayment.id.toUpperCase() }).success
		).toBe(false);
		expect(OperationShapeSchema.safeParse({ ...wirePayment, amountCents: 23.5 }).success).toBe(
			false
		);
		expect(OperationShapeSchema.safeParse({ ...wirePayment, method: 'money_pot' }).success).toBe(
			false
		);
		expect(
			OperationShapeSchema.safeParse({ ...wirePayment, occurredAt: '2025-03-01' }).success
		).toBe(false);
	});

	it('applies the ledger rules with their codes', () => {
		const negative = parseWith(OperationSchema, { ...wirePayment, amountCents: -2350 });
		expect(negative).toMatchObject({ ok: false, code: 'PAYMENT_MUST_BE_POSITIVE' });
		const noBank = parseWith(OperationSchema, {
			...wirePayment,
			reference: { chequeNumber: '1234567' }
		});
		expect(noBank).toMatchObject({ ok: false, code: 'BANK_REQUIRED' });
	});
});

describe('push and pull', () => {
	it('the loose push body lets one bad operation through to be rejected alone', () => {
		const body = { groupId: GROUP_ID, deviceId: 'tablet-1', operations: [wirePayment, { id: 42 }] };
		expect(PushBodySchema.safeParse(body).success).toBe(false);
		const loose = PushBodyLooseSchema.parse(body);
		expect(loose.operations.map(rawOperationId)).toEqual([wirePayment.id, '']);
		expect(loose.operations.map((op) => OperationSchema.safeParse(op).success)).toEqual([
			true,
			false
		]);
	});

	it('bounds a push to 500 operations', () => {
		const body = {
			groupId: GROUP_ID,
			deviceId: 'tablet-1',
			operations: Array.from({ length: 501 }, () => wirePayment)
		};
		expect(PushBodyLooseSchema.safeParse(body).success).toBe(false);
	});

	it('reads a pull result', () => {
		const pulled = PullResultSchema.parse({
			cursor: '42',
			operations: [wirePayment],
			distributions: [
				{ id: DISTRIBUTION_ID, date: '2025-03-01', place: 'Préau', products: [], validated: false }
			],
			members: [{ id: MEMBER_ID, name: 'Jeanne Martin' }],
			orders: []
		});
		expect(pulled.operations[0]?.amountCents).toBe(2350);
	});
});

describe('request bodies', () => {
	it('refuses settings combining the money pot, with MONEY_POT_EXCLUSIVE', () => {
		const r = GroupSettingsSchema.safeParse({
			paymentMethods: ['money_pot', 'cash'],
			allowNegativeMoneyPot: false
		});
		expect(r.success).toBe(false);
		if (!r.success) {
			const body = toErrorBody(r.error);
			expect(body.error.code).toBe('MONEY_POT_EXCLUSIVE');
			expect(body.error.message).toMatch(/cagnotte/);
			expect(ErrorBodySchema.parse(body)).toEqual(body);
		}
	});

	it('accepts both kinds of order lines and refuses mixed or bad ones', () => {
		const order = {
			distributionId: DISTRIBUTION_ID,
			memberId: MEMBER_ID,
			lines: [
				{ productId: uuid(9), quantity: 2 },
				{ productName: 'Pain', quantity: 1, unitPriceCents: 450 }
			],
			paymentMethod: 'on_the_spot'
		};
		expect(NewOrderSchema.safeParse(order).success).toBe(true);
		const bad = (line: unknown) => NewOrderSchema.safeParse({ ...order, lines: [line] }).success;
		expect(bad({ productId: uuid(9), quantity: 0 })).toBe(false);
		expect(bad({ productId: uuid(9), quantity: 1001 })).toBe(false);
		expect(bad({ productId: uuid(9), quantity: 1, unitPriceCents: 1 })).toBe(false);
		expect(bad({ productName: 'Pain', quantity: 1, unitPriceCents: -1 })).toBe(false);
		expect(NewOrderSchema.safeParse({ ...order, lines: [] }).success).toBe(false);
		expect(NewOrderSchema.safeParse({ ...order, paymentMethod: 'bitcoin' }).success).toBe(false);
	});

	it('checks dates, names and logins', () => {
		expect(NewDistributionSchema.safeParse({ date: '2025-02-30', place: 'Préau' }).success).toBe(
			false
		);
		expect(NewDistributionSchema.safeParse({ date: '2025-02-28', place: '  ' }).success).toBe(
			false
		);
		expect(
			NewDistributionSchema.parse({ date: '2024-02-29', place: ' Préau ', products: [] }).place
		).toBe('Préau');
		expect(LoginBodySchema.safeParse({ email: 'coord@demo.test', password: 'x' }).success).toBe(
			true
		);
		expect(LoginBodySchema.safeParse({ email: 'coord', password: 'x' }).success).toBe(false);
		expect(ValidateBodySchema.safeParse({}).success).toBe(true);
		expect(ValidateBodySchema.safeParse({ confirmUnpaid: 'yes' }).success).toBe(false);
	});

	it('names the field of a plain issue', () => {
		const r = parseWith(NewDistributionSchema, { date: 'demain', place: 'Préau' });
		expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
		if (!r.ok) expect(r.message).toMatch(/^date : /);
	});

	it('describes the 409 of validation as an error body naming the unpaid baskets', () => {
		const conflict = {
			error: {
				code: 'UNPAID_BASKETS',
				message: `1 panier non réglé : Jeanne Martin (${formatMoney(cents(1200))} dus)`,
				unpaid: [
					{
						memberId: MEMBER_ID,
						memberName: 'Jeanne Martin',
						orderIds: [uuid(3)],
						totalCents: 3200,
						paidCents: 2000,
						dueCents: 1200
					}
				]
			}
		};
		expect(ValidateConflictSchema.parse(conflict).error.unpaid).toHaveLength(1);
		expect(ErrorBodySchema.parse(conflict).error.code).toBe('UNPAID_BASKETS');
	});
});
