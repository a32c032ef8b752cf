import { describe, expect, it } from 'vitest';
import {
  classifyFailure,
  serverLostCase,
  type FailureAction,
  type SendFailure,
} from './classify-failure';

const http = (status: number, extra: Partial<Extract<SendFailure, { kind: 'http' }>> = {}) =>
  ({ kind: 'http', status, ...extra }) as const;

// Every status and error the classifier names, with what it must decide.
const TABLE: [string, SendFailure, FailureAction][] = [
  ['network error', { kind: 'network' }, { action: 'retry', reason: 'network' }],
  ['status 0 (fetch gave up)', http(0), { action: 'retry', reason: 'network' }],
  ['timeout', { kind: 'timeout' }, { action: 'retry', reason: 'timeout' }],
  [
    'captive portal 200 HTML',
    { kind: 'not-a-receipt' },
    { action: 'retry', reason: 'not-a-receipt' },
  ],
  ['200 without a receipt', http(200), { action: 'retry', reason: 'unexpected-200' }],
  ['302 to a login page', http(302), { action: 'retry', reason: 'unexpected-302' }],
  ['400', http(400), { action: 'needs-attention', reason: 'bad-request' }],
  [
    '400 validation_failed',
    http(400, { code: 'validation_failed' }),
    { action: 'needs-attention', reason: 'validation_failed' },
  ],
  ['401', http(401, { code: 'unauthenticated' }), { action: 'hold-auth' }],
  [
    '403 device_revoked',
    http(403, { code: 'device_revoked' }),
    { action: 'needs-attention', reason: 'device_revoked' },
  ],
  ['403', http(403), { action: 'needs-attention', reason: 'forbidden' }],
  ['404', http(404), { action: 'needs-attention', reason: 'not-found' }],
  ['408', http(408), { action: 'retry', reason: 'request-timeout' }],
  [
    '409 manifest_conflict',
    http(409, { code: 'manifest_conflict' }),
    { action: 'reconcile', reason: 'manifest_conflict' },
  ],
  ['409 stale tus offset', http(409), { action: 'reconcile', reason: 'conflict' }],
  ['410', http(410), { action: 'needs-attention', reason: 'gone' }],
  ['413', http(413), { action: 'needs-attention', reason: 'too-large' }],
  ['415', http(415), { action: 'needs-attention', reason: 'unsupported-media-type' }],
  [
    '422 bad_signature',
    http(422, { code: 'bad_signature' }),
    { action: 'needs-attention', reason: 'bad_signature' },
  ],
  ['422', http(422), { action: 'needs-attention', reason: 'refused' }],
  ['423 locked upload', http(423), { action: 'retry', reason: 'locked' }],
  ['425', http(425), { action: 'retry', reason: 'too-early' }],
  ['429 without Retry-After', http(429), { action: 'retry', reason: 'rate-limited' }],
  [
    '429 with Retry-After',
    http(429, { retryAfter: '120', code: 'rate_limited' }),
    { action: 'retry', reason: 'rate_limited' },
  ],
  [
    '460 photo_hash_mismatch',
    http(460, { code: 'photo_hash_mismatch' }),
    { action: 'retry', reason: 'photo_hash_mismatch' },
  ],
  ['460 without a body', http(460), { action: 'retry', reason: 'photo_hash_mismatch' }],
  ['418 (any other 4xx)', http(418), { action: 'needs-attention', reason: 'http-418' }],
  ['500', http(500, { code: 'internal' }), { action: 'retry', reason: 'internal' }],
  ['500 without a body', http(500), { action: 'retry', reason: 'server-500' }],
  ['502', http(502), { action: 'retry', reason: 'server-502' }],
  ['503', http(503), { action: 'retry', reason: 'server-503' }],
  ['504', http(504), { action: 'retry', reason: 'server-504' }],
  ['599', http(599), { action: 'retry', reason: 'server-599' }],
];

describe('classifyFailure', () => {
  it.each(TABLE)('%s', (_name, failure, expected) => {
    expect(classifyFailure(failure)).toEqual(expected);
  });

  it('never answers anything but retry, hold-auth, reconcile or needs-attention (nothing is discarded)', () => {
    for (let status = 0; status < 700; status++) {
      const { action } = classifyFailure(http(status));
      expect(['retry', 'hold-auth', 'reconcile', 'needs-attention']).toContain(action);
    }
  });

  it('treats a status given as a string-ish number by mistake as a network failure, not a success', () => {
    // DHIS2's classifier compared "500" with 500; ours only takes numbers, and a NaN is not a pass.
    expect(classifyFailure(http(Number('not a status')))).toEqual({
      action: 'retry',
      reason: 'network',
    });
  });
});

describe('serverLostCase — a version gap with no case on the server', () => {
  it.each<[string, SendFailure, boolean]>([
    ['version_gap', http(404), true],
    ['version_gap', http(403), false],
    ['version_gap', { kind: 'network' }, false],
    ['conflict', http(404), false],
    ['version_conflict', http(404), false],
  ])('409 %s, then the case fetch fails with %j: %s', (conflict, fetched, lost) => {
    expect(serverLostCase(conflict, fetched)).toBe(lost);
  });
});
