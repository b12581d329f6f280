/**
 * The API reference page, rendered on the server from the OpenAPI document: plain HTML and an
 * inline stylesheet, no script and nothing loaded from elsewhere, so it works offline and under
 * `default-src 'none'`. Every piece of text from the document goes through `escapeHtml`.
 */
import { HTTP_METHODS } from './contract';
import {
	isReference,
	OPENAPI_JSON_PATH,
	resolveResponse,
	resolveSchemaRef,
	type JsonSchema,
	type OpenApiDocument,
	type OperationObject,
	type ParameterObject
} from './openapi';

/** The page's Content-Security-Policy: no script, no fetch, no frame, only its own styles. */
export const DOCS_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Text made safe for HTML content and quoted attribute values. `escapeHtml('<b>')` → `&lt;b&gt;`. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

function anchorId(prefix: string, name: string): string {
	return `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

const REF_IN_JSON = /&quot;#\/components\/schemas\/([A-Za-z0-9_]+)&quot;/g;

/** Pretty-printed JSON, escaped, with each schema `$ref` turned into a link to its section. */
export function jsonBlock(value: unknown): string {
	const escaped = escapeHtml(JSON.stringify(value, null, 2) ?? 'null');
	const linked = escaped.replace(
		REF_IN_JSON,
		(_m, name: string) =>
			`<a href="#${anchorId('schema', name)}">&quot;#/components/schemas/${name}&quot;</a>`
	);
	return `<pre><code>${linked}</code></pre>`;
}

function schemaLink(schema: JsonSchema): string {
	const name = resolveSchemaRef(schema);
	return name === undefined
		? ''
		: `<p>Schéma <a href="#${anchorId('schema', name)}">${escapeHtml(name)}</a></p>`;
}

/** A schema shown where it is used: the component behind a `$ref` is shown expanded once. */
function schemaBlock(doc: OpenApiDocument, schema: JsonSchema): string {
	const name = resolveSchemaRef(schema);
	const shown = name === undefined ? schema : (doc.components.schemas[name] ?? schema);
	return schemaLink(schema) + jsonBlock(shown);
}

function paragraphs(text: string): string {
	return text
		.split(/\n{2,}/)
		.map((p) => `<p>${escapeHtml(p)}</p>`)
		.join('\n');
}

/** The description without what the page already shows above it (English summary, who). */
function notes(op: OperationObject): string {
	return op.description
		.split(/\n{2,}/)
		.filter((p) => p !== `${op['x-summary-en']}.` && !p.startsWith('Qui : '))
		.join('\n\n');
}

function parametersHtml(params: readonly ParameterObject[]): string {
	const rows = params
		.map(
			(p) =>
				`<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in === 'path' ? 'chemin' : 'requête')}</td>` +
				`<td>${p.required ? 'oui' : 'non'}</td><td>${escapeHtml(p.description ?? '')}</td>` +
				`<td>${jsonBlock(p.schema)}</td></tr>`
		)
		.join('\n');
	return (
		'<h4>Paramètres</h4>\n<table><thead><tr><th>Nom</th><th>Où</th><th>Obligatoire</th>' +
		`<th>Description</th><th>Schéma</th></tr></thead><tbody>\n${rows}\n</tbody></table>`
	);
}

function operationHtml(
	doc: OpenApiDocument,
	path: string,
	method: string,
	op: OperationObject
): string {
	const parts: string[] = [];
	const id = anchorId('op', op.operationId);
	parts.push(
		`<section class="op" id="${escapeHtml(id)}">`,
		`<h3><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> ` +
			`<code class="path">${escapeHtml(path)}</code></h3>`,
		`<p class="summary">${escapeHtml(op.summary)} <span class="en" lang="en">— ${escapeHtml(op['x-summary-en'])}</span></p>`,
		`<p><strong>Qui :</strong> ${escapeHtml(op['x-who'].fr)} <span class="en" lang="en">(${escapeHtml(op['x-who'].en)})</span></p>`,
		`<p><strong>Authentification :</strong> ${
			op.security.length === 0
				? 'aucune (route publique)'
				: `cookie de session <code>${escapeHtml(sessionCookieName(doc))}</code>`
		}</p>`,
		`<div class="notes">${paragraphs(notes(op))}</div>`
	);
	if (op.parameters && op.parameters.length > 0) parts.push(parametersHtml(op.parameters));
	if (op.requestBody) {
		parts.push(
			`<h4>Corps de la requête ${op.requestBody.required ? '(obligatoire)' : '(facultatif)'}</h4>`
		);
		for (const [type, media] of Object.entries(op.requestBody.content)) {
			parts.push(`<p><code>${escapeHtml(type)}</code></p>`, schemaBlock(doc, media.schema));
		}
	}
	parts.push('<h4>Réponses</h4>');
	for (const [status, raw] of Object.entries(op.responses)) {
		const res = resolveResponse(doc, raw);
		const refName = isReference(raw) ? raw.$ref.split('/').pop() : undefined;
		parts.push(
			`<div class="response"><h5><span class="status s${escapeHtml(status.charAt(0))}xx">${escapeHtml(status)}</span> ${escapeHtml(res?.description ?? '')}` +
				(refName ? ` <small>(${escapeHtml(refName)})</small>` : '') +
				'</h5>'
		);
		for (const [name, header] of Object.entries(res?.headers ?? {})) {
			parts.push(
				`<p>En-tête <code>${escapeHtml(name)}</code> : ${escapeHtml(header.description)}</p>`
			);
		}
		for (const [type, media] of Object.entries(res?.content ?? {})) {
			// The error body is the same everywhere: link it rather than repeat it.
			const body =
				resolveSchemaRef(media.schema) === 'ErrorBody'
					? schemaLink(media.schema)
					: schemaBlock(doc, media.schema);
			parts.push(`<p><code>${escapeHtml(type)}</code></p>`, body);
		}
		parts.push('</div>');
	}
	parts.push('</section>');
	return parts.join('\n');
}

function sessionCookieName(doc: OpenApiDocument): string {
	const scheme = Object.values(doc.components.securitySchemes)[0];
	return scheme?.name ?? '';
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2b1f;background:#f7f8f5}
main{max-width:70rem;margin:0 auto;padding:1rem 1.5rem 4rem}
h1{margin-bottom:.2rem}h2{margin-top:2.5rem;border-bottom:2px solid #cfd8c8}
code,pre{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:13px}
pre{background:#fff;border:1px solid #dde3d6;border-radius:6px;padding:.6rem .8rem;overflow:auto;max-height:32rem;margin:.3rem 0}
.op{background:#fff;border:1px solid #dde3d6;border-radius:8px;padding:.2rem 1.2rem 1rem;margin:1.2rem 0}
.op pre{background:#fafbf8}
.method{display:inline-block;min-width:3.4rem;text-align:center;border-radius:4px;padding:0 .4rem;color:#fff;font-size:13px}
.get{background:#2f6f9f}.post{background:#2e7d32}.put{background:#a4661b}
.path{font-size:15px}.en{color:#5b6b5d}
.status{display:inline-block;border-radius:4px;padding:0 .4rem;color:#fff;font-family:ui-monospace,monospace}
.s2xx{background:#2e7d32}.s4xx{background:#b3261e}.s5xx{background:#6b3fa0}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #dde3d6;padding:.3rem .5rem;text-align:left;vertical-align:top}
nav ul{columns:2;padding-left:1.2rem}a{color:#2f6f9f}
`;

/** The whole reference page of `doc`. */
export function renderDocsPage(doc: OpenApiDocument): string {
	const toc: string[] = [];
	const sections: string[] = [];
	for (const [path, item] of Object.entries(doc.paths)) {
		for (const method of HTTP_METHODS) {
			const op = item[method];
			if (!op) continue;
			toc.push(
				`<li><a href="#${escapeHtml(anchorId('op', op.operationId))}"><code>${escapeHtml(method.toUpperCase())} ${escapeHtml(path)}</code></a> — ${escapeHtml(op.summary)}</li>`
			);
			sections.push(operationHtml(doc, path, method, op));
		}
	}
	const schemas = Object.entries(doc.components.schemas)
		.map(
			([name, schema]) =>
				`<section id="${escapeHtml(anchorId('schema', name))}"><h3><code>${escapeHtml(name)}</code></h3>` +
				(typeof schema['description'] === 'string'
					? `<p>${escapeHtml(schema['description'])}</p>`
					: '') +
				`${jsonBlock(schema)}</section>`
		)
		.join('\n');
	const title = `${doc.info.title} ${doc.info.version}`;
	return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} — référence</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(doc.info.title)}</h1>
<p>Version ${escapeHtml(doc.info.version)} · OpenAPI ${escapeHtml(doc.openapi)} · <a href="${escapeHtml(OPENAPI_JSON_PATH)}">document OpenAPI (JSON)</a></p>
${paragraphs(doc.info.description)}
<nav><h2>Routes</h2><ul>
${toc.join('\n')}
</ul></nav>
<h2>Détail des routes</h2>
${sections.join('\n')}
<h2>Schémas</h2>
${schemas}
</main>
</body>
</html>
`;
}
