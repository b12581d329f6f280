import type { Database } from '../db/database';
import type { Logger } from '../logger';

export interface AppDeps {
	db: Database;
	logger: Logger;
	/** The built PWA (adapter-static output); omitted in API-only tests. */
	staticDir?: string | undefined;
	/** The server clock; tests pass a fixed one. */
	now?: () => Date;
}

export type AppEnv = { Variables: { requestId: string } & AuthVariables };

export interface SessionUser {
	id: string;
	name: string;
	email: string;
}

export type AuthVariables = { user?: SessionUser; sessionToken?: string };
