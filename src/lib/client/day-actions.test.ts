import { describe, expect, it } from 'vitest';
import { cents } from '../domain';
import { OperationSchema } from '../domain/schemas';
import { adjustmentOperation, correctionOperation, paymentOperation } from './day-actions';

const stamp = {
	id: '00000000-0000-4000-8000-000000000001',
	groupId: '11111111-1111-4111-8111-111111111111',
	deviceId: 'tablet-a',
	occurredAt: '2026-12-03T17:05:00.000Z'
};
const member = '22222222-2222-4222-8222-222222222222';
const dist = '33333333-3333-4333-8333-333333333333';

describe('distribution-day operations', () => {
	it('builds a cheque payment with its reference, valid for the wire', () => {
		const op = paymentOperation(stamp, {
			memberId: member,
			distributionId: dist,
			amountCents: cents(1670),
			method: 'cheque',
			reference: {
				chequeNumber: ' 0012345 ',
				bank: 'Crédit Agricole',
				drawer: 'Léa',
				receiptNumber: 'x'
			}
		});
		expect(op.reference).toEqual({
			chequeNumber: '0012345',
			bank: 'Crédit Agricole',
			drawer: 'Léa'
		});
		expect(OperationSchema.safeParse(op).success).toBe(true);
	});

	it('a cheque without number or bank does not pass the shared schema', () => {
		const op = paymentOperation(stamp, {
			memberId: member,
			distributionId: dist,
			amountCents: cents(1670),
			method: 'cheque',
			reference: { chequeNumber: '  ', bank: 'CA' }
		});
		expect(OperationSchema.safeParse(op).success).toBe(false);
	});

	it('a cash payment carries no reference', () => {
		const op = paymentOperation(stamp, {
			memberId: member,
			distributionId: dist,
			amountCents: cents(500),
			method: 'cash',
			reference: { chequeNumber: '1' }
		});
		expect(op.reference).toBeUndefined();
		expect(OperationSchema.safeParse(op).success).toBe(true);
	});

	it('a correction is the exact opposite, linked, with its reason', () => {
		const c = correctionOperation(
			{ ...stamp, id: '00000000-0000-4000-8000-000000000002' },
			{ id: stamp.id, memberId: member, amountCents: cents(1670), distributionId: dist },
			'  Saisi deux fois '
		);
		expect(c).toMatchObject({
			kind: 'correction',
			amountCents: -1670,
			correctsId: stamp.id,
			reference: { label: 'Saisi deux fois' }
		});
		expect(OperationSchema.safeParse(c).success).toBe(true);
	});

	it('an adjustment is the signed difference of totals, describing the change; none when equal', () => {
		const lines = [
			{ productName: 'Panier', quantity: 1, unitPriceCents: cents(1250) },
			{ productName: 'Œufs', quantity: 2, unitPriceCents: cents(420) }
		];
		const order = {
			id: '44444444-4444-4444-8444-444444444444',
			memberId: member,
			distributionId: dist,
			lines
		};
		const fewer = [lines[0]!, { ...lines[1]!, quantity: 1 }];
		const adj = adjustmentOperation(stamp, order, fewer, 'Œufs manquants');
		// One box of eggs less: the member owes 4,20 € less, a credit on the account.
		expect(adj).toMatchObject({ kind: 'order_adjustment', amountCents: 420, orderId: order.id });
		expect(adj?.reference?.label).toBe('Œufs manquants — Œufs 2 → 1');
		const more = adjustmentOperation(stamp, order, [lines[0]!, { ...lines[1]!, quantity: 3 }], '');
		expect(more?.amountCents).toBe(-420);
		expect(adjustmentOperation(stamp, order, lines, 'rien')).toBeNull();
	});
});
