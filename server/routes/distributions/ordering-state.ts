/**
 * The 4-unvalidated-distributions rule as the server applies it: the domain decides, the
 * server clock gives the day, and the answer names the distributions to validate (with their
 * place) so the coordinator can act on it.
 */
import {
	BLOCKING_UNVALIDATED_COUNT,
	orderingBlock,
	orderingBlockedFailure
} from '../../../src/lib/domain';
import type { Queryable } from '../../db/database';
import { lastPastDistributions } from '../../db/repositories/distributions';
import { localDay } from '../../http/clock';
import { ApiError } from '../../http/errors';
import type { AppDeps } from '../../http/types';

export interface DistributionToValidate {
	id: string;
	date: string;
	place: string;
}

/** `GET /api/groups/:groupId/ordering`. */
export interface OrderingState {
	blocked: boolean;
	toValidate: DistributionToValidate[];
}

/** The group's calendar day by the server clock. */
export function serverToday(deps: Pick<AppDeps, 'now'>): string {
	return localDay(deps.now?.() ?? new Date());
}

export async function orderingState(
	db: Queryable,
	groupId: string,
	today: string
): Promise<OrderingState> {
	const recent = await lastPastDistributions(db, groupId, today, BLOCKING_UNVALIDATED_COUNT);
	const block = orderingBlock(recent, today);
	if (!block.blocked) return { blocked: false, toValidate: [] };
	const places = new Map(recent.map((d) => [d.id, d.place]));
	return {
		blocked: true,
		toValidate: block.toValidate.map((d) => ({
			id: d.id,
			date: d.date,
			place: places.get(d.id) ?? ''
		}))
	};
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY', as French readers expect it. */
export function frenchDate(isoDate: string): string {
	const [y, m, d] = isoDate.split('-');
	return `${d}/${m}/${y}`;
}

/** The 409 of an order refused by the rule, naming the distributions to validate. */
export function orderingBlockedError(state: OrderingState): ApiError {
	const { code, message } = orderingBlockedFailure();
	const list = state.toValidate.map((d) => `${frenchDate(d.date)} (${d.place})`).join(', ');
	return new ApiError(409, code, `${message} À valider d’abord : ${list}.`, {
		toValidate: state.toValidate
	});
}
