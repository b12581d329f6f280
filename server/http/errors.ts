import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * An error a person can act on. Thrown anywhere in a handler, it becomes
 * `{"error": {"code", "message"}}` with its status; anything else becomes a 500 whose body
 * says nothing of the cause (the log has it, with the request id).
 */
export class ApiError extends Error {
	constructor(
		readonly status: ContentfulStatusCode,
		readonly code: string,
		message: string,
		readonly details?: unknown
	) {
		super(message);
		this.name = 'ApiError';
	}
}

export function errorBody(code: string, message: string, details?: unknown) {
	return { error: details === undefined ? { code, message } : { code, message, details } };
}

/**
 * Whether a database error is about the data sent (SQLSTATE class 22: a date out of range, a
 * NUL character, a number too large…): bad input, answered 400, never a 500.
 */
export function isDataException(e: unknown): boolean {
	const code = (e as { code?: unknown } | null)?.code;
	return typeof code === 'string' && code.startsWith('22');
}
