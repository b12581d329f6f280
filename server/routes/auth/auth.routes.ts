import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { LoginBodySchema, type Me } from '../../../src/lib/domain/schemas';
import type { AppDeps, AppEnv } from '../../http/types';
import { DUMMY_HASH, verifyPassword } from '../../auth/password';
import type { Queryable } from '../../db/database';
import {
	createSession,
	deleteSession,
	MAX_FAILURES_PER_ADDRESS,
	MAX_FAILURES_PER_EMAIL,
	recentFailures,
	recordAttempt,
	SESSION_DAYS
} from '../../db/repositories/sessions';
import { findUserByEmail, membershipsOf } from '../../db/repositories/users';
import { requireUser, SESSION_COOKIE, type SessionUser } from '../../http/auth';
import { ApiError } from '../../http/errors';
import { jsonBody } from '../../http/validate';

function clientAddress(c: Context): string {
	try {
		return getConnInfo(c).remote.address ?? 'unknown';
	} catch {
		return 'unknown';
	}
}

function isHttps(c: Context): boolean {
	return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export async function meFor(db: Queryable, user: SessionUser): Promise<Me> {
	const groups = await membershipsOf(db, user.id);
	return { user: { id: user.id, name: user.name, email: user.email }, groups };
}

export function authRoutes({ db }: Pick<AppDeps, 'db'>) {
	return new Hono<AppEnv>()
		.post('/auth/login', async (c) => {
			const { email, password } = await jsonBody(c, LoginBodySchema);
			const address = clientAddress(c);
			const failures = await recentFailures(db, email, address);
			if (
				failures.byEmail >= MAX_FAILURES_PER_EMAIL ||
				failures.byAddress >= MAX_FAILURES_PER_ADDRESS
			) {
				c.header('Retry-After', '900');
				throw new ApiError(
					429,
					'TOO_MANY_ATTEMPTS',
					'Trop de tentatives de connexion. Réessayez dans 15 minutes.'
				);
			}
			const user = await findUserByEmail(db, email);
			// Compare against a dummy hash for unknown emails: same time either way.
			const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
			await recordAttempt(db, email, address, ok && !!user);
			if (!ok || !user) {
				throw new ApiError(401, 'BAD_CREDENTIALS', 'Adresse e-mail ou mot de passe incorrect.');
			}
			const token = await createSession(db, user.id);
			setCookie(c, SESSION_COOKIE, token, {
				httpOnly: true,
				sameSite: 'Lax',
				secure: isHttps(c),
				path: '/',
				maxAge: SESSION_DAYS * 24 * 3600
			});
			return c.json(await meFor(db, user));
		})
		.post('/auth/logout', async (c) => {
			requireUser(c);
			const token = c.get('sessionToken');
			if (token) await deleteSession(db, token);
			deleteCookie(c, SESSION_COOKIE, { path: '/' });
			return c.json({ ok: true });
		})
		.get('/me', async (c) => c.json(await meFor(db, requireUser(c))));
}
