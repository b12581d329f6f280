/**
 * Builds the HTTP app without binding a socket (`createApp(deps)`), so tests and the future
 * device simulation run the real server in-process. Holds no state between requests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { ApiError, errorBody, isDataException } from './http/errors';
import type { AppDeps, AppEnv } from './http/types';
import { csrfGuard, sessionMiddleware } from './http/auth';
import { authRoutes } from './routes/auth/auth.routes';
import { closeoutRoutes } from './routes/closeout/closeout.routes';
import { distributionsRoutes } from './routes/distributions/distributions.routes';
import { docsRoutes } from './routes/docs/docs.routes';
import { exportsRoutes } from './routes/exports/exports.routes';
import { groupsRoutes } from './routes/groups/groups.routes';
import { healthRoutes } from './routes/health/health.routes';
import { importsRoutes } from './routes/imports/imports.routes';
import { ordersRoutes } from './routes/orders/orders.routes';
import { reviewRoutes } from './routes/review/review.routes';
import { syncRoutes } from './routes/sync/sync.routes';

export type { AppDeps, AppEnv };

export function createApp(deps: AppDeps) {
	const app = new Hono<AppEnv>();

	app.use('*', requestId());
	app.use('/api/*', async (c, next) => {
		const started = performance.now();
		await next();
		deps.logger.info(
			{
				reqId: c.get('requestId'),
				method: c.req.method,
				path: c.req.path,
				status: c.res.status,
				ms: Math.round(performance.now() - started)
			},
			'request'
		);
	});

	app.use('/api/*', csrfGuard);
	app.use('/api/*', sessionMiddleware(deps.db));

	app.route('/api', healthRoutes(deps));
	app.route('/api', docsRoutes(deps));
	app.route('/api', authRoutes(deps));
	app.route('/api', groupsRoutes(deps));
	app.route('/api', distributionsRoutes(deps));
	app.route('/api', ordersRoutes(deps));
	app.route('/api', syncRoutes(deps));
	app.route('/api', exportsRoutes(deps));
	app.route('/api', importsRoutes(deps));
	app.route('/api', closeoutRoutes(deps));
	app.route('/api', reviewRoutes(deps));

	app.all('/api/*', (c) =>
		c.json(errorBody('NOT_FOUND', `Aucune route ${c.req.method} ${c.req.path}.`), 404)
	);

	app.onError((err, c) => {
		if (err instanceof ApiError) {
			return c.json(errorBody(err.code, err.message, err.details), err.status);
		}
		if (isDataException(err)) {
			deps.logger.warn(
				{ reqId: c.get('requestId'), code: (err as { code?: string }).code },
				'bad data'
			);
			return c.json(
				errorBody(
					'INVALID_DATA',
					'Une valeur envoyée est hors limites ou contient un caractère interdit : vérifiez les dates et les textes.'
				),
				400
			);
		}
		deps.logger.error({ reqId: c.get('requestId'), err }, 'unhandled error');
		return c.json(
			errorBody(
				'INTERNAL',
				`Erreur interne du serveur (référence ${c.get('requestId')}). Réessayez ; si cela persiste, transmettez cette référence.`
			),
			500
		);
	});

	if (deps.staticDir) mountPwa(app, resolve(deps.staticDir));
	return app;
}

/** Serves the built PWA; unknown non-API paths get index.html (client-side routing). */
function mountPwa(app: Hono<AppEnv>, root: string) {
	const indexFile = join(root, 'index.html');
	app.use(
		'*',
		serveStatic({
			root,
			onFound: (path, c) => {
				// The shell and the service worker must be revalidated, hashed assets are immutable.
				if (path.includes('/_app/immutable/')) {
					c.header('Cache-Control', 'public, max-age=31536000, immutable');
				} else {
					c.header('Cache-Control', 'no-cache');
				}
			}
		})
	);
	app.get('*', (c) => {
		if (!existsSync(indexFile)) {
			return c.text('The PWA is not built: run `npm run build` (npm start does it for you).', 503);
		}
		c.header('Cache-Control', 'no-cache');
		return c.html(readFileSync(indexFile, 'utf8'));
	});
}
