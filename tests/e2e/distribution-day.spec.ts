import { expect, test } from '@playwright/test';
import {
	DayPage,
	DEMO,
	DEMO_GROUP_ID,
	memberFigures,
	memberIdOf,
	signIn,
	waitForOfflineShell
} from './models';

test.describe('distribution day on a tablet with no network', () => {
	test('payments recorded offline survive a reload and a closed tab, then sync exactly once', async ({
		context,
		page
	}) => {
		await signIn(page, DEMO.coordinator);
		const day = new DayPage(page);
		await day.openToday();
		await expect(day.queued()).toHaveAttribute('data-count', '0');
		await waitForOfflineShell(page);

		const who = ['Adam Girard', 'Alice André', 'Anna Garnier'];
		const ids = await Promise.all(who.map((n) => memberIdOf(context.request, n)));
		const before = await Promise.all(ids.map((id) => memberFigures(context.request, id)));

		await context.setOffline(true);
		await page.reload();
		await expect(page.getByTestId('online-state')).toHaveText('Hors ligne');
		await expect(day.basket('Adam Girard')).toBeVisible();

		await day.pay('Adam Girard', {
			method: 'Chèque',
			amount: '22,80',
			chequeNumber: '1234567',
			bank: 'Crédit Agricole'
		});
		await day.pay('Alice André', { method: 'Espèces', amount: '20' });
		await day.pay('Anna Garnier', {
			method: 'Carte bancaire sur place (TPE)',
			amount: '30,80',
			receiptNumber: 'TPE-000123'
		});
		await expect(day.queued()).toHaveAttribute('data-count', '3');
		await expect(day.basket('Adam Girard').getByTestId('basket-due')).toHaveText('Réglé');

		// Close the tab, open the app again, still offline.
		await page.close();
		const again = await context.newPage();
		await again.goto(page.url());
		const day2 = new DayPage(again);
		await expect(day2.queued()).toHaveAttribute('data-count', '3');
		await expect(day2.basket('Alice André').getByTestId('payment')).toHaveCount(1);
		await expect(day2.basket('Anna Garnier').getByTestId('basket-due')).toHaveText('Réglé');

		await context.setOffline(false);
		await day2.syncNow();
		await expect(day2.queued()).toHaveAttribute('data-count', '0', { timeout: 20_000 });
		await expect(again.getByTestId('last-sync')).toContainText('Dernière synchro');

		const after = await Promise.all(ids.map((id) => memberFigures(context.request, id)));
		const paid = [2280, 2000, 3080];
		for (const i of [0, 1, 2]) {
			expect(after[i]!.projectedCents).toBe(before[i]!.projectedCents + paid[i]!);
			expect(after[i]!.pendingCents).toBe(before[i]!.pendingCents + paid[i]!);
			expect(after[i]!.entries.length).toBe(before[i]!.entries.length + 1);
		}
		expect(after[0]!.entries.at(-1)).toMatchObject({
			kind: 'payment',
			method: 'cheque',
			amountCents: 2280
		});
		expect(after[2]!.entries.at(-1)).toMatchObject({ method: 'card_terminal', amountCents: 3080 });
	});

	test('a push answered with a 500 keeps the operations queued; the next sync delivers them', async ({
		context,
		page
	}) => {
		await signIn(page, DEMO.coordinator);
		const day = new DayPage(page);
		await day.openToday();
		const id = await memberIdOf(context.request, 'Arthur David');
		const before = await memberFigures(context.request, id);

		await page.route('**/api/sync/push', (route) =>
			route.fulfill({
				status: 500,
				contentType: 'application/json',
				body: '{"error":{"code":"INTERNAL","message":"Erreur interne simulée"}}'
			})
		);
		await day.pay('Arthur David', { method: 'Espèces', amount: '10,00' });
		await day.syncNow();
		await expect(page.getByTestId('sync-status')).toContainText('Erreur interne simulée');
		await expect(day.queued()).toHaveAttribute('data-count', '1');
		expect((await memberFigures(context.request, id)).projectedCents).toBe(before.projectedCents);

		await page.unroute('**/api/sync/push');
		await day.syncNow();
		await expect(day.queued()).toHaveAttribute('data-count', '0', { timeout: 20_000 });
		expect((await memberFigures(context.request, id)).projectedCents).toBe(
			before.projectedCents + 1000
		);
	});
});

test('two tablets offline at once: everything stored once, the same cheque flagged', async ({
	browser
}) => {
	const tablets = await Promise.all([browser.newContext(), browser.newContext()]);
	const pages = await Promise.all(tablets.map((c) => c.newPage()));
	const days = pages.map((p) => new DayPage(p));
	for (const [i, p] of pages.entries()) {
		await signIn(p, i === 0 ? DEMO.coordinator : DEMO.helper);
		await days[i]!.openToday();
	}
	const api = tablets[0]!.request;
	const chloe = await memberIdOf(api, 'Chloé Lefebvre');
	const claire = await memberIdOf(api, 'Claire Martin');
	const before = await Promise.all([memberFigures(api, chloe), memberFigures(api, claire)]);

	await Promise.all(tablets.map((c) => c.setOffline(true)));
	const cheque = {
		method: 'Chèque' as const,
		amount: '32,10',
		chequeNumber: '7654321',
		bank: 'La Banque Postale'
	};
	await days[0]!.pay('Chloé Lefebvre', cheque);
	await days[1]!.pay('Chloé Lefebvre', cheque);
	await days[1]!.pay('Claire Martin', { method: 'Espèces', amount: '44,40' });
	await expect(days[0]!.queued()).toHaveAttribute('data-count', '1');
	await expect(days[1]!.queued()).toHaveAttribute('data-count', '2');

	await Promise.all(tablets.map((c) => c.setOffline(false)));
	for (const d of days) await d.syncNow();
	for (const d of days)
		await expect(d.queued()).toHaveAttribute('data-count', '0', { timeout: 20_000 });
	// A second round brings each tablet what the other pushed.
	for (const d of days) await d.syncNow();

	const after = await Promise.all([memberFigures(api, chloe), memberFigures(api, claire)]);
	// Nothing lost, nothing silently dropped: both cheques are stored (flagged), the cash once.
	expect(after[0]!.entries.length).toBe(before[0]!.entries.length + 2);
	expect(after[0]!.projectedCents).toBe(before[0]!.projectedCents + 2 * 3210);
	expect(after[1]!.projectedCents).toBe(before[1]!.projectedCents + 4440);
	for (const p of pages) {
		await expect(p.getByTestId('duplicates')).toContainText('Chloé Lefebvre', { timeout: 20_000 });
		await expect(p.getByTestId('duplicates')).toContainText('n° 7654321');
	}
	await Promise.all(tablets.map((c) => c.close()));
});

test('close-out and cheque deposit slip, offline, then synced to the server', async ({
	context,
	page
}) => {
	await signIn(page, DEMO.coordinator);
	const day = new DayPage(page);
	await day.openToday();
	await waitForOfflineShell(page);
	const distributionUrl = page.url();
	const distributionId = distributionUrl.split('/').at(-1)!;

	await context.setOffline(true);
	await page.reload();
	await day.pay('Claire Martin', {
		method: 'Chèque',
		amount: '12,50',
		chequeNumber: '5550001',
		bank: 'Crédit Mutuel'
	});
	await day.pay('Alice André', { method: 'Espèces', amount: '7,35' });

	// The slip lists the distribution's cheques from the device, offline.
	await page.getByTestId('slip-link').click();
	const slip = page.getByTestId('slip-table');
	await expect(slip.getByTestId('slip-cheque').filter({ hasText: '5550001' })).toContainText(
		'12,50'
	);
	const slipCount = await slip.getByTestId('slip-cheque').count();
	await expect(page.getByTestId('slip-count')).toContainText(`${slipCount} chèque`);
	await expect(page.getByTestId('slip-print')).toBeVisible();
	await page.goBack();

	// Close-out: expected from the payments on the device, differences to the cent.
	await page.getByTestId('closeout-link').click();
	const form = page.getByTestId('closeout-form');
	const expectedCash = await page.getByTestId('expected-cash').innerText();
	const expectedCheques = await page.getByTestId('expected-cheques').innerText();
	const [chequeCount, chequeTotal] = expectedCheques.split('·').map((s) => s.trim());
	await form.getByLabel('Fond de caisse (€)').fill('50,00');
	// One euro short in the box; the cheques and the terminal are right.
	const cashCents = Math.round(Number(expectedCash.replace(/[^\d,]/g, '').replace(',', '.')) * 100);
	const counted = ((5000 + cashCents - 100) / 100).toFixed(2).replace('.', ',');
	await form.getByLabel('Espèces comptées dans la caisse (€)').fill(counted);
	await form.getByLabel('Nombre de chèques').fill(chequeCount!);
	await form.getByLabel('Total des chèques (€)').fill(chequeTotal!.replace(/[^\d,]/g, ''));
	await form
		.getByLabel('Total du ticket de fin de journée TPE (€)')
		.fill((await page.getByTestId('expected-card').innerText()).replace(/[^\d,]/g, ''));
	await expect(page.getByTestId('diff-cash')).toHaveText(/^-1,00\s€$/);
	await expect(page.getByTestId('diff-card')).toHaveText(/^0,00\s€$/);
	await expect(page.getByTestId('closeout-verdict')).toHaveText(
		'La caisse présente un écart : vérifiez le comptage ou les paiements.'
	);
	await page.getByTestId('closeout-save').click();
	await expect(page.getByTestId('closeout-sync-state')).toHaveText(/pas encore transmis/);

	await context.setOffline(false);
	await page.getByTestId('sync-now').click();
	await expect(page.getByTestId('closeout-sync-state')).toHaveText(
		'Comptage transmis au serveur.',
		{
			timeout: 20_000
		}
	);
	const res = await context.request.get(
		`/api/groups/${DEMO_GROUP_ID}/distributions/${distributionId}/closeout`
	);
	const closeout = (await res.json()) as {
		counted: { cashFloatCents: number; cashCountedCents: number } | null;
		differences: { cashCents: number; chequeTotalCents: number; cardTerminalCents: number } | null;
	};
	expect(closeout.counted?.cashFloatCents).toBe(5000);
	expect(closeout.differences).toMatchObject({
		cashCents: -100,
		chequeTotalCents: 0,
		cardTerminalCents: 0
	});
	const html = await (
		await context.request.get(
			`/api/groups/${DEMO_GROUP_ID}/distributions/${distributionId}/cheque-slip`
		)
	).text();
	expect(html).toContain('5550001');
	expect(html).toContain('12,50');
});
