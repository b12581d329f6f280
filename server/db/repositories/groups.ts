import type { GroupSettings, PaymentMethod } from '../../../src/lib/domain';
import type { Queryable } from '../database';

export async function insertGroup(
	db: Queryable,
	g: { id: string; name: string; settings?: GroupSettings }
): Promise<void> {
	await db.query(
		`INSERT INTO groups (id, name, payment_methods, allow_negative_money_pot)
		 VALUES ($1, $2, coalesce($3::text[], ARRAY['cheque', 'cash', 'card_terminal', 'transfer']), coalesce($4, false))`,
		[g.id, g.name, g.settings?.paymentMethods ?? null, g.settings?.allowNegativeMoneyPot ?? null]
	);
}

export async function getSettings(
	db: Queryable,
	groupId: string
): Promise<GroupSettings | undefined> {
	const { rows } = await db.query<{ payment_methods: PaymentMethod[]; allow: boolean }>(
		`SELECT payment_methods, allow_negative_money_pot AS allow FROM groups WHERE id = $1`,
		[groupId]
	);
	const r = rows[0];
	return r && { paymentMethods: r.payment_methods, allowNegativeMoneyPot: r.allow };
}

export async function putSettings(db: Queryable, groupId: string, s: GroupSettings): Promise<void> {
	await db.query(
		`UPDATE groups SET payment_methods = $2::text[], allow_negative_money_pot = $3 WHERE id = $1`,
		[groupId, s.paymentMethods, s.allowNegativeMoneyPot]
	);
}

export interface MemberRow {
	id: string;
	name: string;
	email: string | null;
	role: 'coordinator' | 'helper' | 'member';
}

export async function insertMember(
	db: Queryable,
	m: {
		groupId: string;
		id: string;
		name: string;
		email?: string | null;
		role?: MemberRow['role'];
		userId?: string | null;
	}
): Promise<void> {
	await db.query(
		`INSERT INTO members (group_id, id, user_id, name, email, role) VALUES ($1, $2, $3, $4, $5, $6)`,
		[m.groupId, m.id, m.userId ?? null, m.name, m.email ?? null, m.role ?? 'member']
	);
	// Every account has its balance row from the start: orders lock it (money-pot rule).
	await db.query(
		`INSERT INTO member_balances (group_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
		[m.groupId, m.id]
	);
}

export async function listMembers(db: Queryable, groupId: string): Promise<MemberRow[]> {
	const { rows } = await db.query<MemberRow>(
		`SELECT id, name, email, role FROM members WHERE group_id = $1 ORDER BY name, id`,
		[groupId]
	);
	return rows;
}

export async function findMember(
	db: Queryable,
	groupId: string,
	memberId: string
): Promise<MemberRow | undefined> {
	const { rows } = await db.query<MemberRow>(
		`SELECT id, name, email, role FROM members WHERE group_id = $1 AND id = $2`,
		[groupId, memberId]
	);
	return rows[0];
}

export async function memberEmailTaken(db: Queryable, groupId: string, email: string) {
	const { rows } = await db.query(
		`SELECT 1 FROM members WHERE group_id = $1 AND lower(email) = lower($2)`,
		[groupId, email]
	);
	return rows.length > 0;
}
