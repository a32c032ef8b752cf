/**
 * What to do when sending a part of the outbox failed. One classifier for
 * every call the sync runner makes (tus uploads, the case PUT, the pull), so
 * a status is never handled two ways (DHIS2's untested classifier had a
 * string-vs-number bug; this one has a table test for every status it names).
 *
 * Nothing here ever says "discard": the worst outcome is `needs-attention`,
 * which keeps the item and shows the officer why.
 */

/** A failed exchange with the server, as the API client reports it. */
export type SendFailure =
  | { kind: 'network' }
  | { kind: 'timeout' }
  | {
      kind: 'http';
      status: number;
      /** The `Retry-After` header as sent (seconds or an HTTP date). */
      retryAfter?: string;
      /** The server's `error.code` when the body was our error shape. */
      code?: string;
    }
  /** A 2xx that is not the answer the contract promises: captive portal, HTML fallback, bad JSON. */
  | { kind: 'not-a-receipt' };

export type FailureAction =
  | { action: 'retry'; reason: string }
  | { action: 'hold-auth' }
  | { action: 'reconcile'; reason: string }
  | { action: 'needs-attention'; reason: string };

/** Statuses that say "try again later" (besides 5xx). */
const RETRY_STATUSES: Readonly<Record<number, string>> = {
  408: 'request-timeout',
  425: 'too-early',
  429: 'rate-limited',
  // The tus endpoint's "upload locked by another request" (B12): back off.
  423: 'locked',
};

/** 4xx statuses that need a person, with the reason shown when the server gave no code. */
const ATTENTION_STATUSES: Readonly<Record<number, string>> = {
  400: 'bad-request',
  403: 'forbidden',
  404: 'not-found',
  410: 'gone',
  413: 'too-large',
  415: 'unsupported-media-type',
  422: 'refused',
};

/**
 * Decides what a failure means:
 *  - network errors, timeouts, 408, 423, 425, 429 and 5xx: retry with backoff;
 *  - a 200 that is not a receipt (captive portal, HTML): retry — the server never saw it;
 *  - 460 `photo_hash_mismatch` (bytes damaged in transit): retry from the verified local copy;
 *  - 401: hold the whole queue until the officer signs in again;
 *  - 409: reconcile with the server's answer (stale tus offset, manifest conflict, broken chain);
 *  - any other 4xx (413, 422, 403, 404 …): needs attention, with the reason.
 */
export function classifyFailure(failure: SendFailure): FailureAction {
  switch (failure.kind) {
    case 'network':
      return { action: 'retry', reason: 'network' };
    case 'timeout':
      return { action: 'retry', reason: 'timeout' };
    case 'not-a-receipt':
      return { action: 'retry', reason: 'not-a-receipt' };
    case 'http':
      return classifyStatus(failure.status, failure.code);
  }
}

function classifyStatus(status: number, code: string | undefined): FailureAction {
  if (!Number.isInteger(status) || status <= 0) return { action: 'retry', reason: 'network' };
  if (status === 401) return { action: 'hold-auth' };
  if (status === 409) return { action: 'reconcile', reason: code ?? 'conflict' };
  if (status === 460) return { action: 'retry', reason: code ?? 'photo_hash_mismatch' };
  const retry = RETRY_STATUSES[status];
  if (retry !== undefined) return { action: 'retry', reason: code ?? retry };
  if (status >= 500 && status <= 599)
    return { action: 'retry', reason: code ?? `server-${status}` };
  if (status >= 400 && status <= 499) {
    return {
      action: 'needs-attention',
      reason: code ?? ATTENTION_STATUSES[status] ?? `http-${status}`,
    };
  }
  // 1xx/2xx/3xx reaching here carried no receipt: the server may never have seen it.
  return { action: 'retry', reason: `unexpected-${status}` };
}

/**
 * A 409 `version_gap` (the server is behind this phone's receipt, e.g.
 * restored from a backup) whose case fetch answers 404: the server holds no
 * version at all, so the phone forgets its receipt and sends its content as
 * version 1 instead of chaining onto a version the server no longer has.
 */
export function serverLostCase(conflict: string, fetched: SendFailure): boolean {
  return conflict === 'version_gap' && fetched.kind === 'http' && fetched.status === 404;
}
