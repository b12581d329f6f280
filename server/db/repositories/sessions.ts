import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../database';

export const SESSION_DAYS = 30;

/** The cookie holds a random token; the database only its SHA-256, so a leaked table opens nothing. */
function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('base64url');
}

export async function createSession(db: Queryable, userId: string): Promise<string> {
	const token = randomBytes(32).toString('base64url');
	await db.query(
		`INSERT INTO sessions (token_hash, user_id, expires_at)
		 VALUES ($1, $2, now() + make_interval(days => $3))`,
		[hashToken(token), userId, SESSION_DAYS]
	);
	return token;
}

export async function userForSession(
	db: Queryable,
	token: string
): Promise<{ id: string; name: string; email: string } | undefined> {
	const { rows } = await db.query<{ id: string; name: string; email: string }>(
		`SELECT u.id, u.name, u.email
		   FROM sessions s JOIN users u ON u.id = s.user_id
		  WHERE s.token_hash = $1 AND s.expires_at > now()`,
		[hashToken(token)]
	);
	return rows[0];
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
	await db.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
}

export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;

/** Failed attempts in the window, per email and per address (kept in the database: no server state). */
export async function recentFailures(
	db: Queryable,
	email: string,
	address: string
): Promise<{ byEmail: number; byAddress: number }> {
	const { rows } = await db.query<{ by_email: number; by_address: number }>(
		`SELECT
		   count(*) FILTER (WHERE lower(email) = lower($1))::bigint AS by_email,
		   count(*) FILTER (WHERE address = $2)::bigint AS by_address
		 FROM login_attempts
		 WHERE NOT succeeded AND at > now() - make_interval(mins => $3)
		   AND (lower(email) = lower($1) OR address = $2)`,
		[email, address, LOGIN_WINDOW_MINUTES]
	);
	return { byEmail: rows[0]?.by_email ?? 0, byAddress: rows[0]?.by_address ?? 0 };
}

export async function recordAttempt(
	db: Queryable,
	email: string,
	address: string,
	succeeded: boolean
): Promise<void> {
	await db.query('INSERT INTO login_attempts (email, address, succeeded) VALUES ($1, $2, $3)', [
		email.slice(0, 320),
		address,
		succeeded
	]);
}
