/**
 * The accident squad's calls for the reviewer's screens: each with the
 * signed-in reviewer's token (a 401 ends the session on this phone, as for
 * the officer's sync), failures named by what a reviewer can do about them,
 * and the changes feed read from a cursor to learn that the queue moved.
 */
import { createReviewApiClient, type ApiFailure, type ApiResult, type ReviewApi } from '../api';
import type { ChangesResponse } from '../contracts/changes';
import { ReviewConflict } from '../contracts/review';
import type { SessionStore } from '../storage';

/** Why a reviewer's call failed, as the screens word it (never a code). */
export type ReviewFailure =
  | 'signed-out'
  | 'offline'
  | 'forbidden'
  | 'not-found'
  | 'invalid-transition'
  | 'invalid'
  | 'server';

export type ReviewResult<T> = { ok: true; value: T } | { ok: false; failure: ReviewFailure };

/** The failure in the reviewer's terms. */
export function reviewFailure(failure: ApiFailure | { kind: 'signed-out' }): ReviewFailure {
  switch (failure.kind) {
    case 'signed-out':
      return 'signed-out';
    case 'network':
    case 'timeout':
    case 'not-a-receipt':
      return 'offline';
    case 'http':
      if (failure.status === 401) return 'signed-out';
      if (failure.status === 403) return 'forbidden';
      if (failure.status === 404) return 'not-found';
      if (failure.status === 409) return 'invalid-transition';
      if (failure.status >= 400 && failure.status < 500) return 'invalid';
      return 'server';
  }
}

/** The API of the page's own origin (the app and the API share one). */
let shared: ReviewApi | undefined;
export function reviewApi(): ReviewApi {
  return (shared ??= createReviewApiClient({ baseUrl: globalThis.location.origin }));
}

/** Runs `call` with the reviewer's token; a 401 ends the session (RELIABILITY.md rule 6). */
export async function withToken<T>(
  session: Pick<SessionStore, 'active' | 'reject'>,
  call: (token: string) => Promise<ApiResult<T>>,
): Promise<ApiResult<T> | { ok: false; failure: { kind: 'signed-out' } }> {
  const active = await session.active();
  if (!active) return { ok: false, failure: { kind: 'signed-out' } };
  const result = await call(active.token);
  if (!result.ok && result.failure.kind === 'http' && result.failure.status === 401) {
    await session.reject(active.token);
  }
  return result;
}

/** The same, with the failure in the reviewer's terms. */
export async function reviewCall<T>(
  session: Pick<SessionStore, 'active' | 'reject'>,
  call: (token: string) => Promise<ApiResult<T>>,
): Promise<ReviewResult<T>> {
  const result = await withToken(session, call);
  return result.ok ? result : { ok: false, failure: reviewFailure(result.failure) };
}

/** The conflict a `409 review_conflict` names, or undefined for any other failure. */
export function conflictOf(
  failure: ApiFailure | { kind: 'signed-out' },
): ReviewConflict | undefined {
  if (failure.kind !== 'http' || failure.status !== 409 || failure.code !== 'review_conflict') {
    return undefined;
  }
  const parsed = ReviewConflict.safeParse(failure.details);
  return parsed.success ? parsed.data : undefined;
}

/** What the changes feed said since the cursor. */
export interface FeedNews {
  cursor: string;
  /** Cases received (new, or a new version) since the cursor. */
  arrived: number;
  /** Any change at all: the page shown may be out of date. */
  changed: boolean;
}

/** Reads the feed from `cursor` to its end (a few pages at most per poll). */
export async function readFeed(
  getChanges: (cursor: string) => Promise<ReviewResult<ChangesResponse>>,
  cursor: string,
  maxPages = 5,
): Promise<ReviewResult<FeedNews>> {
  const arrived = new Set<string>();
  let changed = false;
  let at = cursor;
  for (let page = 0; page < maxPages; page++) {
    const answer = await getChanges(at);
    if (!answer.ok) return answer;
    for (const c of answer.value.changes) {
      changed = true;
      if (c.kind === 'received') arrived.add(c.caseId);
    }
    at = answer.value.nextCursor;
    if (!answer.value.more) break;
  }
  return { ok: true, value: { cursor: at, arrived: arrived.size, changed } };
}
