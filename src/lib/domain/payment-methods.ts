/**
 * Payment methods: those a group may enable (settings), those an operation may carry, and
 * the references each one needs.
 */
import type { Locale } from './money';
import { fail, passed, type Check } from './result';

/** Methods a coordinator may enable in the group settings. */
export const PAYMENT_METHODS = [
	'cheque',
	'cash',
	'transfer',
	'card_terminal',
	'money_pot',
	'online_card'
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * Methods a payment or refund operation may carry. The money pot is absent: paying from the
 * pot creates no payment, the order debit simply stays on the account.
 */
export const OPERATION_METHODS = [
	'cheque',
	'cash',
	'transfer',
	'card_terminal',
	'online_card'
] as const;
export type OperationMethod = (typeof OPERATION_METHODS)[number];

/** What a member picks when ordering: an enabled method, or paying at the distribution. */
export const ORDER_PAYMENT_CHOICES = [...PAYMENT_METHODS, 'on_the_spot'] as const;
export type OrderPaymentChoice = (typeof ORDER_PAYMENT_CHOICES)[number];

/** Methods a coordinator can take at the pickup point. */
export const ON_SITE_METHODS = ['cheque', 'cash', 'card_terminal'] as const;
export type OnSiteMethod = (typeof ON_SITE_METHODS)[number];

/** Whether `m` is one of the settings' payment methods. */
export function isPaymentMethod(m: unknown): m is PaymentMethod {
	return PAYMENT_METHODS.some((x) => x === m);
}

/** Whether `m` may be carried by a payment or refund operation. */
export function isOperationMethod(m: unknown): m is OperationMethod {
	return OPERATION_METHODS.some((x) => x === m);
}

/** Whether `m` is a valid choice when ordering (a method or `on_the_spot`). */
export function isOrderPaymentChoice(m: unknown): m is OrderPaymentChoice {
	return ORDER_PAYMENT_CHOICES.some((x) => x === m);
}

/** Whether the method is taken at the pickup point (cheque, cash, card terminal). */
export function isOnSite(m: string): m is OnSiteMethod {
	return ON_SITE_METHODS.some((x) => x === m);
}

/** Reference details of a payment: cheque number and bank, terminal receipt, transfer label. */
export type PaymentReference = {
	chequeNumber?: string;
	bank?: string;
	drawer?: string;
	receiptNumber?: string;
	label?: string;
};
export type ReferenceField = keyof PaymentReference;
/** The fields some method requires; the drawer and the label are never required. */
export type RequiredReferenceField = 'chequeNumber' | 'bank' | 'receiptNumber';

const REQUIRED_REFERENCE = {
	cheque: ['chequeNumber', 'bank'],
	cash: [],
	transfer: [],
	card_terminal: ['receiptNumber'],
	money_pot: [],
	online_card: []
} as const satisfies Record<PaymentMethod, readonly RequiredReferenceField[]>;

/** The reference fields a payment by `method` must carry: cheque → number and bank. */
export function requiredReference(method: PaymentMethod): readonly RequiredReferenceField[] {
	return REQUIRED_REFERENCE[method];
}

export const REFERENCE_ERROR_CODES = [
	'CHEQUE_NUMBER_REQUIRED',
	'BANK_REQUIRED',
	'RECEIPT_NUMBER_REQUIRED'
] as const;
export type ReferenceErrorCode = (typeof REFERENCE_ERROR_CODES)[number];

const MISSING_REFERENCE = {
	chequeNumber: ['CHEQUE_NUMBER_REQUIRED', 'Le numéro du chèque est obligatoire.'],
	bank: ['BANK_REQUIRED', 'La banque du chèque est obligatoire.'],
	receiptNumber: [
		'RECEIPT_NUMBER_REQUIRED',
		'Le numéro du ticket du terminal de paiement est obligatoire.'
	]
} as const satisfies Record<RequiredReferenceField, readonly [ReferenceErrorCode, string]>;

/** Checks that `reference` has the non-blank fields `method` requires. */
export function checkReference(
	method: PaymentMethod,
	reference: PaymentReference | undefined
): Check<ReferenceErrorCode> {
	for (const field of requiredReference(method)) {
		if ((reference?.[field] ?? '').trim() === '') {
			const [code, message] = MISSING_REFERENCE[field];
			return fail(code, message);
		}
	}
	return passed();
}

/** Labels of the methods and of `on_the_spot`, per locale. */
export const METHOD_LABELS = {
	fr: {
		cheque: 'Chèque',
		cash: 'Espèces',
		transfer: 'Virement',
		card_terminal: 'Carte bancaire sur place (TPE)',
		money_pot: 'Cagnotte',
		online_card: 'Carte bancaire en ligne',
		on_the_spot: 'Sur place'
	},
	en: {
		cheque: 'Cheque',
		cash: 'Cash',
		transfer: 'Bank transfer',
		card_terminal: 'Card on site (terminal)',
		money_pot: 'Money pot',
		online_card: 'Online card',
		on_the_spot: 'On the spot'
	}
} as const satisfies Record<Locale, Record<OrderPaymentChoice, string>>;

/** The label of a method or order choice in a locale. */
export function methodLabel(method: OrderPaymentChoice, locale: Locale = 'fr'): string {
	return METHOD_LABELS[locale][method];
}
