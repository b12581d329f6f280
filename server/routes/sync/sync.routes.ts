/**
 * Sync: devices push operations recorded offline and pull what changed.
 *
 * Push answers per operation and never lets one bad operation stop the others: each is parsed
 * with the shared schema, checked against the caller's role, then recorded in its own
 * transaction (accepted, duplicate, conflict or rejected). A database failure is a 5xx for the
 * whole push, so the device keeps everything queued and retries: what was already stored
 * answers `duplicate` next time.
 */
import { Hono } from 'hono';
import {
	OperationSchema,
	PullQuerySchema,
	PushBodyLooseSchema,
	issueToFailure,
	rawOperationId,
	type Operation,
	type PushResultItem
} from '../../../src/lib/domain/schemas';
import type { OperationKind } from '../../../src/lib/domain';
import type { Database, Queryable } from '../../db/database';
import {
	distributionState,
	operationById,
	recordOperation,
	type RecordOutcome
} from '../../db/repositories/ledger';
import { applyAdjustmentToTotal } from '../../db/repositories/orders';
import { currentHorizon, pullChanges, type PullScope } from '../../db/repositories/sync';
import { requireRole, type Role } from '../../http/auth';
import { ApiError, isDataException } from '../../http/errors';
import type { AppDeps, AppEnv } from '../../http/types';
import { jsonBody, parseWith } from '../../http/validate';

/** Which kinds each role may record through a device. Orders go through POST /orders. */
const KINDS_BY_ROLE: Record<Role, readonly OperationKind[]> = {
	coordinator: ['payment', 'refund', 'opening_balance', 'correction', 'order_adjustment'],
	helper: ['payment', 'correction'],
	member: []
};

function roleRefusal(role: Role, kind: OperationKind): string | undefined {
	if (KINDS_BY_ROLE[role].includes(kind)) return undefined;
	if (kind === 'order')
		return 'Une commande se passe par la page de commande, pas par la synchronisation.';
	if (role === 'member')
		return 'Les adhérents ne peuvent pas enregistrer d’opérations sur les comptes.';
	return 'Opération réservée au coordinateur : un bénévole enregistre des paiements et leurs corrections.';
}

/** Thrown inside a transaction to roll it back and answer with this outcome. */
class Refused {
	constructor(readonly outcome: RecordOutcome) {}
}

/**
 * Records one pushed operation in its own transaction. A basket adjustment made on a device
 * also moves its order's total (orders are debited by their total), and is refused if that
 * total would go below zero.
 */
/**
 * What a helper may record: payments at a distribution not yet validated, or recorded before
 * its validation (not online card,
 * which only the payment provider records), and corrections of such payments. Everything
 * else (debts, opening balances, late fixes) is the coordinator's.
 */
async function helperRule(tx: Queryable, op: Operation): Promise<RecordOutcome | null> {
	const refuse = (code: string, reason: string): RecordOutcome => ({
		status: 'rejected',
		code,
		reason
	});
	let distributionId = op.distributionId;
	if (op.kind === 'payment') {
		if (op.method === 'online_card') {
			return refuse(
				'FORBIDDEN_METHOD',
				'Le paiement en ligne est enregistré par le prestataire, pas à la main.'
			);
		}
	} else if (op.kind === 'correction' && op.correctsId) {
		const target = await operationById(tx, op.groupId, op.correctsId);
		if (target && target.kind !== 'payment') {
			return refuse(
				'FORBIDDEN_KIND',
				'Un bénévole ne peut annuler qu’un paiement ; demandez au coordinateur pour le reste.'
			);
		}
		distributionId = target?.distributionId;
	}
	if (!distributionId) {
		return refuse(
			'DISTRIBUTION_REQUIRED',
			'Un bénévole enregistre les paiements d’une distribution : indiquez laquelle.'
		);
	}
	const d = await distributionState(tx, op.groupId, distributionId);
	// Recorded offline before the validation and arriving after it: accepted and flagged for
	// review (never dropped). Recorded after the validation: the coordinator's business.
	const recordedBefore =
		d?.validatedAt !== null &&
		d?.validatedAt !== undefined &&
		Date.parse(op.occurredAt) <= Date.parse(d.validatedAt);
	if (d?.validated && !recordedBefore) {
		return refuse(
			'DISTRIBUTION_VALIDATED',
			'Cette distribution est validée : seul le coordinateur peut encore y enregistrer ou corriger un paiement.'
		);
	}
	return null;
}

async function recordPushed(
	db: Database,
	op: Operation,
	userId: string,
	role: Role
): Promise<RecordOutcome> {
	if (op.kind === 'order_adjustment' && !op.orderId) {
		return {
			status: 'rejected',
			code: 'ORDER_REQUIRED',
			reason: 'Un ajustement de panier doit indiquer la commande ajustée.'
		};
	}
	try {
		return await db.transaction(async (tx) => {
			const outcome = await recordOperation(tx, op, {
				recordedBy: userId,
				...(role === 'helper' ? { allow: (t: Queryable) => helperRule(t, op) } : {})
			});
			if (outcome.status === 'accepted' && op.kind === 'order_adjustment' && op.orderId) {
				const total = await applyAdjustmentToTotal(tx, op.groupId, op.orderId, op.amountCents);
				if (total === undefined || total < 0) {
					throw new Refused({
						status: 'rejected',
						code: 'ADJUSTMENT_BELOW_ZERO',
						reason: 'Cet ajustement rendrait le panier négatif : vérifiez les quantités.'
					});
				}
			}
			return outcome;
		});
	} catch (e) {
		if (e instanceof Refused) return e.outcome;
		// Bad data in this one operation: refuse it alone, the rest of the batch goes on.
		if (isDataException(e)) {
			return {
				status: 'rejected',
				code: 'INVALID_DATA',
				reason: 'Une valeur de cette opération est hors limites ou contient un caractère interdit.'
			};
		}
		throw e;
	}
}

// A cursor is the decimal text of an xid8.
const CURSOR = /^\d{1,20}$/;
const MAX_XID8 = 2n ** 64n - 1n;

export function syncRoutes(deps: AppDeps) {
	const { db } = deps;
	return new Hono<AppEnv>()
		.post('/sync/push', async (c) => {
			const body = await jsonBody(c, PushBodyLooseSchema);
			const me = await requireRole(c, db, body.groupId);
			const results: PushResultItem[] = [];
			for (const raw of body.operations) {
				const parsed = OperationSchema.safeParse(raw);
				if (!parsed.success) {
					const f = issueToFailure(parsed.error);
					results.push({
						id: rawOperationId(raw),
						status: 'rejected',
						code: f.code,
						reason: f.message
					});
					continue;
				}
				const op = parsed.data;
				if (op.groupId !== body.groupId) {
					results.push({
						id: op.id,
						status: 'rejected',
						code: 'GROUP_MISMATCH',
						reason: 'Cette opération appartient à un autre groupe que celui de la synchronisation.'
					});
					continue;
				}
				const refusal = roleRefusal(me.role, op.kind);
				if (refusal) {
					results.push({ id: op.id, status: 'rejected', code: 'FORBIDDEN_KIND', reason: refusal });
					continue;
				}
				const outcome = await recordPushed(db, op, me.user.id, me.role);
				if (outcome.status === 'rejected') {
					results.push({
						id: op.id,
						status: 'rejected',
						code: outcome.code,
						reason: outcome.reason
					});
				} else if (outcome.status === 'conflict') {
					results.push({
						id: op.id,
						status: 'conflict',
						code: 'ID_CONFLICT',
						reason: outcome.reason
					});
				} else {
					results.push({ id: op.id, status: outcome.status });
				}
			}
			return c.json({ results });
		})
		.get('/sync/pull', async (c) => {
			const q = parseWith(PullQuerySchema, c.req.query());
			if (q.cursor !== undefined && (!CURSOR.test(q.cursor) || BigInt(q.cursor) > MAX_XID8)) {
				throw new ApiError(
					400,
					'INVALID_CURSOR',
					'Curseur de synchronisation invalide : recommencez sans curseur pour tout recharger.'
				);
			}
			const me = await requireRole(c, db, q.groupId);
			const scope: PullScope =
				me.role === 'coordinator'
					? { kind: 'all' }
					: me.role === 'helper'
						? { kind: 'distribution-day', memberId: me.memberId }
						: { kind: 'own', memberId: me.memberId };
			const horizon = await currentHorizon(db);
			const changes = await pullChanges(db, q.groupId, scope, q.cursor ?? '0', horizon);
			return c.json({ cursor: horizon, ...changes });
		});
}
