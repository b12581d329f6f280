import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('env', () => {
	it('defaults to port 3000, ./data and development', () => {
		const env = parseEnv({});
		expect(env.PORT).toBe(3000);
		expect(env.DATA_DIR).toBe('./data');
		expect(env.NODE_ENV).toBe('development');
		expect(env.DATABASE_URL).toBeUndefined();
	});

	it('reads the values it is given', () => {
		const env = parseEnv({
			PORT: '8080',
			DATABASE_URL: 'postgres://u@h/db',
			SEED_DEMO: 'false',
			NODE_ENV: 'production'
		});
		expect(env).toMatchObject({
			PORT: 8080,
			DATABASE_URL: 'postgres://u@h/db',
			SEED_DEMO: false,
			NODE_ENV: 'production'
		});
	});

	it('treats empty strings as unset', () => {
		expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
	});

	it('stops with a message naming every wrong variable', () => {
		expect(() => parseEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x', NODE_ENV: 'prod' })).toThrow(
			/PORT[\s\S]*DATABASE_URL[\s\S]*NODE_ENV/
		);
		expect(() => parseEnv({ PORT: '70000' })).toThrow(/between 1 and 65535/);
		expect(() => parseEnv({ SEED_DEMO: 'yes' })).toThrow(/SEED_DEMO must be true or false/);
	});
});
