/**
 * Turning stored rows and the domain's likely duplicates into review items.
 *
 * A duplicate is computed from the ledger on every read, never stored while open: its id is
 * derived from what it groups (the domain's key and the operation ids), so the same duplicate
 * keeps the same id across reads and servers, and once resolved (stored under that id) it is
 * recognised and left out for good. Should another copy of the payment arrive later, the set
 * of ids changes and the coordinator sees it anew.
 */
import { createHash } from 'node:crypto';
import {
	cents,
	findLikelyDuplicates,
	formatMoney,
	methodLabel,
	type OperationMethod,
	type PaymentReference
} from '../../../src/lib/domain';
import type { ReviewItem } from '../../../src/lib/domain/closeout';
import { rowToOperation, type OperationRow } from '../../db/repositories/ledger';
import type { ReviewRow } from '../../db/repositories/review';

/** A UUID-shaped id (version 5 layout) derived from `text`: the same text, the same id. */
export function stableUuid(text: string): string {
	const h = createHash('sha256').update(text).digest('hex');
	const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface ComputedDuplicate {
	id: string;
	/** Stored in review_items.item_key once resolved. */
	key: string;
	memberId: string;
	amountCents: number;
	item: ReviewItem;
}

function describeReference(method: OperationMethod | undefined, ref: PaymentReference | undefined) {
	if (method === 'cheque' && ref?.chequeNumber) {
		return ` (chèque n° ${ref.chequeNumber.trim()}${ref.bank ? `, ${ref.bank.trim()}` : ''})`;
	}
	if (method === 'card_terminal' && ref?.receiptNumber) {
		return ` (ticket n° ${ref.receiptNumber.trim()})`;
	}
	return '';
}

/** The sentence a coordinator reads for a likely duplicate. */
export function duplicateReason(d: {
	count: number;
	devices: number;
	method: OperationMethod | undefined;
	amountCents: number;
	reference: PaymentReference | undefined;
	memberName: string | undefined;
}): string {
	const method = d.method ? methodLabel(d.method, 'fr') : 'Paiement';
	const who = d.memberName ? ` pour ${d.memberName}` : '';
	return (
		`Même paiement enregistré ${d.count} fois sur ${d.devices} appareils : ${method} de ` +
		`${formatMoney(cents(d.amountCents), 'fr')}${describeReference(d.method, d.reference)}${who}. ` +
		`Gardez-les si ${d.count} paiements ont bien été faits, sinon annulez le doublon.`
	);
}

/** The domain's likely duplicates among `rows` (payments and their corrections), as items. */
export function computeDuplicates(
	groupId: string,
	rows: readonly OperationRow[],
	names: ReadonlyMap<string, string>
): ComputedDuplicate[] {
	const byId = new Map(rows.map((r) => [r.id, r]));
	const out: ComputedDuplicate[] = [];
	for (const group of findLikelyDuplicates(rows.map(rowToOperation))) {
		const copies = group.operationIds.flatMap((id) => {
			const row = byId.get(id);
			return row ? [row] : [];
		});
		const first = copies[0];
		if (!first) continue;
		const op = rowToOperation(first);
		const deviceIds = [...new Set(copies.map((r) => r.device_id))].sort();
		const createdAt = copies
			.map((r) => r.received_at)
			.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
		const memberName = names.get(op.memberId);
		const id = stableUuid(`duplicate|${groupId}|${group.key}|${group.operationIds.join(',')}`);
		out.push({
			id,
			key: `duplicate:${id}`,
			memberId: op.memberId,
			amountCents: op.amountCents,
			item: {
				id,
				kind: 'duplicate',
				operationIds: group.operationIds,
				memberId: op.memberId,
				...(memberName ? { memberName } : {}),
				amountCents: op.amountCents,
				...(op.method ? { method: op.method } : {}),
				...(op.reference ? { reference: op.reference } : {}),
				...(op.distributionId ? { distributionId: op.distributionId } : {}),
				deviceIds,
				reason: duplicateReason({
					count: copies.length,
					devices: deviceIds.length,
					method: op.method,
					amountCents: op.amountCents,
					reference: op.reference,
					memberName
				}),
				createdAt
			}
		});
	}
	return out;
}

const REPORT_STATUSES = ['rejected', 'conflict'] as const;
type ReportStatus = (typeof REPORT_STATUSES)[number];

function isReportStatus(s: unknown): s is ReportStatus {
	return REPORT_STATUSES.some((x) => x === s);
}

/** A stored row as an item. A device report shows what the device sent, not the ledger. */
export function rowToItem(r: ReviewRow): ReviewItem {
	const fromLedger = r.kind !== 'device_rejected';
	const status = r.details?.status;
	return {
		id: r.id,
		kind: r.kind,
		operationIds: r.operationIds,
		...(r.memberId ? { memberId: r.memberId } : {}),
		...(r.memberName ? { memberName: r.memberName } : {}),
		...(r.amountCents !== null ? { amountCents: cents(r.amountCents) } : {}),
		...(fromLedger && r.method ? { method: r.method } : {}),
		...(fromLedger && r.reference ? { reference: r.reference } : {}),
		...(fromLedger && r.distributionId ? { distributionId: r.distributionId } : {}),
		...(r.deviceId ? { deviceIds: [r.deviceId] } : {}),
		...(isReportStatus(status) ? { reportStatus: status } : {}),
		...(r.details?.code ? { code: r.details.code } : {}),
		...(r.details && 'operation' in r.details ? { operation: r.details.operation } : {}),
		reason: r.reason,
		createdAt: r.createdAt
	};
}
