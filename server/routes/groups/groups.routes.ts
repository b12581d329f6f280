/**
 * A group's settings, members, balances overview and member histories.
 *
 * Who sees what:
 * - settings: every member reads (the app needs the enabled methods to offer them), only the
 *   coordinator writes;
 * - members: the coordinator lists and adds; a helper lists names and roles only (to find a
 *   member at the pickup point), never emails; a member gets 403;
 * - balances: the coordinator only;
 * - a member's history: the coordinator, or the account's own holder whatever their role (a
 *   helper also has an account and may read it); anyone else 403, before the id is looked up,
 *   so that a 404 never tells a member which ids exist.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import {
	computeBalance,
	GroupSettingsShapeSchema,
	NewMemberSchema,
	runningBalance,
	summarizeBalances,
	UuidSchema,
	validateSettings,
	type Balances,
	type HistoryEntry,
	type MemberHistory
} from '../../../src/lib/domain';
import {
	addMemberUnlessEmailTaken,
	BALANCE_FILTERS,
	memberBalances,
	memberLedger
} from '../../db/repositories/balances';
import { findMember, getSettings, listMembers, putSettings } from '../../db/repositories/groups';
import { requireRole } from '../../http/auth';
import { localDay } from '../../http/clock';
import { ApiError } from '../../http/errors';
import type { AppDeps, AppEnv } from '../../http/types';
import { jsonBody, parseWith } from '../../http/validate';
import { BALANCE_SORTS, balancesCsv, sortBalances } from './balances-report';

const GroupParamsSchema = z.object({ groupId: UuidSchema });
const MemberParamsSchema = z.object({ groupId: UuidSchema, memberId: UuidSchema });

/** Query of the overview; other parameters are ignored, unknown values refused. */
const BalancesQuerySchema = z.object({
	format: z.enum(['json', 'csv'], { message: 'Format inconnu : json ou csv attendu' }).optional(),
	filter: z
		.enum(BALANCE_FILTERS, { message: 'Filtre inconnu : debtors, creditors ou settled attendu' })
		.optional(),
	sort: z.enum(BALANCE_SORTS, { message: 'Tri inconnu : name ou balance attendu' }).optional()
});

const PARAMS = 'l’adresse';

export function groupsRoutes(deps: AppDeps) {
	const { db } = deps;
	const now = deps.now ?? (() => new Date());

	return new Hono<AppEnv>()
		.get('/groups/:groupId/settings', async (c) => {
			const { groupId } = parseWith(GroupParamsSchema, c.req.param(), PARAMS);
			await requireRole(c, db, groupId);
			const settings = await getSettings(db, groupId);
			if (!settings) throw new ApiError(404, 'GROUP_NOT_FOUND', 'Groupe introuvable.');
			return c.json(settings);
		})
		.put('/groups/:groupId/settings', async (c) => {
			const { groupId } = parseWith(GroupParamsSchema, c.req.param(), PARAMS);
			await requireRole(c, db, groupId, ['coordinator']);
			const check = validateSettings(await jsonBody(c, GroupSettingsShapeSchema));
			// A well-formed body that breaks a rule (money pot with other methods…) is a 422.
			if (!check.ok) throw new ApiError(422, check.code, check.message);
			await putSettings(db, groupId, check.value);
			return c.json(check.value);
		})
		.get('/groups/:groupId/members', async (c) => {
			const { groupId } = parseWith(GroupParamsSchema, c.req.param(), PARAMS);
			const me = await requireRole(c, db, groupId, ['coordinator', 'helper']);
			const withEmail = me.role === 'coordinator';
			const members = (await listMembers(db, groupId)).map((m) => ({
				id: m.id,
				name: m.name,
				...(withEmail && m.email !== null ? { email: m.email } : {}),
				role: m.role
			}));
			return c.json({ members });
		})
		.post('/groups/:groupId/members', async (c) => {
			const { groupId } = parseWith(GroupParamsSchema, c.req.param(), PARAMS);
			await requireRole(c, db, groupId, ['coordinator']);
			const { name, email } = await jsonBody(c, NewMemberSchema);
			const member = await addMemberUnlessEmailTaken(db, {
				groupId,
				id: randomUUID(),
				name,
				email
			});
			if (!member) {
				throw new ApiError(
					409,
					'MEMBER_EMAIL_TAKEN',
					`L’adresse ${email} est déjà celle d’un adhérent de ce groupe.`
				);
			}
			return c.json(member, 201);
		})
		.get('/groups/:groupId/balances', async (c) => {
			const { groupId } = parseWith(GroupParamsSchema, c.req.param(), PARAMS);
			await requireRole(c, db, groupId, ['coordinator']);
			const query = parseWith(BalancesQuerySchema, c.req.query(), 'la requête');
			const rows = sortBalances(
				await memberBalances(db, groupId, query.filter),
				query.sort ?? 'name'
			);
			// Totals of the rows shown: a filtered export adds up to its own total line.
			const totals = summarizeBalances(rows);
			// Balances are personal data: no shared cache keeps them.
			c.header('Cache-Control', 'no-store');
			if (query.format === 'csv') {
				c.header('Content-Type', 'text/csv; charset=utf-8');
				c.header('Content-Disposition', `attachment; filename="soldes-${localDay(now())}.csv"`);
				return c.body(balancesCsv(rows, totals));
			}
			return c.json({
				members: rows.map((r) => ({
					memberId: r.memberId,
					name: r.name,
					balanceCents: r.balanceCents,
					pendingCents: r.pendingCents,
					projectedCents: r.projectedCents
				})),
				totals
			} satisfies Balances);
		})
		.get('/groups/:groupId/members/:memberId/operations', async (c) => {
			const { groupId, memberId } = parseWith(MemberParamsSchema, c.req.param(), PARAMS);
			const me = await requireRole(c, db, groupId);
			if (me.role !== 'coordinator' && me.memberId !== memberId) {
				throw new ApiError(
					403,
					'FORBIDDEN_MEMBER',
					'Vous ne pouvez consulter que l’historique de votre propre compte.'
				);
			}
			if (!(await findMember(db, groupId, memberId))) {
				throw new ApiError(404, 'MEMBER_NOT_FOUND', 'Adhérent introuvable dans ce groupe.');
			}
			const ledger = await memberLedger(db, groupId, memberId);
			const ops = ledger.operations.map((h) => h.operation);
			// The same rules as the tablet: pending and running balance come from the domain.
			const balance = computeBalance(ops, ledger.validatedDistributionIds);
			const facts = new Map(ledger.operations.map((h) => [h.operation.id, h]));
			const entries = runningBalance(ops, ledger.validatedDistributionIds).map(
				(e): HistoryEntry => {
					const h = facts.get(e.id);
					return {
						...e,
						...(h ? { receivedAt: h.receivedAt } : {}),
						...(h?.recordedBy ? { recordedBy: h.recordedBy } : {})
					};
				}
			);
			return c.json({
				memberId,
				confirmedCents: balance.confirmedCents,
				pendingCents: balance.pendingCents,
				projectedCents: balance.projectedCents,
				entries
			} satisfies MemberHistory);
		});
}
