/**
 * The only reader of process.env (STYLE.md). Parsed once at start; a wrong value stops the
 * server with a message that names the variable and what it expects.
 */
import { z } from 'zod';

const EnvSchema = z.object({
	PORT: z.coerce
		.number({ message: 'PORT must be a number' })
		.int('PORT must be a whole number')
		.min(1, 'PORT must be between 1 and 65535')
		.max(65535, 'PORT must be between 1 and 65535')
		.default(3000),
	HOST: z.string().min(1).default('0.0.0.0'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
		.optional(),
	DATA_DIR: z.string().min(1, 'DATA_DIR must not be empty').default('./data'),
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	SEED_DEMO: z
		.enum(['true', 'false', '1', '0'], { message: 'SEED_DEMO must be true or false' })
		.transform((v) => v === 'true' || v === '1')
		.optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	STATIC_DIR: z.string().min(1).default('./build')
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses an environment object; throws an Error whose message lists every wrong variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
	// An empty string means "unset" for optional settings (docker-compose habits).
	const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
	const result = EnvSchema.safeParse(cleaned);
	if (!result.success) {
		const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || 'env'}: ${i.message}`);
		throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
	}
	return result.data;
}

/** The process configuration, read once. */
export function loadEnv(): Env {
	return parseEnv(process.env);
}
