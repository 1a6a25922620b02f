/**
 * Fetch wrappers typed from the API contract. Every failure becomes an `ApiError` whose message is
 * readable: the server's `{error:{code,message}}` when it answered one, a network note otherwise.
 */
import { ApiPath, CSRF_COOKIE, CSRF_HEADER, ErrorBody, Health, LayerList } from '../../server/api/contract';
import type { LayerCollection, LayerId } from '../../server/api/contract';

/** `code` is the contract's error code, or `network` / `bad_response` for failures before/after HTTP. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The CSRF token the server set in the readable `csrf` cookie (echoed on every write). */
export function csrfToken(): string {
  const m = document.cookie.split(/;\s*/).find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return m ? decodeURIComponent(m.slice(CSRF_COOKIE.length + 1)) : '';
}

/** GET path as JSON (session cookie included). */
export function getJson(path: string, signal?: AbortSignal): Promise<unknown> {
  return requestJson(path, { signal, headers: { accept: 'application/json' } });
}

/** POST/PATCH body as JSON (DELETE: no body) with the CSRF header (the server refuses writes without it). */
export function sendJson(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  if (method === 'DELETE') return requestJson(path, { method, headers: { accept: 'application/json', [CSRF_HEADER]: csrfToken() } });
  return requestJson(path, {
    method,
    headers: { accept: 'application/json', 'content-type': 'application/json', [CSRF_HEADER]: csrfToken() },
    body: JSON.stringify(body ?? {}),
  });
}

async function requestJson(path: string, init: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    // same-origin: the session cookie goes along, and never to another site
    res = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', `Cannot reach the server (${path}).`);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // a proxy error page or an empty answer: handled below
  }
  if (!res.ok) {
    const parsed = ErrorBody.safeParse(body);
    if (parsed.success) throw new ApiError(res.status, parsed.data.error.code, parsed.data.error.message);
    const code = res.status === 502 || res.status === 503 || res.status === 504 ? 'network' : 'http_error';
    throw new ApiError(res.status, code, `HTTP ${res.status} ${res.statusText} (${path})`);
  }
  if (body === null) throw new ApiError(res.status, 'bad_response', `Empty or non-JSON answer from ${path}.`);
  return body;
}

/** GET /api/layers: the layer catalogue, validated against the contract. */
export async function fetchLayers(signal?: AbortSignal): Promise<LayerList> {
  const parsed = LayerList.safeParse(await getJson(ApiPath.layers, signal));
  if (!parsed.success) throw new ApiError(200, 'bad_response', `Unexpected layer list: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** GET /api/layers/:id: one layer as a GeoJSON FeatureCollection. */
export async function fetchLayer(id: LayerId, signal?: AbortSignal): Promise<LayerCollection> {
  return (await getJson(ApiPath.layer(id), signal)) as LayerCollection;
}

/** GET /api/health. */
export async function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return Health.parse(await getJson(ApiPath.health, signal));
}

/** The URL MapLibre loads a layer's GeoJSON from (absolute, since workers resolve against their own URL). */
export function layerDataUrl(id: LayerId, base: string = globalThis.location?.href ?? 'http://localhost/'): string {
  return new URL(ApiPath.layer(id), base).href;
}
