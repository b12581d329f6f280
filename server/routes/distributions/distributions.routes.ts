import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../http/types';

export function distributionsRoutes(_deps: AppDeps) {
	return new Hono<AppEnv>();
}
