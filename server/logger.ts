import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs. Secrets (cookies, passwords) are redacted wherever they appear. */
export function createLogger(level: string = 'info'): Logger {
	return pino({
		level,
		redact: {
			paths: ['password', '*.password', 'headers.cookie', 'req.headers.cookie', 'cookie'],
			censor: '[redacted]'
		}
	});
}
