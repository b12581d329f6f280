/** Page models for the e2e tests: what a person does, in the app's own words. */
import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';

export const DEMO = {
	coordinator: { email: 'coord@demo.test', password: 'demo-coord' },
	helper: { email: 'aide@demo.test', password: 'demo-aide' },
	member: { email: 'membre@demo.test', password: 'demo-membre' }
} as const;

export const DEMO_GROUP_ID = '7d1f0a2e-3c4b-4e5f-8a9b-0c1d2e3f4a5b';

export async function signIn(page: Page, who: { email: string; password: string }) {
	await page.goto('/login');
	await page.getByLabel('Adresse e-mail').fill(who.email);
	await page.getByLabel('Mot de passe').fill(who.password);
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL(/\/g\/[0-9a-f-]{36}/);
}

/** Waits until the service worker controls the page: from then on the app starts offline. */
export async function waitForOfflineShell(page: Page) {
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	// An active worker claims open pages; should that be missed, a reload is controlled for sure.
	const controlled = await page
		.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
			timeout: 5000
		})
		.then(() => true)
		.catch(() => false);
	if (!controlled) {
		await page.reload();
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	}
}

export class DayPage {
	constructor(readonly page: Page) {}

	async openToday() {
		await this.page.goto(`/g/${DEMO_GROUP_ID}`);
		await this.page
			.getByTestId('dist-upcoming')
			.getByRole('link', { name: /Aujourd’hui/ })
			.click();
		await expect(this.page.getByRole('heading', { name: /Distribution du/ })).toBeVisible();
		await expect(this.page.getByTestId('basket').first()).toBeVisible();
	}

	basket(name: string) {
		return this.page
			.getByTestId('basket')
			.filter({ has: this.page.getByRole('heading', { name }) });
	}

	async search(name: string) {
		await this.page.getByTestId('member-search').fill(name);
	}

	async pay(
		name: string,
		p:
			| { method: 'Chèque'; amount?: string; chequeNumber: string; bank: string }
			| { method: 'Espèces'; amount?: string }
			| { method: 'Carte bancaire sur place (TPE)'; amount?: string; receiptNumber: string }
	) {
		await this.search(name);
		await this.basket(name).getByTestId('record-payment').click();
		const form = this.page.getByTestId('payment-form');
		await form.getByRole('radio', { name: p.method }).check();
		if (p.amount !== undefined) await form.getByLabel('Montant (€)').fill(p.amount);
		if (p.method === 'Chèque') {
			await form.getByLabel('Numéro du chèque').fill(p.chequeNumber);
			await form.getByLabel('Banque').fill(p.bank);
		}
		if (p.method === 'Carte bancaire sur place (TPE)') {
			await form.getByLabel('Numéro du ticket TPE').fill(p.receiptNumber);
		}
		await form.getByRole('button', { name: 'Enregistrer le paiement' }).click();
		await expect(form).toBeHidden();
		await this.search('');
	}

	queued() {
		return this.page.getByTestId('queued-count');
	}

	async syncNow() {
		await this.page.getByTestId('sync-now').click();
	}
}

/** Reads a member's figures through the HTTP API (the server's ledger, not the device). */
export async function memberFigures(request: APIRequestContext, memberId: string) {
	const res = await request.get(`/api/groups/${DEMO_GROUP_ID}/members/${memberId}/operations`);
	expect(res.status()).toBe(200);
	return (await res.json()) as {
		projectedCents: number;
		confirmedCents: number;
		pendingCents: number;
		entries: { id: string; kind: string; amountCents: number; method?: string }[];
	};
}

/** The member id of a name in the demo group, through the API. */
export async function memberIdOf(request: APIRequestContext, name: string): Promise<string> {
	const res = await request.get(`/api/groups/${DEMO_GROUP_ID}/members`);
	const body = (await res.json()) as { members: { id: string; name: string }[] };
	const m = body.members.find((x) => x.name === name);
	if (!m) throw new Error(`no member ${name}`);
	return m.id;
}

export async function setOffline(context: BrowserContext, offline: boolean) {
	await context.setOffline(offline);
}
