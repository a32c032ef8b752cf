/**
 * The brigade administrator's calls for the insurers' webhook endpoints:
 * each with the signed-in admin's token (a 401 ends the session on this
 * phone, as for the reviewer), failures named by what an admin can do about
 * them — `refused` when the server would not deliver to the address,
 * `endpoint-disabled` when a replay waits for the endpoint to be enabled.
 */
import { createAdminApiClient, type AdminApi, type ApiFailure, type ApiResult } from '../api';
import type { SessionStore } from '../storage';
import { reviewFailure, withToken } from './review-client';

/** Why an admin's call failed, as the screens word it (never a code). */
export type AdminFailure =
  | 'signed-out'
  | 'offline'
  | 'forbidden'
  | 'not-found'
  | 'refused'
  | 'endpoint-disabled'
  | 'conflict'
  /** Another operation of this screen was still on its way: this one was not sent. */
  | 'busy'
  | 'invalid'
  | 'server';

/** `code`: the server's own word for a refusal (e.g. `username_taken`), when it said one. */
export type AdminResult<T> =
  { ok: true; value: T } | { ok: false; failure: AdminFailure; code?: string };

function httpWords(status: number, code: string | undefined): AdminFailure {
  if (status === 401) return 'signed-out';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (code === 'endpoint_refused') return 'refused';
  if (code === 'endpoint_disabled') return 'endpoint-disabled';
  if (status === 409) return 'conflict';
  if (status >= 400 && status < 500) return 'invalid';
  return 'server';
}

/** The failure in the admin's terms (without an HTTP status, the reviewer's words: signed out or offline). */
export function adminFailure(failure: ApiFailure | { kind: 'signed-out' }): AdminFailure {
  if (failure.kind === 'http') return httpWords(failure.status, failure.code);
  return reviewFailure(failure) === 'signed-out' ? 'signed-out' : 'offline';
}

/** The API of the page's own origin (the app and the API share one). */
let shared: AdminApi | undefined;
export function adminApi(): AdminApi {
  return (shared ??= createAdminApiClient({ baseUrl: globalThis.location.origin }));
}

/** Runs `call` with the admin's token, the failure in the admin's terms. */
export async function adminCall<T>(
  session: Pick<SessionStore, 'active' | 'reject'>,
  call: (api: AdminApi, token: string) => Promise<ApiResult<T>>,
): Promise<AdminResult<T>> {
  const result = await withToken(session, (token) => call(adminApi(), token));
  if (result.ok) return result;
  const failure = adminFailure(result.failure);
  const code = result.failure.kind === 'http' ? result.failure.code : undefined;
  return code ? { ok: false, failure, code } : { ok: false, failure };
}
