import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	OperationSchema,
	validateSettings,
	type Balances,
	type GroupSettings,
	type MemberHistory
} from '../../src/lib/domain';
import type { Database } from '../../server/db/database';
import {
	markDistributionValidated,
	recordOperation,
	verifyBalances
} from '../../server/db/repositories/ledger';
import {
	addPlainMember,
	createTestDistribution,
	createTestGroup,
	type TestGroup
} from '../fixtures/factories';
import { testApp } from '../fixtures/test-app';
import { openTestDatabase, TEST_DB_KIND } from '../fixtures/test-db';

type ErrorBody = { error: { code: string; message: string } };
type Client = Awaited<ReturnType<ReturnType<typeof testApp>['signIn']>>;
type MemberOut = { id: string; name: string; email?: string; role: string };

const DEFAULT_SETTINGS: GroupSettings = {
	paymentMethods: ['cheque', 'cash', 'card_terminal', 'transfer'],
	allowNegativeMoneyPot: false
};

// 23:30 UTC on 9 March is already 10 March in Paris: the export is named after the local day.
const FIXED_NOW = new Date('2025-03-09T23:30:00Z');

function expectError(res: { status: number; body: unknown }, status: number, code?: string) {
	expect(res.status).toBe(status);
	const body = res.body as ErrorBody;
	expect(typeof body.error.message).toBe('string');
	expect(body.error.message.length).toBeGreaterThan(5);
	if (code) expect(body.error.code).toBe(code);
}

/** Records one operation through the real ledger, as a push would, and insists it is accepted. */
async function record(db: Database, raw: Record<string, unknown>, recordedBy: string | null) {
	const op = OperationSchema.parse({ deviceId: 'test-device', ...raw });
	const outcome = await db.transaction((tx) => recordOperation(tx, op, { recordedBy }));
	expect(outcome).toEqual({ status: 'accepted' });
	return op;
}

interface Ledger {
	g: TestGroup;
	d1: string;
	d2: string;
	formulaMemberId: string;
	quotedMemberId: string;
	accentMemberId: string;
	marcPaymentId: string;
}

const FORMULA_NAME = '=HYPERLINK("http://evil.example")';
const QUOTED_NAME = 'Dupont; "Jo"';
const ACCENT_NAME = 'Élodie Évrard';

/**
 * A group with a known ledger (amounts in cents):
 * - Marie: opening -1000, transfer +333 (recorded last, occurred second), order D1 -1670,
 *   cheque D1 +1670 (D1 validated), order D2 -1250, cash D2 +2000 (pending)
 *   → confirmed -1917, pending 2000, projected 83;
 * - Marc: cash D2 +1250, its correction -1250, cash D2 +1200, order D2 -1250
 *   → confirmed -1250, pending 1200, projected -50;
 * - Claire (coordinator): opening +500; the formula-named member: opening -1;
 * - Henri (helper), Dupont and Élodie: nothing.
 */
async function seedLedger(db: Database): Promise<Ledger> {
	const g = await createTestGroup(db);
	const by = g.coordinator.userId;
	const formulaMemberId = await addPlainMember(db, g.groupId, FORMULA_NAME);
	const quotedMemberId = await addPlainMember(db, g.groupId, QUOTED_NAME);
	const accentMemberId = await addPlainMember(db, g.groupId, ACCENT_NAME);
	const d1 = (await createTestDistribution(db, g.groupId, { date: '2025-01-10' })).id;
	const d2 = (await createTestDistribution(db, g.groupId, { date: '2025-01-17' })).id;
	const base = { groupId: g.groupId };
	const marie = { ...base, memberId: g.member.memberId };
	const marc = { ...base, memberId: g.member2.memberId };

	await record(
		db,
		{
			...marie,
			id: randomUUID(),
			kind: 'opening_balance',
			amountCents: -1000,
			occurredAt: '2025-01-05T09:00:00Z'
		},
		by
	);
	await record(
		db,
		{
			...marie,
			id: randomUUID(),
			kind: 'order',
			amountCents: -1670,
			distributionId: d1,
			occurredAt: '2025-01-10T17:00:00Z'
		},
		by
	);
	await record(
		db,
		{
			...marie,
			id: randomUUID(),
			kind: 'payment',
			amountCents: 1670,
			method: 'cheque',
			distributionId: d1,
			reference: { chequeNumber: '0001234', bank: 'Crédit Agricole' },
			// An offset, not Z: the order must follow the instant.
			occurredAt: '2025-01-10T18:05:00+01:00'
		},
		by
	);
	await db.transaction((tx) => markDistributionValidated(tx, g.groupId, d1, by));
	await record(
		db,
		{
			...marie,
			id: randomUUID(),
			kind: 'order',
			amountCents: -1250,
			distributionId: d2,
			occurredAt: '2025-01-17T17:00:00Z'
		},
		by
	);
	await record(
		db,
		{
			...marie,
			id: randomUUID(),
			kind: 'payment',
			amountCents: 2000,
			method: 'cash',
			distributionId: d2,
			occurredAt: '2025-01-17T17:05:00Z'
		},
		g.helper.userId
	);

	const marcPaymentId = randomUUID();
	await record(
		db,
		{
			...marc,
			id: marcPaymentId,
			kind: 'payment',
			amountCents: 1250,
			method: 'cash',
			distributionId: d2,
			occurredAt: '2025-01-17T17:10:00Z'
		},
		by
	);
	await record(
		db,
		{
			...marc,
			id: randomUUID(),
			kind: 'correction',
			amountCents: -1250,
			correctsId: marcPaymentId,
			reference: { label: 'Montant mal saisi' },
			occurredAt: '2025-01-17T17:11:00Z'
		},
		by
	);
	await record(
		db,
		{
			...marc,
			id: randomUUID(),
			kind: 'payment',
			amountCents: 1200,
			method: 'cash',
			distributionId: d2,
			occurredAt: '2025-01-17T17:12:00Z'
		},
		by
	);
	await record(
		db,
		{
			...marc,
			id: randomUUID(),
			kind: 'order',
			amountCents: -1250,
			distributionId: d2,
			occurredAt: '2025-01-17T17:13:00Z'
		},
		by
	);

	await record(
		db,
		{
			...base,
			memberId: g.coordinator.memberId,
			id: randomUUID(),
			kind: 'opening_balance',
			amountCents: 500,
			occurredAt: '2025-01-02T09:00:00Z'
		},
		null
	);
	await record(
		db,
		{
			...base,
			memberId: formulaMemberId,
			id: randomUUID(),
			kind: 'opening_balance',
			amountCents: -1,
			occurredAt: '2025-01-02T09:00:00Z'
		},
		by
	);
	// Recorded last, occurred before the first distribution: history follows occurrence.
	await record(
		db,
		{
			...marie,
			id: randomUUID(),
			kind: 'payment',
			amountCents: 333,
			method: 'transfer',
			reference: { label: 'VIR MARIE JANVIER' },
			occurredAt: '2025-01-08T09:00:00Z'
		},
		null
	);
	return { g, d1, d2, formulaMemberId, quotedMemberId, accentMemberId, marcPaymentId };
}

describe(`group routes (${TEST_DB_KIND})`, () => {
	let db: Database;
	let api: ReturnType<typeof testApp>;
	let g: TestGroup;
	let other: TestGroup;
	let coord: Client;
	let helper: Client;
	let member: Client;
	let otherCoord: Client;

	beforeAll(async () => {
		db = await openTestDatabase();
		api = testApp(db, { now: () => FIXED_NOW });
		g = await createTestGroup(db);
		other = await createTestGroup(db);
		coord = await api.signIn(g.coordinator.email, g.coordinator.password);
		helper = await api.signIn(g.helper.email, g.helper.password);
		member = await api.signIn(g.member.email, g.member.password);
		otherCoord = await api.signIn(other.coordinator.email, other.coordinator.password);
	});
	afterAll(async () => {
		await db.close();
	});

	describe('path ids', () => {
		it('answers 400 with the error shape for ids that are not lower-case UUIDs', async () => {
			const bad = ['not-a-uuid', g.groupId.toUpperCase(), '1', `${g.groupId}x`, "'; DROP TABLE"];
			for (const id of bad) {
				const path = encodeURIComponent(id);
				for (const res of [
					await coord.get(`/api/groups/${path}/settings`),
					await coord.put(`/api/groups/${path}/settings`, DEFAULT_SETTINGS),
					await coord.get(`/api/groups/${path}/members`),
					await coord.post(`/api/groups/${path}/members`, { name: 'X', email: 'x@test.example' }),
					await coord.get(`/api/groups/${path}/balances`),
					await coord.get(`/api/groups/${path}/members/${g.member.memberId}/operations`),
					await coord.get(`/api/groups/${g.groupId}/members/${path}/operations`)
				]) {
					expectError(res, 400, 'VALIDATION_FAILED');
				}
			}
		});

		it('answers 400, not 500, to a malformed percent-escape in a path', async () => {
			expectError(await coord.get('/api/groups/%E0%A4%A/settings'), 400, 'VALIDATION_FAILED');
			expectError(
				await coord.get(`/api/groups/${g.groupId}/members/%E0%A4%A/operations`),
				400,
				'VALIDATION_FAILED'
			);
		});

		it('answers 403 for a well-formed group id the caller is not in', async () => {
			const unknown = randomUUID();
			expectError(await coord.get(`/api/groups/${unknown}/settings`), 403, 'NOT_IN_GROUP');
			expectError(await coord.get(`/api/groups/${unknown}/balances`), 403, 'NOT_IN_GROUP');
		});
	});

	describe('settings', () => {
		it('lets every member of the group read the settings', async () => {
			for (const c of [coord, helper, member]) {
				const res = await c.get<GroupSettings>(`/api/groups/${g.groupId}/settings`);
				expect(res.status).toBe(200);
				expect(res.body).toEqual(DEFAULT_SETTINGS);
			}
		});

		it('refuses reading to the signed out (401) and to another group’s coordinator (403)', async () => {
			expectError(
				await api.anonymous.get(`/api/groups/${g.groupId}/settings`),
				401,
				'UNAUTHENTICATED'
			);
			expectError(await otherCoord.get(`/api/groups/${g.groupId}/settings`), 403, 'NOT_IN_GROUP');
		});

		it('lets the coordinator change them, and only the coordinator', async () => {
			const sg = await createTestGroup(db);
			const sCoord = await api.signIn(sg.coordinator.email, sg.coordinator.password);
			const sHelper = await api.signIn(sg.helper.email, sg.helper.password);
			const sMember = await api.signIn(sg.member.email, sg.member.password);
			const path = `/api/groups/${sg.groupId}/settings`;
			const next: GroupSettings = {
				paymentMethods: ['transfer', 'cash'],
				allowNegativeMoneyPot: true
			};

			expectError(await sHelper.put(path, next), 403, 'FORBIDDEN_ROLE');
			expectError(await sMember.put(path, next), 403, 'FORBIDDEN_ROLE');
			expectError(await api.anonymous.put(path, next), 401, 'UNAUTHENTICATED');
			expectError(await coord.put(path, next), 403, 'NOT_IN_GROUP');
			expect((await sMember.get(path)).body).toEqual(DEFAULT_SETTINGS);

			const put = await sCoord.put<GroupSettings>(path, next);
			expect(put.status).toBe(200);
			expect(put.body).toEqual(next);
			// Read back by a member: stored, order kept.
			expect((await sMember.get(path)).body).toEqual(next);

			const pot: GroupSettings = { paymentMethods: ['money_pot'], allowNegativeMoneyPot: false };
			expect((await sCoord.put(path, pot)).status).toBe(200);
			expect((await sHelper.get(path)).body).toEqual(pot);
		});

		it('refuses the money pot with any other method: 422 MONEY_POT_EXCLUSIVE, nothing stored', async () => {
			const path = `/api/groups/${g.groupId}/settings`;
			const mixed: GroupSettings = {
				paymentMethods: ['money_pot', 'cheque'],
				allowNegativeMoneyPot: true
			};
			const expected = validateSettings(mixed);
			expect(expected.ok).toBe(false);
			const res = await coord.put<ErrorBody>(path, mixed);
			expectError(res, 422, 'MONEY_POT_EXCLUSIVE');
			expect(res.body.error.message).toBe(expected.ok ? '' : expected.message);
			expect(res.body.error.message).toMatch(/cagnotte/);
			expectError(
				await coord.put(path, {
					paymentMethods: ['cash', 'money_pot'],
					allowNegativeMoneyPot: false
				}),
				422,
				'MONEY_POT_EXCLUSIVE'
			);
			expect((await coord.get(path)).body).toEqual(DEFAULT_SETTINGS);
		});

		it('answers the other rule breaks with 422 and their code', async () => {
			const path = `/api/groups/${g.groupId}/settings`;
			expectError(
				await coord.put(path, { paymentMethods: [], allowNegativeMoneyPot: false }),
				422,
				'NO_PAYMENT_METHOD'
			);
			expectError(
				await coord.put(path, { paymentMethods: ['cash', 'cash'], allowNegativeMoneyPot: false }),
				422,
				'DUPLICATE_PAYMENT_METHOD'
			);
			expect((await coord.get(path)).body).toEqual(DEFAULT_SETTINGS);
		});

		it('answers malformed bodies with 400', async () => {
			const path = `/api/groups/${g.groupId}/settings`;
			const bodies: unknown[] = [
				'{not json',
				[],
				{ paymentMethods: ['bitcoin'], allowNegativeMoneyPot: false },
				{ paymentMethods: ['cash'] },
				{ paymentMethods: 'cash', allowNegativeMoneyPot: false },
				{ paymentMethods: ['cash'], allowNegativeMoneyPot: 'yes' },
				{ paymentMethods: ['cash'], allowNegativeMoneyPot: false, extra: 1 },
				{ paymentMethods: Array(21).fill('cash'), allowNegativeMoneyPot: false }
			];
			for (const body of bodies) {
				const res = await coord.put<ErrorBody>(path, body);
				expect(res.status, JSON.stringify(body)).toBe(400);
				expect(res.body.error.code).toMatch(/^(INVALID_JSON|VALIDATION_FAILED)$/);
			}
			expect((await coord.get(path)).body).toEqual(DEFAULT_SETTINGS);
		});
	});

	describe('members', () => {
		it('lists every member with email and role for the coordinator', async () => {
			const res = await coord.get<{ members: MemberOut[] }>(`/api/groups/${g.groupId}/members`);
			expect(res.status).toBe(200);
			const byId = new Map(res.body.members.map((m) => [m.id, m]));
			for (const [p, role] of [
				[g.coordinator, 'coordinator'],
				[g.helper, 'helper'],
				[g.member, 'member'],
				[g.member2, 'member']
			] as const) {
				expect(byId.get(p.memberId)).toEqual({
					id: p.memberId,
					name: p.name,
					email: p.email,
					role
				});
			}
			// Nobody of the other group leaks in.
			expect(byId.has(other.member.memberId)).toBe(false);
		});

		it('gives a helper names and roles but no emails, and refuses members', async () => {
			const res = await helper.get<{ members: MemberOut[] }>(`/api/groups/${g.groupId}/members`);
			expect(res.status).toBe(200);
			expect(res.body.members.length).toBeGreaterThanOrEqual(4);
			expect(res.body.members.find((m) => m.id === g.member.memberId)).toEqual({
				id: g.member.memberId,
				name: g.member.name,
				role: 'member'
			});
			expect(res.text).not.toContain('@');
			expectError(await member.get(`/api/groups/${g.groupId}/members`), 403, 'FORBIDDEN_ROLE');
			expectError(await api.anonymous.get(`/api/groups/${g.groupId}/members`), 401);
			expectError(await otherCoord.get(`/api/groups/${g.groupId}/members`), 403, 'NOT_IN_GROUP');
		});

		it('adds a member (201), with a zero balance, listed afterwards', async () => {
			const email = `zoe.${randomUUID().slice(0, 8)}@test.example`;
			const res = await coord.post<MemberOut>(`/api/groups/${g.groupId}/members`, {
				name: '  Zoé Nouvelle  ',
				email
			});
			expect(res.status).toBe(201);
			expect(res.body).toEqual({ id: res.body.id, name: 'Zoé Nouvelle', email, role: 'member' });
			expect(res.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

			const list = await coord.get<{ members: MemberOut[] }>(`/api/groups/${g.groupId}/members`);
			expect(list.body.members).toContainEqual(res.body);
			const balances = await coord.get<Balances>(`/api/groups/${g.groupId}/balances`);
			expect(balances.body.members.find((m) => m.memberId === res.body.id)).toEqual({
				memberId: res.body.id,
				name: 'Zoé Nouvelle',
				balanceCents: 0,
				pendingCents: 0,
				projectedCents: 0
			});
			expect(await verifyBalances(db, g.groupId)).toEqual([]);
		});

		it('refuses an email already used in the group (any case) with 409', async () => {
			const res = await coord.post<ErrorBody>(`/api/groups/${g.groupId}/members`, {
				name: 'Double',
				email: g.member.email.toUpperCase()
			});
			expectError(res, 409, 'MEMBER_EMAIL_TAKEN');
			expect(res.body.error.message).toContain('déjà');
			// The same email is fine in another group: one person, one account per group.
			const elsewhere = await otherCoord.post<MemberOut>(`/api/groups/${other.groupId}/members`, {
				name: 'Marie ailleurs',
				email: g.member.email
			});
			expect(elsewhere.status).toBe(201);
		});

		it('adds exactly one member when the same email is sent twice at once', async () => {
			const email = `twice.${randomUUID().slice(0, 8)}@test.example`;
			const path = `/api/groups/${g.groupId}/members`;
			const results = await Promise.all([
				coord.post(path, { name: 'Une', email }),
				coord.post(path, { name: 'Deux', email })
			]);
			expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
			const list = await coord.get<{ members: MemberOut[] }>(path);
			expect(list.body.members.filter((m) => m.email === email)).toHaveLength(1);
		});

		it('lets only the coordinator add members', async () => {
			const path = `/api/groups/${g.groupId}/members`;
			const body = { name: 'Intrus', email: `intrus.${randomUUID().slice(0, 8)}@test.example` };
			expectError(await helper.post(path, body), 403, 'FORBIDDEN_ROLE');
			expectError(await member.post(path, body), 403, 'FORBIDDEN_ROLE');
			expectError(await api.anonymous.post(path, body), 401, 'UNAUTHENTICATED');
			expectError(await otherCoord.post(path, body), 403, 'NOT_IN_GROUP');
			const list = await coord.get<{ members: MemberOut[] }>(path);
			expect(list.body.members.some((m) => m.name === 'Intrus')).toBe(false);
		});

		it('answers malformed member bodies with 400', async () => {
			const path = `/api/groups/${g.groupId}/members`;
			for (const body of [
				'{"name":',
				{ name: 'Sans e-mail' },
				{ email: 'sans.nom@test.example' },
				{ name: '   ', email: 'vide@test.example' },
				{ name: 'Mauvais', email: 'pas-une-adresse' },
				{ name: 'x'.repeat(201), email: 'long@test.example' },
				{ name: 'Rôle', email: 'role@test.example', role: 'coordinator' },
				{ name: 42, email: 'n@test.example' }
			]) {
				const res = await coord.post<ErrorBody>(path, body);
				expect(res.status, JSON.stringify(body)).toBe(400);
				expect(res.body.error.code).toMatch(/^(INVALID_JSON|VALIDATION_FAILED)$/);
			}
		});
	});

	describe('balances and history', () => {
		let L: Ledger;
		let lCoord: Client;
		let lHelper: Client;
		let lMarie: Client;
		let lMarc: Client;
		const names = () => ({
			claire: L.g.coordinator.name,
			henri: L.g.helper.name,
			marie: L.g.member.name,
			marc: L.g.member2.name
		});

		beforeAll(async () => {
			L = await seedLedger(db);
			lCoord = await api.signIn(L.g.coordinator.email, L.g.coordinator.password);
			lHelper = await api.signIn(L.g.helper.email, L.g.helper.password);
			lMarie = await api.signIn(L.g.member.email, L.g.member.password);
			lMarc = await api.signIn(L.g.member2.email, L.g.member2.password);
		});

		it('keeps balances that match a recomputation from the operations', async () => {
			expect(await verifyBalances(db, L.g.groupId)).toEqual([]);
		});

		it('gives confirmed, pending and projected balances and totals exact to the cent', async () => {
			const res = await lCoord.get<Balances>(`/api/groups/${L.g.groupId}/balances`);
			expect(res.status).toBe(200);
			expect(res.headers.get('cache-control')).toBe('no-store');
			const n = names();
			// Sorted by name the French way: accents and punctuation do not push É after Z.
			expect(res.body.members).toEqual([
				{
					memberId: L.formulaMemberId,
					name: FORMULA_NAME,
					balanceCents: -1,
					pendingCents: 0,
					projectedCents: -1
				},
				{
					memberId: L.g.coordinator.memberId,
					name: n.claire,
					balanceCents: 500,
					pendingCents: 0,
					projectedCents: 500
				},
				{
					memberId: L.quotedMemberId,
					name: QUOTED_NAME,
					balanceCents: 0,
					pendingCents: 0,
					projectedCents: 0
				},
				{
					memberId: L.accentMemberId,
					name: ACCENT_NAME,
					balanceCents: 0,
					pendingCents: 0,
					projectedCents: 0
				},
				{
					memberId: L.g.helper.memberId,
					name: n.henri,
					balanceCents: 0,
					pendingCents: 0,
					projectedCents: 0
				},
				{
					memberId: L.g.member2.memberId,
					name: n.marc,
					balanceCents: -1250,
					pendingCents: 1200,
					projectedCents: -50
				},
				{
					memberId: L.g.member.memberId,
					name: n.marie,
					balanceCents: -1917,
					pendingCents: 2000,
					projectedCents: 83
				}
			]);
			expect(res.body.totals).toEqual({
				balanceCents: -2668,
				pendingCents: 3200,
				projectedCents: 532,
				debtCents: -3168,
				creditCents: 500
			});
		});

		it('sorts by balance, largest debt first, ties by name', async () => {
			const res = await lCoord.get<Balances>(`/api/groups/${L.g.groupId}/balances?sort=balance`);
			expect(res.status).toBe(200);
			expect(res.body.members.map((m) => m.memberId)).toEqual([
				L.g.member.memberId,
				L.g.member2.memberId,
				L.formulaMemberId,
				L.quotedMemberId,
				L.accentMemberId,
				L.g.helper.memberId,
				L.g.coordinator.memberId
			]);
		});

		it('filters debtors, creditors and settled accounts, with the totals of what is shown', async () => {
			const path = `/api/groups/${L.g.groupId}/balances`;
			const debtors = await lCoord.get<Balances>(`${path}?filter=debtors&sort=balance`);
			expect(debtors.status).toBe(200);
			expect(debtors.body.members.map((m) => m.memberId)).toEqual([
				L.g.member.memberId,
				L.g.member2.memberId,
				L.formulaMemberId
			]);
			expect(debtors.body.totals).toEqual({
				balanceCents: -3168,
				pendingCents: 3200,
				projectedCents: 32,
				debtCents: -3168,
				creditCents: 0
			});

			const creditors = await lCoord.get<Balances>(`${path}?filter=creditors`);
			expect(creditors.body.members.map((m) => m.memberId)).toEqual([L.g.coordinator.memberId]);
			expect(creditors.body.totals.creditCents).toBe(500);

			const settled = await lCoord.get<Balances>(`${path}?filter=settled`);
			expect(settled.body.members.map((m) => m.memberId)).toEqual([
				L.quotedMemberId,
				L.accentMemberId,
				L.g.helper.memberId
			]);
			expect(settled.body.totals).toEqual({
				balanceCents: 0,
				pendingCents: 0,
				projectedCents: 0,
				debtCents: 0,
				creditCents: 0
			});
		});

		it('answers unknown filter, sort or format values with 400', async () => {
			const path = `/api/groups/${L.g.groupId}/balances`;
			for (const q of ['filter=all', 'filter=', 'sort=email', 'sort=BALANCE', 'format=xlsx']) {
				const res = await lCoord.get<ErrorBody>(`${path}?${q}`);
				expectError(res, 400, 'VALIDATION_FAILED');
			}
		});

		it('shows balances to the coordinator only', async () => {
			for (const q of ['', '?format=csv']) {
				const path = `/api/groups/${L.g.groupId}/balances${q}`;
				expectError(await lHelper.get(path), 403, 'FORBIDDEN_ROLE');
				expectError(await lMarie.get(path), 403, 'FORBIDDEN_ROLE');
				expectError(await api.anonymous.get(path), 401, 'UNAUTHENTICATED');
				expectError(await coord.get(path), 403, 'NOT_IN_GROUP');
			}
		});

		it('exports a CSV for French spreadsheets: BOM, semicolons, comma decimals, totals', async () => {
			const res = await api.app.request(
				`http://localhost/api/groups/${L.g.groupId}/balances?format=csv`,
				{ headers: { cookie: lCoord.cookie } }
			);
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
			expect(res.headers.get('content-disposition')).toBe(
				'attachment; filename="soldes-2025-03-10.csv"'
			);
			const bytes = new Uint8Array(await res.arrayBuffer());
			expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
			expect(text.startsWith('\uFEFF')).toBe(true);
			const emails = new Map(
				(
					await db.query<{ id: string; email: string }>(
						'SELECT id, email FROM members WHERE group_id = $1',
						[L.g.groupId]
					)
				).rows.map((r) => [r.id, r.email])
			);
			const n = names();
			expect(text.slice(1).split('\r\n')).toEqual([
				'Adhérent;E-mail;Solde;En attente;Solde projeté',
				// Formula neutralized by an apostrophe, then quoted for its inner quotes.
				`"'=HYPERLINK(""http://evil.example"")";${emails.get(L.formulaMemberId)};-0,01;0,00;-0,01`,
				`${n.claire};${L.g.coordinator.email};5,00;0,00;5,00`,
				`"Dupont; ""Jo""";${emails.get(L.quotedMemberId)};0,00;0,00;0,00`,
				`${ACCENT_NAME};${emails.get(L.accentMemberId)};0,00;0,00;0,00`,
				`${n.henri};${L.g.helper.email};0,00;0,00;0,00`,
				`${n.marc};${L.g.member2.email};-12,50;12,00;-0,50`,
				`${n.marie};${L.g.member.email};-19,17;20,00;0,83`,
				'Total;;-26,68;32,00;5,32',
				''
			]);
		});

		it('applies filter and sort to the CSV too', async () => {
			const res = await lCoord.get(
				`/api/groups/${L.g.groupId}/balances?format=csv&filter=debtors&sort=balance`
			);
			expect(res.status).toBe(200);
			const lines = res.text.split('\r\n');
			expect(lines.map((l) => l.split(';')[0])).toEqual([
				'Adhérent',
				names().marie,
				names().marc,
				`"'=HYPERLINK(""http://evil.example"")"`,
				'Total',
				''
			]);
			expect(lines[4]).toBe('Total;;-31,68;32,00;0,32');
		});

		it('gives a member their own history in occurrence order with the running balance', async () => {
			const res = await lMarie.get<MemberHistory>(
				`/api/groups/${L.g.groupId}/members/${L.g.member.memberId}/operations`
			);
			expect(res.status).toBe(200);
			expect(res.body.memberId).toBe(L.g.member.memberId);
			expect([res.body.confirmedCents, res.body.pendingCents, res.body.projectedCents]).toEqual([
				-1917, 2000, 83
			]);
			expect(
				res.body.entries.map((e) => [
					e.kind,
					e.amountCents,
					e.runningCents,
					e.pending,
					e.occurredAt
				])
			).toEqual([
				['opening_balance', -1000, -1000, false, '2025-01-05T09:00:00.000Z'],
				['payment', 333, -667, false, '2025-01-08T09:00:00.000Z'],
				['order', -1670, -2337, false, '2025-01-10T17:00:00.000Z'],
				['payment', 1670, -667, false, '2025-01-10T17:05:00.000Z'],
				['order', -1250, -1917, false, '2025-01-17T17:00:00.000Z'],
				['payment', 2000, 83, true, '2025-01-17T17:05:00.000Z']
			]);
			const [opening, transfer, , cheque, , cash] = res.body.entries;
			expect(cheque).toMatchObject({
				method: 'cheque',
				distributionId: L.d1,
				reference: { chequeNumber: '0001234', bank: 'Crédit Agricole' },
				deviceId: 'test-device',
				groupId: L.g.groupId,
				memberId: L.g.member.memberId,
				recordedBy: L.g.coordinator.name
			});
			expect(cash?.recordedBy).toBe(L.g.helper.name);
			expect(cash?.distributionId).toBe(L.d2);
			// Server-made (no recorder): the key is absent, not null.
			expect(transfer && 'recordedBy' in transfer).toBe(false);
			expect(transfer?.reference).toEqual({ label: 'VIR MARIE JANVIER' });
			expect(Date.parse(opening?.receivedAt ?? '')).not.toBeNaN();
		});

		it('makes a correction of a pending payment pending too, and agrees with the overview', async () => {
			const path = `/api/groups/${L.g.groupId}/members/${L.g.member2.memberId}/operations`;
			const res = await lMarc.get<MemberHistory>(path);
			expect(res.status).toBe(200);
			expect(res.body.entries.map((e) => [e.kind, e.runningCents, e.pending])).toEqual([
				['payment', 1250, true],
				['correction', 0, true],
				['payment', 1200, true],
				['order', -50, false]
			]);
			expect(res.body.entries[1]?.correctsId).toBe(L.marcPaymentId);
			const overview = await lCoord.get<Balances>(`/api/groups/${L.g.groupId}/balances`);
			const row = overview.body.members.find((m) => m.memberId === L.g.member2.memberId);
			expect(row).toEqual({
				memberId: L.g.member2.memberId,
				name: names().marc,
				balanceCents: res.body.confirmedCents,
				pendingCents: res.body.pendingCents,
				projectedCents: res.body.projectedCents
			});
			// The coordinator reads the same history.
			expect((await lCoord.get(path)).body).toEqual(res.body);
		});

		it('lets a helper read their own (empty) history but nobody else’s', async () => {
			const own = await lHelper.get<MemberHistory>(
				`/api/groups/${L.g.groupId}/members/${L.g.helper.memberId}/operations`
			);
			expect(own.status).toBe(200);
			expect(own.body).toEqual({
				memberId: L.g.helper.memberId,
				confirmedCents: 0,
				pendingCents: 0,
				projectedCents: 0,
				entries: []
			});
			const marie = `/api/groups/${L.g.groupId}/members/${L.g.member.memberId}/operations`;
			expectError(await lHelper.get(marie), 403, 'FORBIDDEN_MEMBER');
			expectError(await lMarc.get(marie), 403, 'FORBIDDEN_MEMBER');
			expectError(await api.anonymous.get(marie), 401, 'UNAUTHENTICATED');
			expectError(await coord.get(marie), 403, 'NOT_IN_GROUP');
		});

		it('answers 404 for an unknown member, but 403 to a member probing ids', async () => {
			const unknown = `/api/groups/${L.g.groupId}/members/${randomUUID()}/operations`;
			expectError(await lCoord.get(unknown), 404, 'MEMBER_NOT_FOUND');
			expectError(await lMarie.get(unknown), 403, 'FORBIDDEN_MEMBER');
			// A member of another group is unknown here, even to this group's coordinator.
			expectError(
				await lCoord.get(`/api/groups/${L.g.groupId}/members/${g.member.memberId}/operations`),
				404,
				'MEMBER_NOT_FOUND'
			);
		});

		it('moves pending payments to confirmed once their distribution is validated', async () => {
			const v = await seedLedger(db);
			const vCoord = await api.signIn(v.g.coordinator.email, v.g.coordinator.password);
			await db.transaction((tx) =>
				markDistributionValidated(tx, v.g.groupId, v.d2, v.g.coordinator.userId)
			);
			const history = await vCoord.get<MemberHistory>(
				`/api/groups/${v.g.groupId}/members/${v.g.member2.memberId}/operations`
			);
			expect([
				history.body.confirmedCents,
				history.body.pendingCents,
				history.body.projectedCents
			]).toEqual([-50, 0, -50]);
			expect(history.body.entries.every((e) => !e.pending)).toBe(true);
			const overview = await vCoord.get<Balances>(
				`/api/groups/${v.g.groupId}/balances?sort=balance`
			);
			expect(overview.body.members.slice(0, 3).map((m) => [m.memberId, m.balanceCents])).toEqual([
				[v.g.member2.memberId, -50],
				[v.formulaMemberId, -1],
				[v.quotedMemberId, 0]
			]);
			// Marie's 20,00 € in cash is confirmed now: -19,17 + 20,00.
			expect(overview.body.members.find((m) => m.memberId === v.g.member.memberId)).toMatchObject({
				balanceCents: 83,
				pendingCents: 0,
				projectedCents: 83
			});
			expect(overview.body.totals).toEqual({
				balanceCents: 532,
				pendingCents: 0,
				projectedCents: 532,
				debtCents: -51,
				creditCents: 583
			});
			expect(await verifyBalances(db, v.g.groupId)).toEqual([]);
		});
	});

	describe('at scale', () => {
		it('lists thousands of members with large amounts, totals exact', async () => {
			const big = await createTestGroup(db);
			const bCoord = await api.signIn(big.coordinator.email, big.coordinator.password);
			const count = 3000;
			// Bulk rows straight in SQL: the factories would take minutes for this many.
			await db.query(
				`WITH ins AS (
				   INSERT INTO members (group_id, id, name, email, role)
				   SELECT $1, gen_random_uuid(), 'Adhérent ' || lpad(i::text, 5, '0'),
				          'a' || i || '@scale.example', 'member'
				     FROM generate_series(1, $2::int) AS i
				   RETURNING id, name)
				 INSERT INTO member_balances (group_id, member_id, total_cents, pending_cents)
				 SELECT $1, id,
				        -- Alternating ±(10^12 + i) cents, beyond 32 bits and float-of-euros exactness.
				        CASE WHEN substr(name, 10)::int % 2 = 0 THEN 1 ELSE -1 END
				          * (1000000000000 + substr(name, 10)::bigint),
				        substr(name, 10)::bigint
				   FROM ins`,
				[big.groupId, count]
			);
			const res = await bCoord.get<Balances>(`/api/groups/${big.groupId}/balances?sort=balance`);
			expect(res.status).toBe(200);
			expect(res.body.members).toHaveLength(count + 4);
			// Expected sums with BigInt, independent of the server's arithmetic.
			let projected = 0n;
			let pending = 0n;
			let debt = 0n;
			let credit = 0n;
			for (let i = 1; i <= count; i++) {
				const total = (i % 2 === 0 ? 1n : -1n) * (1_000_000_000_000n + BigInt(i));
				const balance = total - BigInt(i);
				projected += total;
				pending += BigInt(i);
				if (balance < 0n) debt += balance;
				if (balance > 0n) credit += balance;
			}
			expect(res.body.totals).toEqual({
				balanceCents: Number(projected - pending),
				pendingCents: Number(pending),
				projectedCents: Number(projected),
				debtCents: Number(debt),
				creditCents: Number(credit)
			});
			const first = res.body.members[0];
			expect(first?.name).toBe('Adhérent 02999');
			expect(first?.projectedCents).toBe(-1_000_000_002_999);
			expect(first?.balanceCents).toBe(-1_000_000_002_999 - 2999);
		});
	});
});
