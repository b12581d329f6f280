/**
 * The contract's documentation, public like the contract itself: the OpenAPI document and its
 * reference page. Both are derived from code only, so they are built once, on first request.
 */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../http/types';
import { DOCS_CSP, renderDocsPage } from './docs-page';
import { openApiDocument } from './openapi';

let page: string | undefined;

export function docsRoutes(_deps: AppDeps) {
	return new Hono<AppEnv>()
		.get('/openapi.json', (c) => {
			c.header('Cache-Control', 'no-cache');
			return c.json(openApiDocument());
		})
		.get('/docs', (c) => {
			page ??= renderDocsPage(openApiDocument());
			return c.body(page, 200, {
				'Content-Type': 'text/html; charset=utf-8',
				'Content-Security-Policy': DOCS_CSP,
				'X-Content-Type-Options': 'nosniff',
				'Referrer-Policy': 'no-referrer',
				'Cache-Control': 'no-cache'
			});
		});
}
