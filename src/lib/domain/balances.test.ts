import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	balancesByMember,
	computeBalance,
	isPending,
	mergeOperations,
	runningBalance,
	summarizeBalances
} from './balances';
import { cents, sumCents } from './money';
import type { LedgerOperation } from './operations';
import {
	correctionOf,
	DISTRIBUTION_ID,
	ledgerArb,
	makeOp,
	OTHER_MEMBER_ID,
	validatedArb
} from './test-fixtures';

const none = new Set<string>();
const validated = new Set([DISTRIBUTION_ID]);

describe('isPending', () => {
	it('holds a payment of an unvalidated distribution, not once it is validated', () => {
		const payment = makeOp('payment', 2350, { distributionId: DISTRIBUTION_ID });
		expect(isPending(payment, none)).toBe(true);
		expect(isPending(payment, validated)).toBe(false);
	});

	it('counts at once orders, adjustments, refunds, opening balances and free payments', () => {
		const d = { distributionId: DISTRIBUTION_ID };
		expect(isPending(makeOp('order', -2000, d), none)).toBe(false);
		expect(isPending(makeOp('order_adjustment', 300, d), none)).toBe(false);
		expect(isPending(makeOp('refund', -500, d), none)).toBe(false);
		expect(isPending(makeOp('opening_balance', 1000), none)).toBe(false);
		expect(isPending(makeOp('payment', 1000, { method: 'transfer' }), none)).toBe(false);
	});

	it('makes a correction follow its target: pending when it reverses a pending payment', () => {
		const payment = makeOp('payment', 2350, { distributionId: DISTRIBUTION_ID });
		const correction = correctionOf(payment);
		expect(isPending(correction, none, [payment])).toBe(true);
		expect(isPending(correction, none, new Map([[payment.id, payment]]))).toBe(true);
		expect(isPending(correction, validated, [payment])).toBe(false);
		// Unknown target: it counts at once.
		expect(isPending(correction, none, [])).toBe(false);
		const order = makeOp('order', -2350, { distributionId: DISTRIBUTION_ID });
		expect(isPending(correctionOf(order), none, [order])).toBe(false);
	});
});

describe('computeBalance', () => {
	it('splits confirmed and pending: "23,50 € en attente de validation"', () => {
		const ops = [
			makeOp('opening_balance', 1000),
			makeOp('order', -3000, { distributionId: DISTRIBUTION_ID }),
			makeOp('payment', 2350, { distributionId: DISTRIBUTION_ID })
		];
		expect(computeBalance(ops, none)).toEqual({
			confirmedCents: -2000,
			pendingCents: 2350,
			projectedCents: 350
		});
		expect(computeBalance(ops, validated)).toEqual({
			confirmedCents: 350,
			pendingCents: 0,
			projectedCents: 350
		});
	});

	it('counts an id once even when it comes twice', () => {
		const payment = makeOp('payment', 1000);
		expect(computeBalance([payment, payment, { ...payment }], none).projectedCents).toBe(1000);
	});

	it('keeps pending exact when a pending payment is corrected', () => {
		const payment = makeOp('payment', 2350, { distributionId: DISTRIBUTION_ID });
		const ops = [makeOp('order', -2350), payment, correctionOf(payment)];
		expect(computeBalance(ops, none)).toEqual({
			confirmedCents: -2350,
			pendingCents: 0,
			projectedCents: -2350
		});
	});

	it('projected balance is the sum of the amounts of distinct operations (property)', () => {
		fc.assert(
			fc.property(ledgerArb, validatedArb, (ops, v) => {
				const b = computeBalance(ops, v);
				expect(b.projectedCents).toBe(sumCents(ops.map((op) => op.amountCents)));
				expect(b.confirmedCents + b.pendingCents).toBe(b.projectedCents);
				const pendingSum = sumCents(
					ops.filter((op) => isPending(op, v, ops)).map((op) => op.amountCents)
				);
				expect(b.pendingCents).toBe(pendingSum);
			})
		);
	});

	it('is the same whatever the merge order and duplication (property)', () => {
		const scenario = ledgerArb.chain((ops) =>
			fc.record({
				ops: fc.constant(ops),
				validated: validatedArb,
				replayed: fc.shuffledSubarray(ops),
				shuffled: fc.shuffledSubarray(ops, { minLength: ops.length }),
				split: fc.integer({ min: 0, max: ops.length })
			})
		);
		fc.assert(
			fc.property(scenario, ({ ops, validated: v, replayed, shuffled, split }) => {
				const expected = computeBalance(ops, v);
				// A device and the server each hold part of the ledger, with overlaps and replays.
				const deviceA = shuffled.slice(0, split);
				const deviceB = [...shuffled.slice(split), ...replayed];
				expect(computeBalance([...shuffled, ...replayed], v)).toEqual(expected);
				expect(computeBalance(mergeOperations(deviceA, deviceB, replayed), v)).toEqual(expected);
				expect(computeBalance(mergeOperations(deviceB, deviceA), v)).toEqual(expected);
			})
		);
	});

	it('a correction brings every part of the balance back exactly (property)', () => {
		const scenario = ledgerArb
			.filter((ops) => ops.length > 0)
			.chain((ops) =>
				fc.record({
					ops: fc.constant(ops),
					index: fc.integer({ min: 0, max: ops.length - 1 }),
					validated: validatedArb
				})
			);
		fc.assert(
			fc.property(scenario, ({ ops, index, validated: v }) => {
				const target = ops[index];
				if (target === undefined) throw new Error('index out of range');
				const without = ops.filter((op) => op.id !== target.id);
				const corrected = [...ops, correctionOf(target)];
				expect(computeBalance(corrected, v)).toEqual(computeBalance(without, v));
			})
		);
	});
});

describe('mergeOperations', () => {
	it('is a union by id where the first occurrence wins', () => {
		const a = makeOp('payment', 1000);
		const conflicting: LedgerOperation = { ...a, amountCents: cents(9999) };
		const b = makeOp('order', -500);
		const merged = mergeOperations([a, b], [conflicting, b]);
		expect(merged).toHaveLength(2);
		expect(merged[0]?.amountCents).toBe(1000);
		expect(mergeOperations([conflicting], [a])[0]?.amountCents).toBe(9999);
	});
});

describe('runningBalance', () => {
	it('sorts by occurrence then id and carries the projected running balance', () => {
		const late = makeOp('payment', 2000, {
			occurredAt: '2025-03-02T09:00:00Z',
			distributionId: DISTRIBUTION_ID
		});
		const early = makeOp('opening_balance', -500, { occurredAt: '2025-03-01T09:00:00Z' });
		// 09:30 at +01:00 is 08:30Z: before `early`.
		const earliest = makeOp('order', -1500, { occurredAt: '2025-03-01T09:30:00+01:00' });
		const entries = runningBalance([late, early, earliest, late], none);
		expect(entries.map((e) => e.id)).toEqual([earliest.id, early.id, late.id]);
		expect(entries.map((e) => e.runningCents)).toEqual([-1500, -2000, 0]);
		expect(entries.map((e) => e.pending)).toEqual([false, false, true]);
	});

	it('breaks ties on the same instant by id', () => {
		const a = makeOp('order', -100, { occurredAt: '2025-03-01T09:00:00Z' });
		const b = makeOp('order', -200, { occurredAt: '2025-03-01T09:00:00.000Z' });
		expect(runningBalance([b, a], none).map((e) => e.id)).toEqual([a.id, b.id].sort());
	});

	it('ends on the projected balance (property)', () => {
		fc.assert(
			fc.property(ledgerArb, validatedArb, (ops, v) => {
				const entries = runningBalance(ops, v);
				expect(entries).toHaveLength(ops.length);
				expect(entries.at(-1)?.runningCents ?? 0).toBe(computeBalance(ops, v).projectedCents);
			})
		);
	});
});

describe('balancesByMember and summarizeBalances', () => {
	it('separates members and totals debts and credits', () => {
		const ops = [
			makeOp('order', -3000),
			makeOp('payment', 1000, { distributionId: DISTRIBUTION_ID }),
			makeOp('opening_balance', 4500, { memberId: OTHER_MEMBER_ID })
		];
		const byMember = balancesByMember(ops, none);
		const mine = byMember.get(ops[0]?.memberId ?? '');
		expect(mine).toEqual({ confirmedCents: -3000, pendingCents: 1000, projectedCents: -2000 });
		expect(byMember.get(OTHER_MEMBER_ID)?.confirmedCents).toBe(4500);
		const rows = [...byMember.values()].map((b) => ({
			balanceCents: b.confirmedCents,
			pendingCents: b.pendingCents,
			projectedCents: b.projectedCents
		}));
		expect(summarizeBalances(rows)).toEqual({
			balanceCents: 1500,
			pendingCents: 1000,
			projectedCents: 2500,
			debtCents: -3000,
			creditCents: 4500
		});
	});
});
