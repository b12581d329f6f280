import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors';

/** Turns zod issues into one sentence a person can act on, naming the fields. */
export function describeIssues(error: z.ZodError): string {
	return error.issues
		.slice(0, 5)
		.map((i) => (i.path.length ? `${i.path.join('.')} : ${i.message}` : i.message))
		.join(' ; ');
}

/** Parses a value with a schema or throws a 400 with the reasons. */
export function parseWith<S extends z.ZodType>(
	schema: S,
	value: unknown,
	what = 'requête'
): z.output<S> {
	const r = schema.safeParse(value);
	if (!r.success) {
		throw new ApiError(
			400,
			'VALIDATION_FAILED',
			`Données de ${what} invalides — ${describeIssues(r.error)}`
		);
	}
	return r.data;
}

/** Reads and validates the JSON body: 400 for malformed JSON or a wrong shape. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
	let raw: unknown;
	try {
		const text = await c.req.text();
		raw = text.trim() === '' ? {} : JSON.parse(text);
	} catch {
		throw new ApiError(400, 'INVALID_JSON', 'Le corps de la requête n’est pas du JSON valide.');
	}
	return parseWith(schema, raw);
}
