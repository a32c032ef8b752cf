/**
 * One fetch with the rules every call shares: a timeout, the bearer token,
 * and an answer that counts only when it parses with the route's contract
 * (RELIABILITY.md rule 2: a captive portal's or a service worker fallback's
 * 200 is not an answer). Errors in our `{ error: { code } }` shape carry the
 * code; `Retry-After` is passed on for the backoff.
 */
import type * as z from 'zod/mini';
import { ErrorBody } from '../contracts/errors';
import { failed, success, type ApiFailure, type ApiResult } from './result';

export interface HttpConfig {
  /** Origin of the server, '' for the page's own (the app and API share one). */
  baseUrl: string;
  /** Per-request timeout; default 30 s. */
  timeoutMs?: number;
  /** Injected for tests; default the global fetch. */
  fetch?: typeof fetch;
}

export interface RequestSpec<S extends z.ZodMiniType> {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  token?: string;
  body?: unknown;
  /** Contract schema of the success body; undefined for an empty answer. */
  schema?: S;
  /** Success statuses (default: 200). */
  ok?: readonly number[];
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** An answer, read whole. */
export interface Received {
  status: number;
  headers: Headers;
  text: string;
}

/** The query string of the defined string fields, `''` when none. */
export function queryString(query: object): string {
  const params = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  return params.size > 0 ? `?${params.toString()}` : '';
}

/** Sends the request and answers the parsed body or a classified failure. */
export async function request<S extends z.ZodMiniType>(
  config: HttpConfig,
  spec: RequestSpec<S>,
): Promise<ApiResult<z.infer<S>>> {
  const sent = await send(config, spec);
  if (!sent.ok) return sent;
  const response = sent.value;
  if (!(spec.ok ?? [200]).includes(response.status)) return failed(httpFailure(response));
  if (!spec.schema) return success(undefined as z.infer<S>);
  const json = readJson(response);
  if (json === undefined) return failed({ kind: 'not-a-receipt', message: 'not JSON' });
  const parsed = spec.schema.safeParse(json);
  return parsed.success
    ? success(parsed.data)
    : failed({ kind: 'not-a-receipt', message: 'JSON that is not the contract’s answer' });
}

/** Sends and answers the raw response (status not yet judged), or a network failure. */
export function send(
  config: HttpConfig,
  spec: Pick<RequestSpec<z.ZodMiniType>, 'method' | 'path' | 'token' | 'body'>,
): Promise<ApiResult<Received>> {
  return fetchWithin(config, spec, async (response) => ({
    status: response.status,
    headers: response.headers,
    // Read the body inside the timeout too: a stalled body is a stalled answer.
    text: spec.method === 'HEAD' ? '' : await response.text(),
  }));
}

/** GETs bytes (a photo, a CSV with `accept`): the blob on 200, else the failure the status means. */
export async function getBlob(
  config: HttpConfig,
  spec: { path: string; token: string; accept?: string },
): Promise<ApiResult<Blob>> {
  const got = await fetchWithin(
    config,
    { method: 'GET', accept: 'image/jpeg', ...spec },
    async (response): Promise<ApiResult<Blob>> =>
      response.status === 200
        ? success(await response.blob())
        : failed(
            httpFailure({
              status: response.status,
              headers: response.headers,
              text: await response.text(),
            }),
          ),
  );
  return got.ok ? got.value : got;
}

/** One fetch under the timeout, its answer read by `read` (also under the timeout). */
async function fetchWithin<T>(
  config: HttpConfig,
  spec: Pick<RequestSpec<z.ZodMiniType>, 'method' | 'path' | 'token' | 'body'> & {
    accept?: string;
  },
  read: (response: Response) => Promise<T>,
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: spec.accept ?? 'application/json' };
  if (spec.token) headers['authorization'] = `Bearer ${spec.token}`;
  if (spec.body !== undefined) headers['content-type'] = 'application/json';
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, config.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const response = await (config.fetch ?? fetch)(`${config.baseUrl}${spec.path}`, {
      method: spec.method,
      headers,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal: controller.signal,
      cache: 'no-store',
      credentials: 'omit',
    });
    return success(await read(response));
  } catch (error) {
    return failed({
      kind: timedOut ? 'timeout' : 'network',
      message: error instanceof Error ? error.message : String(error),
    });
  } finally {
    clearTimeout(timer);
  }
}

/** The failure a non-success status means, with the server's code when it is our error shape. */
export function httpFailure(response: Received): ApiFailure {
  const json = readJson(response);
  const body = json === undefined ? undefined : ErrorBody.safeParse(json);
  const error = body?.success ? body.data.error : undefined;
  // Our server answers 401 with `unauthenticated` in our shape. A 401 page from
  // a proxy or portal is not the server saying the session ended: do not hold
  // the queue for it, retry.
  if (response.status === 401 && !error) {
    return { kind: 'not-a-receipt', message: '401 without the server’s error body' };
  }
  const failure: ApiFailure = { kind: 'http', status: response.status };
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter !== null) failure.retryAfter = retryAfter;
  if (error) {
    failure.code = error.code;
    failure.message = error.message;
    if (error.details) failure.details = error.details;
  }
  return failure;
}

/** The JSON body, or undefined when the answer is not JSON (HTML, text, empty). */
export function readJson(response: Pick<Received, 'headers' | 'text'>): unknown {
  const type = response.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) return undefined;
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    return undefined;
  }
}
