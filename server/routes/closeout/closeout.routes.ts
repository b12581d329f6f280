/**
 * Closing a distribution: expected vs counted per method (GET / PUT …/closeout) and the
 * cheque deposit slip (GET …/cheque-slip).
 *
 * Who: the coordinator counts (PUT); the coordinator and the helper read the close-out and
 * print the slip (the helper often takes the cheques to the bank); a member gets 403. The
 * role is checked before the distribution is looked up, so a 404 tells nothing to outsiders.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { cents, UuidSchema } from '../../../src/lib/domain';
import {
	chequesToDeposit,
	ChequeSlipQuerySchema,
	closeoutDifferences,
	CloseoutCountSchema,
	depositTotals,
	expectedCloseout,
	type ChequeSlip,
	type Closeout,
	type CloseoutExpected
} from '../../../src/lib/domain/closeout';
import type { Queryable } from '../../db/database';
import {
	insertCloseoutCount,
	latestCloseoutCount,
	memberNames,
	slipHeader
} from '../../db/repositories/closeouts';
import { lockDistributionRow } from '../../db/repositories/distributions';
import { paymentsOfDistribution } from '../../db/repositories/orders';
import { requireRole } from '../../http/auth';
import { ApiError } from '../../http/errors';
import type { AppDeps, AppEnv } from '../../http/types';
import { jsonBody, parseWith } from '../../http/validate';
import { renderChequeSlip, SLIP_CSP } from './cheque-slip';

const DistributionParams = z.object({ groupId: UuidSchema, distributionId: UuidSchema });
const PARAMS = 'l’adresse';

const distributionNotFound = () =>
	new ApiError(404, 'DISTRIBUTION_NOT_FOUND', 'Distribution introuvable dans ce groupe.');

/** Expected figures and the latest count of a distribution, as the wire `Closeout`. */
async function loadCloseout(
	db: Queryable,
	groupId: string,
	distributionId: string
): Promise<Closeout> {
	const ops = await paymentsOfDistribution(db, groupId, distributionId);
	const expected: CloseoutExpected = expectedCloseout(ops, distributionId);
	const latest = await latestCloseoutCount(db, groupId, distributionId);
	if (!latest) return { distributionId, expected, counted: null, differences: null };
	const count = {
		cashFloatCents: cents(latest.cashFloatCents),
		cashCountedCents: cents(latest.cashCountedCents),
		chequeCount: latest.chequeCount,
		chequeTotalCents: cents(latest.chequeTotalCents),
		cardTerminalBatchCents: cents(latest.cardTerminalBatchCents)
	};
	return {
		distributionId,
		expected,
		counted: {
			...count,
			recordedBy: { userId: latest.recordedByUserId, name: latest.recordedByName },
			recordedAt: latest.recordedAt
		},
		differences: closeoutDifferences(expected, count)
	};
}

export function closeoutRoutes(deps: AppDeps) {
	const { db } = deps;
	return new Hono<AppEnv>()
		.get('/groups/:groupId/distributions/:distributionId/closeout', async (c) => {
			const { groupId, distributionId } = parseWith(DistributionParams, c.req.param(), PARAMS);
			await requireRole(c, db, groupId, ['coordinator', 'helper']);
			if (!(await slipHeader(db, groupId, distributionId))) throw distributionNotFound();
			return c.json(await loadCloseout(db, groupId, distributionId));
		})
		.put('/groups/:groupId/distributions/:distributionId/closeout', async (c) => {
			const { groupId, distributionId } = parseWith(DistributionParams, c.req.param(), PARAMS);
			const me = await requireRole(c, db, groupId, ['coordinator']);
			const count = await jsonBody(c, CloseoutCountSchema);
			const closeout = await db.transaction(async (tx) => {
				// Shared lock: payments may keep arriving, but the expected figures stored with the
				// count are those of one consistent moment.
				if (!(await lockDistributionRow(tx, groupId, distributionId, 'share'))) {
					throw distributionNotFound();
				}
				const ops = await paymentsOfDistribution(tx, groupId, distributionId);
				await insertCloseoutCount(tx, {
					groupId,
					id: randomUUID(),
					distributionId,
					count,
					expected: expectedCloseout(ops, distributionId),
					recordedBy: me.user.id
				});
				return loadCloseout(tx, groupId, distributionId);
			});
			return c.json(closeout);
		})
		.get('/groups/:groupId/distributions/:distributionId/cheque-slip', async (c) => {
			const { groupId, distributionId } = parseWith(DistributionParams, c.req.param(), PARAMS);
			await requireRole(c, db, groupId, ['coordinator', 'helper']);
			const { format = 'html' } = parseWith(ChequeSlipQuerySchema, c.req.query());
			const header = await slipHeader(db, groupId, distributionId);
			if (!header) throw distributionNotFound();
			const ops = await paymentsOfDistribution(db, groupId, distributionId);
			const names = await memberNames(
				db,
				groupId,
				ops.map((op) => op.memberId)
			);
			const cheques = chequesToDeposit(ops, distributionId, names);
			const totals = depositTotals(cheques);
			if (format === 'json') {
				const slip: ChequeSlip = {
					cheques: cheques.map(({ operationId, number, bank, drawer, amountCents }) => ({
						operationId,
						number,
						bank,
						drawer,
						amountCents
					})),
					...totals
				};
				return c.json(slip);
			}
			return c.body(renderChequeSlip(header, cheques, totals), 200, {
				'Content-Type': 'text/html; charset=utf-8',
				'Content-Security-Policy': SLIP_CSP,
				'X-Content-Type-Options': 'nosniff',
				'Referrer-Policy': 'no-referrer',
				// Names and amounts of members: not for shared caches, not kept after use.
				'Cache-Control': 'no-store'
			});
		});
}
