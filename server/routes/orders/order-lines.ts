/**
 * Turns the lines a client sends into priced order lines. Product lines take the name and
 * the price of the distribution's product, never the client's; free lines (name, quantity,
 * price) are a coordinator's on-site fix.
 */
import {
	cents,
	checkOrderLines,
	type NewOrderLine,
	type Order,
	type OrderLine
} from '../../../src/lib/domain';
import type { ProductRow } from '../../db/repositories/distributions';
import type { OrderRow } from '../../db/repositories/orders';
import type { Role } from '../../http/auth';
import { ApiError } from '../../http/errors';

export function priceLines(
	lines: readonly NewOrderLine[],
	products: readonly ProductRow[],
	role: Role
): OrderLine[] {
	const byId = new Map(products.map((p) => [p.id, p]));
	const priced = lines.map((line): OrderLine => {
		if ('productId' in line) {
			const product = byId.get(line.productId);
			if (!product) {
				throw new ApiError(
					422,
					'UNKNOWN_PRODUCT',
					`Le produit ${line.productId} n’est pas proposé à cette distribution.`
				);
			}
			return {
				productId: product.id,
				productName: product.name,
				quantity: line.quantity,
				unitPriceCents: cents(product.unitPriceCents)
			};
		}
		if (role !== 'coordinator') {
			throw new ApiError(
				403,
				'FREE_LINE_FORBIDDEN',
				`« ${line.productName} » : seul un coordinateur peut ajouter une ligne hors catalogue avec son prix. Choisissez un produit de la distribution.`
			);
		}
		return {
			productName: line.productName,
			quantity: line.quantity,
			unitPriceCents: line.unitPriceCents
		};
	});
	// The wire schema already bounds quantities and prices; this keeps the domain's word.
	const check = checkOrderLines(priced);
	if (!check.ok) throw new ApiError(422, check.code, check.message);
	return priced;
}

/** An order as the contract shows it (OrderSchema). */
export function toOrder(row: OrderRow): Order {
	return {
		id: row.id,
		distributionId: row.distributionId,
		memberId: row.memberId,
		paymentMethod: row.paymentMethod,
		lines: row.lines,
		totalCents: cents(row.totalCents)
	};
}

/** Whether two lists of priced lines say the same thing (a retried order). */
export function sameLines(a: readonly OrderLine[], b: readonly OrderLine[]): boolean {
	return (
		a.length === b.length &&
		a.every((x, i) => {
			const y = b[i];
			return (
				y !== undefined &&
				(x.productId ?? null) === (y.productId ?? null) &&
				x.productName === y.productName &&
				x.quantity === y.quantity &&
				x.unitPriceCents === y.unitPriceCents
			);
		})
	);
}
