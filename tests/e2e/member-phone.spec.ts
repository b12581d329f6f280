import { devices, expect, test } from '@playwright/test';
import { DEMO, DEMO_GROUP_ID, memberFigures, signIn, waitForOfflineShell } from './models';

test.use({
	viewport: { width: 375, height: 740 },
	isMobile: true,
	hasTouch: true,
	userAgent: devices['Pixel 5'].userAgent
});

test('a member on a phone sees balance and history, offline too', async ({ context, page }) => {
	await signIn(page, DEMO.member);
	await expect(page).toHaveURL(new RegExp(`/g/${DEMO_GROUP_ID}/account$`));
	const me = (await (await context.request.get('/api/me')).json()) as {
		groups: { memberId: string }[];
	};
	const figures = await memberFigures(context.request, me.groups[0]!.memberId);

	const balance = page.getByTestId('my-balance');
	await expect(balance).toHaveAttribute('data-cents', String(figures.confirmedCents));
	await expect(page.getByTestId('my-history').getByRole('listitem').first()).toBeVisible();
	await expect(page.getByTestId('data-age')).toBeVisible();
	// Nothing of anybody else: the member's own history only.
	const rows = await page.getByTestId('my-history').getByRole('listitem').count();
	expect(rows).toBe(figures.entries.length);

	await waitForOfflineShell(page);
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByTestId('online-state')).toHaveText('Hors ligne');
	await expect(balance).toHaveAttribute('data-cents', String(figures.confirmedCents));
	await expect(page.getByTestId('my-history').getByRole('listitem')).toHaveCount(rows);
	await expect(page.getByTestId('data-age')).toContainText(/\d{2}:\d{2}/);
	// No horizontal scrolling on a 375 px screen.
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await context.setOffline(false);
});
