/**
 * Sessions, roles and the CSRF defence.
 *
 * CSRF: cookie-authenticated writes are refused when the browser says the request comes from
 * another site: an `Origin` header whose host differs from the request's `Host`, or
 * `Sec-Fetch-Site: cross-site`. Browsers send `Origin` on every cross-site POST/PUT, so a
 * forged form or fetch from elsewhere never reaches a handler; non-browser clients (curl,
 * scripts) send no Origin and are unaffected. The cookie is also SameSite=Lax.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Database } from '../db/database';
import { membershipIn, type Membership } from '../db/repositories/users';
import { userForSession } from '../db/repositories/sessions';
import { ApiError } from './errors';
import type { AppEnv, AuthVariables, SessionUser } from './types';

export type { AuthVariables, SessionUser };

export const SESSION_COOKIE = 'amap_session';

export type Role = Membership['role'];

/** Loads the signed-in user, if any, into `c.var.user`. Never refuses by itself. */
export function sessionMiddleware(db: Database): MiddlewareHandler<{ Variables: AuthVariables }> {
	return async (c, next) => {
		const token = getCookie(c, SESSION_COOKIE);
		if (token && token.length <= 128) {
			const user = await userForSession(db, token);
			if (user) {
				c.set('user', user);
				c.set('sessionToken', token);
			}
		}
		await next();
	};
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const csrfGuard: MiddlewareHandler = async (c, next) => {
	if (UNSAFE.has(c.req.method)) {
		const origin = c.req.header('origin');
		const host =
			c.req.header('x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host;
		let crossOrigin = c.req.header('sec-fetch-site') === 'cross-site';
		if (origin && origin !== 'null') {
			try {
				crossOrigin ||= new URL(origin).host !== host;
			} catch {
				crossOrigin = true;
			}
		} else if (origin === 'null') {
			crossOrigin = true;
		}
		if (crossOrigin) {
			throw new ApiError(
				403,
				'CROSS_SITE_REQUEST',
				'Requête refusée : elle vient d’un autre site que celui de l’application.'
			);
		}
	}
	await next();
};

/** The signed-in user, or a 401. */
export function requireUser(c: Context<AppEnv>): SessionUser {
	const user = c.get('user');
	if (!user) throw new ApiError(401, 'UNAUTHENTICATED', 'Connectez-vous pour continuer.');
	return user;
}

export const ROLE_LABELS: Record<Role, string> = {
	coordinator: 'coordinateur',
	helper: 'bénévole de distribution',
	member: 'adhérent'
};

/**
 * The caller's membership in the group, or a 403 when they are not in it or their role is not
 * among `roles`. Every group route calls this before touching data.
 */
export async function requireRole(
	c: Context<AppEnv>,
	db: Database,
	groupId: string,
	roles: readonly Role[] = ['coordinator', 'helper', 'member']
): Promise<Membership & { user: SessionUser }> {
	const user = requireUser(c);
	const m = await membershipIn(db, user.id, groupId);
	if (!m) throw new ApiError(403, 'NOT_IN_GROUP', 'Vous ne faites pas partie de ce groupe.');
	if (!roles.includes(m.role)) {
		const allowed = roles.map((r) => ROLE_LABELS[r]).join(' ou ');
		throw new ApiError(403, 'FORBIDDEN_ROLE', `Action réservée au rôle ${allowed}.`);
	}
	return { ...m, user };
}
