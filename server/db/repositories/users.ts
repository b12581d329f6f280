import type { Queryable } from '../database';

export interface UserRow {
	id: string;
	email: string;
	name: string;
	password_hash: string;
}

export interface Membership {
	groupId: string;
	name: string;
	role: 'coordinator' | 'helper' | 'member';
	memberId: string;
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
	const { rows } = await db.query<UserRow>(
		'SELECT id, email, name, password_hash FROM users WHERE lower(email) = lower($1)',
		[email]
	);
	return rows[0];
}

export async function insertUser(
	db: Queryable,
	u: { id: string; email: string; name: string; passwordHash: string }
): Promise<void> {
	await db.query('INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)', [
		u.id,
		u.email,
		u.name,
		u.passwordHash
	]);
}

export async function membershipsOf(db: Queryable, userId: string): Promise<Membership[]> {
	const { rows } = await db.query<Membership>(
		`SELECT m.group_id AS "groupId", g.name, m.role, m.id AS "memberId"
		   FROM members m JOIN groups g ON g.id = m.group_id
		  WHERE m.user_id = $1
		  ORDER BY g.name, m.group_id`,
		[userId]
	);
	return rows;
}

export async function membershipIn(
	db: Queryable,
	userId: string,
	groupId: string
): Promise<Membership | undefined> {
	const { rows } = await db.query<Membership>(
		`SELECT m.group_id AS "groupId", g.name, m.role, m.id AS "memberId"
		   FROM members m JOIN groups g ON g.id = m.group_id
		  WHERE m.user_id = $1 AND m.group_id = $2`,
		[userId, groupId]
	);
	return rows[0];
}
