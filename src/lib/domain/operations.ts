/**
 * Ledger operations: append-only deltas on a member's account, and the rules each one obeys.
 */
import { isCents, type Cents } from './money';
import {
	checkReference,
	isOperationMethod,
	type OperationMethod,
	type PaymentReference
} from './payment-methods';
import { fail, passed, type Check } from './result';

export const OPERATION_KINDS = [
	'order',
	'order_adjustment',
	'payment',
	'refund',
	'opening_balance',
	'correction'
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** Kinds that carry a payment method. */
export const KINDS_WITH_METHOD = ['payment', 'refund'] as const satisfies readonly OperationKind[];

/**
 * One operation as it travels between devices and server (the wire `Operation`).
 * `occurredAt` is the device clock (ISO 8601 with offset); `deviceId` the device that made it.
 * A correction's reason travels in `reference.label`.
 */
export type LedgerOperation = {
	id: string;
	groupId: string;
	memberId: string;
	kind: OperationKind;
	amountCents: Cents;
	method?: OperationMethod;
	distributionId?: string;
	orderId?: string;
	correctsId?: string;
	reference?: PaymentReference;
	occurredAt: string;
	deviceId: string;
};

/** Whether `k` is an operation kind. */
export function isOperationKind(k: unknown): k is OperationKind {
	return OPERATION_KINDS.some((x) => x === k);
}

export const OPERATION_ERROR_CODES = [
	'UNKNOWN_KIND',
	'AMOUNT_NOT_INTEGER',
	'ORDER_MUST_BE_NEGATIVE',
	'ORDER_ADJUSTMENT_MUST_NOT_BE_ZERO',
	'PAYMENT_MUST_BE_POSITIVE',
	'REFUND_MUST_BE_NEGATIVE',
	'OPENING_BALANCE_MUST_NOT_BE_ZERO',
	'CORRECTION_MUST_NOT_BE_ZERO',
	'METHOD_REQUIRED',
	'METHOD_NOT_ALLOWED',
	'UNKNOWN_METHOD',
	'CORRECTS_ID_REQUIRED',
	'CORRECTS_ID_NOT_ALLOWED',
	'CHEQUE_NUMBER_REQUIRED',
	'BANK_REQUIRED',
	'RECEIPT_NUMBER_REQUIRED'
] as const;
export type OperationErrorCode = (typeof OPERATION_ERROR_CODES)[number];

type SignRule = {
	holds: (amount: number) => boolean;
	code: OperationErrorCode;
	message: string;
};

const SIGN_RULES = {
	order: {
		holds: (a) => a < 0,
		code: 'ORDER_MUST_BE_NEGATIVE',
		message: 'Une commande est un débit : son montant doit être négatif.'
	},
	order_adjustment: {
		holds: (a) => a !== 0,
		code: 'ORDER_ADJUSTMENT_MUST_NOT_BE_ZERO',
		message: "Un ajustement de commande nul n'a pas lieu d'être enregistré."
	},
	payment: {
		holds: (a) => a > 0,
		code: 'PAYMENT_MUST_BE_POSITIVE',
		message: 'Un paiement est un crédit : son montant doit être positif.'
	},
	refund: {
		holds: (a) => a < 0,
		code: 'REFUND_MUST_BE_NEGATIVE',
		message: 'Un remboursement est un débit : son montant doit être négatif.'
	},
	opening_balance: {
		holds: (a) => a !== 0,
		code: 'OPENING_BALANCE_MUST_NOT_BE_ZERO',
		message: "Une reprise de solde nulle n'a pas lieu d'être enregistrée."
	},
	correction: {
		holds: (a) => a !== 0,
		code: 'CORRECTION_MUST_NOT_BE_ZERO',
		message: "Une correction nulle n'a pas lieu d'être enregistrée."
	}
} as const satisfies Record<OperationKind, SignRule>;

/** Checks the sign of an amount for its kind: order < 0, payment > 0, refund < 0, others ≠ 0. */
export function checkOperationSign(
	kind: OperationKind,
	amountCents: number
): Check<OperationErrorCode> {
	if (!isOperationKind(kind)) return fail('UNKNOWN_KIND', "Type d'opération inconnu.");
	if (!isCents(amountCents)) {
		return fail('AMOUNT_NOT_INTEGER', 'Le montant doit être un nombre entier de centimes.');
	}
	const rule: SignRule = SIGN_RULES[kind];
	return rule.holds(amountCents) ? passed() : fail(rule.code, rule.message);
}

/**
 * Checks one operation on its own: sign, method only on payments and refunds (and required
 * there, money pot excluded), `correctsId` exactly on corrections, payment references
 * (cheque number and bank, card terminal receipt). Refunds need no reference.
 */
export function checkOperation(op: LedgerOperation): Check<OperationErrorCode> {
	const sign = checkOperationSign(op.kind, op.amountCents);
	if (!sign.ok) return sign;

	const needsMethod = op.kind === 'payment' || op.kind === 'refund';
	if (needsMethod) {
		if (op.method === undefined) {
			return fail('METHOD_REQUIRED', 'Le moyen de paiement est obligatoire.');
		}
		if (!isOperationMethod(op.method)) {
			return fail(
				'UNKNOWN_METHOD',
				"Moyen de paiement non permis pour une opération (la cagnotte ne crée pas d'opération de paiement)."
			);
		}
	} else if (op.method !== undefined) {
		return fail(
			'METHOD_NOT_ALLOWED',
			'Seuls les paiements et les remboursements portent un moyen de paiement.'
		);
	}

	if (op.kind === 'correction' && op.correctsId === undefined) {
		return fail('CORRECTS_ID_REQUIRED', "Une correction doit désigner l'opération qu'elle annule.");
	}
	if (op.kind !== 'correction' && op.correctsId !== undefined) {
		return fail('CORRECTS_ID_NOT_ALLOWED', 'Seule une correction désigne une autre opération.');
	}

	if (op.kind === 'payment' && op.method !== undefined) {
		const reference = checkReference(op.method, op.reference);
		if (!reference.ok) return reference;
	}
	return passed();
}

export const CORRECTION_ERROR_CODES = [
	'NOT_A_CORRECTION',
	'CORRECTION_TARGET_NOT_FOUND',
	'CORRECTION_GROUP_MISMATCH',
	'CORRECTION_MEMBER_MISMATCH',
	'CORRECTION_AMOUNT_MISMATCH',
	'CORRECTION_OF_CORRECTION',
	'ALREADY_CORRECTED'
] as const;
export type CorrectionErrorCode = (typeof CORRECTION_ERROR_CODES)[number];

/**
 * Checks a correction against its target: same group and member, amount exactly opposite,
 * the target is not a correction, and no other correction (another id) already reverses it.
 * `target` is the operation whose id is `correction.correctsId`, or undefined when unknown.
 */
export function checkCorrection(
	correction: LedgerOperation,
	target: LedgerOperation | undefined,
	existingOperations: Iterable<LedgerOperation>
): Check<CorrectionErrorCode> {
	if (correction.kind !== 'correction') {
		return fail('NOT_A_CORRECTION', "Cette opération n'est pas une correction.");
	}
	if (target === undefined || target.id !== correction.correctsId) {
		return fail('CORRECTION_TARGET_NOT_FOUND', "L'opération à corriger est introuvable.");
	}
	if (target.groupId !== correction.groupId) {
		return fail(
			'CORRECTION_GROUP_MISMATCH',
			"L'opération à corriger appartient à un autre groupe."
		);
	}
	if (target.memberId !== correction.memberId) {
		return fail(
			'CORRECTION_MEMBER_MISMATCH',
			"L'opération à corriger est sur le compte d'un autre adhérent."
		);
	}
	if (target.kind === 'correction') {
		return fail(
			'CORRECTION_OF_CORRECTION',
			'Une correction ne se corrige pas : enregistrez plutôt une nouvelle opération.'
		);
	}
	if (correction.amountCents !== -target.amountCents) {
		return fail(
			'CORRECTION_AMOUNT_MISMATCH',
			"Une correction doit annuler exactement le montant de l'opération corrigée."
		);
	}
	for (const other of existingOperations) {
		if (
			other.kind === 'correction' &&
			other.correctsId === target.id &&
			other.id !== correction.id
		) {
			return fail('ALREADY_CORRECTED', 'Cette opération a déjà été corrigée.');
		}
	}
	return passed();
}

function sameInstant(a: string, b: string): boolean {
	if (a === b) return true;
	const ta = Date.parse(a);
	return !Number.isNaN(ta) && ta === Date.parse(b);
}

const REFERENCE_FIELDS = [
	'chequeNumber',
	'bank',
	'drawer',
	'receiptNumber',
	'label'
] as const satisfies readonly (keyof PaymentReference)[];

const SCALAR_FIELDS = [
	'id',
	'groupId',
	'memberId',
	'kind',
	'amountCents',
	'method',
	'distributionId',
	'orderId',
	'correctsId',
	'deviceId'
] as const satisfies readonly (keyof LedgerOperation)[];

/**
 * Whether two operations carry the same content (a replay, i.e. a duplicate) rather than a
 * conflict. Missing and null fields are alike, reference key order does not matter, and
 * `occurredAt` compares instants ("…T10:00:00Z" equals "…T11:00:00.000+01:00"), since a
 * database may hand a timestamp back in another spelling.
 */
export function sameOperationContent(a: LedgerOperation, b: LedgerOperation): boolean {
	for (const field of SCALAR_FIELDS) {
		if ((a[field] ?? undefined) !== (b[field] ?? undefined)) return false;
	}
	for (const field of REFERENCE_FIELDS) {
		if ((a.reference?.[field] ?? undefined) !== (b.reference?.[field] ?? undefined)) return false;
	}
	return sameInstant(a.occurredAt, b.occurredAt);
}
