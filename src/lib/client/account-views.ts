/**
 * What "Mon compte" and "Commander" show, computed on the device from the local store with the
 * shared domain rules: the member's balance, history and next basket, the distributions open
 * for ordering, the payment choices and the lines of a new order. Pure functions, no storage.
 */
import { z } from 'zod';
import {
	cents,
	checkOrderPaymentChoice,
	computeBalance,
	formatMoney,
	isOrderPaymentChoice,
	MAX_QUANTITY,
	orderingBlock,
	runningBalance,
	type Balance,
	type Cents,
	type GroupSettings,
	type Locale,
	type OrderLine,
	type OrderPaymentChoice,
	type RunningEntry
} from '../domain';
import {
	GroupSettingsShapeSchema,
	IsoDateSchema,
	UuidSchema,
	type Distribution,
	type NewOrder,
	type Product
} from '../domain/schemas';
import type { LocalOperation, LocalOrder, OperationState } from './local-db';
import { buildBaskets, countedOperations, validatedIds } from './views';

// --- Locale and dates ---------------------------------------------------------------------

/** The money/date locale of the UI language ('fr' unless English is chosen). */
export function asLocale(lang: string | null | undefined): Locale {
	return lang?.startsWith('en') ? 'en' : 'fr';
}

const INTL_TAGS = { fr: 'fr-FR', en: 'en-GB' } as const satisfies Record<Locale, string>;

/** A calendar day (YYYY-MM-DD) in words: "samedi 14 mars 2026"; `short`: "sam. 14 mars". */
export function formatDay(iso: string, locale: Locale, style: 'long' | 'short' = 'long'): string {
	const date = new Date(`${iso}T12:00:00Z`);
	if (Number.isNaN(date.getTime())) return iso;
	return new Intl.DateTimeFormat(
		INTL_TAGS[locale],
		style === 'long'
			? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
			: { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }
	).format(date);
}

/** An instant (ISO 8601) as a date and time on this device's clock: "14/03/2026 18:05". */
export function formatInstant(iso: string, locale: Locale): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return new Intl.DateTimeFormat(INTL_TAGS[locale], {
		dateStyle: 'short',
		timeStyle: 'short'
	}).format(date);
}

/** Money without its sign, for sentences that say "dette" or "crédit" in words. */
export function formatMagnitude(c: Cents, locale: Locale): string {
	return formatMoney(cents(Math.abs(c)), locale);
}

// --- Balance and history ------------------------------------------------------------------

export type BalanceStatus = 'credit' | 'debt' | 'settled';

/** Positive: credit held by the group; negative: debt; zero: settled. */
export function balanceStatus(c: Cents): BalanceStatus {
	return c > 0 ? 'credit' : c < 0 ? 'debt' : 'settled';
}

export type HistoryItem = RunningEntry & {
	/** Where the operation stands on this device (queued: not yet sent). */
	state: OperationState;
	/** The date of the distribution it is tied to, when known here. */
	distributionDate?: string;
	/** What a correction reverses, when known here. */
	corrects?: Pick<RunningEntry, 'kind' | 'method' | 'occurredAt' | 'amountCents'>;
};

export type AccountView = {
	balance: Balance;
	/** Every counted operation with the running (projected) balance, most recent first. */
	history: HistoryItem[];
};

/**
 * One member's account from the operations on the device: refused operations (rejected,
 * conflict) are left out, payments of distributions not validated here are pending.
 */
export function accountView(
	memberOps: readonly LocalOperation[],
	distributions: readonly Distribution[]
): AccountView {
	const counted = countedOperations(memberOps);
	const validated = validatedIds(distributions);
	const states = new Map(memberOps.map((o) => [o.id, o.state]));
	const dates = new Map(distributions.map((d) => [d.id, d.date]));
	const entries = runningBalance(counted, validated);
	const byId = new Map(entries.map((e) => [e.id, e]));
	const history = entries
		.map((e): HistoryItem => {
			const target = e.correctsId ? byId.get(e.correctsId) : undefined;
			const distributionDate = e.distributionId ? dates.get(e.distributionId) : undefined;
			return {
				...e,
				state: states.get(e.id) ?? 'synced',
				...(distributionDate ? { distributionDate } : {}),
				...(target
					? {
							corrects: {
								kind: target.kind,
								method: target.method,
								occurredAt: target.occurredAt,
								amountCents: target.amountCents
							}
						}
					: {})
			};
		})
		.reverse();
	return { balance: computeBalance(counted, validated), history };
}

// --- Next basket ----------------------------------------------------------------------------

export type NextBasket = {
	distribution: Distribution;
	lines: OrderLine[];
	totalCents: Cents;
	/** Paid for this basket at its distribution, pending or not. */
	paidCents: Cents;
	/** The part of `paidCents` waiting for the distribution's validation. */
	pendingPaidCents: Cents;
	/** Total − paid, never below zero: what the coordinator will ask for. */
	dueCents: Cents;
	/** The payment choices of the member's orders for this distribution. */
	paymentChoices: OrderPaymentChoice[];
	/** Every order paid from the money pot: nothing is asked at the distribution. */
	fromMoneyPot: boolean;
};

/** Adds up lines of the same product (several orders for one distribution make one basket). */
export function mergeLines(lines: readonly OrderLine[]): OrderLine[] {
	const out: OrderLine[] = [];
	for (const line of lines) {
		const same = out.find(
			(l) =>
				(l.productId ?? l.productName) === (line.productId ?? line.productName) &&
				l.unitPriceCents === line.unitPriceCents
		);
		if (same) same.quantity += line.quantity;
		else out.push({ ...line });
	}
	return out;
}

/**
 * The member's basket at the next distribution they ordered for (date ≥ today, the earliest
 * first), with what it costs, what was paid and what is left to pay; null when none.
 */
export function nextBasket(input: {
	memberId: string;
	distributions: readonly Distribution[];
	orders: readonly LocalOrder[];
	operations: readonly LocalOperation[];
	today: string;
}): NextBasket | null {
	const mine = input.orders.filter((o) => o.memberId === input.memberId);
	const withOrders = new Set(mine.map((o) => o.distributionId));
	const distribution = [...input.distributions]
		.filter((d) => d.date >= input.today && withOrders.has(d.id))
		.sort(byDate)[0];
	if (!distribution) return null;
	const basket = buildBaskets({
		distribution,
		distributions: input.distributions,
		orders: mine,
		members: [],
		operations: input.operations.filter((o) => o.memberId === input.memberId)
	})[0];
	if (!basket) return null;
	const choices = basket.paymentChoices.filter(isOrderPaymentChoice);
	return {
		distribution,
		lines: mergeLines(basket.lines),
		totalCents: basket.totalCents,
		paidCents: basket.paidCents,
		pendingPaidCents: basket.pendingPaidCents,
		dueCents: basket.dueCents,
		paymentChoices: choices,
		fromMoneyPot: choices.length > 0 && choices.every((c) => c === 'money_pot')
	};
}

function byDate(a: Distribution, b: Distribution): number {
	return a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// --- Ordering -------------------------------------------------------------------------------

/** Distributions a member may order for: today or later, not validated, earliest first. */
export function orderableDistributions(
	distributions: readonly Distribution[],
	today: string
): Distribution[] {
	return distributions.filter((d) => d.date >= today && !d.validated).sort(byDate);
}

/** `GET /api/groups/:groupId/ordering`: the 4-distribution rule as the server sees it. */
export const OrderingStateSchema = z.object({
	blocked: z.boolean(),
	toValidate: z.array(z.object({ id: UuidSchema, date: IsoDateSchema, place: z.string().max(200) }))
});
export type OrderingState = z.infer<typeof OrderingStateSchema>;

/**
 * Whether ordering is closed: the server's answer when there is one (fresher than the
 * device), otherwise the domain rule over the distributions on the device.
 */
export function orderingState(
	distributions: readonly Distribution[],
	today: string,
	fromServer: OrderingState | null
): OrderingState {
	if (fromServer) return fromServer;
	const block = orderingBlock(distributions, today);
	if (!block.blocked) return { blocked: false, toValidate: [] };
	const places = new Map(distributions.map((d) => [d.id, d.place]));
	return {
		blocked: true,
		toValidate: block.toValidate.map((d) => ({
			id: d.id,
			date: d.date,
			place: places.get(d.id) ?? ''
		}))
	};
}

/** Reads settings kept on the device; anything that no longer fits the schema is ignored. */
export function parseCachedSettings(value: unknown): GroupSettings | null {
	const parsed = GroupSettingsShapeSchema.safeParse(value);
	return parsed.success ? parsed.data : null;
}

/**
 * What a member may choose when ordering: the group's enabled methods, then "sur place"
 * when an on-site method lets the coordinator take the payment at the distribution.
 */
export function paymentChoices(settings: GroupSettings): OrderPaymentChoice[] {
	const choices: OrderPaymentChoice[] = settings.paymentMethods.filter(
		(m) => checkOrderPaymentChoice(settings, m).ok
	);
	if (checkOrderPaymentChoice(settings, 'on_the_spot').ok) choices.push('on_the_spot');
	return choices;
}

/** A quantity typed or stepped: a whole number from 0 to 1000; anything else is null. */
export function parseQuantity(input: string | number): number | null {
	const text = String(input).trim();
	if (!/^\d+$/.test(text)) return null;
	const n = Number(text);
	return Number.isSafeInteger(n) ? Math.min(n, MAX_QUANTITY) : MAX_QUANTITY;
}

/** Keeps a quantity within 0..1000 (whole numbers). */
export function clampQuantity(n: number): number {
	if (!Number.isFinite(n) || n <= 0) return 0;
	return Math.min(Math.floor(n), MAX_QUANTITY);
}

/** The lines of a new order: the products with a quantity above zero, in the list's order. */
export function orderLinesFrom(
	products: readonly Product[],
	quantities: Readonly<Record<string, number>>
): OrderLine[] {
	return products
		.map((p) => ({
			productId: p.id,
			productName: p.name,
			quantity: clampQuantity(quantities[p.id] ?? 0),
			unitPriceCents: p.unitPriceCents
		}))
		.filter((l) => l.quantity > 0);
}

/** The body of `POST /api/groups/:groupId/orders` without its id: prices come from the server. */
export function orderBody(input: {
	distributionId: string;
	memberId: string;
	lines: readonly OrderLine[];
	paymentMethod: OrderPaymentChoice;
}): Omit<NewOrder, 'id'> {
	return {
		distributionId: input.distributionId,
		memberId: input.memberId,
		lines: input.lines.map((l) => ({ productId: l.productId!, quantity: l.quantity })),
		paymentMethod: input.paymentMethod
	};
}

/**
 * The id of an order attempt: kept while the content stays the same, so a retry after a lost
 * answer is recognised by the server (no second order); a new content gets a new id.
 */
export function attemptId(
	previous: { id: string; key: string } | null,
	body: Omit<NewOrder, 'id'>,
	makeId: () => string
): { id: string; key: string } {
	const key = JSON.stringify(body);
	return previous && previous.key === key ? previous : { id: makeId(), key };
}

export type UpcomingOrders = { distribution: Distribution; orders: LocalOrder[] };

/** The member's orders for distributions today or later, grouped by distribution. */
export function upcomingOrders(
	orders: readonly LocalOrder[],
	distributions: readonly Distribution[],
	memberId: string,
	today: string
): UpcomingOrders[] {
	return [...distributions]
		.filter((d) => d.date >= today)
		.sort(byDate)
		.map((distribution) => ({
			distribution,
			orders: orders.filter((o) => o.memberId === memberId && o.distributionId === distribution.id)
		}))
		.filter((g) => g.orders.length > 0);
}
