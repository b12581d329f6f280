/**
 * Group settings: which payment methods members may use.
 */
import { isPaymentMethod, type PaymentMethod } from './payment-methods';
import { fail, succeed, type Result } from './result';

export type GroupSettings = {
	paymentMethods: PaymentMethod[];
	/** Only meaningful with the money pot: may an order take the balance below zero? */
	allowNegativeMoneyPot: boolean;
};

/** Settings of a new group: the usual methods of a distribution, no money pot. */
export const DEFAULT_GROUP_SETTINGS = {
	paymentMethods: ['cheque', 'cash', 'transfer'],
	allowNegativeMoneyPot: false
} as const satisfies Readonly<GroupSettings> & { paymentMethods: readonly PaymentMethod[] };

export const SETTINGS_ERROR_CODES = [
	'NO_PAYMENT_METHOD',
	'UNKNOWN_PAYMENT_METHOD',
	'DUPLICATE_PAYMENT_METHOD',
	'MONEY_POT_EXCLUSIVE'
] as const;
export type SettingsErrorCode = (typeof SETTINGS_ERROR_CODES)[number];

/** Whether members of the group pay through the money pot. */
export function usesMoneyPot(settings: Pick<GroupSettings, 'paymentMethods'>): boolean {
	return settings.paymentMethods.includes('money_pot');
}

/**
 * Checks settings: at least one known method, no duplicate, and the money pot alone (the
 * source platform forbids combining it with other methods). `allowNegativeMoneyPot` is kept
 * as sent even without the money pot, so switching the pot on later restores the choice.
 */
export function validateSettings(s: GroupSettings): Result<GroupSettings, SettingsErrorCode> {
	const methods: readonly unknown[] = s.paymentMethods;
	if (methods.length === 0) {
		return fail('NO_PAYMENT_METHOD', 'Choisissez au moins un moyen de paiement.');
	}
	const unknown = methods.find((m) => !isPaymentMethod(m));
	if (unknown !== undefined) {
		return fail('UNKNOWN_PAYMENT_METHOD', `Moyen de paiement inconnu : ${String(unknown)}.`);
	}
	if (new Set(methods).size !== methods.length) {
		return fail('DUPLICATE_PAYMENT_METHOD', 'Un moyen de paiement est cité deux fois.');
	}
	if (usesMoneyPot(s) && methods.length > 1) {
		return fail(
			'MONEY_POT_EXCLUSIVE',
			'La cagnotte ne peut pas être activée en même temps que les autres moyens de paiement : ' +
				'avec la cagnotte, chaque commande est débitée du compte et l’adhérent le crédite de temps ' +
				'en temps (par exemple un chèque mensuel). Désactivez les autres moyens ou la cagnotte.'
		);
	}
	return succeed({
		paymentMethods: [...s.paymentMethods],
		allowNegativeMoneyPot: s.allowNegativeMoneyPot
	});
}
