import { expect, test } from '@playwright/test';

test('the app opens on the sign-in page, and the demo coordinator reaches the distributions', async ({
	page
}) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
	await page.getByLabel('Adresse e-mail').fill('coord@demo.test');
	await page.getByLabel('Mot de passe').fill('demo-coord');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL(/\/g\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { name: 'Distributions' })).toBeVisible();
	// The first sync fills the device: today's distribution with its baskets appears.
	await expect(page.getByTestId('dist-upcoming').getByText(/Aujourd’hui/)).toBeVisible();
});

test('a wrong password gets a clear message', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Adresse e-mail').fill('coord@demo.test');
	await page.getByLabel('Mot de passe').fill('pas-le-bon');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
});

test('an unknown path falls back to the single-page app', async ({ page }) => {
	const res = await page.goto('/une/page/inconnue');
	expect(res?.status()).toBe(200);
	await expect(page.locator('body')).toBeVisible();
});

test('the API reference is served', async ({ page }) => {
	await page.goto('/api/docs');
	await expect(page.getByText('/api/sync/push').first()).toBeVisible();
});
