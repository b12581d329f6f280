/**
 * Rules at checkout: the 4-unvalidated-distributions block, the money pot floor and the
 * payment choice.
 */
import { formatMoney, subtractCents, type Cents } from './money';
import { ON_SITE_METHODS, isOrderPaymentChoice, type OrderPaymentChoice } from './payment-methods';
import { fail, passed, type Check, type Failure } from './result';
import { usesMoneyPot, type GroupSettings } from './settings';

/** How many past distributions, all unvalidated, close ordering. */
export const BLOCKING_UNVALIDATED_COUNT = 4;

export type DistributionStatus = { id: string; date: string; validated: boolean };

export type OrderingBlock =
	{ blocked: false } | { blocked: true; toValidate: DistributionStatus[] };

/**
 * Ordering is closed when the 4 most recent past distributions (date < today, YYYY-MM-DD)
 * are all unvalidated; `toValidate` lists them, most recent first. Validating any one of
 * them opens ordering again; fewer than 4 past distributions never block. Today's
 * distribution is not past.
 */
export function orderingBlock(
	distributions: readonly DistributionStatus[],
	today: string
): OrderingBlock {
	const lastPast = distributions
		.filter((d) => d.date < today)
		.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.id < b.id ? 1 : -1))
		.slice(0, BLOCKING_UNVALIDATED_COUNT);
	const blocked =
		lastPast.length === BLOCKING_UNVALIDATED_COUNT && lastPast.every((d) => !d.validated);
	return blocked ? { blocked: true, toValidate: lastPast } : { blocked: false };
}

export const ORDERING_ERROR_CODES = [
	'ORDERING_BLOCKED',
	'MONEY_POT_INSUFFICIENT',
	'UNKNOWN_PAYMENT_CHOICE',
	'PAYMENT_METHOD_DISABLED',
	'ON_THE_SPOT_UNAVAILABLE'
] as const;
export type OrderingErrorCode = (typeof ORDERING_ERROR_CODES)[number];

/** The refusal to send when `orderingBlock` says blocked. */
export function orderingBlockedFailure(): Failure<OrderingErrorCode> {
	return fail(
		'ORDERING_BLOCKED',
		`Les commandes sont fermées : les ${BLOCKING_UNVALIDATED_COUNT} dernières distributions n’ont pas été validées.`
	);
}

export type MoneyPotOrderInput = {
	settings: GroupSettings;
	/** The member's projected balance, including operations this device has not synced yet. */
	balanceIncludingUnsyncedCents: Cents;
	/** The order total, a positive amount. */
	orderTotalCents: Cents;
	/** When given and not `money_pot`, the order is not paid from the pot and passes. */
	paymentChoice?: OrderPaymentChoice;
};

/**
 * Refuses an order paid from the money pot that would take the balance below zero, unless
 * the group allows a negative pot. Without the money pot in the settings, it always passes.
 */
export function checkMoneyPotOrder(input: MoneyPotOrderInput): Check<OrderingErrorCode> {
	const { settings, balanceIncludingUnsyncedCents: balance, orderTotalCents: total } = input;
	if (!usesMoneyPot(settings) || settings.allowNegativeMoneyPot) return passed();
	if (input.paymentChoice !== undefined && input.paymentChoice !== 'money_pot') return passed();
	const after = subtractCents(balance, total);
	if (after >= 0) return passed();
	return fail(
		'MONEY_POT_INSUFFICIENT',
		`Solde insuffisant : la commande de ${formatMoney(total)} dépasse le solde de la cagnotte ` +
			`(${formatMoney(balance)}). Créditez votre compte d’au moins ${formatMoney(subtractCents(total, balance))} avant de commander.`
	);
}

/**
 * Checks the payment choice of an order: an enabled method, or `on_the_spot` when at least
 * one on-site method (cheque, cash, card terminal) is enabled, since the coordinator can
 * only record one of those at the distribution.
 */
export function checkOrderPaymentChoice(
	settings: Pick<GroupSettings, 'paymentMethods'>,
	choice: string
): Check<OrderingErrorCode> {
	if (!isOrderPaymentChoice(choice)) {
		return fail('UNKNOWN_PAYMENT_CHOICE', 'Moyen de paiement inconnu.');
	}
	if (choice === 'on_the_spot') {
		const onSite = settings.paymentMethods.some((m) => ON_SITE_METHODS.some((s) => s === m));
		return onSite
			? passed()
			: fail(
					'ON_THE_SPOT_UNAVAILABLE',
					'Le paiement sur place n’est pas possible : aucun moyen de paiement sur place (chèque, espèces, carte) n’est activé.'
				);
	}
	return settings.paymentMethods.includes(choice)
		? passed()
		: fail('PAYMENT_METHOD_DISABLED', 'Ce moyen de paiement n’est pas activé pour ce groupe.');
}
