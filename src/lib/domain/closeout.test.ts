import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	chequesToDeposit,
	CloseoutCountSchema,
	closeoutDifferences,
	depositTotals,
	DeviceReportsBodySchema,
	expectedCloseout,
	isCloseoutBalanced,
	MAX_CLOSEOUT_CENTS,
	ReviewResolveSchema,
	standingPayments,
	type CloseoutCount
} from './closeout';
import { cents } from './money';
import type { LedgerOperation } from './operations';
import {
	correctionOf,
	DEVICE_B,
	DISTRIBUTION_ID,
	makeOp,
	MEMBER_ID,
	OTHER_DISTRIBUTION_ID,
	OTHER_MEMBER_ID,
	uuid
} from './test-fixtures';

const at = { distributionId: DISTRIBUTION_ID };

function payment(
	method: LedgerOperation['method'],
	amount: number,
	extra: Partial<LedgerOperation> = {}
) {
	const reference =
		method === 'cheque'
			? { chequeNumber: '100', bank: 'LCL' }
			: method === 'card_terminal'
				? { receiptNumber: 'R1' }
				: undefined;
	return makeOp('payment', amount, {
		method,
		...at,
		...(reference ? { reference } : {}),
		...extra
	});
}

function count(over: Partial<Record<keyof CloseoutCount, number>> = {}): CloseoutCount {
	return {
		cashFloatCents: cents(over.cashFloatCents ?? 0),
		cashCountedCents: cents(over.cashCountedCents ?? 0),
		chequeCount: over.chequeCount ?? 0,
		chequeTotalCents: cents(over.chequeTotalCents ?? 0),
		cardTerminalBatchCents: cents(over.cardTerminalBatchCents ?? 0)
	};
}

describe('expectedCloseout', () => {
	it('sums each method of the distribution, net of corrections, each id once', () => {
		const cash1 = payment('cash', 1250);
		const cash2 = payment('cash', 2335);
		const cashReversed = payment('cash', 999);
		const cheque1 = payment('cheque', 2350);
		const cheque2 = payment('cheque', 1005, { reference: { chequeNumber: '7', bank: 'CA' } });
		const chequeReversed = payment('cheque', 4000, {
			reference: { chequeNumber: '8', bank: 'CA' }
		});
		const card = payment('card_terminal', 1870);
		const transfer = payment('transfer', 5000);
		const elsewhere = payment('cash', 7777, { distributionId: OTHER_DISTRIBUTION_ID });
		const ops = [
			cash1,
			cash2,
			cash2, // the same operation twice (a replay): counted once
			cashReversed,
			correctionOf(cashReversed),
			cheque1,
			cheque2,
			chequeReversed,
			correctionOf(chequeReversed),
			card,
			transfer,
			elsewhere,
			makeOp('order', -3000, at),
			makeOp('refund', -500, { ...at, method: 'cash' })
		];
		expect(expectedCloseout(ops, DISTRIBUTION_ID)).toEqual({
			cashCents: 3585,
			chequeCount: 2,
			chequeTotalCents: 3355,
			cardTerminalCents: 1870,
			transferCents: 5000
		});
		expect(expectedCloseout(ops, OTHER_DISTRIBUTION_ID).cashCents).toBe(7777);
	});

	it('is all zero without payments', () => {
		expect(expectedCloseout([], DISTRIBUTION_ID)).toEqual({
			cashCents: 0,
			chequeCount: 0,
			chequeTotalCents: 0,
			cardTerminalCents: 0,
			transferCents: 0
		});
	});

	it('leaves out a payment whose correction arrived first (merge order never matters)', () => {
		const p = payment('cheque', 2350);
		const ops = [correctionOf(p), p];
		expect(standingPayments(ops, DISTRIBUTION_ID)).toEqual([]);
		fc.assert(
			fc.property(fc.shuffledSubarray(ops, { minLength: 2 }), (shuffled) => {
				expect(expectedCloseout(shuffled, DISTRIBUTION_ID).chequeCount).toBe(0);
			})
		);
	});
});

describe('closeoutDifferences', () => {
	const expected = {
		cashCents: cents(3585),
		chequeCount: 2,
		chequeTotalCents: cents(3355),
		cardTerminalCents: cents(1870),
		transferCents: cents(5000)
	};

	it('cash = counted − float − expected; cheques and terminal = counted − expected', () => {
		const d = closeoutDifferences(
			expected,
			count({
				cashFloatCents: 5000,
				cashCountedCents: 8580,
				chequeCount: 3,
				chequeTotalCents: 3350,
				cardTerminalBatchCents: 1900
			})
		);
		expect(d).toEqual({
			cashCents: -5,
			chequeCount: 1,
			chequeTotalCents: -5,
			cardTerminalCents: 30
		});
		expect(isCloseoutBalanced(d)).toBe(false);
	});

	it('is zero everywhere when the count matches (any float)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: MAX_CLOSEOUT_CENTS }),
				fc.integer({ min: 0, max: MAX_CLOSEOUT_CENTS }),
				fc.integer({ min: 0, max: MAX_CLOSEOUT_CENTS }),
				fc.integer({ min: 0, max: 10_000 }),
				(float, cash, card, n) => {
					const e = {
						...expected,
						cashCents: cents(cash),
						cardTerminalCents: cents(card),
						chequeCount: n
					};
					const d = closeoutDifferences(
						e,
						count({
							cashFloatCents: float,
							cashCountedCents: float + cash,
							chequeCount: n,
							chequeTotalCents: e.chequeTotalCents,
							cardTerminalBatchCents: card
						})
					);
					expect(isCloseoutBalanced(d)).toBe(true);
					expect(Object.is(d.cashCents, -0)).toBe(false);
				}
			)
		);
	});

	it('says how much is missing when the box is empty', () => {
		expect(closeoutDifferences(expected, count()).cashCents).toBe(-3585);
	});
});

describe('chequesToDeposit', () => {
	const names = new Map([
		[MEMBER_ID, 'Zoé Zèbre'],
		[OTHER_MEMBER_ID, 'Émile Ane']
	]);

	it('lists standing cheques with the drawer or else the member, sorted by drawer then number', () => {
		const a = payment('cheque', 2350, { reference: { chequeNumber: ' 12 ', bank: ' LCL ' } });
		const b = payment('cheque', 1000, {
			memberId: OTHER_MEMBER_ID,
			reference: { chequeNumber: '9', bank: 'CA' }
		});
		const c = payment('cheque', 1500, {
			memberId: OTHER_MEMBER_ID,
			reference: { chequeNumber: '10', bank: 'CA', drawer: 'Albert Payeur' }
		});
		const reversed = payment('cheque', 9999, { deviceId: DEVICE_B });
		const cash = payment('cash', 700);
		const cheques = chequesToDeposit(
			[a, b, c, reversed, correctionOf(reversed), cash],
			DISTRIBUTION_ID,
			names
		);
		expect(cheques).toEqual([
			{
				operationId: c.id,
				memberId: OTHER_MEMBER_ID,
				number: '10',
				bank: 'CA',
				drawer: 'Albert Payeur',
				amountCents: 1500
			},
			{
				operationId: b.id,
				memberId: OTHER_MEMBER_ID,
				number: '9',
				bank: 'CA',
				drawer: 'Émile Ane',
				amountCents: 1000
			},
			{
				operationId: a.id,
				memberId: MEMBER_ID,
				number: '12',
				bank: 'LCL',
				drawer: 'Zoé Zèbre',
				amountCents: 2350
			}
		]);
		expect(depositTotals(cheques)).toEqual({ count: 3, totalCents: 4850 });
	});

	it('sorts cheque numbers of one drawer numerically', () => {
		const ops = ['100', '20', '3'].map((n) =>
			payment('cheque', 100, { reference: { chequeNumber: n, bank: 'CA' } })
		);
		expect(chequesToDeposit(ops, DISTRIBUTION_ID, names).map((c) => c.number)).toEqual([
			'3',
			'20',
			'100'
		]);
	});

	it('has no cheque and a zero total for an empty distribution', () => {
		expect(depositTotals(chequesToDeposit([], DISTRIBUTION_ID, names))).toEqual({
			count: 0,
			totalCents: 0
		});
	});
});

describe('close-out and review schemas', () => {
	const good = {
		cashFloatCents: 5000,
		cashCountedCents: 8580,
		chequeCount: 2,
		chequeTotalCents: 3355,
		cardTerminalBatchCents: 0
	};

	it('accepts a count of non-negative integers', () => {
		expect(CloseoutCountSchema.parse(good)).toEqual(good);
		expect(
			CloseoutCountSchema.parse({ ...good, cashCountedCents: MAX_CLOSEOUT_CENTS }).cashCountedCents
		).toBe(MAX_CLOSEOUT_CENTS);
	});

	it.each([
		['negative', { cashFloatCents: -1 }],
		['not an integer', { cashCountedCents: 12.5 }],
		['a string', { chequeTotalCents: '12,50' }],
		['too large', { cardTerminalBatchCents: MAX_CLOSEOUT_CENTS + 1 }],
		['too many cheques', { chequeCount: 10_001 }],
		['a negative cheque count', { chequeCount: -1 }],
		['an unknown key', { note: 'x' }]
	])('refuses a count with %s', (_what, over) => {
		expect(CloseoutCountSchema.safeParse({ ...good, ...over }).success).toBe(false);
	});

	it('refuses a count with a missing field', () => {
		const { chequeCount: _dropped, ...missing } = good;
		expect(CloseoutCountSchema.safeParse(missing).success).toBe(false);
	});

	it('reads resolutions: keep, or reverse naming an operation', () => {
		expect(ReviewResolveSchema.parse({ resolution: 'keep' })).toEqual({ resolution: 'keep' });
		expect(ReviewResolveSchema.parse({ resolution: 'reverse', operationId: uuid(1) })).toEqual({
			resolution: 'reverse',
			operationId: uuid(1)
		});
		expect(ReviewResolveSchema.safeParse({ resolution: 'reverse' }).success).toBe(false);
		expect(ReviewResolveSchema.safeParse({ resolution: 'delete' }).success).toBe(false);
		expect(ReviewResolveSchema.safeParse({ resolution: 'keep', extra: 1 }).success).toBe(false);
	});

	it('reads device reports and bounds what a device may send', () => {
		const report = { operationId: uuid(2), status: 'rejected', reason: 'Refusée' };
		expect(
			DeviceReportsBodySchema.safeParse({ deviceId: 'tablet-1', reports: [report] }).success
		).toBe(true);
		for (const bad of [
			{ ...report, status: 'accepted' },
			{ ...report, reason: ' ' },
			{ ...report, operationId: 'nope' },
			{ ...report, operation: { blob: 'x'.repeat(20_000) } }
		]) {
			expect(
				DeviceReportsBodySchema.safeParse({ deviceId: 'tablet-1', reports: [bad] }).success
			).toBe(false);
		}
	});
});
