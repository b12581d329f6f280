import type { Queryable } from '../database';

export interface ProductRow {
	id: string;
	name: string;
	unitPriceCents: number;
}

export interface DistributionRow {
	id: string;
	date: string;
	place: string;
	validated: boolean;
	products: ProductRow[];
}

const SELECT_DISTRIBUTIONS = `
	SELECT d.id, d.date, d.place, d.validated_at IS NOT NULL AS validated,
	       coalesce((SELECT json_agg(json_build_object('id', p.id, 'name', p.name,
	                   'unitPriceCents', p.unit_price_cents) ORDER BY p.position, p.name)
	                   FROM products p WHERE p.group_id = d.group_id AND p.distribution_id = d.id),
	                '[]'::json) AS products
	  FROM distributions d`;

export async function listDistributions(
	db: Queryable,
	groupId: string
): Promise<DistributionRow[]> {
	const { rows } = await db.query<DistributionRow>(
		`${SELECT_DISTRIBUTIONS} WHERE d.group_id = $1 ORDER BY d.date DESC, d.id`,
		[groupId]
	);
	return rows;
}

export async function findDistribution(
	db: Queryable,
	groupId: string,
	id: string
): Promise<DistributionRow | undefined> {
	const { rows } = await db.query<DistributionRow>(
		`${SELECT_DISTRIBUTIONS} WHERE d.group_id = $1 AND d.id = $2`,
		[groupId, id]
	);
	return rows[0];
}

export async function insertDistribution(
	db: Queryable,
	d: {
		groupId: string;
		id: string;
		date: string;
		place: string;
		products: { id: string; name: string; unitPriceCents: number }[];
	}
): Promise<void> {
	await db.query(`INSERT INTO distributions (group_id, id, date, place) VALUES ($1, $2, $3, $4)`, [
		d.groupId,
		d.id,
		d.date,
		d.place
	]);
	let position = 0;
	for (const p of d.products) {
		await db.query(
			`INSERT INTO products (group_id, id, distribution_id, name, unit_price_cents, position)
			 VALUES ($1, $2, $3, $4, $5, $6)`,
			[d.groupId, p.id, d.id, p.name, p.unitPriceCents, position++]
		);
	}
}

/** Every distribution's date and validation, for the 4-unvalidated rule. */
export async function distributionStatuses(db: Queryable, groupId: string) {
	const { rows } = await db.query<{ id: string; date: string; validated: boolean }>(
		`SELECT id, date, validated_at IS NOT NULL AS validated FROM distributions WHERE group_id = $1`,
		[groupId]
	);
	return rows;
}

export interface RecentDistribution {
	id: string;
	date: string;
	place: string;
	validated: boolean;
}

/**
 * The most recent distributions dated before `today`, newest first (same order as the
 * domain's `orderingBlock`): only these can close ordering, so the rule never reads a
 * group's whole history.
 */
export async function lastPastDistributions(
	db: Queryable,
	groupId: string,
	today: string,
	limit: number
): Promise<RecentDistribution[]> {
	const { rows } = await db.query<RecentDistribution>(
		`SELECT id, date, place, validated_at IS NOT NULL AS validated FROM distributions
		  WHERE group_id = $1 AND date < $2::date
		  ORDER BY date DESC, id DESC LIMIT $3`,
		[groupId, today, limit]
	);
	return rows;
}

/**
 * Locks a distribution row for the rest of the transaction and reads its state: `share` for
 * writes that must not race its validation (orders), `update` for the validation itself.
 * Undefined when the distribution is not in the group.
 */
export async function lockDistributionRow(
	tx: Queryable,
	groupId: string,
	id: string,
	mode: 'share' | 'update'
): Promise<{ date: string; validated: boolean } | undefined> {
	const { rows } = await tx.query<{ date: string; validated: boolean }>(
		`SELECT date, validated_at IS NOT NULL AS validated FROM distributions
		  WHERE group_id = $1 AND id = $2 ${mode === 'update' ? 'FOR UPDATE' : 'FOR SHARE'}`,
		[groupId, id]
	);
	return rows[0];
}
