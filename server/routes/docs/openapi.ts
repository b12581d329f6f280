/**
 * Builds the OpenAPI 3.1 document of the public contract from the route table in
 * `contract.ts` and the shared zod schemas (zod 4's own `toJSONSchema`, no generator package).
 *
 * Every shape is converted on its input side (`io: 'input'`): what is documented is the JSON on
 * the wire, which is the input of a parse on both ends — the server parses request bodies, the
 * client parses responses with the same schemas. The output side would show the cents
 * transforms as `{}` and forbid extra keys in responses, which clients must tolerate.
 */
import { z } from 'zod';
import { UuidSchema } from '../../../src/lib/domain/schemas';
import { SESSION_COOKIE } from '../../http/auth';
import {
	COMPONENTS,
	CONTRACT_ROUTES,
	type ComponentName,
	type ContractRoute,
	type ErrorStatus,
	type HttpMethod,
	type SuccessDoc
} from './contract';

export type JsonSchema = Record<string, unknown>;
export type Reference = { $ref: string };

export interface MediaType {
	schema: JsonSchema;
}
export interface HeaderObject {
	description: string;
	schema: JsonSchema;
}
export interface ResponseObject {
	description: string;
	headers?: Record<string, HeaderObject>;
	content?: Record<string, MediaType>;
}
export interface ParameterObject {
	name: string;
	in: 'path' | 'query';
	required: boolean;
	description?: string;
	schema: JsonSchema;
}
export interface RequestBodyObject {
	required: boolean;
	description?: string;
	content: Record<string, MediaType>;
}
export interface OperationObject {
	operationId: string;
	tags: string[];
	summary: string;
	description: string;
	'x-summary-en': string;
	'x-who': { fr: string; en: string };
	security: Record<string, string[]>[];
	parameters?: ParameterObject[];
	requestBody?: RequestBodyObject;
	responses: Record<string, ResponseObject | Reference>;
}
export type PathItem = Partial<Record<HttpMethod, OperationObject>>;
export interface SecurityScheme {
	type: 'apiKey';
	in: 'cookie';
	name: string;
	description: string;
}
export interface OpenApiDocument {
	openapi: '3.1.0';
	jsonSchemaDialect: string;
	info: { title: string; version: string; description: string };
	tags: { name: string }[];
	security: Record<string, string[]>[];
	paths: Record<string, PathItem>;
	components: {
		schemas: Record<string, JsonSchema>;
		responses: Record<string, ResponseObject>;
		securitySchemes: Record<string, SecurityScheme>;
	};
}

export const OPENAPI_JSON_PATH = '/api/openapi.json';
export const DOCS_PATH = '/api/docs';
const SCHEMA_REF_PREFIX = '#/components/schemas/';
const SECURITY_NAME = 'sessionCookie';
const JSON_TYPE = 'application/json';

const CONVERT = {
	target: 'draft-2020-12',
	io: 'input',
	unrepresentable: 'any'
} as const satisfies z.core.ToJSONSchemaParams;

export function schemaRef(name: ComponentName): Reference {
	return { $ref: `${SCHEMA_REF_PREFIX}${name}` };
}

/** Drops the keys that make sense for a standalone JSON Schema file, not inside OpenAPI. */
function embedded(schema: JsonSchema): JsonSchema {
	const { $schema: _s, $id: _i, ...rest } = schema;
	return rest;
}

/** One schema on its own, never throwing: a shape zod cannot express becomes `{}`. */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
	try {
		return embedded(z.toJSONSchema(schema, CONVERT) as JsonSchema);
	} catch {
		return {};
	}
}

/**
 * The component schemas, converted together through a registry so that a shape used inside
 * another becomes a `$ref` to its component. Should that conversion fail, each shape is
 * converted alone (inlined, still never throwing).
 */
export function componentSchemas(): Record<string, JsonSchema> {
	const entries = Object.entries(COMPONENTS);
	// A local registry: the global one is shared with every other caller of toJSONSchema.
	const registry = z.registry<{ id: string; description: string }>();
	for (const [id, { schema, description }] of entries) registry.add(schema, { id, description });
	try {
		const { schemas } = z.toJSONSchema(registry, {
			...CONVERT,
			metadata: registry,
			uri: (id) => `${SCHEMA_REF_PREFIX}${id}`
		});
		return Object.fromEntries(
			entries.map(([id]) => [id, embedded((schemas[id] ?? {}) as JsonSchema)])
		);
	} catch {
		return Object.fromEntries(
			entries.map(([id, { schema, description }]) => [id, { ...toJsonSchema(schema), description }])
		);
	}
}

const ERROR_RESPONSES = {
	BadRequest: {
		status: 400,
		description:
			'Requête invalide : JSON illisible (INVALID_JSON) ou données refusées par le schéma (VALIDATION_FAILED), le message nomme les champs.'
	},
	Unauthorized: {
		status: 401,
		description: 'Pas de session valide (UNAUTHENTICATED) : se connecter par POST /api/auth/login.'
	},
	Forbidden: {
		status: 403,
		description:
			'Pas membre du groupe (NOT_IN_GROUP), rôle insuffisant (FORBIDDEN_ROLE), compte d’un autre adhérent (FORBIDDEN_MEMBER, NOT_YOUR_ACCOUNT), ou écriture venue d’un autre site (CROSS_SITE_REQUEST).'
	},
	CrossSite: {
		status: 403,
		description:
			'Écriture venue d’un autre site (CROSS_SITE_REQUEST) : en-tête Origin d’un autre hôte ou Sec-Fetch-Site: cross-site.'
	},
	NotFound: {
		status: 404,
		description:
			'Introuvable dans ce groupe (MEMBER_NOT_FOUND, DISTRIBUTION_NOT_FOUND, ORDER_NOT_FOUND).'
	},
	Conflict: { status: 409, description: 'Refus dû à l’état actuel ; le code dit lequel.' },
	Unprocessable: {
		status: 422,
		description: 'Données bien formées mais refusées par une règle métier ; le code la nomme.'
	},
	TooManyRequests: {
		status: 429,
		description:
			'Trop de tentatives de connexion (TOO_MANY_ATTEMPTS) ; l’en-tête Retry-After donne l’attente en secondes.'
	},
	Unavailable: { status: 503, description: 'Service indisponible ; le code dit pourquoi.' }
} as const satisfies Record<string, { status: ErrorStatus; description: string }>;
type ErrorResponseName = keyof typeof ERROR_RESPONSES;

const GENERIC_BY_STATUS: Record<ErrorStatus, ErrorResponseName> = {
	400: 'BadRequest',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'NotFound',
	409: 'Conflict',
	422: 'Unprocessable',
	429: 'TooManyRequests',
	503: 'Unavailable'
};

function errorResponse(description: string, status: ErrorStatus): ResponseObject {
	const res: ResponseObject = {
		description,
		content: { [JSON_TYPE]: { schema: schemaRef('ErrorBody') } }
	};
	if (status === 429) {
		res.headers = {
			'Retry-After': { description: 'Secondes à attendre.', schema: { type: 'integer' } }
		};
	}
	return res;
}

function componentResponses(): Record<string, ResponseObject> {
	return Object.fromEntries(
		Object.entries(ERROR_RESPONSES).map(([name, { status, description }]) => [
			name,
			errorResponse(description, status)
		])
	);
}

const PATH_PARAMETERS: Record<string, string> = {
	groupId: 'Identifiant du groupe.',
	memberId: 'Identifiant du compte de l’adhérent dans le groupe.',
	distributionId: 'Identifiant de la distribution.',
	orderId: 'Identifiant de la commande.'
};

export function pathParameterNames(path: string): string[] {
	return [...path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] ?? '');
}

function parameters(route: ContractRoute): ParameterObject[] {
	const uuid = toJsonSchema(UuidSchema);
	const inPath = pathParameterNames(route.path).map((name): ParameterObject => ({
		name,
		in: 'path',
		required: true,
		description: PATH_PARAMETERS[name] ?? name,
		schema: uuid
	}));
	const inQuery: ParameterObject[] = [];
	if (route.query) {
		const json = toJsonSchema(route.query);
		const properties = (json['properties'] ?? {}) as Record<string, JsonSchema>;
		const required = new Set((json['required'] ?? []) as string[]);
		for (const [name, schema] of Object.entries(properties)) {
			const { description, ...rest } = schema;
			const param: ParameterObject = {
				name,
				in: 'query',
				required: required.has(name),
				schema: rest
			};
			if (typeof description === 'string') param.description = description;
			inQuery.push(param);
		}
	}
	return [...inPath, ...inQuery];
}

function successResponse(doc: SuccessDoc, route: ContractRoute): ResponseObject {
	const content: Record<string, MediaType> = { [JSON_TYPE]: { schema: schemaRef(doc.json) } };
	if (doc.csv) content['text/csv'] = { schema: { type: 'string' } };
	const res: ResponseObject = { description: doc.description, content };
	if (route.setsCookie) {
		res.headers = {
			'Set-Cookie': {
				description: `Le cookie de session ${SESSION_COOKIE} (HttpOnly, SameSite=Lax, Secure en HTTPS).`,
				schema: { type: 'string' }
			}
		};
	}
	return res;
}

/** The answers beside the main success: errors (generic or specific) and other bodies. */
function otherResponses(route: ContractRoute): Record<string, ResponseObject | Reference> {
	const isWrite = route.method !== 'get';
	const implied = new Map<ErrorStatus, ErrorResponseName>();
	const hasInput =
		route.body !== undefined || route.query !== undefined || route.path.includes('{');
	if (hasInput) implied.set(400, 'BadRequest');
	if (route.scope !== 'public') implied.set(401, 'Unauthorized');
	if (route.scope === 'group') implied.set(403, 'Forbidden');
	else if (isWrite) implied.set(403, 'CrossSite');
	if (pathParameterNames(route.path).some((p) => p !== 'groupId')) implied.set(404, 'NotFound');
	for (const [key, value] of Object.entries(route.errors ?? {})) {
		const status = Number(key) as ErrorStatus;
		if (value === true) implied.set(status, GENERIC_BY_STATUS[status]);
	}

	const out: Record<string, ResponseObject | Reference> = {};
	for (const [status, name] of implied) {
		out[String(status)] = { $ref: `#/components/responses/${name}` };
	}
	for (const [key, value] of Object.entries(route.errors ?? {})) {
		if (typeof value === 'string') out[key] = errorResponse(value, Number(key) as ErrorStatus);
	}
	for (const [key, doc] of Object.entries(route.otherResponses ?? {})) {
		out[key] = {
			description: doc.description,
			content: { [JSON_TYPE]: { schema: schemaRef(doc.json) } }
		};
	}
	return out;
}

const CSRF_NOTE =
	'Écriture : refusée (403 CROSS_SITE_REQUEST) quand elle vient d’un autre site que celui de l’application (en-tête Origin).';

function operation(route: ContractRoute): OperationObject {
	const isPublic = route.scope === 'public';
	const description = [
		route.summary.en + '.',
		`Qui : ${route.who.fr}. — Who: ${route.who.en}.`,
		route.notes,
		isPublic ? 'Publique : sans cookie de session.' : undefined,
		route.method === 'get' ? undefined : CSRF_NOTE
	]
		.filter((line): line is string => line !== undefined)
		.join('\n\n');
	const op: Omit<OperationObject, 'responses'> = {
		operationId: route.operationId,
		tags: [route.tag],
		summary: route.summary.fr,
		description,
		'x-summary-en': route.summary.en,
		'x-who': route.who,
		security: isPublic ? [] : [{ [SECURITY_NAME]: [] }]
	};
	const params = parameters(route);
	const responses: Record<string, ResponseObject | Reference> = {
		[String(route.success.status)]: successResponse(route.success.doc, route),
		...otherResponses(route)
	};
	return {
		...op,
		...(params.length > 0 ? { parameters: params } : {}),
		...(route.body
			? {
					requestBody: {
						required: route.body.optional !== true,
						content: { [JSON_TYPE]: { schema: schemaRef(route.body.schema) } }
					}
				}
			: {}),
		responses: Object.fromEntries(
			Object.entries(responses).sort(([a], [b]) => Number(a) - Number(b))
		)
	};
}

const INFO_DESCRIPTION = [
	'Comptes des adhérents et paiements d’un groupement d’achat (AMAP). Montants en centimes entiers (EUR), identifiants UUID en minuscules, dates ISO 8601, corps JSON.',
	`Authentification : le cookie de session ${SESSION_COOKIE} (HttpOnly, SameSite=Lax), posé par POST /api/auth/login. Toute route en a besoin sauf /api/health et /api/auth/login.`,
	'CSRF : une écriture (POST, PUT) venue d’un autre site est refusée en 403 CROSS_SITE_REQUEST — en-tête Origin dont l’hôte diffère de Host, Origin: null, ou Sec-Fetch-Site: cross-site. Les clients hors navigateur (sans Origin) ne sont pas concernés.',
	'Erreurs : toute erreur 4xx a le corps {"error": {"code", "message"}} ; le code est stable, le message est écrit pour une personne. Une entrée invalide n’obtient jamais de 500.',
	`Ce document : ${OPENAPI_JSON_PATH} ; sa page de référence : ${DOCS_PATH}.`
].join('\n\n');

/** The OpenAPI 3.1 document of `routes` (by default, the whole public contract). */
export function buildOpenApiDocument(
	routes: readonly ContractRoute[] = CONTRACT_ROUTES
): OpenApiDocument {
	const paths: Record<string, PathItem> = {};
	const tags: string[] = [];
	for (const route of routes) {
		const item = (paths[route.path] ??= {});
		item[route.method] = operation(route);
		if (!tags.includes(route.tag)) tags.push(route.tag);
	}
	return {
		openapi: '3.1.0',
		jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
		info: { title: 'Paiements AMAP API', version: '0.1.0', description: INFO_DESCRIPTION },
		tags: tags.map((name) => ({ name })),
		security: [{ [SECURITY_NAME]: [] }],
		paths,
		components: {
			schemas: componentSchemas(),
			responses: componentResponses(),
			securitySchemes: {
				[SECURITY_NAME]: {
					type: 'apiKey',
					in: 'cookie',
					name: SESSION_COOKIE,
					description:
						'Session posée par POST /api/auth/login. Les écritures venues d’un autre site (Origin) sont refusées (403 CROSS_SITE_REQUEST).'
				}
			}
		}
	};
}

let cached: OpenApiDocument | undefined;

/** The contract's document, built on first use: it only depends on code. */
export function openApiDocument(): OpenApiDocument {
	return (cached ??= buildOpenApiDocument());
}

// --- Reading the document back (the reference page) --------------------------------------

export function isReference(value: unknown): value is Reference {
	return (
		typeof value === 'object' && value !== null && typeof (value as Reference).$ref === 'string'
	);
}

/** The component name behind a schema `$ref`, or undefined for an inline schema. */
export function resolveSchemaRef(schema: JsonSchema): string | undefined {
	const ref = schema['$ref'];
	return typeof ref === 'string' && ref.startsWith(SCHEMA_REF_PREFIX)
		? ref.slice(SCHEMA_REF_PREFIX.length)
		: undefined;
}

/** A response, following a `#/components/responses/…` reference. */
export function resolveResponse(
	doc: OpenApiDocument,
	response: ResponseObject | Reference
): ResponseObject | undefined {
	if (!isReference(response)) return response;
	const prefix = '#/components/responses/';
	if (!response.$ref.startsWith(prefix)) return undefined;
	return doc.components.responses[response.$ref.slice(prefix.length)];
}
