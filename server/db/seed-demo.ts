/**
 * The demo group "AMAP des Tilleuls": ~30 members, past distributions (the older ones
 * validated), today's distribution with baskets, members in debt, in credit and settled.
 * Created by `npm start` on an empty database, never in production. Deterministic: the same
 * names and amounts every time, dates relative to `today`.
 */
import { createHash } from 'node:crypto';
import { cents, type LedgerOperation, type OrderLine } from '../../src/lib/domain';
import { hashPassword } from '../auth/password';
import type { Database, Queryable } from './database';
import { insertDistribution } from './repositories/distributions';
import { insertGroup, insertMember } from './repositories/groups';
import { markDistributionValidated, recordOperation } from './repositories/ledger';
import { insertOrder } from './repositories/orders';
import { insertUser } from './repositories/users';

export const DEMO_GROUP_ID = '7d1f0a2e-3c4b-4e5f-8a9b-0c1d2e3f4a5b';
export const DEMO_LOGINS = [
	{ email: 'coord@demo.test', password: 'demo-coord', role: 'coordinator', name: 'Claire Martin' },
	{ email: 'aide@demo.test', password: 'demo-aide', role: 'helper', name: 'Julien Bernard' },
	{ email: 'membre@demo.test', password: 'demo-membre', role: 'member', name: 'Sophie Dubois' }
] as const;

const OTHER_MEMBERS = [
	'Camille Petit',
	'Lucas Durand',
	'Emma Leroy',
	'Hugo Moreau',
	'Léa Simon',
	'Louis Laurent',
	'Chloé Lefebvre',
	'Gabriel Michel',
	'Manon Garcia',
	'Arthur David',
	'Inès Bertrand',
	'Jules Roux',
	'Jade Vincent',
	'Raphaël Fournier',
	'Louise Morel',
	'Adam Girard',
	'Alice André',
	'Nathan Mercier',
	'Zoé Dupont',
	'Théo Lambert',
	'Lina Bonnet',
	'Tom François',
	'Rose Martinez',
	'Paul Legrand',
	'Anna Garnier',
	'Victor Faure',
	'Mila Rousseau'
];

const PRODUCTS = [
	{ name: 'Panier de légumes (petit)', unitPriceCents: 1250 },
	{ name: 'Panier de légumes (grand)', unitPriceCents: 1900 },
	{ name: 'Œufs bio (douzaine)', unitPriceCents: 420 },
	{ name: 'Pain de campagne 1 kg', unitPriceCents: 550 },
	{ name: 'Fromage de chèvre', unitPriceCents: 380 },
	{ name: 'Pommes (2 kg)', unitPriceCents: 590 },
	{ name: 'Poulet fermier (1,8 kg)', unitPriceCents: 2160 }
];

/** A stable UUID (v4 layout) from a label, so reseeding names the same rows. */
function uuidFrom(label: string): string {
	const h = createHash('sha256').update(`demo:${label}`).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function addDays(isoDate: string, days: number): string {
	const d = new Date(`${isoDate}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export async function demoExists(db: Queryable): Promise<boolean> {
	const { rows } = await db.query('SELECT 1 FROM groups WHERE id = $1', [DEMO_GROUP_ID]);
	return rows.length > 0;
}

export async function databaseIsEmpty(db: Queryable): Promise<boolean> {
	const { rows } = await db.query('SELECT 1 FROM groups UNION ALL SELECT 1 FROM users LIMIT 1');
	return rows.length === 0;
}

/** Creates the demo group; `today` is YYYY-MM-DD (the server's local date). */
export async function seedDemo(db: Database, today: string): Promise<void> {
	const rand = prng(20261203);
	const hashes = await Promise.all(DEMO_LOGINS.map((l) => hashPassword(l.password)));
	await db.transaction(async (tx) => {
		await insertGroup(tx, {
			id: DEMO_GROUP_ID,
			name: 'AMAP des Tilleuls',
			settings: {
				paymentMethods: ['cheque', 'cash', 'card_terminal', 'transfer'],
				allowNegativeMoneyPot: false
			}
		});
		const members: { id: string; name: string; userId?: string }[] = [];
		for (const [i, l] of DEMO_LOGINS.entries()) {
			const userId = uuidFrom(`user:${l.email}`);
			await insertUser(tx, { id: userId, email: l.email, name: l.name, passwordHash: hashes[i]! });
			const id = uuidFrom(`member:${l.email}`);
			await insertMember(tx, {
				groupId: DEMO_GROUP_ID,
				id,
				userId,
				name: l.name,
				email: l.email,
				role: l.role
			});
			members.push({ id, name: l.name, userId });
		}
		for (const name of OTHER_MEMBERS) {
			const id = uuidFrom(`member:${name}`);
			const email = `${name
				.normalize('NFD')
				.replace(/[\u0300-\u036f]/g, '')
				.toLowerCase()
				.replace(/[^a-z]+/g, '.')}@exemple.fr`;
			await insertMember(tx, { groupId: DEMO_GROUP_ID, id, name, email, role: 'member' });
			members.push({ id, name });
		}
		const coordinatorUser = members[0]!.userId!;

		// Opening balances ("reprise de solde") from the paper books, for a few members.
		for (const [i, m] of members.entries()) {
			if (i % 7 !== 3) continue;
			const amount = i % 2 === 0 ? 2500 : -1840;
			await recordOperation(
				tx,
				op({
					id: uuidFrom(`opening:${m.id}`),
					memberId: m.id,
					kind: 'opening_balance',
					amountCents: amount,
					occurredAt: `${addDays(today, -70)}T18:00:00.000Z`,
					reference: { label: 'Reprise de solde' }
				}),
				{ recordedBy: coordinatorUser }
			);
		}

		// Some members keep credit with the group: a transfer received in advance.
		for (const [i, m] of members.entries()) {
			if (i % 6 !== 1) continue;
			await recordOperation(
				tx,
				op({
					id: uuidFrom(`prepayment:${m.id}`),
					memberId: m.id,
					kind: 'payment',
					amountCents: 12000,
					method: 'transfer',
					occurredAt: `${addDays(today, -50)}T09:30:00.000Z`,
					reference: { label: `VIR ${m.name.toUpperCase()} AVANCE AMAP` }
				}),
				{ recordedBy: coordinatorUser }
			);
		}

		// Weekly distributions: 8 past ones (the 6 oldest validated), today's, and next week's.
		for (let week = -8; week <= 1; week++) {
			const date = addDays(today, week * 7);
			const distributionId = uuidFrom(`distribution:${week}`);
			const products = PRODUCTS.map((p) => ({ ...p, id: uuidFrom(`product:${week}:${p.name}`) }));
			await insertDistribution(tx, {
				groupId: DEMO_GROUP_ID,
				id: distributionId,
				date,
				place: 'Préau de l’école des Tilleuls, 12 rue des Écoles',
				products
			});
			if (week === 1) continue; // next week: orders not open in the demo yet
			for (const [i, m] of members.entries()) {
				if (rand() < 0.25 && m.userId === undefined) continue; // not everyone every week
				const lines: OrderLine[] = [];
				const basket = products[i % 3 === 0 ? 1 : 0]!;
				lines.push({
					productId: basket.id,
					productName: basket.name,
					quantity: 1,
					unitPriceCents: cents(basket.unitPriceCents)
				});
				for (const extra of products.slice(2)) {
					if (rand() < 0.3) {
						lines.push({
							productId: extra.id,
							productName: extra.name,
							quantity: 1 + Math.floor(rand() * 2),
							unitPriceCents: cents(extra.unitPriceCents)
						});
					}
				}
				const total = lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
				const orderId = uuidFrom(`order:${week}:${m.id}`);
				const orderedAt = `${addDays(date, -3)}T19:00:00.000Z`;
				await insertOrder(tx, {
					groupId: DEMO_GROUP_ID,
					id: orderId,
					distributionId,
					memberId: m.id,
					paymentMethod: 'on_the_spot',
					lines,
					totalCents: total,
					createdBy: m.userId ?? coordinatorUser
				});
				await recordOperation(
					tx,
					op({
						id: uuidFrom(`order-op:${orderId}`),
						memberId: m.id,
						kind: 'order',
						amountCents: -total,
						distributionId,
						orderId,
						occurredAt: orderedAt
					}),
					{ recordedBy: m.userId ?? coordinatorUser }
				);
				if (week === 0) continue; // today's baskets are paid at the distribution
				// Past distributions: most paid exactly, some not at all (debt), some rounded up (credit).
				const r = rand();
				if (r < 0.12) continue;
				const amount = r > 0.88 ? Math.ceil(total / 1000) * 1000 : total;
				const method = r < 0.55 ? 'cheque' : r < 0.8 ? 'cash' : 'card_terminal';
				await recordOperation(
					tx,
					op({
						id: uuidFrom(`payment:${week}:${m.id}`),
						memberId: m.id,
						kind: 'payment',
						amountCents: amount,
						method,
						distributionId,
						occurredAt: `${date}T18:${String(10 + (i % 50)).padStart(2, '0')}:00.000Z`,
						reference:
							method === 'cheque'
								? {
										chequeNumber: String(4_200_000 + week * 100 + i),
										bank: ['Crédit Agricole', 'La Banque Postale', 'Crédit Mutuel', 'BNP Paribas'][
											i % 4
										]!,
										drawer: m.name
									}
								: method === 'card_terminal'
									? { receiptNumber: `TPE-${week + 9}${String(i).padStart(3, '0')}` }
									: undefined
					}),
					{ recordedBy: coordinatorUser }
				);
			}
			if (week <= -3)
				await markDistributionValidated(tx, DEMO_GROUP_ID, distributionId, coordinatorUser);
		}
	});
}

function op(o: {
	id: string;
	memberId: string;
	kind: LedgerOperation['kind'];
	amountCents: number;
	method?: LedgerOperation['method'];
	distributionId?: string;
	orderId?: string;
	reference?: LedgerOperation['reference'] | undefined;
	occurredAt: string;
}): LedgerOperation {
	return {
		id: o.id,
		groupId: DEMO_GROUP_ID,
		memberId: o.memberId,
		kind: o.kind,
		amountCents: cents(o.amountCents),
		...(o.method ? { method: o.method } : {}),
		...(o.distributionId ? { distributionId: o.distributionId } : {}),
		...(o.orderId ? { orderId: o.orderId } : {}),
		...(o.reference ? { reference: o.reference } : {}),
		occurredAt: o.occurredAt,
		deviceId: 'demo-seed'
	};
}
