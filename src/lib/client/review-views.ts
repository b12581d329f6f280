/**
 * What the coordinator's review queue, accounting exports and bulk opening-balance import
 * screens show and send, computed from the server's answers and the device's operations.
 * Pure functions, no storage, no clock hidden inside.
 */
import {
	REVIEW_KINDS,
	type ReviewItem,
	type ReviewKind,
	type ReviewResolve
} from '../domain/closeout';
import { type AccountRole, type JournalAccounts } from '../domain/journal';
import type { OpeningImportBody, OpeningImportPreview } from '../domain/opening-import';
import type { OperationMethod, PaymentReference } from '../domain';
import type { Cents } from '../domain/money';

// --- review queue -------------------------------------------------------------------------

export interface ReviewSection {
	kind: ReviewKind;
	items: ReviewItem[];
}

/** The open items by kind, kinds in a fixed order (duplicates first), empty kinds left out. */
export function groupReviewItems(items: readonly ReviewItem[]): ReviewSection[] {
	return REVIEW_KINDS.map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) })).filter(
		(s) => s.items.length > 0
	);
}

/** What the device knows of an operation, as far as the review screen needs it. */
export interface KnownOperation {
	id: string;
	deviceId: string;
	occurredAt: string;
	amountCents: Cents;
	method?: OperationMethod;
	reference?: PaymentReference;
}

/** One operation of an item, as listed under it. */
export interface ReviewOperationView {
	id: string;
	deviceId?: string;
	occurredAt?: string;
	amountCents?: Cents;
	method?: OperationMethod;
	reference?: PaymentReference;
	/** Recorded on the device now showing the screen. */
	thisDevice: boolean;
	/** Found on this device (synced) or in the device's report; false: only its id is known. */
	known: boolean;
}

/** Reads what a device reported about an operation it could not get accepted, loosely. */
function reportedOperation(value: unknown): { deviceId?: string; occurredAt?: string } {
	if (typeof value !== 'object' || value === null) return {};
	const o = value as Record<string, unknown>;
	const deviceId = o['deviceId'];
	const occurredAt = o['occurredAt'];
	return {
		...(typeof deviceId === 'string' && deviceId !== '' ? { deviceId } : {}),
		...(typeof occurredAt === 'string' && occurredAt !== '' ? { occurredAt } : {})
	};
}

/** The device's operations by id (the last copy wins), for `reviewOperations`. */
export function indexOperations(
	ops: readonly KnownOperation[]
): ReadonlyMap<string, KnownOperation> {
	return new Map(ops.map((op) => [op.id, op]));
}

/** Distribution days by id, for "distribution du …". */
export function indexDistributionDays(
	distributions: readonly { id: string; date: string }[]
): ReadonlyMap<string, string> {
	return new Map(distributions.map((d) => [d.id, d.date]));
}

/**
 * The operations an item involves, each with its device and time: from the device's own
 * copy when it has one (pulled after sync), else from what a device reported, else the
 * item's single device. Order: the item's.
 */
export function reviewOperations(
	item: ReviewItem,
	known: ReadonlyMap<string, KnownOperation>,
	thisDeviceId?: string
): ReviewOperationView[] {
	const reported = item.kind === 'device_rejected' ? reportedOperation(item.operation) : {};
	const onlyDevice = item.deviceIds?.length === 1 ? item.deviceIds[0] : undefined;
	return item.operationIds.map((id) => {
		const op = known.get(id);
		const deviceId = op?.deviceId ?? reported.deviceId ?? onlyDevice;
		const occurredAt = op?.occurredAt ?? reported.occurredAt;
		const method = op?.method ?? item.method;
		const reference = op?.reference ?? item.reference;
		const amountCents = op?.amountCents ?? item.amountCents;
		return {
			id,
			...(deviceId !== undefined ? { deviceId } : {}),
			...(occurredAt !== undefined ? { occurredAt } : {}),
			...(amountCents !== undefined ? { amountCents } : {}),
			...(method !== undefined ? { method } : {}),
			...(reference !== undefined ? { reference } : {}),
			thisDevice: deviceId !== undefined && deviceId === thisDeviceId,
			known: op !== undefined || occurredAt !== undefined
		};
	});
}

/**
 * The operation a reversal targets by default: the most recent one (the copy recorded last is
 * the likely mistake). Operations with no known time come before any dated one; ties go to the
 * later one in the list. Undefined when the item names none.
 */
export function defaultReverseTarget(ops: readonly ReviewOperationView[]): string | undefined {
	let best: ReviewOperationView | undefined;
	let bestTime = Number.NEGATIVE_INFINITY;
	for (const op of ops) {
		const t = op.occurredAt === undefined ? Number.NaN : Date.parse(op.occurredAt);
		const time = Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
		if (best === undefined || time >= bestTime) {
			best = op;
			bestTime = time;
		}
	}
	return best?.id;
}

/** The body of a reversal; a blank reason is left out (the server writes its own label). */
export function reverseBody(operationId: string, reason: string): ReviewResolve {
	const r = reason.trim().slice(0, 200);
	return r === ''
		? { resolution: 'reverse', operationId }
		: { resolution: 'reverse', operationId, reason: r };
}

/** A device or operation id cut short for people: the first 8 characters. */
export function shortId(id: string): string {
	return id.length > 8 ? id.slice(0, 8) : id;
}

/** Errors after which the item list is stale: someone else resolved it, or it is gone. */
export function isStaleItemError(code: string): boolean {
	return code === 'ALREADY_RESOLVED' || code === 'REVIEW_ITEM_NOT_FOUND';
}

// --- accounting exports -------------------------------------------------------------------

export interface ExportPeriod {
	/** YYYY-MM-DD or '' (no bound). */
	from: string;
	to: string;
}

/** First day of the current month → today, from today's date (YYYY-MM-DD). */
export function defaultExportPeriod(today: string): ExportPeriod {
	return { from: `${today.slice(0, 8)}01`, to: today };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(s: string): boolean {
	if (!DAY.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export type PeriodProblem = 'BAD_FROM' | 'BAD_TO' | 'FROM_AFTER_TO';

/** Whether a period can be sent: each bound empty or a real day, `from` not after `to`. */
export function checkExportPeriod(p: ExportPeriod): PeriodProblem | null {
	if (p.from !== '' && !isDay(p.from)) return 'BAD_FROM';
	if (p.to !== '' && !isDay(p.to)) return 'BAD_TO';
	if (p.from !== '' && p.to !== '' && p.from > p.to) return 'FROM_AFTER_TO';
	return null;
}

export const EXPORT_FILES = ['operations', 'journal'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

function periodQuery(p: ExportPeriod): string {
	const params = new URLSearchParams();
	if (p.from !== '') params.set('from', p.from);
	if (p.to !== '') params.set('to', p.to);
	const qs = params.toString();
	return qs === '' ? '' : `?${qs}`;
}

/** The server's CSV of the period: `…/exports/operations.csv?from=&to=` or `journal.csv`. */
export function exportHref(groupId: string, file: ExportFile, p: ExportPeriod): string {
	return `/api/groups/${encodeURIComponent(groupId)}/exports/${file}.csv${periodQuery(p)}`;
}

/**
 * The balances CSV. The server gives today's balances whatever the period, so the period is
 * not sent: a link that seems to honour it would mislead.
 */
export function balancesCsvHref(groupId: string): string {
	return `/api/groups/${encodeURIComponent(groupId)}/balances?format=csv`;
}

/** The journal's accounts in the order the form shows them. */
export const ACCOUNT_ROLES = [
	'members',
	'cash',
	'cheques',
	'bank',
	'sales',
	'opening'
] as const satisfies readonly AccountRole[];

export type AccountNumberProblem = 'REQUIRED' | 'NOT_DIGITS' | 'LENGTH';

/** An account number as the server takes it: 3 to 10 digits, nothing else. */
export function accountNumberProblem(value: string): AccountNumberProblem | null {
	const v = value.trim();
	if (v === '') return 'REQUIRED';
	if (!/^[0-9]+$/.test(v)) return 'NOT_DIGITS';
	if (v.length < 3 || v.length > 10) return 'LENGTH';
	return null;
}

/** The problem of each account that has one. */
export function accountsProblems(
	a: JournalAccounts
): Partial<Record<AccountRole, AccountNumberProblem>> {
	const out: Partial<Record<AccountRole, AccountNumberProblem>> = {};
	for (const role of ACCOUNT_ROLES) {
		const p = accountNumberProblem(a[role]);
		if (p) out[role] = p;
	}
	return out;
}

/** The accounts as sent: each number trimmed. */
export function trimAccounts(a: JournalAccounts): JournalAccounts {
	return {
		members: a.members.trim(),
		cash: a.cash.trim(),
		cheques: a.cheques.trim(),
		bank: a.bank.trim(),
		sales: a.sales.trim(),
		opening: a.opening.trim()
	};
}

export function sameAccounts(a: JournalAccounts, b: JournalAccounts): boolean {
	return ACCOUNT_ROLES.every((r) => a[r].trim() === b[r].trim());
}

// --- bulk opening balances ----------------------------------------------------------------

// Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, curly quotes, œ…); some engines
// decode the label as Latin-1, so that range is mapped here (unassigned bytes kept as is).
const CP1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeCp1252(bytes: Uint8Array): string {
	let out = '';
	for (const b of bytes) {
		out += b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charAt(b - 0x80) : String.fromCharCode(b);
	}
	return out;
}

/**
 * The text of a chosen file: UTF-8 when it is valid UTF-8, else Windows-1252 (what Excel
 * writes for "CSV (séparateur : point-virgule)" on a French Windows).
 */
export function decodeCsvBytes(bytes: Uint8Array): {
	text: string;
	encoding: 'utf-8' | 'windows-1252';
} {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: decodeCp1252(bytes), encoding: 'windows-1252' };
	}
}

/** The body of a preview or an import; the date is left out when empty (the server's today). */
export function importBody(csv: string, date: string): OpeningImportBody {
	return date.trim() === '' ? { csv } : { csv, date: date.trim() };
}

/** Whether a preview may be recorded: at least one line, none in error. */
export function canRecordImport(preview: OpeningImportPreview): boolean {
	return preview.errorCount === 0 && preview.validCount > 0;
}
