/**
 * The double-entry journal an accountant imports (French FEC layout), built from ledger
 * operations. Pure: the caller passes the operations, the accounts and the facts read from the
 * database (member names, distribution dates and validations, corrected operations).
 *
 * Mapping — one entry (EcritureNum) per operation, always two lines: the member's auxiliary
 * account (CompteNum = the members account, 411 by default; CompAuxNum = the member's code)
 * and one counterpart account. The member line carries the operation's own sign: an amount
 * that credits the member (payment, positive opening balance…) credits 411, an amount the
 * member owes (order, refund…) debits 411. So, for every member, credits minus debits of their
 * auxiliary account equal their ledger balance.
 *
 * | kind                      | debit                   | credit                  | journal |
 * |---------------------------|-------------------------|-------------------------|---------|
 * | order (< 0)               | 411 member              | 706 sales               | VE      |
 * | order_adjustment < 0      | 411 member              | 706 sales               | VE      |
 * | order_adjustment > 0      | 706 sales               | 411 member              | VE      |
 * | payment, cash             | 530 cash                | 411 member              | CA      |
 * | payment, cheque           | 5112 cheques to deposit | 411 member              | BQ      |
 * | payment, transfer, card terminal, online card | 512 bank | 411 member         | BQ      |
 * | refund (< 0)              | 411 member              | the method's treasury   | CA / BQ |
 * | opening_balance > 0       | 471 opening             | 411 member              | OD      |
 * | opening_balance < 0       | 411 member              | 471 opening             | OD      |
 * | correction                | the corrected operation's lines, debit and credit swapped | OD |
 *
 * A correction whose target cannot be found (never the case in a consistent database) is
 * booked against the opening (suspense) account, so that every entry stays balanced.
 *
 * Pending operations: everything goes to the journal, and ValidDate says which entries are
 * final. It is the day the operation's distribution was validated (a correction follows the
 * distribution of the operation it corrects), or, for operations with no distribution
 * (transfers, opening balances), the day the server received them; it is empty while the
 * distribution waits for validation. No date is ever before the entry's own date.
 */
import { z } from 'zod';
import { cents, negate, sumCents, type Cents } from './money';
import type { LedgerOperation, OperationKind } from './operations';
import type { OperationMethod } from './payment-methods';
import { fail, passed, type Check } from './result';
import { IsoDateSchema } from './schemas';

/** The group's account numbers, by role. */
export type JournalAccounts = {
	members: string;
	cash: string;
	cheques: string;
	bank: string;
	sales: string;
	opening: string;
};
export type AccountRole = keyof JournalAccounts;

/** The French chart of accounts' usual numbers for an association's member accounts. */
export const DEFAULT_ACCOUNTS = {
	members: '411',
	cash: '530',
	cheques: '5112',
	bank: '512',
	sales: '706',
	opening: '471'
} as const satisfies JournalAccounts;

export const ACCOUNT_LABELS = {
	members: 'Adhérents',
	cash: 'Caisse',
	cheques: 'Chèques à encaisser',
	bank: 'Banque',
	sales: 'Ventes de paniers',
	opening: 'Compte d’attente reprise de soldes'
} as const satisfies Record<AccountRole, string>;

const AccountNumberSchema = z
	.string({ message: 'Numéro de compte attendu' })
	.regex(/^[0-9]{3,10}$/, 'Numéro de compte invalide : 3 à 10 chiffres');

/** `PUT /api/groups/:groupId/settings/accounts`: every account, digits only. */
export const JournalAccountsSchema = z.strictObject({
	members: AccountNumberSchema,
	cash: AccountNumberSchema,
	cheques: AccountNumberSchema,
	bank: AccountNumberSchema,
	sales: AccountNumberSchema,
	opening: AccountNumberSchema
}) satisfies z.ZodType<JournalAccounts>;

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD` of the exports, both optional, days in the group's zone. */
export const PeriodQuerySchema = z.object({
	from: IsoDateSchema.optional().describe('Premier jour inclus (AAAA-MM-JJ), heure de Paris.'),
	to: IsoDateSchema.optional().describe('Dernier jour inclus (AAAA-MM-JJ), heure de Paris.')
});
export type PeriodQuery = z.infer<typeof PeriodQuerySchema>;

export const ACCOUNTS_ERROR_CODES = ['ACCOUNT_CLASS_MISMATCH', 'MEMBERS_ACCOUNT_SHARED'] as const;
export type AccountsErrorCode = (typeof ACCOUNTS_ERROR_CODES)[number];

// The class (first digit) of the French chart of accounts each role belongs to: a typo such as
// 607 (purchases) for 706 (sales) is caught here. The opening account is free (471, 890…).
const ACCOUNT_CLASSES: readonly (readonly [AccountRole, string, string])[] = [
	['members', '4', 'tiers (classe 4, 411 par exemple)'],
	['cash', '5', 'financier (classe 5, 530 par exemple)'],
	['cheques', '5', 'financier (classe 5, 5112 par exemple)'],
	['bank', '5', 'financier (classe 5, 512 par exemple)'],
	['sales', '7', 'de produits (classe 7, 706 par exemple)']
];

const OTHER_ROLES = [
	'cash',
	'cheques',
	'bank',
	'sales',
	'opening'
] as const satisfies readonly AccountRole[];

/**
 * Checks well-formed account numbers against the chart of accounts: members in class 4,
 * treasury in class 5, sales in class 7, and the members account shared with no other role
 * (its auxiliary accounts would be mixed with other lines). Example: sales 607 (a purchases
 * account) is refused.
 */
export function checkJournalAccounts(a: JournalAccounts): Check<AccountsErrorCode> {
	for (const [role, digit, what] of ACCOUNT_CLASSES) {
		if (!a[role].startsWith(digit)) {
			return fail(
				'ACCOUNT_CLASS_MISMATCH',
				`Le compte « ${ACCOUNT_LABELS[role]} » (${a[role]}) doit être un compte ${what}.`
			);
		}
	}
	const shared = OTHER_ROLES.find((role) => a[role] === a.members);
	if (shared !== undefined) {
		return fail(
			'MEMBERS_ACCOUNT_SHARED',
			`Le compte des adhérents (${a.members}) ne peut pas servir aussi de compte « ${ACCOUNT_LABELS[shared]} ».`
		);
	}
	return passed();
}

export const JOURNALS = {
	VE: 'Ventes',
	CA: 'Caisse',
	BQ: 'Banque',
	OD: 'Opérations diverses'
} as const;
export type JournalCode = keyof typeof JOURNALS;

/** One operation with the facts the journal needs from outside the ledger row. */
export interface JournalSource {
	operation: LedgerOperation;
	memberName: string;
	/** Server clock, ISO 8601. */
	receivedAt: string;
	/** The operation's distribution day, YYYY-MM-DD. */
	distributionDate?: string;
	/** When the operation's distribution was validated (ISO 8601); absent if not (yet). */
	distributionValidatedAt?: string;
}

export interface JournalLine {
	account: string;
	accountLabel: string;
	/** The member's code on the members account, '' on other accounts. */
	auxNum: string;
	auxLabel: string;
	debitCents: Cents;
	creditCents: Cents;
}

export interface JournalEntry {
	journalCode: JournalCode;
	journalLabel: string;
	/** Sequence number within the journal, in date order: VE000001. */
	num: string;
	/** YYYYMMDD, the day the operation occurred (group time zone). */
	date: string;
	pieceRef: string;
	pieceDate: string;
	label: string;
	/** YYYYMMDD when the entry is final, '' while its distribution waits for validation. */
	validDate: string;
	operationId: string;
	lines: JournalLine[];
}

export interface JournalContext {
	accounts: JournalAccounts;
	/** Member id → auxiliary account code (see `memberAccountCodes`); missing ids get one. */
	memberCodes?: ReadonlyMap<string, string>;
	/** The operations corrections reverse, when they are not among the sources (other period). */
	targets?: ReadonlyMap<string, JournalSource>;
	timeZone?: string;
}

export const GROUP_TIME_ZONE = 'Europe/Paris';

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of an instant in a time zone: distributions are in France. */
export function dayIn(instant: string, timeZone: string = GROUP_TIME_ZONE): string {
	let f = dayFormatters.get(timeZone);
	if (!f) {
		// en-CA formats as YYYY-MM-DD.
		f = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		});
		dayFormatters.set(timeZone, f);
	}
	return f.format(new Date(instant));
}

const compact = (isoDay: string) => isoDay.replace(/-/g, '');

const CODE_LENGTH = 8;

/**
 * Stable auxiliary account codes: the shortest prefix (at least 8 characters) of each member's
 * id, without dashes, in capitals, that no other member of the group shares. A code changes
 * only if a later member's id shares its first 8 hex digits (about one chance in 4 billion).
 * Example: 3f2a9c1e-… → 3F2A9C1E.
 */
export function memberAccountCodes(memberIds: Iterable<string>): Map<string, string> {
	const sorted = [...new Set(memberIds)]
		.map((id) => ({ id, hex: id.replace(/-/g, '').toUpperCase() }))
		.sort((a, b) => (a.hex < b.hex ? -1 : a.hex > b.hex ? 1 : 0));
	const common = (a: string, b: string) => {
		let n = 0;
		while (n < a.length && a[n] === b[n]) n += 1;
		return n;
	};
	const codes = new Map<string, string>();
	// In sorted order, the longest prefix an id shares is with one of its neighbours.
	sorted.forEach(({ id, hex }, i) => {
		const before = sorted[i - 1]?.hex;
		const after = sorted[i + 1]?.hex;
		const shared = Math.max(
			before === undefined ? 0 : common(hex, before),
			after === undefined ? 0 : common(hex, after)
		);
		codes.set(id, hex.slice(0, Math.max(CODE_LENGTH, shared + 1)));
	});
	return codes;
}

function treasury(method: OperationMethod | undefined): {
	role: AccountRole;
	journal: JournalCode;
} {
	switch (method) {
		case 'cash':
			return { role: 'cash', journal: 'CA' };
		case 'cheque':
			return { role: 'cheques', journal: 'BQ' };
		case 'transfer':
		case 'card_terminal':
		case 'online_card':
			return { role: 'bank', journal: 'BQ' };
		default:
			// A payment always has a method (checked on the way in); never lose the amount.
			return { role: 'opening', journal: 'OD' };
	}
}

/** The counterpart account and journal of a non-correction operation. */
function counterpart(op: LedgerOperation): { role: AccountRole; journal: JournalCode } {
	switch (op.kind) {
		case 'order':
		case 'order_adjustment':
			return { role: 'sales', journal: 'VE' };
		case 'payment':
		case 'refund':
			return treasury(op.method);
		default:
			return { role: 'opening', journal: 'OD' };
	}
}

const KIND_LABELS = {
	order: 'Panier',
	order_adjustment: 'Ajustement de panier',
	payment: 'Paiement',
	refund: 'Remboursement',
	opening_balance: 'Reprise de solde',
	correction: 'Correction'
} as const satisfies Record<OperationKind, string>;

const METHOD_WORDS = {
	cash: 'espèces',
	cheque: 'chèque',
	transfer: 'virement',
	card_terminal: 'carte (TPE)',
	online_card: 'carte en ligne'
} as const satisfies Record<OperationMethod, string>;

function frenchDay(isoDay: string): string {
	const [y, m, d] = isoDay.split('-');
	return `${d}/${m}/${y}`;
}

/** The entry's wording: what, how, which references, for whom. */
function wording(source: JournalSource): string {
	const op = source.operation;
	const ref = op.reference ?? {};
	const parts: string[] = [KIND_LABELS[op.kind]];
	if (op.method) parts.push(METHOD_WORDS[op.method]);
	if ((op.kind === 'order' || op.kind === 'order_adjustment') && source.distributionDate) {
		parts.push(`du ${frenchDay(source.distributionDate)}`);
	}
	if (ref.chequeNumber) parts.push(`n° ${ref.chequeNumber}`);
	if (ref.bank) parts.push(ref.bank);
	if (ref.receiptNumber) parts.push(`ticket ${ref.receiptNumber}`);
	if (ref.label && op.kind !== 'correction') parts.push(ref.label);
	return `${parts.join(' ')} — ${source.memberName}`;
}

interface Draft {
	journal: JournalCode;
	counterRole: AccountRole;
	/** The member line's side: true when the member's account is credited. */
	memberCredited: boolean;
	label: string;
	/** The distribution whose validation makes the entry final, if any. */
	validatedAt: string | undefined;
	pendingDistribution: boolean;
}

function draftOf(source: JournalSource, targets: ReadonlyMap<string, JournalSource>): Draft {
	const op = source.operation;
	const memberCredited = op.amountCents > 0;
	if (op.kind !== 'correction') {
		const { role, journal } = counterpart(op);
		return {
			journal,
			counterRole: role,
			memberCredited,
			label: wording(source),
			validatedAt: source.distributionValidatedAt,
			pendingDistribution:
				op.distributionId !== undefined && source.distributionValidatedAt === undefined
		};
	}
	const reason = op.reference?.label ? ` (${op.reference.label})` : '';
	const target = op.correctsId === undefined ? undefined : targets.get(op.correctsId);
	if (!target || target.operation.kind === 'correction') {
		return {
			journal: 'OD',
			counterRole: 'opening',
			memberCredited,
			label: `Correction${reason} — ${source.memberName}`,
			validatedAt: undefined,
			pendingDistribution: false
		};
	}
	// Reversing the target's lines: its counterpart account, on the other side.
	return {
		journal: 'OD',
		counterRole: counterpart(target.operation).role,
		memberCredited,
		label: `Annulation de : ${wording(target)}${reason}`,
		validatedAt: target.distributionValidatedAt,
		pendingDistribution:
			target.operation.distributionId !== undefined && target.distributionValidatedAt === undefined
	};
}

function latest(...days: string[]): string {
	return days.reduce((a, b) => (b > a ? b : a));
}

function byInstant(a: JournalSource, b: JournalSource): number {
	const ta = Date.parse(a.operation.occurredAt);
	const tb = Date.parse(b.operation.occurredAt);
	if (ta !== tb) return ta - tb;
	return a.operation.id < b.operation.id ? -1 : a.operation.id > b.operation.id ? 1 : 0;
}

/**
 * The journal of a set of operations: one balanced two-line entry per operation (see the
 * mapping above), in occurrence order, numbered per journal. Operations are counted once per id.
 */
export function buildJournal(
	sources: readonly JournalSource[],
	ctx: JournalContext
): JournalEntry[] {
	const timeZone = ctx.timeZone ?? GROUP_TIME_ZONE;
	const unique = new Map<string, JournalSource>();
	for (const s of sources) if (!unique.has(s.operation.id)) unique.set(s.operation.id, s);
	const targets = new Map(ctx.targets ?? []);
	for (const [id, s] of unique) targets.set(id, s);
	const ordered = [...unique.values()].sort(byInstant);
	const codes = ctx.memberCodes ?? memberAccountCodes(ordered.map((s) => s.operation.memberId));
	const counters = new Map<JournalCode, number>();

	return ordered.map((source): JournalEntry => {
		const op = source.operation;
		const draft = draftOf(source, targets);
		const day = dayIn(op.occurredAt, timeZone);
		const received = dayIn(source.receivedAt, timeZone);
		const validDay = draft.pendingDistribution
			? ''
			: latest(day, received, ...(draft.validatedAt ? [dayIn(draft.validatedAt, timeZone)] : []));
		const n = (counters.get(draft.journal) ?? 0) + 1;
		counters.set(draft.journal, n);

		const amount = cents(Math.abs(op.amountCents));
		const zero = cents(0);
		const code =
			codes.get(op.memberId) ?? op.memberId.replace(/-/g, '').slice(0, CODE_LENGTH).toUpperCase();
		const memberLine: JournalLine = {
			account: ctx.accounts.members,
			accountLabel: ACCOUNT_LABELS.members,
			auxNum: code,
			auxLabel: source.memberName,
			debitCents: draft.memberCredited ? zero : amount,
			creditCents: draft.memberCredited ? amount : zero
		};
		const counterLine: JournalLine = {
			account: ctx.accounts[draft.counterRole],
			accountLabel: ACCOUNT_LABELS[draft.counterRole],
			auxNum: '',
			auxLabel: '',
			debitCents: memberLine.creditCents,
			creditCents: memberLine.debitCents
		};
		// Debit line first, as accountants read an entry.
		const lines = draft.memberCredited ? [counterLine, memberLine] : [memberLine, counterLine];
		return {
			journalCode: draft.journal,
			journalLabel: JOURNALS[draft.journal],
			num: `${draft.journal}${String(n).padStart(6, '0')}`,
			date: compact(day),
			pieceRef: op.id,
			pieceDate: compact(day),
			label: draft.label,
			validDate: validDay === '' ? '' : compact(validDay),
			operationId: op.id,
			lines
		};
	});
}

/** Total debit and credit of a journal; equal for any journal `buildJournal` makes. */
export function journalTotals(entries: readonly JournalEntry[]): {
	debitCents: Cents;
	creditCents: Cents;
} {
	const lines = entries.flatMap((e) => e.lines);
	return {
		debitCents: sumCents(lines.map((l) => l.debitCents)),
		creditCents: sumCents(lines.map((l) => l.creditCents))
	};
}

/** Credits minus debits of each member's auxiliary account: their ledger balance. */
export function auxiliaryBalances(entries: readonly JournalEntry[]): Map<string, Cents> {
	const out = new Map<string, Cents>();
	for (const line of entries.flatMap((e) => e.lines)) {
		if (line.auxNum === '') continue;
		const before = out.get(line.auxNum) ?? cents(0);
		out.set(line.auxNum, sumCents([before, line.creditCents, negate(line.debitCents)]));
	}
	return out;
}
