import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../http/types';

export function docsRoutes(_deps: AppDeps) {
	return new Hono<AppEnv>();
}
