/**
 * `npm run db:verify`: recomputes every member's balance from the operations and compares it
 * with the kept balance. Exits 1 and lists the differences when the books disagree.
 */
import { verifyBalances } from './db/repositories/ledger';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open';
import { loadEnv } from './env';

const env = loadEnv();
const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
await migrate(db);
const { rows } = await db.query<{ n: number }>('SELECT count(*)::bigint AS n FROM member_balances');
const differences = await verifyBalances(db);
await db.close();
if (differences.length === 0) {
	console.log(
		`Balances verified: ${rows[0]?.n ?? 0} accounts, every kept balance equals the sum of its operations.`
	);
	process.exit(0);
}
console.error(`${differences.length} account(s) differ from their operations:`);
for (const d of differences) {
	console.error(
		`  group ${d.groupId} member ${d.memberId}: kept total ${d.kept.totalCents} / pending ${d.kept.pendingCents}, ` +
			`recomputed total ${d.recomputed.totalCents} / pending ${d.recomputed.pendingCents} (cents)`
	);
}
process.exit(1);
