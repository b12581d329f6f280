/**
 * What the balances, member history and settings screens show, computed on the device from
 * the local store with the shared domain rules: the same arithmetic as the server, so the
 * overview is right offline and counts operations not yet synced. Pure functions, no storage.
 */
import {
	balancesByMember,
	checkOperationSign,
	compareOccurrence,
	computeBalance,
	parseMoney,
	PAYMENT_METHODS,
	runningBalance,
	summarizeBalances,
	type Balance,
	type BalanceTotals,
	type Cents,
	type Locale,
	type MoneyErrorCode,
	type OperationErrorCode,
	type PaymentMethod
} from '../domain';
import type { Distribution, Member, Operation } from '../domain/schemas';
import type { LocalOperation, OperationState } from './local-db';
import { countedOperations, matchesSearch, validatedIds } from './views';

// --- the balances overview --------------------------------------------------------------

/** The overview's filters; the last three are the server's (`?filter=`), on the confirmed balance. */
export const BALANCE_VIEW_FILTERS = ['all', 'debtors', 'creditors', 'settled'] as const;
export type BalanceViewFilter = (typeof BALANCE_VIEW_FILTERS)[number];

export const BALANCE_SORT_KEYS = ['name', 'balance'] as const;
export type BalanceSortKey = (typeof BALANCE_SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface MemberBalanceRow {
	memberId: string;
	name: string;
	/** Confirmed operations and all debts: the member's balance. */
	balanceCents: Cents;
	pendingCents: Cents;
	projectedCents: Cents;
	/** Operations of this member recorded here and not yet accepted by the server. */
	queuedCount: number;
}

/**
 * One row per member of the group (zero when they have no operation), from every operation
 * known on the device but those the server refused; an account with operations and no member
 * row yet (pulled in another order) still shows, named by its id, so totals stay complete.
 */
export function buildBalanceRows(input: {
	members: readonly Member[];
	operations: readonly LocalOperation[];
	distributions: readonly Distribution[];
}): MemberBalanceRow[] {
	const balances = balancesByMember(
		countedOperations(input.operations),
		validatedIds(input.distributions)
	);
	const queued = new Map<string, number>();
	for (const op of input.operations) {
		if (op.state === 'queued') queued.set(op.memberId, (queued.get(op.memberId) ?? 0) + 1);
	}
	const zero = computeBalance([], new Set());
	const names = new Map(input.members.map((m) => [m.id, m.name]));
	const ids = new Set([...names.keys(), ...balances.keys()]);
	return [...ids].map((memberId) => {
		const b = balances.get(memberId) ?? zero;
		return {
			memberId,
			name: names.get(memberId) ?? memberId,
			balanceCents: b.confirmedCents,
			pendingCents: b.pendingCents,
			projectedCents: b.projectedCents,
			queuedCount: queued.get(memberId) ?? 0
		};
	});
}

/** Whether a confirmed balance passes a filter: debtors < 0, creditors > 0, settled = 0. */
export function matchesBalanceFilter(balanceCents: Cents, filter: BalanceViewFilter): boolean {
	switch (filter) {
		case 'debtors':
			return balanceCents < 0;
		case 'creditors':
			return balanceCents > 0;
		case 'settled':
			return balanceCents === 0;
		default:
			return true;
	}
}

// Accents and case do not split names apart ("Élodie" sits with "Elodie"), as on the server.
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function byName(a: MemberBalanceRow, b: MemberBalanceRow): number {
	return (
		collator.compare(a.name, b.name) ||
		(a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0)
	);
}

/**
 * The rows shown: those whose name matches the search (accent- and case-insensitive) and the
 * filter, sorted by name or by confirmed balance (ascending: largest debt first, as the
 * server's `sort=balance`), ties by name.
 */
export function selectBalanceRows(
	rows: readonly MemberBalanceRow[],
	view: { query: string; filter: BalanceViewFilter; sort: BalanceSortKey; direction: SortDirection }
): MemberBalanceRow[] {
	const sign = view.direction === 'descending' ? -1 : 1;
	const compare =
		view.sort === 'balance'
			? (a: MemberBalanceRow, b: MemberBalanceRow) =>
					sign * (a.balanceCents - b.balanceCents) || byName(a, b)
			: (a: MemberBalanceRow, b: MemberBalanceRow) => sign * byName(a, b);
	return rows
		.filter(
			(r) => matchesBalanceFilter(r.balanceCents, view.filter) && matchesSearch(r.name, view.query)
		)
		.sort(compare);
}

/** How many rows each filter would show with the current search (for the filter buttons). */
export function filterCounts(
	rows: readonly MemberBalanceRow[],
	query: string
): Record<BalanceViewFilter, number> {
	const counts = { all: 0, debtors: 0, creditors: 0, settled: 0 } satisfies Record<
		BalanceViewFilter,
		number
	>;
	for (const r of rows) {
		if (!matchesSearch(r.name, query)) continue;
		for (const f of BALANCE_VIEW_FILTERS) if (matchesBalanceFilter(r.balanceCents, f)) counts[f]++;
	}
	return counts;
}

export interface BalancesView {
	query: string;
	filter: BalanceViewFilter;
	sort: BalanceSortKey;
	direction: SortDirection;
}

export const DEFAULT_BALANCES_VIEW: BalancesView = {
	query: '',
	filter: 'all',
	sort: 'name',
	direction: 'ascending'
};

const isFilter = (v: unknown): v is BalanceViewFilter => BALANCE_VIEW_FILTERS.some((f) => f === v);
const isSortKey = (v: unknown): v is BalanceSortKey => BALANCE_SORT_KEYS.some((k) => k === v);

/** The view kept in the address (`?q=&filter=&sort=&dir=`), so "back" from a history keeps it. */
export function parseBalancesView(params: URLSearchParams): BalancesView {
	const filter = params.get('filter');
	const sort = params.get('sort');
	return {
		query: (params.get('q') ?? '').slice(0, 200),
		filter: isFilter(filter) ? filter : 'all',
		sort: isSortKey(sort) ? sort : 'name',
		direction: params.get('dir') === 'desc' ? 'descending' : 'ascending'
	};
}

/** The address query of a view, defaults left out ("" for the default view). */
export function balancesViewSearch(view: BalancesView): string {
	const params = new URLSearchParams();
	if (view.query.trim() !== '') params.set('q', view.query);
	if (view.filter !== 'all') params.set('filter', view.filter);
	if (view.sort !== 'name') params.set('sort', view.sort);
	if (view.direction === 'descending') params.set('dir', 'desc');
	const qs = params.toString();
	return qs === '' ? '' : `?${qs}`;
}

/** Totals of the rows shown, exact in integer cents: debts (≤ 0), credits (≥ 0), overall. */
export function balanceTotals(rows: readonly MemberBalanceRow[]): BalanceTotals {
	return summarizeBalances(rows);
}

/** The server's CSV export of the overview with the same filter and sort. */
export function balancesExportHref(
	groupId: string,
	filter: BalanceViewFilter,
	sort: BalanceSortKey
): string {
	const params = new URLSearchParams({ format: 'csv' });
	if (filter !== 'all') params.set('filter', filter);
	params.set('sort', sort);
	return `/api/groups/${encodeURIComponent(groupId)}/balances?${params.toString()}`;
}

// --- a member's history -----------------------------------------------------------------

export interface HistoryRow {
	op: LocalOperation;
	/** Projected balance right after this line (a refused line leaves it unchanged). */
	runningCents: Cents;
	/** Waits for its distribution to be validated. */
	pending: boolean;
	state: OperationState;
	/** Refused by the server (rejected or conflict): shown, not counted. */
	refused: boolean;
}

/** A member's balance from the operations on the device (refused ones left out). */
export function memberBalance(
	ops: readonly LocalOperation[],
	distributions: readonly Distribution[]
): Balance {
	return computeBalance(countedOperations(ops), validatedIds(distributions));
}

/**
 * The history in the order things happened (then by id), each line with the running
 * projected balance of the domain's `runningBalance`; refused operations sit at their place
 * with the balance unchanged, so the person sees them and their reason.
 */
export function memberHistory(
	ops: readonly LocalOperation[],
	distributions: readonly Distribution[]
): HistoryRow[] {
	const byId = new Map(ops.map((o) => [o.id, o]));
	const entries = runningBalance(countedOperations(ops), validatedIds(distributions));
	const running = new Map(entries.map((e) => [e.id, e]));
	const ordered = [...byId.values()].sort(compareOccurrence);
	const rows: HistoryRow[] = [];
	let last = computeBalance([], new Set()).projectedCents;
	for (const op of ordered) {
		const entry = running.get(op.id);
		if (entry) last = entry.runningCents;
		rows.push({
			op,
			runningCents: last,
			pending: entry?.pending ?? false,
			state: op.state,
			refused: entry === undefined
		});
	}
	return rows;
}

// --- opening balance ("reprise de solde") -----------------------------------------------

export const DEFAULT_OPENING_LABEL = 'Reprise de solde';

export type OpeningAmountResult =
	| { ok: true; cents: Cents }
	| { ok: false; code: MoneyErrorCode | OperationErrorCode; message: string };

/** Reads the amount typed for an opening balance: any sign, never zero (French messages). */
export function parseOpeningAmount(input: string): OpeningAmountResult {
	const parsed = parseMoney(input);
	if (!parsed.ok) return parsed;
	const sign = checkOperationSign('opening_balance', parsed.cents);
	return sign.ok ? parsed : sign;
}

/** The opening balance operation recorded on this device (the label defaults to French). */
export function openingBalanceOperation(input: {
	id: string;
	groupId: string;
	memberId: string;
	amountCents: Cents;
	label: string;
	occurredAt: string;
	deviceId: string;
}): Operation {
	return {
		id: input.id,
		groupId: input.groupId,
		memberId: input.memberId,
		kind: 'opening_balance',
		amountCents: input.amountCents,
		reference: { label: input.label.trim() || DEFAULT_OPENING_LABEL },
		occurredAt: input.occurredAt,
		deviceId: input.deviceId
	};
}

// --- settings ---------------------------------------------------------------------------

/** The methods with `method` switched on or off, always in the settings' canonical order. */
export function withMethod(
	methods: readonly PaymentMethod[],
	method: PaymentMethod,
	on: boolean
): PaymentMethod[] {
	return PAYMENT_METHODS.filter((m) => (m === method ? on : methods.includes(m)));
}

/** Whether two method lists hold the same methods, whatever their order. */
export function sameMethods(a: readonly PaymentMethod[], b: readonly PaymentMethod[]): boolean {
	return a.length === b.length && a.every((m) => b.includes(m));
}

// --- display ----------------------------------------------------------------------------

/** The money locale for the UI language (svelte-i18n may give null or a region). */
export function moneyLocale(lang: string | null | undefined): Locale {
	return lang?.startsWith('en') ? 'en' : 'fr';
}
