/**
 * How the sync engine reaches the server. The engine only sees this interface, so tests and
 * the device simulation can pass another transport (in-process app, flaky network).
 */
import {
	PullResultSchema,
	PushResultSchema,
	type Operation,
	type PullResult,
	type PushResult
} from '../domain/schemas';
import type { CloseoutCount, DeviceReport } from '../domain/closeout';

/** Why a request failed: `network` and `server` are retried, `auth` needs a new sign-in. */
export class TransportError extends Error {
	constructor(
		readonly kind: 'network' | 'server' | 'auth' | 'forbidden' | 'client',
		message: string,
		readonly status?: number
	) {
		super(message);
		this.name = 'TransportError';
	}

	get retryable(): boolean {
		return this.kind === 'network' || this.kind === 'server';
	}
}

export interface SyncTransport {
	push(body: { groupId: string; deviceId: string; operations: Operation[] }): Promise<PushResult>;
	pull(groupId: string, cursor?: string): Promise<PullResult>;
	/** Sends a close-out count recorded on the device. */
	putCloseout?(groupId: string, distributionId: string, count: CloseoutCount): Promise<void>;
	/** Tells the coordinator's review queue about operations the server refused. */
	reportRefused?(groupId: string, deviceId: string, reports: DeviceReport[]): Promise<void>;
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

async function errorMessage(res: Response): Promise<string> {
	try {
		const body = (await res.json()) as { error?: { message?: string } };
		return body.error?.message ?? `Erreur ${res.status}`;
	} catch {
		return `Erreur ${res.status}`;
	}
}

/** The transport over HTTP (`fetch`), with the session cookie. */
export function httpTransport(fetchImpl: FetchLike, baseUrl = ''): SyncTransport {
	async function call(path: string, init?: RequestInit): Promise<unknown> {
		let res: Response;
		try {
			res = await fetchImpl(baseUrl + path, { credentials: 'same-origin', ...init });
		} catch {
			throw new TransportError('network', 'Pas de connexion au serveur.');
		}
		if (res.status === 401) throw new TransportError('auth', await errorMessage(res), 401);
		if (res.status === 403) throw new TransportError('forbidden', await errorMessage(res), 403);
		if (res.status >= 500) throw new TransportError('server', await errorMessage(res), res.status);
		if (!res.ok) throw new TransportError('client', await errorMessage(res), res.status);
		try {
			return await res.json();
		} catch {
			throw new TransportError('server', 'Réponse illisible du serveur.', res.status);
		}
	}
	return {
		async push(body) {
			const json = await call('/api/sync/push', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body)
			});
			const r = PushResultSchema.safeParse(json);
			if (!r.success) throw new TransportError('server', 'Réponse de synchronisation invalide.');
			return r.data;
		},
		async putCloseout(groupId, distributionId, count) {
			await call(`/api/groups/${groupId}/distributions/${distributionId}/closeout`, {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(count)
			});
		},
		async reportRefused(groupId, deviceId, reports) {
			await call(`/api/groups/${groupId}/review/reports`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ deviceId, reports })
			});
		},
		async pull(groupId, cursor) {
			const q = new URLSearchParams({ groupId, ...(cursor ? { cursor } : {}) });
			const json = await call(`/api/sync/pull?${q}`);
			const r = PullResultSchema.safeParse(json);
			if (!r.success) throw new TransportError('server', 'Réponse de synchronisation invalide.');
			return r.data;
		}
	};
}
