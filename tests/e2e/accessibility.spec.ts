import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, DEMO_GROUP_ID, DayPage, signIn } from './models';

async function expectNoSeriousViolations(page: Page, what: string) {
	const results = await new AxeBuilder({ page }).analyze();
	const serious = results.violations.filter(
		(v) => v.impact === 'serious' || v.impact === 'critical'
	);
	expect(
		serious.map(
			(v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		)
	).toEqual([]);
}

test('the main screens have no serious or critical accessibility violation', async ({ page }) => {
	await page.goto('/login');
	await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
	await expectNoSeriousViolations(page, 'login');

	await signIn(page, DEMO.coordinator);
	await expect(page.getByTestId('dist-upcoming')).toBeVisible();
	await expectNoSeriousViolations(page, 'distributions');

	const day = new DayPage(page);
	await day.openToday();
	await expectNoSeriousViolations(page, 'distribution day');
	await day.basket('Adam Girard').getByTestId('record-payment').click();
	await expect(page.getByTestId('payment-form')).toBeVisible();
	await expectNoSeriousViolations(page, 'payment dialog');
	await page.keyboard.press('Escape');

	for (const [path, testid] of [
		['balances', 'balances-table'],
		['settings', 'settings-form'],
		['account', 'my-balance'],
		['order', 'order-form']
	] as const) {
		await page.goto(`/g/${DEMO_GROUP_ID}/${path}`);
		await expect(page.getByTestId(testid).first()).toBeVisible();
		await expectNoSeriousViolations(page, path);
	}
});
