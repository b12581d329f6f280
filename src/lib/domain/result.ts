/**
 * Results and named errors shared by the domain.
 *
 * Checks return values rather than throw, so that the server can turn a failure into a
 * `{ error: { code, message } }` body and the app can show the message as is. Invariants that
 * only a programming error can break (overflow, non-integer cents) throw a `DomainError`.
 */

/** A refused input: a stable machine code and a sentence for a person (French). */
export type Failure<C extends string = string> = { ok: false; code: C; message: string };

/** The outcome of a check that produces nothing but a yes. */
export type Check<C extends string = string> = { ok: true } | Failure<C>;

/** The outcome of a check that produces a value. */
export type Result<T, C extends string = string> = { ok: true; value: T } | Failure<C>;

/** Builds the success of a `Check`. */
export function passed(): { ok: true } {
	return { ok: true };
}

/** Builds the success of a `Result`. */
export function succeed<T>(value: T): { ok: true; value: T } {
	return { ok: true, value };
}

/** Builds a failure with its code and French message. */
export function fail<C extends string>(code: C, message: string): Failure<C> {
	return { ok: false, code, message };
}

/** An invariant broken by the caller, with a stable code (Dinero-style named errors). */
export class DomainError<C extends string = string> extends Error {
	readonly code: C;

	constructor(code: C, message: string) {
		super(message);
		this.name = 'DomainError';
		this.code = code;
	}
}
