/**
 * Failure reasons in words. The outbox records a stable slug for every
 * failure (the server's `error.code`, or the runner's own: `network`,
 * `server-503`, `photo:too-large`, `pull:forbidden_role` …); a person reads a
 * sentence, never the slug. Every code the contracts name (COMMON_ERROR_CODES,
 * CASE_REFUSALS, HANDOVER_REFUSALS, UPLOAD_REFUSALS) and every fallback of classifyFailure
 * has its words; anything else falls back by its shape, still in words.
 * The sentences are in reason-messages.ts (`reasons.*`).
 */
import type { TFunction } from 'i18next';
import type { ApiFailure } from '../api';

/** Words of each reason, by its key in reason-messages.ts. Codes are matched with `-` for `_`. */
const WORDS: Readonly<Record<string, string>> = {
  network: 'network',
  timeout: 'timeout',
  'not-a-receipt': 'not-a-receipt',
  'request-timeout': 'busy',
  'too-early': 'busy',
  'rate-limited': 'busy',
  locked: 'locked',
  internal: 'server',
  'db-unavailable': 'server',
  'storage-unavailable': 'server',
  'bad-request': 'invalid',
  'validation-failed': 'invalid',
  'unsupported-media-type': 'invalid',
  'invalid-upload-length': 'invalid',
  'invalid-upload-metadata': 'invalid',
  'invalid-tus-request': 'invalid',
  'tus-version-unsupported': 'invalid',
  'upload-offset-conflict': 'conflict',
  'upload-too-large': 'too-large',
  forbidden: 'forbidden',
  'forbidden-role': 'forbidden-role',
  'forbidden-action': 'forbidden-role',
  'not-found': 'not-found',
  gone: 'not-found',
  'too-large': 'too-large',
  refused: 'refused',
  conflict: 'conflict',
  'manifest-conflict': 'conflict',
  'chain-broken': 'conflict',
  'version-superseded': 'conflict',
  // The runner fetches the stored version and sends its content as the next one.
  'version-gap': 'conflict',
  'invalid-transition': 'invalid-transition',
  'photo-hash-mismatch': 'photo-hash-mismatch',
  'hash-mismatch': 'photo-hash-mismatch',
  'case-id-mismatch': 'case-mismatch',
  'case-hash-mismatch': 'case-mismatch',
  'manifest-mismatch': 'case-mismatch',
  'bad-signature': 'bad-signature',
  'device-unknown': 'device-unknown',
  'device-revoked': 'device-revoked',
  'officer-mismatch': 'officer-mismatch',
  'not-case-officer': 'not-case-officer',
  'invalid-handover': 'invalid-handover',
  'signed-content-changed': 'sealed',
  'signatures-removed': 'sealed',
  'amendment-mismatch': 'sealed',
  'reopen-required': 'reopen-required',
  'station-cannot-determine': 'station-cannot-determine',
  unauthenticated: 'unauthenticated',
  'bad-credentials': 'bad-credentials',
  'local-photo-damaged': 'local-photo-damaged',
  'case-unreadable': 'case-unreadable',
  'needs-attention': 'needs-attention',
};

/** Reasons known only by their shape: a status the runner named, a framework's code. */
const SHAPES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(server|http)-5\d\d$/, 'server'],
  [/^http-4\d\d$/, 'refused'],
  [/^unexpected-\d+$/, 'unexpected'],
  // Fastify's own client errors (bad JSON, wrong media type …), lower-cased.
  [/^fst-/, 'invalid'],
];

/** The message key (under `reasons.`) for a reason without its part prefix. */
export function reasonKey(code: string): string {
  const slug = code.trim().toLowerCase().replace(/_/g, '-');
  return WORDS[slug] ?? SHAPES.find(([shape]) => shape.test(slug))?.[1] ?? 'other';
}

/** A failure reason in words; reasons may name their part first (`photo:too-large`). */
export function reasonText(t: TFunction, reason: string): string {
  const match = /^(photo|case|pull):(.+)$/.exec(reason);
  const words = t(`reasons.${reasonKey(match?.[2] ?? reason)}`);
  return match ? `${t(`reasons.part.${match[1]}`)}${words}` : words;
}

/** The reason slug of a failed API call, as the outbox records it. */
export function failureReason(failure: ApiFailure): string {
  if (failure.kind !== 'http') return failure.kind;
  return failure.code ?? `http-${failure.status}`;
}
