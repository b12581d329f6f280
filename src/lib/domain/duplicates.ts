/**
 * Likely duplicates: the same payment recorded on two devices while both were offline.
 * They are flagged for the coordinator, never dropped or merged automatically.
 */
import { mergeOperations } from './balances';
import type { LedgerOperation } from './operations';
import type { PaymentReference } from './payment-methods';

export type DuplicateGroup = {
	/** Stable description of what the operations share (member, distribution, method, …). */
	key: string;
	/** The operations' ids, sorted. */
	operationIds: string[];
};

function compact(value: string | undefined): string {
	return (value ?? '').replace(/\s+/gu, '').toLowerCase();
}

function normalizeBank(value: string | undefined): string {
	return (value ?? '').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** Reference fields that identify a payment; the free-text transfer label does not. */
function referenceKey(reference: PaymentReference | undefined): string {
	return [
		compact(reference?.chequeNumber),
		normalizeBank(reference?.bank),
		compact(reference?.receiptNumber)
	].join('/');
}

/**
 * Groups of payments sharing member, distribution, method, amount and reference (cheque
 * number and bank, or receipt number, compared without spaces or case; or both without one)
 * recorded on at least two devices, leaving out operations already corrected.
 * Sorted by key, ids sorted inside each group.
 */
export function findLikelyDuplicates(ops: readonly LedgerOperation[]): DuplicateGroup[] {
	const unique = mergeOperations(ops);
	const corrected = new Set(
		unique.flatMap((op) => (op.kind === 'correction' && op.correctsId ? [op.correctsId] : []))
	);
	const groups = new Map<string, LedgerOperation[]>();
	for (const op of unique) {
		if (op.kind !== 'payment' || corrected.has(op.id)) continue;
		const key = [
			op.groupId,
			op.memberId,
			op.distributionId ?? '-',
			op.method ?? '-',
			String(op.amountCents),
			referenceKey(op.reference)
		].join('|');
		const list = groups.get(key);
		if (list) list.push(op);
		else groups.set(key, [op]);
	}
	return [...groups.entries()]
		.filter(([, list]) => new Set(list.map((op) => op.deviceId)).size > 1)
		.map(([key, list]) => ({ key, operationIds: list.map((op) => op.id).sort() }))
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
