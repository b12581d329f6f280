import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	auxiliaryBalances,
	buildJournal,
	checkJournalAccounts,
	dayIn,
	DEFAULT_ACCOUNTS,
	JournalAccountsSchema,
	journalTotals,
	memberAccountCodes,
	type JournalEntry,
	type JournalSource
} from './journal';
import { cents, sumCents } from './money';
import type { LedgerOperation, OperationKind } from './operations';
import { OPERATION_METHODS } from './payment-methods';
import {
	correctionOf,
	DISTRIBUTION_ID,
	GROUP_ID,
	makeOp,
	MEMBER_ID,
	OTHER_DISTRIBUTION_ID,
	OTHER_MEMBER_ID
} from './test-fixtures';

const VALIDATED_AT = '2025-03-04T19:00:00.000Z';

function source(op: LedgerOperation, extra: Partial<JournalSource> = {}): JournalSource {
	return {
		operation: op,
		memberName: op.memberId === MEMBER_ID ? 'Marie Membre' : 'Marc Second',
		receivedAt: op.occurredAt,
		...extra
	};
}

const ctx = { accounts: DEFAULT_ACCOUNTS };

/** Each entry as `journal num | account:aux debit/credit …`, to compare whole entries. */
function lines(e: JournalEntry): string[] {
	return e.lines.map(
		(l) => `${l.account}${l.auxNum ? `:${l.auxNum}` : ''} ${l.debitCents}/${l.creditCents}`
	);
}

function only(entries: JournalEntry[]): JournalEntry {
	expect(entries).toHaveLength(1);
	const [e] = entries;
	if (!e) throw new Error('no entry');
	return e;
}

const CODE = memberAccountCodes([MEMBER_ID]).get(MEMBER_ID) ?? '';

describe('buildJournal: one balanced entry per operation', () => {
	it.each<[string, LedgerOperation, string, string[]]>([
		['an order', makeOp('order', -1670), 'VE', [`411:${CODE} 1670/0`, '706 0/1670']],
		[
			'an adjustment that adds to the basket',
			makeOp('order_adjustment', -420),
			'VE',
			[`411:${CODE} 420/0`, '706 0/420']
		],
		[
			'an adjustment that takes off the basket',
			makeOp('order_adjustment', 420),
			'VE',
			['706 420/0', `411:${CODE} 0/420`]
		],
		[
			'a cash payment',
			makeOp('payment', 2000, { method: 'cash' }),
			'CA',
			['530 2000/0', `411:${CODE} 0/2000`]
		],
		[
			'a cheque payment',
			makeOp('payment', 1670, {
				method: 'cheque',
				reference: { chequeNumber: '0001234', bank: 'Crédit Agricole' }
			}),
			'BQ',
			['5112 1670/0', `411:${CODE} 0/1670`]
		],
		[
			'a card terminal payment',
			makeOp('payment', 999, { method: 'card_terminal', reference: { receiptNumber: '42' } }),
			'BQ',
			['512 999/0', `411:${CODE} 0/999`]
		],
		[
			'a transfer',
			makeOp('payment', 333, { method: 'transfer' }),
			'BQ',
			['512 333/0', `411:${CODE} 0/333`]
		],
		[
			'an online card payment',
			makeOp('payment', 5000, { method: 'online_card' }),
			'BQ',
			['512 5000/0', `411:${CODE} 0/5000`]
		],
		[
			'a cash refund',
			makeOp('refund', -700, { method: 'cash' }),
			'CA',
			[`411:${CODE} 700/0`, '530 0/700']
		],
		[
			'a refund by transfer',
			makeOp('refund', -700, { method: 'transfer' }),
			'BQ',
			[`411:${CODE} 700/0`, '512 0/700']
		],
		[
			'a credit taken over',
			makeOp('opening_balance', 500),
			'OD',
			['471 500/0', `411:${CODE} 0/500`]
		],
		[
			'a debt taken over',
			makeOp('opening_balance', -1000),
			'OD',
			[`411:${CODE} 1000/0`, '471 0/1000']
		]
	])('books %s', (_what, op, journal, expected) => {
		const e = only(buildJournal([source(op)], ctx));
		expect(e.journalCode).toBe(journal);
		expect(lines(e)).toEqual(expected);
		expect(e.lines.find((l) => l.auxNum)?.auxLabel).toBe('Marie Membre');
	});

	it('reverses the corrected operation’s lines, in the OD journal', () => {
		const cheque = makeOp('payment', 1670, {
			method: 'cheque',
			reference: { chequeNumber: '77', bank: 'La Poste' }
		});
		const fix = correctionOf(cheque, { reference: { label: 'Chèque en double' } });
		const [booked, reversed] = buildJournal([source(cheque), source(fix)], ctx);
		expect(lines(booked as JournalEntry)).toEqual(['5112 1670/0', `411:${CODE} 0/1670`]);
		expect(reversed?.journalCode).toBe('OD');
		expect(lines(reversed as JournalEntry)).toEqual([`411:${CODE} 1670/0`, '5112 0/1670']);
		expect(reversed?.label).toBe(
			'Annulation de : Paiement chèque n° 77 La Poste — Marie Membre (Chèque en double)'
		);
	});

	it('finds a corrected operation of another period among the targets', () => {
		const order = makeOp('order', -1250);
		const fix = correctionOf(order);
		const e = only(
			buildJournal([source(fix)], { ...ctx, targets: new Map([[order.id, source(order)]]) })
		);
		expect(lines(e)).toEqual(['706 1250/0', `411:${CODE} 0/1250`]);
	});

	it('books a correction of an unknown operation against the suspense account', () => {
		const fix = makeOp('correction', 800, { correctsId: '00000000-0000-4000-8000-0000000fffff' });
		const e = only(buildJournal([source(fix)], ctx));
		expect(e.journalCode).toBe('OD');
		expect(lines(e)).toEqual(['471 800/0', `411:${CODE} 0/800`]);
	});

	it('uses the group’s own account numbers', () => {
		const accounts = { ...DEFAULT_ACCOUNTS, members: '4110', cash: '531', sales: '7060' };
		const [order, pay] = buildJournal(
			[source(makeOp('order', -100)), source(makeOp('payment', 100, { method: 'cash' }))],
			{ accounts }
		);
		expect(lines(order as JournalEntry)).toEqual([`4110:${CODE} 100/0`, '7060 0/100']);
		expect(lines(pay as JournalEntry)).toEqual(['531 100/0', `4110:${CODE} 0/100`]);
	});

	it('numbers entries per journal in occurrence order, dated in the group’s time zone', () => {
		const late = makeOp('order', -100, { occurredAt: '2025-03-01T23:30:00Z' });
		const early = makeOp('order', -200, { occurredAt: '2025-03-01T08:00:00+01:00' });
		const cash = makeOp('payment', 300, { method: 'cash', occurredAt: '2025-03-01T12:00:00Z' });
		const entries = buildJournal([source(late), source(cash), source(early)], ctx);
		expect(entries.map((e) => [e.num, e.operationId, e.date])).toEqual([
			['VE000001', early.id, '20250301'],
			['CA000001', cash.id, '20250301'],
			// 23:30 UTC is already 2 March in Paris.
			['VE000002', late.id, '20250302']
		]);
		expect(entries.every((e) => e.pieceRef === e.operationId && e.pieceDate === e.date)).toBe(true);
	});

	it('counts an operation given twice once', () => {
		const op = makeOp('order', -100);
		expect(buildJournal([source(op), source(op)], ctx)).toHaveLength(1);
	});
});

describe('ValidDate', () => {
	it('is the validation day of the distribution, empty while it waits', () => {
		const paid = makeOp('payment', 100, {
			method: 'cash',
			distributionId: DISTRIBUTION_ID,
			occurredAt: '2025-03-01T10:00:00Z'
		});
		const waiting = makeOp('payment', 100, {
			method: 'cash',
			distributionId: OTHER_DISTRIBUTION_ID,
			occurredAt: '2025-03-01T10:00:00Z'
		});
		const [a, b] = buildJournal(
			[source(paid, { distributionValidatedAt: VALIDATED_AT }), source(waiting)],
			ctx
		);
		expect(a?.validDate).toBe('20250304');
		expect(b?.validDate).toBe('');
	});

	it('is the day the server received an operation with no distribution', () => {
		const transfer = makeOp('payment', 100, {
			method: 'transfer',
			occurredAt: '2025-03-01T10:00:00Z'
		});
		const e = only(buildJournal([source(transfer, { receivedAt: '2025-03-06T08:00:00Z' })], ctx));
		expect(e.validDate).toBe('20250306');
	});

	it('never comes before the entry’s date, and follows the corrected payment', () => {
		const late = makeOp('payment', 100, {
			method: 'cash',
			distributionId: DISTRIBUTION_ID,
			occurredAt: '2025-03-07T10:00:00Z'
		});
		const fix = correctionOf(late, { occurredAt: '2025-03-08T10:00:00Z' });
		const pendingTarget = makeOp('payment', 50, {
			method: 'cash',
			distributionId: OTHER_DISTRIBUTION_ID
		});
		const pendingFix = correctionOf(pendingTarget);
		const entries = buildJournal(
			[
				source(late, { distributionValidatedAt: VALIDATED_AT }),
				source(fix),
				source(pendingTarget),
				source(pendingFix)
			],
			ctx
		);
		const byId = new Map(entries.map((e) => [e.operationId, e.validDate]));
		expect(byId.get(late.id)).toBe('20250307');
		expect(byId.get(fix.id)).toBe('20250308');
		expect(byId.get(pendingFix.id)).toBe('');
	});
});

describe('memberAccountCodes', () => {
	it('takes 8 capitals of the id, longer only where two ids share them', () => {
		const a = '3f2a9c1e-0000-4000-8000-000000000001';
		const b = '3f2a9c1e-7000-4000-8000-000000000002';
		const c = 'abcdef01-2345-4000-8000-000000000003';
		const codes = memberAccountCodes([a, b, c]);
		expect(codes.get(c)).toBe('ABCDEF01');
		expect(codes.get(a)).toBe('3F2A9C1E0');
		expect(codes.get(b)).toBe('3F2A9C1E7');
		// The same whatever the order of the ids.
		expect(memberAccountCodes([c, b, a])).toEqual(codes);
	});

	it('gives distinct codes to any set of ids', () => {
		fc.assert(
			fc.property(fc.uniqueArray(fc.uuid(), { maxLength: 50 }), (ids) => {
				const codes = memberAccountCodes(ids);
				expect(new Set(codes.values()).size).toBe(ids.length);
			})
		);
	});
});

describe('accounts settings', () => {
	it('accepts the defaults and digits from 3 to 10', () => {
		expect(JournalAccountsSchema.safeParse(DEFAULT_ACCOUNTS).success).toBe(true);
		expect(checkJournalAccounts(DEFAULT_ACCOUNTS).ok).toBe(true);
		for (const bad of ['41', '41100000000', '411A', ' 411', '', '4 11']) {
			const parsed = JournalAccountsSchema.safeParse({ ...DEFAULT_ACCOUNTS, members: bad });
			expect(parsed.success, bad).toBe(false);
		}
		expect(JournalAccountsSchema.safeParse({ ...DEFAULT_ACCOUNTS, extra: '1' }).success).toBe(
			false
		);
		const { sales: _s, ...missing } = DEFAULT_ACCOUNTS;
		expect(JournalAccountsSchema.safeParse(missing).success).toBe(false);
	});

	it('refuses accounts of the wrong class, and a members account used twice', () => {
		expect(checkJournalAccounts({ ...DEFAULT_ACCOUNTS, sales: '607' })).toMatchObject({
			ok: false,
			code: 'ACCOUNT_CLASS_MISMATCH'
		});
		expect(checkJournalAccounts({ ...DEFAULT_ACCOUNTS, cash: '411' })).toMatchObject({
			code: 'ACCOUNT_CLASS_MISMATCH'
		});
		expect(checkJournalAccounts({ ...DEFAULT_ACCOUNTS, opening: '411' })).toMatchObject({
			code: 'MEMBERS_ACCOUNT_SHARED'
		});
		// Cash and bank may share one account in a small association.
		expect(checkJournalAccounts({ ...DEFAULT_ACCOUNTS, cash: '512', opening: '890' }).ok).toBe(
			true
		);
	});
});

describe('dayIn', () => {
	it('reads the calendar day in Paris, summer and winter', () => {
		expect(dayIn('2025-01-10T23:30:00Z')).toBe('2025-01-11');
		expect(dayIn('2025-07-10T22:30:00Z')).toBe('2025-07-11');
		expect(dayIn('2025-07-10T21:30:00Z')).toBe('2025-07-10');
	});
});

// --- Properties --------------------------------------------------------------------------

const KINDS: OperationKind[] = [
	'order',
	'order_adjustment',
	'payment',
	'refund',
	'opening_balance'
];

const plainOpArb = fc
	.record({
		id: fc.uuid(),
		kind: fc.constantFrom(...KINDS),
		amount: fc.integer({ min: 1, max: 100_000_000 }),
		negative: fc.boolean(),
		method: fc.constantFrom(...OPERATION_METHODS),
		member: fc.constantFrom(MEMBER_ID, OTHER_MEMBER_ID),
		distribution: fc.option(fc.constantFrom(DISTRIBUTION_ID, OTHER_DISTRIBUTION_ID), {
			nil: undefined
		}),
		at: fc.date({
			min: new Date('2024-01-01T00:00:00Z'),
			max: new Date('2026-12-31T00:00:00Z'),
			noInvalidDate: true
		})
	})
	.map(({ id, kind, amount, negative, method, member, distribution, at }): LedgerOperation => {
		const signed =
			kind === 'order' || kind === 'refund'
				? -amount
				: kind === 'payment'
					? amount
					: negative
						? -amount
						: amount;
		return {
			id,
			groupId: GROUP_ID,
			memberId: member,
			kind,
			amountCents: cents(signed),
			...(kind === 'payment' || kind === 'refund' ? { method } : {}),
			...(distribution ? { distributionId: distribution } : {}),
			occurredAt: at.toISOString(),
			deviceId: 'device'
		};
	});

/** Operations, some corrected (the correction in the set or not), some corrections dangling. */
const journalInputArb = fc
	.record({
		ops: fc.array(plainOpArb, { maxLength: 40 }),
		corrected: fc.array(fc.boolean(), { maxLength: 40 }),
		targetOutside: fc.array(fc.boolean(), { maxLength: 40 }),
		dangling: fc.array(
			fc.integer({ min: -5000, max: 5000 }).filter((n) => n !== 0),
			{
				maxLength: 3
			}
		),
		validated: fc.subarray([DISTRIBUTION_ID, OTHER_DISTRIBUTION_ID])
	})
	.map(({ ops, corrected, targetOutside, dangling, validated }) => {
		const sources: JournalSource[] = [];
		const targets = new Map<string, JournalSource>();
		const toSource = (op: LedgerOperation): JournalSource => ({
			operation: op,
			memberName: op.memberId,
			receivedAt: op.occurredAt,
			...(op.distributionId && validated.includes(op.distributionId)
				? { distributionValidatedAt: '2027-01-01T10:00:00Z' }
				: {})
		});
		// Ids by position, so that operations, corrections and dangling ones never share one.
		const id = (space: string, i: number) =>
			`00000000-0000-4000-${space}-${String(i).padStart(12, '0')}`;
		ops.forEach((generated, i) => {
			const op = { ...generated, id: id('8000', i) };
			const s = toSource(op);
			if (corrected[i] && targetOutside[i]) targets.set(op.id, s);
			else sources.push(s);
			if (corrected[i]) {
				const fix: LedgerOperation = {
					...op,
					id: id('9000', i),
					kind: 'correction',
					amountCents: cents(-op.amountCents),
					correctsId: op.id,
					reference: { label: 'Erreur' }
				};
				delete fix.method;
				delete fix.distributionId;
				sources.push(toSource(fix));
			}
		});
		dangling.forEach((amount, i) =>
			sources.push(
				toSource({
					id: id('a000', i),
					groupId: GROUP_ID,
					memberId: MEMBER_ID,
					kind: 'correction',
					amountCents: cents(amount),
					correctsId: '00000000-0000-4000-8000-ffffffffffff',
					occurredAt: '2025-06-01T10:00:00Z',
					deviceId: 'device'
				})
			)
		);
		return { sources, targets };
	});

describe('journal properties', () => {
	it('balances: total debit equals total credit, and every entry is balanced', () => {
		fc.assert(
			fc.property(journalInputArb, ({ sources, targets }) => {
				const entries = buildJournal(sources, { ...ctx, targets });
				const totals = journalTotals(entries);
				expect(totals.debitCents).toBe(totals.creditCents);
				for (const e of entries) {
					expect(e.lines.length).toBeGreaterThanOrEqual(2);
					expect(sumCents(e.lines.map((l) => l.debitCents))).toBe(
						sumCents(e.lines.map((l) => l.creditCents))
					);
					for (const l of e.lines) {
						// One side per line, never negative, never both.
						expect(l.debitCents).toBeGreaterThanOrEqual(0);
						expect(l.creditCents).toBeGreaterThanOrEqual(0);
						expect(l.debitCents === 0 || l.creditCents === 0).toBe(true);
						expect(l.debitCents + l.creditCents).toBeGreaterThan(0);
					}
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('gives each member’s auxiliary account their ledger balance', () => {
		fc.assert(
			fc.property(journalInputArb, ({ sources, targets }) => {
				// Codes of the whole group, as the server passes them: stable whoever is in the period.
				const codes = memberAccountCodes([MEMBER_ID, OTHER_MEMBER_ID]);
				const entries = buildJournal(sources, { ...ctx, targets, memberCodes: codes });
				const aux = auxiliaryBalances(entries);
				for (const member of [MEMBER_ID, OTHER_MEMBER_ID]) {
					const ledger = sumCents(
						sources
							.filter((s) => s.operation.memberId === member)
							.map((s) => s.operation.amountCents)
					);
					expect(aux.get(codes.get(member) ?? '') ?? 0).toBe(ledger);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('cancels an operation and its correction out on every account', () => {
		fc.assert(
			fc.property(journalInputArb, ({ sources, targets }) => {
				const entries = buildJournal(sources, { ...ctx, targets });
				const byId = new Map(entries.map((e) => [e.operationId, e]));
				for (const s of sources) {
					const target = s.operation.correctsId && byId.get(s.operation.correctsId);
					if (!target) continue;
					const fix = byId.get(s.operation.id) as JournalEntry;
					const net = new Map<string, number>();
					for (const l of [...target.lines, ...fix.lines]) {
						const key = `${l.account}:${l.auxNum}`;
						net.set(key, (net.get(key) ?? 0) + l.debitCents - l.creditCents);
					}
					expect([...net.values()].every((v) => v === 0)).toBe(true);
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('numbers entries without gaps or repeats within each journal', () => {
		fc.assert(
			fc.property(journalInputArb, ({ sources, targets }) => {
				const entries = buildJournal(sources, { ...ctx, targets });
				const nums = entries.map((e) => e.num);
				expect(new Set(nums).size).toBe(nums.length);
				for (const code of ['VE', 'CA', 'BQ', 'OD']) {
					const seq = entries
						.filter((e) => e.journalCode === code)
						.map((e) => Number(e.num.slice(2)));
					expect(seq).toEqual(seq.map((_, i) => i + 1));
				}
			})
		);
	});
});
