import { expect, test } from '@playwright/test';
import { DEMO, DEMO_GROUP_ID, signIn } from './models';

function day(offset: number): string {
	const d = new Date();
	d.setUTCDate(d.getUTCDate() + offset);
	return d.toISOString().slice(0, 10);
}

test('4 unvalidated past distributions close ordering; validating one opens it again', async ({
	browser
}) => {
	const coordCtx = await browser.newContext();
	const coord = await coordCtx.newPage();
	await signIn(coord, DEMO.coordinator);
	// The demo has 2 unvalidated past distributions; two more past ones make the last 4.
	for (const offset of [-2, -1]) {
		const res = await coordCtx.request.post(`/api/groups/${DEMO_GROUP_ID}/distributions`, {
			data: { date: day(offset), place: 'Marché couvert (rattrapage)' }
		});
		expect(res.status()).toBe(201);
	}

	const memberCtx = await browser.newContext({ viewport: { width: 375, height: 740 } });
	const member = await memberCtx.newPage();
	await signIn(member, DEMO.member);
	await member.goto(`/g/${DEMO_GROUP_ID}/order`);
	await expect(member.getByTestId('ordering-closed')).toBeVisible();
	await expect(member.getByTestId('order-form')).toHaveCount(0);

	// The coordinator sees why, with the distributions to validate.
	await coord.goto(`/g/${DEMO_GROUP_ID}`);
	const warning = coord.getByTestId('ordering-blocked');
	await expect(warning).toBeVisible();
	await expect(warning.getByRole('link')).toHaveCount(4);
	await warning.getByRole('link').first().click();
	await coord.getByTestId('validate').click();
	await coord.getByRole('dialog').getByRole('button', { name: 'Valider la distribution' }).click();
	await expect(coord.getByTestId('validated')).toBeVisible();
	await coord.goto(`/g/${DEMO_GROUP_ID}`);
	await expect(coord.getByTestId('ordering-blocked')).toHaveCount(0);

	// The member's device learns it at the next sync: the order form is back.
	await member.reload();
	await member.getByTestId('sync-now').click();
	await expect(member.getByTestId('order-form')).toBeVisible({ timeout: 20_000 });
	await expect(member.getByTestId('ordering-closed')).toHaveCount(0);
	await Promise.all([coordCtx.close(), memberCtx.close()]);
});
