/**
 * Opening balances in bulk ("reprise de soldes"), for the coordinator only:
 * - `POST …/imports/opening-balances/preview` `{csv, date?}`: what the file would record, line
 *   by line, with an error per bad line; records nothing;
 * - `POST …/imports/opening-balances` `{csv, date?}`: records one `opening_balance` per line,
 *   all or nothing (422 with the line errors if any). The same file again records nothing and
 *   answers 200 `{recorded: 0, alreadyRecorded: n}`.
 * The file format is described in `src/lib/domain/opening-import.ts`.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import {
	cents,
	formatMoney,
	OperationSchema,
	UuidSchema,
	type LedgerOperation
} from '../../../src/lib/domain';
import {
	normalizeImportText,
	OPENING_IMPORT_LABEL,
	OpeningImportBodySchema,
	parseOpeningImport,
	type ImportLine,
	type OpeningImportPreview,
	type OpeningImportResult
} from '../../../src/lib/domain/opening-import';
import {
	existingOpeningBalances,
	fileHash,
	findImport,
	importMembers,
	importOperationId,
	recordOpeningImport
} from '../../db/repositories/imports';
import { requireRole } from '../../http/auth';
import { ApiError } from '../../http/errors';
import type { AppDeps, AppEnv } from '../../http/types';
import { jsonBody, parseWith } from '../../http/validate';

const GroupParams = z.object({ groupId: UuidSchema });
const PARAMS = 'l’adresse';
/** Device id of the operations an import records. */
export const IMPORT_DEVICE_ID = 'server-import';
// The file is at most 1 MB once decoded; its JSON string may be longer (escaped quotes and line
// ends), so the raw body gets room, and the exact limit is the body schema's.
const MAX_BODY_BYTES = 3 * 1024 * 1024;

function result(recorded: number, alreadyRecorded: number, total: number): OpeningImportResult {
	return { recorded, alreadyRecorded, totalCents: cents(total) };
}

function errorSummary(lines: readonly ImportLine[]): string {
	const bad = lines.filter((l) => l.error !== undefined);
	const shown = bad
		.slice(0, 3)
		.map((l) => `ligne ${l.line} : ${l.error}`)
		.join(' ; ');
	const more = bad.length > 3 ? ` ; et ${bad.length - 3} autre(s)` : '';
	return `Import refusé, rien n’a été enregistré : ${bad.length} ligne(s) en erreur (${shown}${more}). Corrigez le fichier puis renvoyez-le.`;
}

export function importsRoutes(deps: AppDeps) {
	const { db } = deps;
	const now = deps.now ?? (() => new Date());

	/** Reads the request: the caller's rights, the file and the hash that identifies it. */
	async function readFile(c: Context<AppEnv>) {
		const { groupId } = parseWith(GroupParams, c.req.param(), PARAMS);
		const me = await requireRole(c, db, groupId, ['coordinator']);
		const body = await jsonBody(c, OpeningImportBodySchema);
		const hash = fileHash(normalizeImportText(body.csv));
		return { groupId, me, body, hash };
	}

	return new Hono<AppEnv>()
		.use(
			'/groups/:groupId/imports/*',
			bodyLimit({
				maxSize: MAX_BODY_BYTES,
				onError: () => {
					throw new ApiError(400, 'FILE_TOO_LARGE', 'Fichier trop volumineux : 1 Mo au plus.');
				}
			})
		)
		.post('/groups/:groupId/imports/opening-balances/preview', async (c) => {
			const { groupId, body, hash } = await readFile(c);
			const [members, done, existing] = await Promise.all([
				importMembers(db, groupId),
				findImport(db, groupId, hash),
				existingOpeningBalances(db, groupId)
			]);
			const parsed = parseOpeningImport(body.csv, members);
			const lines = parsed.lines.map((l): ImportLine & { warning?: string } => {
				const before = l.member && !done ? existing.get(l.member.id) : undefined;
				if (l.error !== undefined || before === undefined) return l;
				return {
					...l,
					warning: `${l.member?.name ?? ''} a déjà une reprise de solde (${formatMoney(cents(before))}) : celle-ci s’y ajoutera.`
				};
			});
			c.header('Cache-Control', 'no-store');
			return c.json({
				...parsed,
				lines,
				alreadyImported: done !== undefined
			} satisfies OpeningImportPreview);
		})
		.post('/groups/:groupId/imports/opening-balances', async (c) => {
			const { groupId, me, body, hash } = await readFile(c);
			// The same file again: nothing to check, nothing to record (even if members changed).
			const done = await findImport(db, groupId, hash);
			if (done) return c.json(result(0, done.recordedCount, done.totalCents));

			const parsed = parseOpeningImport(body.csv, await importMembers(db, groupId));
			if (parsed.errorCount > 0) {
				throw new ApiError(422, 'IMPORT_HAS_ERRORS', errorSummary(parsed.lines), {
					lines: parsed.lines.filter((l) => l.error !== undefined)
				});
			}
			if (parsed.validCount === 0) {
				throw new ApiError(
					422,
					'IMPORT_EMPTY',
					'Le fichier ne contient aucune ligne à importer : une ligne par adhérent, son adresse e-mail ou son nom puis le montant.'
				);
			}
			// Noon UTC is the same calendar day in Paris, summer and winter.
			const occurredAt = body.date ? `${body.date}T12:00:00.000Z` : now().toISOString();
			const operations = parsed.lines.map((l): LedgerOperation => {
				if (!l.member || l.amountCents === undefined) throw new Error('valid line without data');
				return OperationSchema.parse({
					id: importOperationId(groupId, hash, l.member.id),
					groupId,
					memberId: l.member.id,
					kind: 'opening_balance',
					amountCents: l.amountCents,
					reference: { label: OPENING_IMPORT_LABEL },
					occurredAt,
					deviceId: IMPORT_DEVICE_ID
				});
			});
			const outcome = await recordOpeningImport(db, {
				groupId,
				fileHash: hash,
				occurredAt,
				recordedBy: me.user.id,
				operations,
				totalCents: parsed.totalCents
			});
			if (outcome.status === 'rejected') {
				throw new ApiError(
					422,
					outcome.code,
					`Import refusé, rien n’a été enregistré : ${outcome.reason}`
				);
			}
			// Another upload of the same file committed while this one was being read.
			if (outcome.status === 'already_imported') {
				return c.json(result(0, outcome.alreadyRecorded, parsed.totalCents));
			}
			return c.json(
				result(outcome.recorded, outcome.alreadyRecorded, parsed.totalCents),
				outcome.recorded > 0 ? 201 : 200
			);
		});
}
