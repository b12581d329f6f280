/**
 * Factories for the domain's tests (not exported by the index): readable operations with
 * deterministic ids, and fast-check arbitraries of ledgers.
 */
import fc from 'fast-check';
import { cents } from './money';
import type { LedgerOperation, OperationKind } from './operations';

export const GROUP_ID = '0a000000-0000-4000-8000-000000000001';
export const OTHER_GROUP_ID = '0a000000-0000-4000-8000-000000000002';
export const MEMBER_ID = '0b000000-0000-4000-8000-000000000001';
export const OTHER_MEMBER_ID = '0b000000-0000-4000-8000-000000000002';
export const DISTRIBUTION_ID = '0c000000-0000-4000-8000-000000000001';
export const OTHER_DISTRIBUTION_ID = '0c000000-0000-4000-8000-000000000002';
export const DEVICE_A = '0d000000-0000-4000-8000-00000000000a';
export const DEVICE_B = '0d000000-0000-4000-8000-00000000000b';

/** A UUID-shaped id from a small number, so that tests read well and sort predictably. */
export function uuid(n: number): string {
	return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

let counter = 0;

type Extra = Partial<Omit<LedgerOperation, 'kind' | 'amountCents'>>;

/** An operation of `kind` for `amount` cents, valid by default for its kind. */
export function makeOp(kind: OperationKind, amount: number, extra: Extra = {}): LedgerOperation {
	counter += 1;
	const defaults: Extra =
		kind === 'payment'
			? { method: 'cash' }
			: kind === 'refund'
				? { method: 'transfer' }
				: kind === 'correction'
					? { correctsId: uuid(999_999) }
					: {};
	return {
		id: uuid(counter),
		groupId: GROUP_ID,
		memberId: MEMBER_ID,
		kind,
		amountCents: cents(amount),
		occurredAt: `2025-03-01T10:${String(counter % 60).padStart(2, '0')}:00.000Z`,
		deviceId: DEVICE_A,
		...defaults,
		...extra
	};
}

/** The correction that reverses `target`. */
export function correctionOf(target: LedgerOperation, extra: Extra = {}): LedgerOperation {
	return makeOp('correction', -target.amountCents, {
		correctsId: target.id,
		memberId: target.memberId,
		groupId: target.groupId,
		reference: { label: 'Erreur de saisie' },
		...extra
	});
}

const amount = fc.integer({ min: 1, max: 10_000_000 });
const distributionId = fc.constantFrom(DISTRIBUTION_ID, OTHER_DISTRIBUTION_ID);

/** A non-correction operation with a sign valid for its kind, amounts far from overflow. */
export const operationArb: fc.Arbitrary<LedgerOperation> = fc
	.record({
		id: fc.uuid(),
		kind: fc.constantFrom<OperationKind>(
			'order',
			'order_adjustment',
			'payment',
			'refund',
			'opening_balance'
		),
		amount,
		negative: fc.boolean(),
		distributionId: fc.option(distributionId, { nil: undefined }),
		minute: fc.integer({ min: 0, max: 59 }),
		device: fc.constantFrom(DEVICE_A, DEVICE_B)
	})
	.map(({ id, kind, amount: a, negative, distributionId: d, minute, device }) => {
		const signed =
			kind === 'order' || kind === 'refund' ? -a : kind === 'payment' ? a : negative ? -a : a;
		const op: LedgerOperation = {
			id,
			groupId: GROUP_ID,
			memberId: MEMBER_ID,
			kind,
			amountCents: cents(signed),
			occurredAt: `2025-03-01T10:${String(minute).padStart(2, '0')}:00Z`,
			deviceId: device
		};
		if (kind === 'payment' || kind === 'refund') op.method = 'cash';
		if (d !== undefined) op.distributionId = d;
		return op;
	});

/** A ledger of distinct ids. */
export const ledgerArb = fc.uniqueArray(operationArb, {
	selector: (op) => op.id,
	maxLength: 40
});

/** Which of the two distributions are validated. */
export const validatedArb = fc
	.subarray([DISTRIBUTION_ID, OTHER_DISTRIBUTION_ID])
	.map((ids) => new Set(ids));
