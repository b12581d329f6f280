/**
 * Accounting exports and the journal's account numbers, for the coordinator only:
 * - `GET …/exports/operations.csv?from=&to=`: every operation of the period with its audit
 *   fields;
 * - `GET …/exports/journal.csv?from=&to=`: the double-entry journal in the FEC layout (mapping
 *   in `src/lib/domain/journal.ts`);
 * - `GET` / `PUT …/settings/accounts`: the account numbers the journal uses.
 * A period is a range of days (Paris) on when the operation happened, both ends included and
 * optional.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { UuidSchema } from '../../../src/lib/domain';
import {
	buildJournal,
	checkJournalAccounts,
	JournalAccountsSchema,
	memberAccountCodes,
	PeriodQuerySchema,
	type JournalSource
} from '../../../src/lib/domain/journal';
import {
	getAccounts,
	groupMemberIds,
	journalOperations,
	periodOperations,
	putAccounts,
	toJournalSource,
	type Period
} from '../../db/repositories/exports';
import { requireRole } from '../../http/auth';
import { ApiError } from '../../http/errors';
import type { AppDeps, AppEnv } from '../../http/types';
import { jsonBody, parseWith } from '../../http/validate';
import { journalCsv, operationsCsv } from './exports-csv';

const GroupParams = z.object({ groupId: UuidSchema });

const PARAMS = 'l’adresse';

function period(query: Record<string, string>): Period {
	const p = parseWith(PeriodQuerySchema, query, 'la requête');
	if (p.from && p.to && p.from > p.to) {
		throw new ApiError(
			400,
			'INVALID_PERIOD',
			`Période invalide : le ${p.from} est après le ${p.to}.`
		);
	}
	return p;
}

function fileName(kind: string, p: Period): string {
	return `${kind}-${p.from ?? 'debut'}-${p.to ?? 'fin'}.csv`;
}

export function exportsRoutes(deps: AppDeps) {
	const { db } = deps;

	return new Hono<AppEnv>()
		.get('/groups/:groupId/exports/operations.csv', async (c) => {
			const { groupId } = parseWith(GroupParams, c.req.param(), PARAMS);
			await requireRole(c, db, groupId, ['coordinator']);
			const p = period(c.req.query());
			const [rows, ids] = await Promise.all([
				periodOperations(db, groupId, p),
				groupMemberIds(db, groupId)
			]);
			c.header('Cache-Control', 'no-store');
			c.header('Content-Type', 'text/csv; charset=utf-8');
			c.header('Content-Disposition', `attachment; filename="${fileName('operations', p)}"`);
			return c.body(operationsCsv(rows, memberAccountCodes(ids)));
		})
		.get('/groups/:groupId/exports/journal.csv', async (c) => {
			const { groupId } = parseWith(GroupParams, c.req.param(), PARAMS);
			await requireRole(c, db, groupId, ['coordinator']);
			const p = period(c.req.query());
			const [rows, ids, accounts] = await Promise.all([
				journalOperations(db, groupId, p),
				groupMemberIds(db, groupId),
				getAccounts(db, groupId)
			]);
			const sources: JournalSource[] = [];
			const targets = new Map<string, JournalSource>();
			for (const r of rows) {
				if (r.in_period) sources.push(toJournalSource(r));
				else targets.set(r.id, toJournalSource(r));
			}
			const entries = buildJournal(sources, {
				accounts,
				memberCodes: memberAccountCodes(ids),
				targets
			});
			c.header('Cache-Control', 'no-store');
			c.header('Content-Type', 'text/csv; charset=utf-8');
			c.header('Content-Disposition', `attachment; filename="${fileName('journal', p)}"`);
			return c.body(journalCsv(entries));
		})
		.get('/groups/:groupId/settings/accounts', async (c) => {
			const { groupId } = parseWith(GroupParams, c.req.param(), PARAMS);
			await requireRole(c, db, groupId, ['coordinator']);
			return c.json(await getAccounts(db, groupId));
		})
		.put('/groups/:groupId/settings/accounts', async (c) => {
			const { groupId } = parseWith(GroupParams, c.req.param(), PARAMS);
			const me = await requireRole(c, db, groupId, ['coordinator']);
			const accounts = await jsonBody(c, JournalAccountsSchema);
			const check = checkJournalAccounts(accounts);
			if (!check.ok) throw new ApiError(422, check.code, check.message);
			await putAccounts(db, groupId, accounts, me.user.id);
			return c.json(accounts);
		});
}
