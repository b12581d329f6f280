/**
 * Balances: the sum of a member's operations, split into what is confirmed and what waits for
 * the validation of a distribution.
 */
import { addCents, cents, sumCents, type Cents } from './money';
import type { LedgerOperation } from './operations';

export type Balance = {
	/** Confirmed operations and all debts: the member's balance. */
	confirmedCents: Cents;
	/** Payments (and their corrections) waiting for their distribution to be validated. */
	pendingCents: Cents;
	/** `confirmedCents + pendingCents`: the balance once everything is validated. */
	projectedCents: Cents;
};

export type OperationLookup = ReadonlyMap<string, LedgerOperation> | readonly LedgerOperation[];

function isList(x: OperationLookup): x is readonly LedgerOperation[] {
	return Array.isArray(x);
}

function indexById(ops: OperationLookup): ReadonlyMap<string, LedgerOperation> {
	if (!isList(ops)) return ops;
	const byId = new Map<string, LedgerOperation>();
	for (const op of ops) if (!byId.has(op.id)) byId.set(op.id, op);
	return byId;
}

function isPendingPayment(op: LedgerOperation, validated: ReadonlySet<string>): boolean {
	return (
		op.kind === 'payment' && op.distributionId !== undefined && !validated.has(op.distributionId)
	);
}

/**
 * Whether an operation waits for validation: a payment tied to a distribution not yet
 * validated. A correction follows its target (found in `operations`): it is pending exactly
 * when it reverses a pending payment, so that pending and confirmed each stay exact; with an
 * unknown target it counts at once. Orders, adjustments, refunds, opening balances and
 * payments with no distribution count at once.
 */
export function isPending(
	op: LedgerOperation,
	validatedDistributionIds: ReadonlySet<string>,
	operations: OperationLookup = []
): boolean {
	if (op.kind === 'correction') {
		if (op.correctsId === undefined) return false;
		const target = indexById(operations).get(op.correctsId);
		return target !== undefined && isPendingPayment(target, validatedDistributionIds);
	}
	return isPendingPayment(op, validatedDistributionIds);
}

/** Union of operation lists by id, the first occurrence winning, in first-seen order. */
export function mergeOperations<T extends { id: string }>(
	...lists: readonly (readonly T[])[]
): T[] {
	const seen = new Map<string, T>();
	for (const list of lists) for (const op of list) if (!seen.has(op.id)) seen.set(op.id, op);
	return [...seen.values()];
}

/** Confirmed, pending and projected balance of a set of operations (counted once per id). */
export function computeBalance(
	ops: readonly LedgerOperation[],
	validatedDistributionIds: ReadonlySet<string>
): Balance {
	const unique = mergeOperations(ops);
	const byId = indexById(unique);
	const confirmed: Cents[] = [];
	const pending: Cents[] = [];
	for (const op of unique) {
		(isPending(op, validatedDistributionIds, byId) ? pending : confirmed).push(op.amountCents);
	}
	const confirmedCents = sumCents(confirmed);
	const pendingCents = sumCents(pending);
	return { confirmedCents, pendingCents, projectedCents: addCents(confirmedCents, pendingCents) };
}

/** Balances per member id of a set of operations (counted once per id). */
export function balancesByMember(
	ops: readonly LedgerOperation[],
	validatedDistributionIds: ReadonlySet<string>
): Map<string, Balance> {
	const unique = mergeOperations(ops);
	const perMember = new Map<string, LedgerOperation[]>();
	for (const op of unique) {
		const list = perMember.get(op.memberId);
		if (list) list.push(op);
		else perMember.set(op.memberId, [op]);
	}
	// A correction and its target share the member (checkCorrection), so per-member lookup is enough.
	const result = new Map<string, Balance>();
	for (const [memberId, list] of perMember) {
		result.set(memberId, computeBalance(list, validatedDistributionIds));
	}
	return result;
}

export type BalanceTotals = {
	balanceCents: Cents;
	pendingCents: Cents;
	projectedCents: Cents;
	/** Sum of the negative balances (what members owe), zero or less. */
	debtCents: Cents;
	/** Sum of the positive balances (credit held by the group), zero or more. */
	creditCents: Cents;
};

/** Totals of a balances overview; debt and credit are taken from the confirmed balances. */
export function summarizeBalances(
	rows: Iterable<{ balanceCents: Cents; pendingCents: Cents; projectedCents: Cents }>
): BalanceTotals {
	const list = [...rows];
	return {
		balanceCents: sumCents(list.map((r) => r.balanceCents)),
		pendingCents: sumCents(list.map((r) => r.pendingCents)),
		projectedCents: sumCents(list.map((r) => r.projectedCents)),
		debtCents: sumCents(list.filter((r) => r.balanceCents < 0).map((r) => r.balanceCents)),
		creditCents: sumCents(list.filter((r) => r.balanceCents > 0).map((r) => r.balanceCents))
	};
}

export type RunningEntry = LedgerOperation & {
	/** Projected balance right after this operation. */
	runningCents: Cents;
	pending: boolean;
};

/** Orders operations by the instant they occurred (ISO strings with any offset), then by id. */
export function compareOccurrence(a: LedgerOperation, b: LedgerOperation): number {
	const ta = Date.parse(a.occurredAt);
	const tb = Date.parse(b.occurredAt);
	const aUnreadable = Number.isNaN(ta);
	const bUnreadable = Number.isNaN(tb);
	if (aUnreadable !== bUnreadable) return aUnreadable ? 1 : -1;
	if (!aUnreadable && ta !== tb) return ta - tb;
	if (aUnreadable && a.occurredAt !== b.occurredAt) return a.occurredAt < b.occurredAt ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The history sorted by occurrence then id, each entry with the projected running balance. */
export function runningBalance(
	ops: readonly LedgerOperation[],
	validatedDistributionIds: ReadonlySet<string>
): RunningEntry[] {
	const unique = mergeOperations(ops);
	const byId = indexById(unique);
	let running = cents(0);
	return [...unique].sort(compareOccurrence).map((op) => {
		running = addCents(running, op.amountCents);
		return { ...op, runningCents: running, pending: isPending(op, validatedDistributionIds, byId) };
	});
}
