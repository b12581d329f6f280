/**
 * The operations a distribution day records, built from what the person entered. Pure: ids,
 * clock and device are passed in, and each result is checked by the store with the shared
 * schema before it is written.
 */
import {
	adjustmentDelta,
	cents,
	type Cents,
	type OperationMethod,
	type OrderLine,
	type PaymentReference
} from '../domain';
import type { Operation } from '../domain/schemas';

export interface Stamp {
	id: string;
	groupId: string;
	deviceId: string;
	occurredAt: string;
}

export function paymentOperation(
	s: Stamp,
	p: {
		memberId: string;
		distributionId: string;
		amountCents: Cents;
		method: OperationMethod;
		reference?: PaymentReference;
	}
): Operation {
	const reference = cleanReference(p.method, p.reference);
	return {
		id: s.id,
		groupId: s.groupId,
		memberId: p.memberId,
		kind: 'payment',
		amountCents: p.amountCents,
		method: p.method,
		distributionId: p.distributionId,
		...(reference ? { reference } : {}),
		occurredAt: s.occurredAt,
		deviceId: s.deviceId
	};
}

/** Keeps only the reference fields that go with the method, trimmed, empty ones dropped. */
function cleanReference(
	method: OperationMethod,
	ref: PaymentReference | undefined
): PaymentReference | undefined {
	if (!ref) return undefined;
	const keep: (keyof PaymentReference)[] =
		method === 'cheque'
			? ['chequeNumber', 'bank', 'drawer']
			: method === 'card_terminal'
				? ['receiptNumber']
				: ['label'];
	const out: PaymentReference = {};
	for (const k of keep) {
		const v = ref[k]?.trim();
		if (v) out[k] = v;
	}
	return Object.keys(out).length ? out : undefined;
}

/** The exact reversal of an operation (a correction), with its reason. */
export function correctionOperation(
	s: Stamp,
	target: Pick<Operation, 'id' | 'memberId' | 'amountCents' | 'distributionId'>,
	reason: string
): Operation {
	const label = reason.trim().slice(0, 200);
	return {
		id: s.id,
		groupId: s.groupId,
		memberId: target.memberId,
		kind: 'correction',
		amountCents: cents(-target.amountCents),
		correctsId: target.id,
		...(target.distributionId ? { distributionId: target.distributionId } : {}),
		...(label ? { reference: { label } } : {}),
		occurredAt: s.occurredAt,
		deviceId: s.deviceId
	};
}

/**
 * The adjustment of one order whose lines changed at the distribution, or null when the
 * total is the same. The label says what changed, for the history and the member.
 */
export function adjustmentOperation(
	s: Stamp,
	order: { id: string; memberId: string; distributionId: string; lines: OrderLine[] },
	newLines: OrderLine[],
	note: string
): Operation | null {
	const delta = adjustmentDelta(order.lines, newLines);
	if (delta === 0) return null;
	const changes = order.lines
		.map((l, i) => ({ l, q: newLines[i]?.quantity ?? 0 }))
		.filter(({ l, q }) => l.quantity !== q)
		.map(({ l, q }) => `${l.productName} ${l.quantity} → ${q}`);
	const label = [note.trim(), changes.join(', ')].filter(Boolean).join(' — ').slice(0, 200);
	return {
		id: s.id,
		groupId: s.groupId,
		memberId: order.memberId,
		kind: 'order_adjustment',
		amountCents: delta,
		distributionId: order.distributionId,
		orderId: order.id,
		...(label ? { reference: { label } } : {}),
		occurredAt: s.occurredAt,
		deviceId: s.deviceId
	};
}
