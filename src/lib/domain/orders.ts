/**
 * Orders: line totals in integer cents, the adjustment an edit produces, and what a basket
 * has been paid at its distribution.
 */
import { isPending } from './balances';
import {
	cents,
	isCents,
	multiplyCents,
	negate,
	subtractCents,
	sumCents,
	type Cents
} from './money';
import type { LedgerOperation } from './operations';
import { DomainError, fail, passed, type Check } from './result';

/** The largest quantity of one line (also the wire schemas' bound). */
export const MAX_QUANTITY = 1000;
/** The largest unit price, 1 000 000,00 €: well beyond any basket, far from overflow. */
export const MAX_UNIT_PRICE_CENTS = 100_000_000;

export type OrderLine = {
	productId?: string;
	productName: string;
	quantity: number;
	unitPriceCents: Cents;
};

export const ORDER_ERROR_CODES = ['INVALID_QUANTITY', 'INVALID_UNIT_PRICE'] as const;
export type OrderErrorCode = (typeof ORDER_ERROR_CODES)[number];

/** An order line that breaks an invariant (quantity, unit price). */
export class OrderError extends DomainError<OrderErrorCode> {
	constructor(code: OrderErrorCode, message: string) {
		super(code, message);
		this.name = 'OrderError';
	}
}

type LineShape = Pick<OrderLine, 'productName' | 'quantity' | 'unitPriceCents'>;

/** Checks one line: quantity an integer from 1 to 1000, unit price whole cents in range. */
export function checkOrderLine(line: LineShape): Check<OrderErrorCode> {
	if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
		return fail(
			'INVALID_QUANTITY',
			`Quantité invalide pour « ${line.productName} » : un nombre entier de 1 à ${MAX_QUANTITY}.`
		);
	}
	if (
		!isCents(line.unitPriceCents) ||
		line.unitPriceCents < 0 ||
		line.unitPriceCents > MAX_UNIT_PRICE_CENTS
	) {
		return fail('INVALID_UNIT_PRICE', `Prix unitaire invalide pour « ${line.productName} ».`);
	}
	return passed();
}

/** Checks every line of an order, reporting the first invalid one. */
export function checkOrderLines(lines: readonly LineShape[]): Check<OrderErrorCode> {
	for (const line of lines) {
		const check = checkOrderLine(line);
		if (!check.ok) return check;
	}
	return passed();
}

/** Quantity × unit price; throws `OrderError` on an invalid line. */
export function lineTotal(line: LineShape): Cents {
	const check = checkOrderLine(line);
	if (!check.ok) throw new OrderError(check.code, check.message);
	return multiplyCents(line.unitPriceCents, line.quantity);
}

/** Sum of the line totals (positive); throws `OrderError` on an invalid line. */
export function orderTotal(lines: readonly LineShape[]): Cents {
	return sumCents(lines.map(lineTotal));
}

/** The amount of the `order` operation for these lines: the total as a debit (negative). */
export function orderDebit(lines: readonly LineShape[]): Cents {
	return negate(orderTotal(lines));
}

/**
 * The signed amount of the `order_adjustment` an edit produces: old total − new total, since
 * debits are negative (a dearer basket gives a negative adjustment). 0 means none is needed.
 */
export function adjustmentDelta(
	oldLines: readonly LineShape[],
	newLines: readonly LineShape[]
): Cents {
	return subtractCents(orderTotal(oldLines), orderTotal(newLines));
}

export type BasketPayments = {
	/** Payments recorded for this basket at its distribution, pending or not (net of corrections). */
	paidCents: Cents;
	/** The part of `paidCents` waiting for the distribution's validation. */
	pendingPaidCents: Cents;
};

/**
 * What a member paid at a distribution: their payments tied to it, minus the corrections of
 * those payments; `ops` may hold other members and distributions (ignored), counted once per id.
 */
export function basketPayments(
	ops: readonly LedgerOperation[],
	memberId: string,
	distributionId: string,
	validatedDistributionIds: ReadonlySet<string>
): BasketPayments {
	const byId = new Map<string, LedgerOperation>();
	for (const op of ops) if (!byId.has(op.id)) byId.set(op.id, op);
	const isBasketPayment = (op: LedgerOperation | undefined): boolean =>
		op?.kind === 'payment' && op.memberId === memberId && op.distributionId === distributionId;
	const paid: Cents[] = [];
	const pending: Cents[] = [];
	for (const op of byId.values()) {
		const counts =
			isBasketPayment(op) ||
			(op.kind === 'correction' &&
				op.correctsId !== undefined &&
				op.memberId === memberId &&
				isBasketPayment(byId.get(op.correctsId)));
		if (!counts) continue;
		paid.push(op.amountCents);
		if (isPending(op, validatedDistributionIds, byId)) pending.push(op.amountCents);
	}
	return { paidCents: sumCents(paid), pendingPaidCents: sumCents(pending) };
}

/** What is still due on a basket: total − paid, never below zero (overpayment is credit). */
export function basketDue(totalCents: Cents, paidCents: Cents): Cents {
	const due = subtractCents(totalCents, paidCents);
	return due > 0 ? due : cents(0);
}
