import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { MAX_FAILURES_PER_EMAIL } from '../../server/db/repositories/sessions';
import { createTestGroup, type TestGroup } from '../fixtures/factories';
import { testApp } from '../fixtures/test-app';
import { openTestDatabase, TEST_DB_KIND } from '../fixtures/test-db';

type ErrorBody = { error: { code: string; message: string } };

describe(`auth (${TEST_DB_KIND})`, () => {
	let db: Database;
	let g: TestGroup;
	let api: ReturnType<typeof testApp>;
	beforeAll(async () => {
		db = await openTestDatabase();
		g = await createTestGroup(db);
		api = testApp(db);
	});
	afterAll(async () => {
		await db.close();
	});

	it('signs in with an HttpOnly, SameSite=Lax cookie and returns /me', async () => {
		const res = await api.anonymous.post<{ user: { email: string }; groups: unknown[] }>(
			'/api/auth/login',
			{ email: g.member.email.toUpperCase(), password: g.member.password }
		);
		expect(res.status).toBe(200);
		const cookie = res.headers.get('set-cookie') ?? '';
		expect(cookie).toMatch(/^amap_session=[\w-]{40,};/);
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).not.toMatch(/Secure/i);
		expect(res.body.user.email).toBe(g.member.email);
		expect(res.body.groups).toEqual([
			{ groupId: g.groupId, name: g.name, role: 'member', memberId: g.member.memberId }
		]);
	});

	it('marks the cookie Secure under https', async () => {
		const res = await api.anonymous.post(
			'/api/auth/login',
			{ email: g.helper.email, password: g.helper.password },
			{ 'x-forwarded-proto': 'https' }
		);
		expect(res.status).toBe(200);
		expect(res.headers.get('set-cookie')).toMatch(/Secure/i);
	});

	it('GET /api/me needs a session, and returns the role per group', async () => {
		expect((await api.anonymous.get<ErrorBody>('/api/me')).status).toBe(401);
		const coord = await api.signIn(g.coordinator.email, g.coordinator.password);
		const me = await coord.get<{ user: { id: string }; groups: { role: string }[] }>('/api/me');
		expect(me.status).toBe(200);
		expect(me.body.user.id).toBe(g.coordinator.userId);
		expect(me.body.groups[0]?.role).toBe('coordinator');
	});

	it('refuses a wrong password or an unknown email with the same 401', async () => {
		const wrong = await api.anonymous.post<ErrorBody>('/api/auth/login', {
			email: g.member2.email,
			password: 'nope-nope'
		});
		const unknown = await api.anonymous.post<ErrorBody>('/api/auth/login', {
			email: 'nobody@test.example',
			password: 'nope-nope'
		});
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		expect(wrong.body.error.message).toBe(unknown.body.error.message);
	});

	it('answers bad login bodies with 400 and the error shape', async () => {
		for (const body of ['{not json', { email: 'x' }, { email: 'a@b.fr', password: 3 }, []]) {
			const res = await api.anonymous.post<ErrorBody>('/api/auth/login', body);
			expect(res.status).toBe(400);
			expect(res.body.error.code).toMatch(/INVALID_JSON|VALIDATION_FAILED/);
			expect(res.body.error.message.length).toBeGreaterThan(5);
		}
	});

	it('logout ends the session', async () => {
		const s = await api.signIn(g.member2.email, g.member2.password);
		expect((await s.get('/api/me')).status).toBe(200);
		const out = await s.post('/api/auth/logout');
		expect(out.status).toBe(200);
		expect(out.headers.get('set-cookie')).toMatch(/amap_session=;/);
		expect((await s.get('/api/me')).status).toBe(401);
	});

	it('rate-limits failed logins per email', async () => {
		const other = await createTestGroup(db);
		for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
			const r = await api.anonymous.post('/api/auth/login', {
				email: other.member.email,
				password: `wrong-${i}`
			});
			expect(r.status).toBe(401);
		}
		// Even the right password is refused while the window lasts.
		const blocked = await api.anonymous.post<ErrorBody>('/api/auth/login', {
			email: other.member.email,
			password: other.member.password
		});
		expect(blocked.status).toBe(429);
		expect(blocked.headers.get('retry-after')).toBe('900');
		expect(blocked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
	});

	it('refuses cookie-authenticated writes from another site (CSRF)', async () => {
		const s = await api.signIn(g.coordinator.email, g.coordinator.password);
		const cross = await s.post<ErrorBody>(
			'/api/auth/logout',
			{},
			{ origin: 'https://evil.example' }
		);
		expect(cross.status).toBe(403);
		expect(cross.body.error.code).toBe('CROSS_SITE_REQUEST');
		const fetchSite = await s.post('/api/auth/logout', {}, { 'sec-fetch-site': 'cross-site' });
		expect(fetchSite.status).toBe(403);
		expect((await s.get('/api/me')).status).toBe(200);
		const same = await s.post('/api/auth/logout', {}, { origin: 'http://localhost' });
		expect(same.status).toBe(200);
	});
});
