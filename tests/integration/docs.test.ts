import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../../server/db/database';
import { escapeHtml, jsonBlock, renderDocsPage } from '../../server/routes/docs/docs-page';
import {
	buildOpenApiDocument,
	type OpenApiDocument,
	type OperationObject,
	type ResponseObject
} from '../../server/routes/docs/openapi';
import { openTestDatabase, TEST_DB_KIND } from '../fixtures/test-db';
import { testApp } from '../fixtures/test-app';

/** Every method + path of the contract table of SPEC.md, in OpenAPI path syntax. */
const CONTRACT = [
	'GET /api/health',
	'POST /api/auth/login',
	'POST /api/auth/logout',
	'GET /api/me',
	'GET /api/groups/{groupId}/settings',
	'PUT /api/groups/{groupId}/settings',
	'GET /api/groups/{groupId}/members',
	'POST /api/groups/{groupId}/members',
	'GET /api/groups/{groupId}/balances',
	'GET /api/groups/{groupId}/members/{memberId}/operations',
	'GET /api/groups/{groupId}/distributions',
	'POST /api/groups/{groupId}/distributions',
	'GET /api/groups/{groupId}/ordering',
	'GET /api/groups/{groupId}/distributions/{distributionId}/orders',
	'POST /api/groups/{groupId}/distributions/{distributionId}/validate',
	'POST /api/groups/{groupId}/orders',
	'PUT /api/groups/{groupId}/orders/{orderId}',
	'POST /api/sync/push',
	'GET /api/sync/pull',
	'GET /api/groups/{groupId}/distributions/{distributionId}/closeout',
	'PUT /api/groups/{groupId}/distributions/{distributionId}/closeout',
	'GET /api/groups/{groupId}/distributions/{distributionId}/cheque-slip',
	'GET /api/groups/{groupId}/review',
	'POST /api/groups/{groupId}/review/reports',
	'POST /api/groups/{groupId}/review/{itemId}/resolve',
	'GET /api/groups/{groupId}/exports/operations.csv',
	'GET /api/groups/{groupId}/exports/journal.csv',
	'GET /api/groups/{groupId}/settings/accounts',
	'PUT /api/groups/{groupId}/settings/accounts',
	'POST /api/groups/{groupId}/imports/opening-balances/preview',
	'POST /api/groups/{groupId}/imports/opening-balances'
];
const PUBLIC = new Set(['GET /api/health', 'POST /api/auth/login']);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The OpenAPI 3.1 structure the document must have (the parts we use, checked strictly). */
const Ref = z.strictObject({ $ref: z.string().startsWith('#/components/') });
const Media = z.object({ schema: z.record(z.string(), z.unknown()) });
const Response = z.union([
	Ref,
	z.object({
		description: z.string().min(1),
		headers: z
			.record(z.string(), z.object({ description: z.string(), schema: z.object({}) }))
			.optional(),
		content: z.record(z.string(), Media).optional()
	})
]);
const Operation = z.object({
	operationId: z.string().regex(/^[A-Za-z]+$/),
	summary: z.string().min(1),
	description: z.string().min(1),
	tags: z.array(z.string()).min(1),
	security: z.array(z.record(z.string(), z.array(z.string()))),
	parameters: z
		.array(
			z.object({
				name: z.string().min(1),
				in: z.enum(['path', 'query', 'header', 'cookie']),
				required: z.boolean(),
				schema: z.record(z.string(), z.unknown())
			})
		)
		.optional(),
	requestBody: z.object({ required: z.boolean(), content: z.record(z.string(), Media) }).optional(),
	responses: z.record(z.string().regex(/^[1-5]\d\d$/), Response)
});
const Document = z.object({
	openapi: z.string().regex(/^3\.1\.\d+$/),
	info: z.object({ title: z.string().min(1), version: z.string().min(1) }),
	paths: z.record(z.string().regex(/^\/api\//), z.partialRecord(z.enum(METHODS), Operation)),
	components: z.object({
		schemas: z.record(z.string().regex(/^[A-Za-z0-9._-]+$/), z.record(z.string(), z.unknown())),
		responses: z.record(z.string(), Response),
		securitySchemes: z.record(
			z.string(),
			z.object({ type: z.literal('apiKey'), in: z.literal('cookie'), name: z.string() })
		)
	})
});

function operations(doc: OpenApiDocument): [string, OperationObject][] {
	const out: [string, OperationObject][] = [];
	for (const [path, item] of Object.entries(doc.paths)) {
		for (const [method, op] of Object.entries(item))
			out.push([`${method.toUpperCase()} ${path}`, op]);
	}
	return out;
}

function operation(doc: OpenApiDocument, key: string): OperationObject {
	const found = operations(doc).find(([k]) => k === key);
	if (!found) throw new Error(`no operation ${key}`);
	return found[1];
}

/** Every `$ref` anywhere in `value`. */
function refs(value: unknown, into: string[] = []): string[] {
	if (Array.isArray(value)) for (const v of value) refs(v, into);
	else if (typeof value === 'object' && value !== null) {
		for (const [k, v] of Object.entries(value)) {
			if (k === '$ref' && typeof v === 'string') into.push(v);
			else refs(v, into);
		}
	}
	return into;
}

function resolvePointer(doc: unknown, ref: string): unknown {
	if (!ref.startsWith('#/')) return undefined;
	let at: unknown = doc;
	for (const raw of ref.slice(2).split('/')) {
		const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		if (typeof at !== 'object' || at === null || !(key in at)) return undefined;
		at = (at as Record<string, unknown>)[key];
	}
	return at;
}

function bodyRef(op: OperationObject): string | undefined {
	const schema = op.requestBody?.content['application/json']?.schema;
	return typeof schema?.['$ref'] === 'string' ? schema['$ref'] : undefined;
}

describe(`API documentation (${TEST_DB_KIND})`, () => {
	let db: Database;
	let doc: OpenApiDocument;
	beforeAll(async () => {
		db = await openTestDatabase();
		const res = await testApp(db).anonymous.get<OpenApiDocument>('/api/openapi.json');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^application\/json/);
		doc = res.body;
	});
	afterAll(async () => {
		await db.close();
	});

	it('serves an OpenAPI 3.1 document without a session', () => {
		const parsed = Document.safeParse(doc);
		expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.info).toMatchObject({ title: 'Paiements AMAP API', version: '0.1.0' });
	});

	it('lists exactly the routes of the contract, with their methods', () => {
		expect(
			operations(doc)
				.map(([key]) => key)
				.sort()
		).toEqual([...CONTRACT].sort());
	});

	it('declares each path parameter of every path, and gives unique operation ids', () => {
		const ids = operations(doc).map(([, op]) => op.operationId);
		expect(new Set(ids).size).toBe(ids.length);
		for (const [key, op] of operations(doc)) {
			const inPath = [...key.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
			const declared = (op.parameters ?? [])
				.filter((p) => p.in === 'path')
				.map((p) => {
					expect(p.required, `${key} ${p.name}`).toBe(true);
					return p.name;
				})
				.sort();
			expect(declared, key).toEqual(inPath);
		}
	});

	it('resolves every $ref to a component', () => {
		const all = refs(doc);
		expect(all.length).toBeGreaterThan(40);
		const broken = all.filter(
			(ref) => !/^#\/components\/(schemas|responses)\//.test(ref) || !resolvePointer(doc, ref)
		);
		expect(broken).toEqual([]);
		// No stray standalone-schema keys and no shared $defs left behind by the conversion.
		expect(JSON.stringify(doc.components.schemas)).not.toMatch(/"\$(id|schema|defs)"/);
	});

	it('takes the request bodies from the shared schemas', () => {
		const login = operation(doc, 'POST /api/auth/login');
		expect(bodyRef(login)).toBe('#/components/schemas/LoginBody');
		const loginBody = doc.components.schemas['LoginBody'];
		expect(loginBody).toMatchObject({ type: 'object', additionalProperties: false });
		expect(loginBody?.['required']).toEqual(expect.arrayContaining(['email', 'password']));

		const push = operation(doc, 'POST /api/sync/push');
		expect(bodyRef(push)).toBe('#/components/schemas/PushBody');
		const pushBody = doc.components.schemas['PushBody'] as {
			required: string[];
			properties: { operations: { type: string; items: unknown; maxItems: number } };
		};
		expect(pushBody.required).toEqual(['groupId', 'deviceId', 'operations']);
		expect(pushBody.properties.operations).toMatchObject({
			type: 'array',
			maxItems: 500,
			items: { $ref: '#/components/schemas/Operation' }
		});

		const expectedBodies: Record<string, string> = {
			'PUT /api/groups/{groupId}/settings': 'GroupSettings',
			'POST /api/groups/{groupId}/members': 'NewMember',
			'POST /api/groups/{groupId}/distributions': 'NewDistribution',
			'POST /api/groups/{groupId}/distributions/{distributionId}/validate': 'ValidateBody',
			'POST /api/groups/{groupId}/orders': 'NewOrder',
			'PUT /api/groups/{groupId}/orders/{orderId}': 'UpdateOrder'
		};
		for (const [key, name] of Object.entries(expectedBodies)) {
			expect(bodyRef(operation(doc, key)), key).toBe(`#/components/schemas/${name}`);
		}
		// An empty body is allowed when validating.
		expect(
			operation(doc, 'POST /api/groups/{groupId}/distributions/{distributionId}/validate')
				.requestBody?.required
		).toBe(false);
	});

	it('documents amounts as integer cents, not as the output of a transform', () => {
		const totals = doc.components.schemas['BalanceTotals'] as {
			properties: Record<string, { type?: string }>;
		};
		expect(totals.properties['balanceCents']?.type).toBe('integer');
		const shape = doc.components.schemas['OperationShape'] as {
			properties: Record<string, { type?: string }>;
		};
		expect(shape.properties['amountCents']?.type).toBe('integer');
	});

	it('documents the queries: balances filters and CSV, pull cursor', () => {
		const balances = operation(doc, 'GET /api/groups/{groupId}/balances');
		const query = Object.fromEntries(
			(balances.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema])
		);
		expect(query['format']?.['enum']).toContain('csv');
		expect(query['filter']?.['enum']).toEqual(['debtors', 'creditors', 'settled']);
		expect(query['sort']?.['enum']).toEqual(['name', 'balance']);
		const ok = balances.responses['200'] as ResponseObject;
		expect(Object.keys(ok.content ?? {})).toEqual(['application/json', 'text/csv']);

		const pull = operation(doc, 'GET /api/sync/pull');
		const params = (pull.parameters ?? []).map((p) => [p.name, p.in, p.required]);
		expect(params).toEqual([
			['groupId', 'query', true],
			['cursor', 'query', false]
		]);

		const ordering = operation(doc, 'GET /api/groups/{groupId}/ordering');
		expect((ordering.responses['200'] as ResponseObject).content).toEqual({
			'application/json': { schema: { $ref: '#/components/schemas/OrderingStatus' } }
		});
		expect(doc.components.schemas['OrderingStatus']).toMatchObject({
			required: ['blocked', 'toValidate'],
			properties: {
				toValidate: { items: { required: ['id', 'date', 'place'] } }
			}
		});
	});

	it('documents the error shape and when each error status applies', () => {
		expect(doc.components.schemas['ErrorBody']).toMatchObject({
			required: ['error'],
			properties: { error: { required: ['code', 'message'] } }
		});
		for (const [name, res] of Object.entries(doc.components.responses)) {
			expect(res.content?.['application/json']?.schema, name).toEqual({
				$ref: '#/components/schemas/ErrorBody'
			});
		}
		const statuses = new Set(
			operations(doc).flatMap(([, op]) => Object.keys(op.responses).filter((s) => s >= '400'))
		);
		for (const s of ['400', '401', '403', '404', '409', '422', '429'])
			expect(statuses).toContain(s);

		for (const [key, op] of operations(doc)) {
			const codes = Object.keys(op.responses);
			expect(
				codes.some((c) => c.startsWith('2')),
				key
			).toBe(true);
			// Cookie-authenticated routes may answer 401; writes may be refused as cross-site.
			if (!PUBLIC.has(key)) expect(codes, key).toContain('401');
			if (!key.startsWith('GET ')) expect(codes, key).toContain('403');
		}
		const validate = operation(
			doc,
			'POST /api/groups/{groupId}/distributions/{distributionId}/validate'
		);
		expect((validate.responses['409'] as ResponseObject).content).toEqual({
			'application/json': { schema: { $ref: '#/components/schemas/ValidateConflict' } }
		});
		expect(Object.keys(operation(doc, 'POST /api/auth/login').responses)).toEqual([
			'200',
			'400',
			'401',
			'403',
			'429'
		]);
		expect(Object.keys(operation(doc, 'GET /api/health').responses)).toEqual(['200', '503']);
		// A new order is 201; the same order sent again (same id) answers 200.
		expect(Object.keys(operation(doc, 'POST /api/groups/{groupId}/orders').responses)).toEqual([
			'200',
			'201',
			'400',
			'401',
			'403',
			'404',
			'409',
			'422'
		]);
	});

	it('requires the session cookie everywhere but login and health, and states the CSRF rule', () => {
		expect(doc.components.securitySchemes['sessionCookie']).toMatchObject({
			type: 'apiKey',
			in: 'cookie',
			name: 'amap_session'
		});
		for (const [key, op] of operations(doc)) {
			expect(op.security, key).toEqual(PUBLIC.has(key) ? [] : [{ sessionCookie: [] }]);
			if (!key.startsWith('GET ')) expect(op.description, key).toMatch(/CROSS_SITE_REQUEST/);
		}
		expect(doc.info.description).toMatch(/Origin/);
		expect(doc.components.securitySchemes['sessionCookie']?.description).toMatch(/Origin/);
	});

	it('says who may call each route, in French and English', () => {
		for (const [key, op] of operations(doc)) {
			expect(op['x-who'].fr, key).not.toBe('');
			expect(op['x-who'].en, key).not.toBe('');
			expect(op['x-summary-en'], key).not.toBe('');
		}
		expect(operation(doc, 'PUT /api/groups/{groupId}/settings')['x-who'].en).toBe('coordinator');
	});

	it('serves a self-contained reference page with a strict CSP', async () => {
		const res = await testApp(db).anonymous.get('/api/docs');
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')?.toLowerCase()).toBe('text/html; charset=utf-8');
		const csp = res.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("default-src 'none'");
		expect(csp).toContain("style-src 'unsafe-inline'");
		expect(csp).not.toMatch(/script-src|https?:/);
		const html = res.text;
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).toContain('href="/api/openapi.json"');
		// Nothing is loaded from anywhere: no script, no stylesheet link, no remote URL.
		expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|@import|url\(/i);
		expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
		for (const [key, op] of operations(doc)) {
			const [method, path] = key.split(' ') as [string, string];
			expect(html, key).toContain(`<code class="path">${path}</code>`);
			expect(html, key).toContain(`>${method}</span>`);
			expect(html, key).toContain(escapeHtml(op.summary));
			expect(html, key).toContain(escapeHtml(op['x-who'].fr));
		}
		for (const name of Object.keys(doc.components.schemas)) {
			expect(html, name).toContain(`id="schema-${name}"`);
		}
		// The login body is printed as JSON Schema, with its required fields.
		expect(html).toContain('&quot;password&quot;');
	});

	it('escapes HTML special characters', () => {
		expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
			'&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;'
		);
		expect(escapeHtml('déjà 12,50 €')).toBe('déjà 12,50 €');
		expect(jsonBlock({ description: '<img src=x onerror=alert(1)>' })).not.toContain('<img');
	});

	it('escapes HTML found in the document when rendering the page', () => {
		const evil = '<img src=x onerror=alert(1)>';
		const base = buildOpenApiDocument();
		const tampered: OpenApiDocument = {
			...base,
			info: { ...base.info, title: `</title><script>alert(1)</script>`, description: evil },
			components: {
				...base.components,
				schemas: {
					...base.components.schemas,
					LoginBody: { ...base.components.schemas['LoginBody'], description: evil },
					[`X"><script>`]: { description: evil }
				}
			}
		};
		const html = renderDocsPage(tampered);
		expect(html).not.toMatch(/<script|<img/i);
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).toContain('&lt;/title&gt;&lt;script&gt;');
	});

	it('documents exactly the API routes the app serves', () => {
		const served = testApp(db)
			.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
			.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
			.filter((key) => !['GET /api/openapi.json', 'GET /api/docs'].includes(key));
		expect([...new Set(served)].sort()).toEqual([...CONTRACT].sort());
	});

	it('answers an anonymous call with a status the document lists for it', async () => {
		const app = testApp(db);
		const id = '00000000-0000-4000-8000-000000000000';
		for (const [key, op] of operations(doc)) {
			const [method, template] = key.split(' ') as [string, string];
			let path = template.replace(/\{\w+\}/g, id);
			if (template === '/api/sync/pull') path += `?groupId=${id}`;
			const res =
				method === 'GET'
					? await app.anonymous.get(path)
					: method === 'PUT'
						? await app.anonymous.put(path, {})
						: await app.anonymous.post(path, {});
			expect(Object.keys(op.responses), key).toContain(String(res.status));
			if (method === 'GET' && !PUBLIC.has(key)) expect(res.status, key).toBe(401);
			if (res.status >= 400) {
				expect(res.body, key).toMatchObject({
					error: { code: expect.any(String), message: expect.any(String) }
				});
			}
		}
	});

	it('is what the route table builds, and the same on every request', async () => {
		expect(doc).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
		const again = await testApp(db).anonymous.get('/api/openapi.json');
		expect(again.body).toEqual(doc);
	});
});
