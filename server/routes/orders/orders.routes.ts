/**
 * Orders: placing one (member for themself, coordinator for anyone) and changing its lines.
 *
 * Each write runs in one transaction that takes, in this order, a share lock on the
 * distribution (so it cannot be validated meanwhile), then the member's balance row (so the
 * money-pot floor is checked against what earlier orders left), then writes the order and
 * its ledger operation. Validation takes the distribution lock first too: no deadlock.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import {
	NewOrderSchema,
	UpdateOrderSchema,
	UuidSchema,
	subtractCents,
	cents,
	checkMoneyPotOrder,
	checkOrderPaymentChoice,
	negate,
	orderTotal,
	type Cents,
	type GroupSettings,
	type LedgerOperation
} from '../../../src/lib/domain';
import type { Queryable } from '../../db/database';
import { findDistribution, lockDistributionRow } from '../../db/repositories/distributions';
import { findMember, getSettings } from '../../db/repositories/groups';
import { recordOperation } from '../../db/repositories/ledger';
import {
	findOrder,
	lockMemberBalance,
	tryInsertOrder,
	updateOrderLines,
	type OrderRow
} from '../../db/repositories/orders';
import { requireRole } from '../../http/auth';
import { ApiError } from '../../http/errors';
import type { AppDeps, AppEnv } from '../../http/types';
import { jsonBody, parseWith } from '../../http/validate';
import { orderingBlockedError, orderingState, serverToday } from '../distributions/ordering-state';
import { priceLines, sameLines, toOrder } from './order-lines';

const GroupParams = z.object({ groupId: UuidSchema });
const OrderParams = z.object({ groupId: UuidSchema, orderId: UuidSchema });

const distributionNotFound = () =>
	new ApiError(404, 'DISTRIBUTION_NOT_FOUND', 'Distribution introuvable dans ce groupe.');
const orderNotFound = () =>
	new ApiError(404, 'ORDER_NOT_FOUND', 'Commande introuvable dans ce groupe.');
const distributionValidated = (what: string) =>
	new ApiError(
		409,
		'DISTRIBUTION_VALIDATED',
		`Cette distribution est déjà validée : ${what}. Pour corriger un montant, enregistrez une correction sur le compte de l’adhérent.`
	);

async function groupSettings(db: Queryable, groupId: string): Promise<GroupSettings> {
	const settings = await getSettings(db, groupId);
	if (!settings) throw new ApiError(404, 'GROUP_NOT_FOUND', 'Groupe introuvable.');
	return settings;
}

/** Refuses an amount the money pot may not cover (the balance row is locked by the caller). */
function checkPot(
	settings: GroupSettings,
	balanceCents: number,
	amount: Cents,
	paymentChoice: OrderRow['paymentMethod']
) {
	const check = checkMoneyPotOrder({
		settings,
		balanceIncludingUnsyncedCents: cents(balanceCents),
		orderTotalCents: amount,
		paymentChoice
	});
	if (!check.ok) throw new ApiError(409, check.code, check.message);
}

/** Records a server-made ledger operation; anything but accepted undoes the transaction. */
async function recordServerOperation(
	tx: Queryable,
	op: Omit<LedgerOperation, 'id' | 'deviceId' | 'occurredAt'>,
	at: Date,
	userId: string
) {
	const outcome = await recordOperation(
		tx,
		{ ...op, id: randomUUID(), deviceId: 'server', occurredAt: at.toISOString() },
		{ recordedBy: userId }
	);
	if (outcome.status === 'rejected') throw new ApiError(409, outcome.code, outcome.reason);
	if (outcome.status !== 'accepted') {
		throw new Error(`server-made operation not stored: ${outcome.status}`);
	}
}

/** A retried POST: same content answers the stored order, anything else is a conflict. */
function replayed(
	existing: OrderRow,
	sent: Pick<OrderRow, 'distributionId' | 'memberId' | 'paymentMethod' | 'lines'>
): OrderRow {
	const same =
		existing.distributionId === sent.distributionId &&
		existing.memberId === sent.memberId &&
		existing.paymentMethod === sent.paymentMethod &&
		sameLines(existing.lines, sent.lines);
	if (!same) {
		throw new ApiError(
			409,
			'ORDER_ID_CONFLICT',
			'Une autre commande porte déjà cet identifiant avec un contenu différent : elle n’a pas été modifiée.'
		);
	}
	return existing;
}

export function ordersRoutes(deps: AppDeps) {
	const { db } = deps;
	const now = () => deps.now?.() ?? new Date();
	return new Hono<AppEnv>()
		.post('/groups/:groupId/orders', async (c) => {
			const { groupId } = parseWith(GroupParams, c.req.param());
			const me = await requireRole(c, db, groupId, ['coordinator', 'member']);
			const body = await jsonBody(c, NewOrderSchema);
			if (me.role !== 'coordinator' && body.memberId !== me.memberId) {
				throw new ApiError(
					403,
					'NOT_YOUR_ACCOUNT',
					'Vous ne pouvez commander que pour votre propre compte.'
				);
			}
			if (body.memberId !== me.memberId && !(await findMember(db, groupId, body.memberId))) {
				throw new ApiError(404, 'MEMBER_NOT_FOUND', 'Adhérent introuvable dans ce groupe.');
			}
			const d = await findDistribution(db, groupId, body.distributionId);
			if (!d) throw distributionNotFound();
			const lines = priceLines(body.lines, d.products, me.role);
			const totalCents = orderTotal(lines);
			const order = {
				groupId,
				id: body.id ?? randomUUID(),
				distributionId: d.id,
				memberId: body.memberId,
				paymentMethod: body.paymentMethod,
				lines,
				totalCents,
				createdBy: me.user.id
			};
			// A retry answers what the first attempt stored, whatever changed since (block, day).
			if (body.id) {
				const existing = await findOrder(db, groupId, body.id);
				if (existing) return c.json(toOrder(replayed(existing, order)), 200);
			}

			const settings = await groupSettings(db, groupId);
			const choice = checkOrderPaymentChoice(settings, body.paymentMethod);
			if (!choice.ok) throw new ApiError(422, choice.code, choice.message);
			const today = serverToday(deps);
			if (d.validated) throw distributionValidated('elle ne prend plus de commande');
			if (me.role !== 'coordinator' && d.date < today) {
				throw new ApiError(
					409,
					'DISTRIBUTION_PAST',
					'Cette distribution est passée : on ne peut plus y commander.'
				);
			}
			// Catching up the orders of a past distribution (a coordinator's bookkeeping) is
			// not ordering ahead: the rule only closes orders for today and later.
			if (d.date >= today) {
				const state = await orderingState(db, groupId, today);
				if (state.blocked) throw orderingBlockedError(state);
			}

			const at = now();
			const result = await db.transaction(async (tx) => {
				const locked = await lockDistributionRow(tx, groupId, d.id, 'share');
				if (!locked) throw distributionNotFound();
				if (locked.validated) throw distributionValidated('elle ne prend plus de commande');
				const balance = await lockMemberBalance(tx, groupId, order.memberId);
				checkPot(settings, balance.totalCents, totalCents, order.paymentMethod);
				if (!(await tryInsertOrder(tx, order))) {
					// The same id was stored by a concurrent retry: answer like a retry.
					const existing = await findOrder(tx, groupId, order.id);
					if (!existing) throw orderNotFound();
					return { row: replayed(existing, order), created: false };
				}
				// A free basket (all products at 0) owes nothing: no operation of 0 exists.
				if (totalCents > 0) {
					await recordServerOperation(
						tx,
						{
							groupId,
							memberId: order.memberId,
							kind: 'order',
							amountCents: negate(totalCents),
							distributionId: d.id,
							orderId: order.id
						},
						at,
						me.user.id
					);
				}
				const row = await findOrder(tx, groupId, order.id);
				if (!row) throw orderNotFound();
				return { row, created: true };
			});
			return c.json(toOrder(result.row), result.created ? 201 : 200);
		})
		.put('/groups/:groupId/orders/:orderId', async (c) => {
			const { groupId, orderId } = parseWith(OrderParams, c.req.param());
			const me = await requireRole(c, db, groupId, ['coordinator', 'member']);
			const body = await jsonBody(c, UpdateOrderSchema);
			const order = await findOrder(db, groupId, orderId);
			// A member does not learn whether someone else's order exists.
			if (!order || (me.role !== 'coordinator' && order.memberId !== me.memberId)) {
				throw orderNotFound();
			}
			const d = await findDistribution(db, groupId, order.distributionId);
			if (!d) throw distributionNotFound();
			if (d.validated) throw distributionValidated('sa commande ne peut plus être modifiée');
			if (me.role !== 'coordinator' && d.date <= serverToday(deps)) {
				throw new ApiError(
					409,
					'ORDER_LOCKED',
					'La commande ne peut plus être modifiée : la distribution a lieu aujourd’hui ou est passée. Adressez-vous au coordinateur.'
				);
			}
			const lines = priceLines(body.lines, d.products, me.role);
			const newTotal = orderTotal(lines);
			const settings = await groupSettings(db, groupId);

			const at = now();
			const updated = await db.transaction(async (tx) => {
				const locked = await lockDistributionRow(tx, groupId, d.id, 'share');
				if (!locked) throw distributionNotFound();
				if (locked.validated) throw distributionValidated('sa commande ne peut plus être modifiée');
				const current = await findOrder(tx, groupId, orderId, { forUpdate: true });
				if (!current) throw orderNotFound();
				const balance = await lockMemberBalance(tx, groupId, current.memberId);
				// Debits are negative: a dearer basket gives a negative delta. From the stored total,
				// not the lines: adjustments made on a tablet moved the total without the lines.
				const delta = subtractCents(cents(current.totalCents), newTotal);
				if (delta < 0) checkPot(settings, balance.totalCents, negate(delta), current.paymentMethod);
				if (!sameLines(current.lines, lines) || delta !== 0) {
					await updateOrderLines(tx, groupId, orderId, lines, newTotal);
				}
				if (delta !== 0) {
					await recordServerOperation(
						tx,
						{
							groupId,
							memberId: current.memberId,
							kind: 'order_adjustment',
							amountCents: delta,
							distributionId: d.id,
							orderId
						},
						at,
						me.user.id
					);
				}
				return findOrder(tx, groupId, orderId);
			});
			if (!updated) throw orderNotFound();
			return c.json(toOrder(updated));
		});
}
