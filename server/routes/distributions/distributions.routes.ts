/**
 * Distributions: the list and creation, the ordering rule, the baskets of one distribution
 * and its validation.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import {
	NewDistributionSchema,
	UuidSchema,
	ValidateBodySchema,
	cents,
	type Distribution,
	type DistributionOrders,
	type ValidateConflict
} from '../../../src/lib/domain';
import {
	findDistribution,
	insertDistribution,
	listDistributions,
	lockDistributionRow,
	type DistributionRow
} from '../../db/repositories/distributions';
import { markDistributionValidated } from '../../db/repositories/ledger';
import { requireRole } from '../../http/auth';
import { ApiError } from '../../http/errors';
import type { AppDeps, AppEnv } from '../../http/types';
import { jsonBody, parseWith } from '../../http/validate';
import { loadBaskets, unpaidMessage } from './baskets';
import { orderingState, serverToday, type OrderingState } from './ordering-state';

const GroupParams = z.object({ groupId: UuidSchema });
const DistributionParams = z.object({ groupId: UuidSchema, distributionId: UuidSchema });

function toDistribution(row: DistributionRow): Distribution {
	return {
		id: row.id,
		date: row.date,
		place: row.place,
		products: row.products.map((p) => ({
			id: p.id,
			name: p.name,
			unitPriceCents: cents(p.unitPriceCents)
		})),
		validated: row.validated
	};
}

const distributionNotFound = () =>
	new ApiError(404, 'DISTRIBUTION_NOT_FOUND', 'Distribution introuvable dans ce groupe.');

export function distributionsRoutes(deps: AppDeps) {
	const { db } = deps;
	return (
		new Hono<AppEnv>()
			.get('/groups/:groupId/distributions', async (c) => {
				const { groupId } = parseWith(GroupParams, c.req.param());
				await requireRole(c, db, groupId);
				const rows = await listDistributions(db, groupId);
				return c.json(rows.map(toDistribution));
			})
			.post('/groups/:groupId/distributions', async (c) => {
				const { groupId } = parseWith(GroupParams, c.req.param());
				await requireRole(c, db, groupId, ['coordinator']);
				const body = await jsonBody(c, NewDistributionSchema);
				const id = randomUUID();
				const row = await db.transaction(async (tx) => {
					await insertDistribution(tx, {
						groupId,
						id,
						date: body.date,
						place: body.place,
						products: (body.products ?? []).map((p) => ({ id: randomUUID(), ...p }))
					});
					return findDistribution(tx, groupId, id);
				});
				if (!row) throw distributionNotFound();
				return c.json(toDistribution(row), 201);
			})
			// The list stays a bare array (the contract), so the ordering rule has its own route.
			.get('/groups/:groupId/ordering', async (c) => {
				const { groupId } = parseWith(GroupParams, c.req.param());
				await requireRole(c, db, groupId);
				const state: OrderingState = await orderingState(db, groupId, serverToday(deps));
				return c.json(state);
			})
			.get('/groups/:groupId/distributions/:distributionId/orders', async (c) => {
				const { groupId, distributionId } = parseWith(DistributionParams, c.req.param());
				const me = await requireRole(c, db, groupId);
				const d = await findDistribution(db, groupId, distributionId);
				if (!d) throw distributionNotFound();
				const only = me.role === 'member' ? me.memberId : undefined;
				const { baskets } = await loadBaskets(db, groupId, d, only);
				return c.json({ distributionId, baskets } satisfies DistributionOrders);
			})
			.post('/groups/:groupId/distributions/:distributionId/validate', async (c) => {
				const { groupId, distributionId } = parseWith(DistributionParams, c.req.param());
				const me = await requireRole(c, db, groupId, ['coordinator']);
				const { confirmUnpaid = false } = await jsonBody(c, ValidateBodySchema);
				// The check and the validation run under the distribution's row lock: no payment or
				// order of this distribution can land between them.
				const outcome = await db.transaction(async (tx) => {
					const locked = await lockDistributionRow(tx, groupId, distributionId, 'update');
					if (!locked) throw distributionNotFound();
					if (locked.validated) return { unpaid: [] };
					const { unpaid } = await loadBaskets(tx, groupId, {
						id: distributionId,
						validated: false
					});
					if (unpaid.length > 0 && !confirmUnpaid) return { unpaid };
					await markDistributionValidated(tx, groupId, distributionId, me.user.id);
					return { unpaid: [] };
				});
				if (outcome.unpaid.length > 0) {
					// The contract puts the list at error.unpaid (ValidateConflictSchema).
					const body: ValidateConflict = {
						error: {
							code: 'UNPAID_BASKETS',
							message: unpaidMessage(outcome.unpaid),
							unpaid: outcome.unpaid
						}
					};
					return c.json(body, 409);
				}
				const d = await findDistribution(db, groupId, distributionId);
				if (!d) throw distributionNotFound();
				return c.json(toDistribution(d));
			})
	);
}
