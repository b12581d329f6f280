/**
 * Opening balances imported in bulk: the members a file may name, the imports already made,
 * and the recording of one file's operations in one transaction.
 *
 * Idempotence, twice over: a file (by the hash of its normalized text) is recorded at most once
 * per group, through `opening_imports`' primary key, taken first in the transaction so that two
 * simultaneous uploads of one file wait on each other; and each operation's id is derived from
 * (group, file hash, member), so that even a replay that got past the first guard would find
 * its operations already there instead of doubling them.
 */
import { createHash } from 'node:crypto';
import type { LedgerOperation } from '../../../src/lib/domain';
import type { ImportMember } from '../../../src/lib/domain/opening-import';
import type { Database, Queryable } from '../database';
import { recordOperation } from './ledger';

export async function importMembers(db: Queryable, groupId: string): Promise<ImportMember[]> {
	const { rows } = await db.query<ImportMember>(
		`SELECT id, name, email FROM members WHERE group_id = $1 ORDER BY name, id`,
		[groupId]
	);
	return rows;
}

/** Sum of the opening balances each member already has (to warn before a second one). */
export async function existingOpeningBalances(
	db: Queryable,
	groupId: string
): Promise<Map<string, number>> {
	const { rows } = await db.query<{ member_id: string; total: number }>(
		`SELECT member_id, sum(amount_cents)::bigint AS total
		   FROM operations
		  WHERE group_id = $1 AND kind = 'opening_balance'
		  GROUP BY member_id`,
		[groupId]
	);
	return new Map(rows.map((r) => [r.member_id, r.total]));
}

export interface ImportRecord {
	recordedCount: number;
	totalCents: number;
	importedAt: string;
}

export async function findImport(
	db: Queryable,
	groupId: string,
	fileHash: string
): Promise<ImportRecord | undefined> {
	const { rows } = await db.query<ImportRecord>(
		`SELECT recorded_count AS "recordedCount", total_cents AS "totalCents",
		        imported_at AS "importedAt"
		   FROM opening_imports WHERE group_id = $1 AND file_hash = $2`,
		[groupId, fileHash]
	);
	return rows[0];
}

/** SHA-256 (hex) of a file's normalized text. */
export function fileHash(normalizedText: string): string {
	return createHash('sha256').update(normalizedText, 'utf8').digest('hex');
}

// A fixed namespace for the ids of imported operations.
const IMPORT_NAMESPACE = '6f1c9a52-e0b4-4d7e-9a3b-5c2d8e7f1a04';

/**
 * A name-based UUID (version 5, RFC 9562: SHA-1 of namespace and name): the same name, the
 * same id. `nameUuid('www.example.com', DNS namespace)` is 2ed6657d-e927-568b-95e1-2665a8aea6a2.
 */
export function nameUuid(name: string, namespace: string = IMPORT_NAMESPACE): string {
	const hash = createHash('sha1')
		.update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
		.update(name, 'utf8')
		.digest();
	const b = Buffer.from(hash.subarray(0, 16));
	b[6] = ((b[6] ?? 0) & 0x0f) | 0x50;
	b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
	const h = b.toString('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The id of member m's opening balance from file h in group g: the same on every upload. */
export function importOperationId(groupId: string, hash: string, memberId: string): string {
	return nameUuid(`opening-import:${groupId}:${hash}:${memberId}`);
}

export type ImportOutcome =
	| { status: 'recorded'; recorded: number; alreadyRecorded: number }
	| { status: 'already_imported'; alreadyRecorded: number }
	| { status: 'rejected'; operationId: string; code: string; reason: string };

class RollBack extends Error {
	constructor(readonly outcome: ImportOutcome) {
		super('import rolled back');
	}
}

/**
 * Records a file's operations, all or nothing: the import row first (or the answer that the
 * file is already imported), then each operation through the ledger. Any operation the ledger
 * rejects rolls everything back.
 */
export async function recordOpeningImport(
	db: Database,
	imp: {
		groupId: string;
		fileHash: string;
		occurredAt: string;
		recordedBy: string;
		operations: LedgerOperation[];
		totalCents: number;
	}
): Promise<ImportOutcome> {
	try {
		return await db.transaction(async (tx): Promise<ImportOutcome> => {
			const claimed = await tx.query(
				`INSERT INTO opening_imports
				   (group_id, file_hash, recorded_count, total_cents, occurred_at, imported_by)
				 VALUES ($1, $2, $3, $4, $5, $6)
				 ON CONFLICT (group_id, file_hash) DO NOTHING RETURNING file_hash`,
				[
					imp.groupId,
					imp.fileHash,
					imp.operations.length,
					imp.totalCents,
					imp.occurredAt,
					imp.recordedBy
				]
			);
			if (claimed.rows.length === 0) {
				const done = await findImport(tx, imp.groupId, imp.fileHash);
				return { status: 'already_imported', alreadyRecorded: done?.recordedCount ?? 0 };
			}
			let recorded = 0;
			let already = 0;
			for (const op of imp.operations) {
				const outcome = await recordOperation(tx, op, { recordedBy: imp.recordedBy });
				if (outcome.status === 'accepted') recorded += 1;
				// A derived id already in the ledger is this very line, recorded before.
				else if (outcome.status === 'duplicate' || outcome.status === 'conflict') already += 1;
				else {
					throw new RollBack({
						status: 'rejected',
						operationId: op.id,
						code: outcome.code,
						reason: outcome.reason
					});
				}
			}
			return { status: 'recorded', recorded, alreadyRecorded: already };
		});
	} catch (e) {
		if (e instanceof RollBack) return e.outcome;
		throw e;
	}
}
