import { describe, expect, it } from 'vitest';
import { findLikelyDuplicates } from './duplicates';
import { cents } from './money';
import type { LedgerOperation } from './operations';
import {
	correctionOf,
	DEVICE_A,
	DEVICE_B,
	DISTRIBUTION_ID,
	makeOp,
	OTHER_MEMBER_ID
} from './test-fixtures';

function cheque(
	deviceId: string,
	chequeNumber: string,
	bank: string,
	extra: Partial<LedgerOperation> = {}
) {
	return makeOp('payment', 2350, {
		method: 'cheque',
		distributionId: DISTRIBUTION_ID,
		reference: { chequeNumber, bank },
		deviceId,
		...extra
	});
}

describe('findLikelyDuplicates', () => {
	it('flags the same cheque recorded on two devices, comparing references loosely', () => {
		const a = cheque(DEVICE_A, '1234567', 'Crédit Agricole');
		const b = cheque(DEVICE_B, ' 1234 567 ', 'crédit  agricole ');
		const groups = findLikelyDuplicates([b, a]);
		expect(groups).toHaveLength(1);
		expect(groups[0]?.operationIds).toEqual([a.id, b.id].sort());
	});

	it('does not flag two entries from the same device, nor different cheques', () => {
		expect(
			findLikelyDuplicates([cheque(DEVICE_A, '1', 'LCL'), cheque(DEVICE_A, '1', 'LCL')])
		).toEqual([]);
		expect(
			findLikelyDuplicates([cheque(DEVICE_A, '1', 'LCL'), cheque(DEVICE_B, '2', 'LCL')])
		).toEqual([]);
	});

	it('needs the same member, amount, method and distribution', () => {
		const a = cheque(DEVICE_A, '1', 'LCL');
		const others = [
			cheque(DEVICE_B, '1', 'LCL', { memberId: OTHER_MEMBER_ID }),
			cheque(DEVICE_B, '1', 'LCL', { amountCents: cents(a.amountCents + 1) }),
			cheque(DEVICE_B, '1', 'LCL', { distributionId: undefined })
		];
		for (const other of others) expect(findLikelyDuplicates([a, other])).toEqual([]);
	});

	it('flags cash payments without reference, and forgets a corrected one', () => {
		const a = makeOp('payment', 1500, { distributionId: DISTRIBUTION_ID, deviceId: DEVICE_A });
		const b = makeOp('payment', 1500, { distributionId: DISTRIBUTION_ID, deviceId: DEVICE_B });
		expect(findLikelyDuplicates([a, b])).toHaveLength(1);
		expect(findLikelyDuplicates([a, b, correctionOf(b)])).toEqual([]);
	});

	it('ignores non-payments', () => {
		const a = makeOp('order', -1500, { deviceId: DEVICE_A });
		const b = { ...makeOp('order', -1500, { deviceId: DEVICE_B }), orderId: a.orderId };
		expect(findLikelyDuplicates([a, b])).toEqual([]);
	});
});
