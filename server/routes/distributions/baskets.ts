/**
 * The baskets of a distribution: each member's orders summed, with what was paid there
 * (pending or not), what is still due, and the member's kept balance. Validation reads the
 * same figures to decide which baskets are not settled.
 */
import {
	basketDue,
	basketPayments,
	cents,
	formatMoney,
	subtractCents,
	sumCents,
	type Basket,
	type LedgerOperation,
	type OrderPaymentChoice,
	type UnpaidBasket
} from '../../../src/lib/domain';
import type { Queryable } from '../../db/database';
import {
	memberAccounts,
	ordersOfDistribution,
	paymentsOfDistribution,
	type MemberAccount,
	type OrderRow
} from '../../db/repositories/orders';

/** Orders paid away from the pickup point: nothing is collected for them at the distribution. */
const PAID_ELSEWHERE: readonly OrderPaymentChoice[] = ['money_pot', 'online_card'];

export interface BasketsView {
	baskets: Basket[];
	/** Baskets whose payments at the distribution do not cover what was to be collected. */
	unpaid: UnpaidBasket[];
}

export interface BasketsInput {
	distributionId: string;
	validated: boolean;
	/** Orders of the distribution, any number per member. */
	orders: readonly OrderRow[];
	/** The distribution's payments and their corrections. */
	payments: readonly LedgerOperation[];
	/** Name and kept balance of every member having an order or a payment here. */
	accounts: readonly MemberAccount[];
}

function byName(a: { memberName: string; memberId: string }, b: typeof a): number {
	const names = a.memberName.localeCompare(b.memberName, 'fr');
	if (names !== 0) return names;
	return a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
}

/**
 * One basket per member who ordered, or who paid something at this distribution without
 * ordering (so that payment is seen), sorted by name. Lines are the orders' lines one after
 * the other; the balance is the kept one: confirmed = total − pending, projected = total.
 */
export function assembleBaskets(input: BasketsInput): BasketsView {
	const validatedIds = new Set(input.validated ? [input.distributionId] : []);
	const accounts = new Map(input.accounts.map((a) => [a.memberId, a]));
	const ordersByMember = new Map<string, OrderRow[]>();
	for (const o of input.orders) {
		const list = ordersByMember.get(o.memberId) ?? [];
		list.push(o);
		ordersByMember.set(o.memberId, list);
	}
	const memberIds = new Set([...ordersByMember.keys(), ...input.payments.map((p) => p.memberId)]);

	const rows: { basket: Basket; unpaid?: UnpaidBasket }[] = [];
	for (const memberId of memberIds) {
		const orders = ordersByMember.get(memberId) ?? [];
		const paid = basketPayments(input.payments, memberId, input.distributionId, validatedIds);
		if (orders.length === 0 && paid.paidCents === 0) continue;
		const account = accounts.get(memberId);
		const totalCents = sumCents(orders.map((o) => cents(o.totalCents)));
		const orderIds = orders.map((o) => o.id);
		const memberName = account?.name ?? orders[0]?.memberName ?? '';
		const basket: Basket = {
			orderIds,
			memberId,
			memberName,
			lines: orders.flatMap((o) => o.lines),
			totalCents,
			paidCents: paid.paidCents,
			pendingPaidCents: paid.pendingPaidCents,
			dueCents: basketDue(totalCents, paid.paidCents),
			paymentMethods: [...new Set(orders.map((o) => o.paymentMethod))],
			...(account
				? {
						balanceCents: subtractCents(cents(account.totalCents), cents(account.pendingCents)),
						projectedCents: cents(account.totalCents)
					}
				: {})
		};
		const toCollect = sumCents(
			orders
				.filter((o) => !PAID_ELSEWHERE.includes(o.paymentMethod))
				.map((o) => cents(o.totalCents))
		);
		const unpaid =
			paid.paidCents < toCollect
				? {
						memberId,
						memberName,
						orderIds,
						totalCents,
						paidCents: paid.paidCents,
						dueCents: subtractCents(toCollect, paid.paidCents)
					}
				: undefined;
		rows.push({ basket, ...(unpaid ? { unpaid } : {}) });
	}
	rows.sort((a, b) => byName(a.basket, b.basket));
	return {
		baskets: rows.map((r) => r.basket),
		unpaid: rows.flatMap((r) => (r.unpaid ? [r.unpaid] : []))
	};
}

/** Reads and assembles the baskets; `onlyMemberId` restricts them to one member's. */
export async function loadBaskets(
	db: Queryable,
	groupId: string,
	distribution: { id: string; validated: boolean },
	onlyMemberId?: string
): Promise<BasketsView> {
	const orders = await ordersOfDistribution(db, groupId, distribution.id, onlyMemberId);
	const payments = (await paymentsOfDistribution(db, groupId, distribution.id)).filter(
		(p) => onlyMemberId === undefined || p.memberId === onlyMemberId
	);
	const memberIds = [...new Set([...orders, ...payments].map((x) => x.memberId))];
	const accounts = await memberAccounts(db, groupId, memberIds);
	return assembleBaskets({
		distributionId: distribution.id,
		validated: distribution.validated,
		orders,
		payments,
		accounts
	});
}

const NAMED_IN_MESSAGE = 5;

/** The sentence of the 409 of validation: how many baskets, the first ones by name. */
export function unpaidMessage(unpaid: readonly UnpaidBasket[]): string {
	const n = unpaid.length;
	const named = unpaid
		.slice(0, NAMED_IN_MESSAGE)
		.map((u) => `${u.memberName} (reste ${formatMoney(u.dueCents)})`)
		.join(', ');
	const more = n > NAMED_IN_MESSAGE ? ` et ${n - NAMED_IN_MESSAGE} autre(s)` : '';
	const head =
		n === 1 ? '1 panier n’est pas entièrement payé' : `${n} paniers ne sont pas entièrement payés`;
	return (
		`${head} : ${named}${more}. Enregistrez les paiements, ou confirmez la validation ` +
		'malgré les impayés (confirmUnpaid: true) : ils resteront dus sur les comptes.'
	);
}
