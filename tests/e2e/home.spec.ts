import { expect, test } from '@playwright/test';

test('the first page loads from the server and reaches the API', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Paiements AMAP' })).toBeVisible();
	await expect(page.getByTestId('server-status')).toHaveText('Serveur joignable.');
	// The shared domain runs in the browser: French money format.
	await expect(page.getByTestId('sample-amount')).toHaveText(/^12,50\s€$/);
});

test('an unknown path falls back to the single-page app', async ({ page }) => {
	const res = await page.goto('/une/page/inconnue');
	expect(res?.status()).toBe(200);
	await expect(page.locator('body')).toBeVisible();
});
