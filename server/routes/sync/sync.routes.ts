import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../http/types';

export function syncRoutes(_deps: AppDeps) {
	return new Hono<AppEnv>();
}
