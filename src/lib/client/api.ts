/**
 * Online calls other than sync (sign-in, settings, validation, balances…). Each parses the
 * answer with the shared schema; failures become an ApiCallError with the server's message.
 */
import type { z } from 'zod';

export class ApiCallError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly body?: unknown
	) {
		super(message);
		this.name = 'ApiCallError';
	}

	get offline(): boolean {
		return this.status === 0;
	}
}

type Method = 'GET' | 'POST' | 'PUT';

export async function apiCall<S extends z.ZodType>(
	method: Method,
	path: string,
	schema: S,
	body?: unknown,
	fetchImpl: typeof fetch = fetch
): Promise<z.output<S>> {
	let res: Response;
	try {
		res = await fetchImpl(path, {
			method,
			credentials: 'same-origin',
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			...(body === undefined ? {} : { body: JSON.stringify(body) })
		});
	} catch {
		throw new ApiCallError(
			0,
			'OFFLINE',
			'Pas de connexion au serveur : réessayez une fois en ligne.'
		);
	}
	let json: unknown = undefined;
	try {
		json = await res.json();
	} catch {
		// empty or not JSON
	}
	if (!res.ok) {
		const err = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
		throw new ApiCallError(
			res.status,
			err?.code ?? 'HTTP_' + res.status,
			err?.message ?? `Erreur ${res.status}`,
			json
		);
	}
	const parsed = schema.safeParse(json);
	if (!parsed.success) {
		throw new ApiCallError(res.status, 'BAD_RESPONSE', 'Réponse inattendue du serveur.');
	}
	return parsed.data;
}
