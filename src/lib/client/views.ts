/**
 * What the screens show, computed from the device's data with the shared domain rules:
 * the same arithmetic as the server, so the tablet offline and the ledger agree to the cent.
 * Pure functions, no storage.
 */
import {
	basketDue,
	basketPayments,
	cents,
	computeBalance,
	findLikelyDuplicates,
	negate,
	sumCents,
	type Balance,
	type Cents,
	type LedgerOperation,
	type OperationMethod,
	type OrderLine
} from '../domain';
import type { Distribution, Member } from '../domain/schemas';
import type { LocalOperation, LocalOrder } from './local-db';

/** Operations that count: everything but those the server refused (shown apart). */
export function countedOperations(ops: readonly LocalOperation[]): LedgerOperation[] {
	return ops.filter((o) => o.state !== 'rejected' && o.state !== 'conflict');
}

export function validatedIds(distributions: readonly Distribution[]): Set<string> {
	return new Set(distributions.filter((d) => d.validated).map((d) => d.id));
}

export interface BasketView {
	memberId: string;
	memberName: string;
	orderIds: string[];
	lines: OrderLine[];
	/** Ordered total plus adjustments recorded since (positive: what the basket costs). */
	totalCents: Cents;
	paidCents: Cents;
	pendingPaidCents: Cents;
	dueCents: Cents;
	balance: Balance;
	payments: LocalOperation[];
	adjustments: LocalOperation[];
	queuedCount: number;
	paymentChoices: string[];
}

/**
 * The baskets of a distribution: one per member (their orders summed), with what was paid
 * here (pending or not, queued on this device included), what is still due and the member's
 * balance over every operation known on the device.
 */
export function buildBaskets(input: {
	distribution: Distribution;
	distributions: readonly Distribution[];
	orders: readonly LocalOrder[];
	members: readonly Member[];
	operations: readonly LocalOperation[];
}): BasketView[] {
	const { distribution, orders } = input;
	const validated = validatedIds(input.distributions);
	const counted = countedOperations(input.operations);
	const names = new Map(input.members.map((m) => [m.id, m.name]));
	const byMember = new Map<string, LocalOrder[]>();
	for (const o of orders) {
		if (o.distributionId !== distribution.id) continue;
		byMember.set(o.memberId, [...(byMember.get(o.memberId) ?? []), o]);
	}
	const opsByMember = new Map<string, LedgerOperation[]>();
	for (const op of counted)
		opsByMember.set(op.memberId, [...(opsByMember.get(op.memberId) ?? []), op]);

	const baskets: BasketView[] = [];
	for (const [memberId, memberOrders] of byMember) {
		const memberOps = opsByMember.get(memberId) ?? [];
		const orderIds = memberOrders.map((o) => o.id);
		const total = sumCents(memberOrders.map((o) => orderTotalFromLedger(o, counted)));
		const paid = basketPayments(memberOps, memberId, distribution.id, validated);
		const payments = input.operations.filter(
			(op) =>
				op.memberId === memberId &&
				op.distributionId === distribution.id &&
				(op.kind === 'payment' || op.kind === 'correction')
		);
		baskets.push({
			memberId,
			memberName: names.get(memberId) ?? memberOrders[0]?.memberId ?? memberId,
			orderIds,
			lines: memberOrders.flatMap((o) => o.lines),
			totalCents: total,
			paidCents: paid.paidCents,
			pendingPaidCents: paid.pendingPaidCents,
			dueCents: basketDue(total, paid.paidCents),
			balance: computeBalance(memberOps, validated),
			payments,
			adjustments: input.operations.filter(
				(op) =>
					op.kind === 'order_adjustment' &&
					op.orderId !== undefined &&
					orderIds.includes(op.orderId)
			),
			queuedCount: input.operations.filter(
				(op) => op.memberId === memberId && op.state === 'queued'
			).length,
			paymentChoices: [...new Set(memberOrders.map((o) => o.paymentMethod))]
		});
	}
	return baskets.sort((a, b) => a.memberName.localeCompare(b.memberName, 'fr'));
}

/**
 * What an order costs now: the opposite of its ledger entries (the order debit and every
 * adjustment, synced or not) when the device has them, else the stored total. The ledger is
 * the truth: a stored total lags until the next pull after an adjustment.
 */
export function orderTotalFromLedger(
	order: { id: string; totalCents: Cents },
	counted: readonly LedgerOperation[]
): Cents {
	const entries = counted.filter(
		(op) => op.orderId === order.id && (op.kind === 'order' || op.kind === 'order_adjustment')
	);
	if (!entries.some((op) => op.kind === 'order')) return order.totalCents;
	return negate(sumCents(entries.map((op) => op.amountCents)));
}

/** Cents as a person types them ("1234,56"), from the integer: no floating point. */
export function centsToInput(c: Cents, lang: 'fr' | 'en' = 'fr'): string {
	const digits = String(Math.abs(c)).padStart(3, '0');
	const text = `${digits.slice(0, -2)}${lang === 'en' ? '.' : ','}${digits.slice(-2)}`;
	return c < 0 ? `-${text}` : text;
}

/** Accent- and case-insensitive match of a name against what is typed. */
export function matchesSearch(name: string, query: string): boolean {
	const norm = (s: string) =>
		s
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.trim();
	const q = norm(query);
	return q === '' || norm(name).includes(q);
}

/** Totals of a distribution's payments per method (net of corrections), in cents. */
export function totalsByMethod(
	ops: readonly LocalOperation[],
	distributionId: string
): Record<OperationMethod, { count: number; cents: Cents }> {
	const counted = countedOperations(ops);
	const byId = new Map(counted.map((o) => [o.id, o]));
	const out = {
		cheque: { count: 0, cents: cents(0) },
		cash: { count: 0, cents: cents(0) },
		card_terminal: { count: 0, cents: cents(0) },
		transfer: { count: 0, cents: cents(0) },
		online_card: { count: 0, cents: cents(0) }
	} satisfies Record<OperationMethod, { count: number; cents: Cents }>;
	for (const op of counted) {
		if (op.kind === 'payment' && op.distributionId === distributionId && op.method) {
			out[op.method].count++;
			out[op.method].cents = cents(out[op.method].cents + op.amountCents);
		}
		if (op.kind === 'correction' && op.correctsId) {
			const target = byId.get(op.correctsId);
			if (target?.kind === 'payment' && target.distributionId === distributionId && target.method) {
				out[target.method].count--;
				out[target.method].cents = cents(out[target.method].cents + op.amountCents);
			}
		}
	}
	return out;
}

/** Likely duplicate payments of a distribution, across devices (the domain rule). */
export function duplicatesOf(ops: readonly LocalOperation[], distributionId: string) {
	return findLikelyDuplicates(
		countedOperations(ops).filter((o) => o.distributionId === distributionId)
	);
}

/** Operations that were corrected (reversed) already: no second correction offered. */
export function correctedIds(ops: readonly LocalOperation[]): Set<string> {
	return new Set(
		countedOperations(ops)
			.filter((o) => o.kind === 'correction' && o.correctsId)
			.map((o) => o.correctsId!)
	);
}
