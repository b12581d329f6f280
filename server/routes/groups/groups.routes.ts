import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../http/types';

export function groupsRoutes(_deps: AppDeps) {
	return new Hono<AppEnv>();
}
