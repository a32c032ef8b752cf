import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseReceipt } from '../contracts/cases';
import { classifyFailure } from '../domain/outbox/classify-failure';
import { createApiClient, createReviewApiClient } from './client';

const BASE = 'http://kuaichu.test';
const api = createApiClient({ baseUrl: BASE });
const server = setupServer();
const CASE_ID = '0190a000-0000-7000-8000-000000000001';
const SHA = 'a'.repeat(64);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const RECEIPT: CaseReceipt = {
  caseId: CASE_ID,
  manifestVersion: 1,
  manifestHash: 'b'.repeat(64),
  receivedAt: '2026-11-27T09:30:00.000Z',
  photos: { held: [SHA], missing: [] },
  complete: true,
  flags: [],
};
// The body is not checked here (the server tests do that); any object will do.
const BODY = {} as never;
const PORTAL = '<html><body>Sign in to CMCC-WEB to continue</body></html>';

const onPut = (answer: () => Response) => server.use(http.put(`${BASE}/api/cases/:id`, answer));

describe('putCase', () => {
  it('answers the receipt, sending the bearer token', async () => {
    let auth: string | null = null;
    server.use(
      http.put(`${BASE}/api/cases/:id`, ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json(RECEIPT);
      }),
    );

    expect(await api.putCase('tok', CASE_ID, BODY)).toEqual({ ok: true, value: RECEIPT });
    expect(auth).toBe('Bearer tok');
  });

  it.each([
    ['a captive portal’s 200 HTML', () => HttpResponse.html(PORTAL)],
    [
      'a service worker fallback (index.html)',
      () => HttpResponse.html('<!doctype html><div id=root>'),
    ],
    ['200 JSON that is not a receipt', () => HttpResponse.json({ ok: true })],
    [
      '200 with a receipt missing `complete`',
      () => HttpResponse.json({ ...RECEIPT, complete: undefined }),
    ],
    [
      '200 with broken JSON',
      () => new HttpResponse('{"caseId":', { headers: { 'content-type': 'application/json' } }),
    ],
    ['an empty 200', () => new HttpResponse(null, { status: 200 })],
    ['a 401 page from a proxy', () => HttpResponse.html(PORTAL, { status: 401 })],
  ])('treats %s as not a receipt (retry later)', async (_name, answer) => {
    onPut(answer);
    const result = await api.putCase('tok', CASE_ID, BODY);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'not-a-receipt' } });
    if (!result.ok) expect(classifyFailure(result.failure).action).toBe('retry');
  });

  it('passes on the server’s code, details and Retry-After', async () => {
    onPut(() =>
      HttpResponse.json(
        {
          error: {
            code: 'manifest_conflict',
            message: 'send version 2',
            details: { storedManifestHash: 'c'.repeat(64) },
          },
        },
        { status: 409 },
      ),
    );
    expect(await api.putCase('tok', CASE_ID, BODY)).toEqual({
      ok: false,
      failure: {
        kind: 'http',
        status: 409,
        code: 'manifest_conflict',
        message: 'send version 2',
        details: { storedManifestHash: 'c'.repeat(64) },
      },
    });

    onPut(() =>
      HttpResponse.json(
        { error: { code: 'rate_limited', message: 'slow down' } },
        { status: 429, headers: { 'retry-after': '120' } },
      ),
    );
    expect(await api.putCase('tok', CASE_ID, BODY)).toMatchObject({
      ok: false,
      failure: { kind: 'http', status: 429, retryAfter: '120', code: 'rate_limited' },
    });
  });

  it('keeps the status of an error page that is not ours (nginx 413 / 502)', async () => {
    onPut(() => HttpResponse.html('<h1>413 Request Entity Too Large</h1>', { status: 413 }));
    expect(await api.putCase('tok', CASE_ID, BODY)).toEqual({
      ok: false,
      failure: { kind: 'http', status: 413 },
    });
  });

  it('holds the queue only for our server’s 401', async () => {
    onPut(() =>
      HttpResponse.json(
        { error: { code: 'unauthenticated', message: 'sign in' } },
        { status: 401 },
      ),
    );
    const result = await api.putCase('old', CASE_ID, BODY);
    expect(!result.ok && classifyFailure(result.failure)).toEqual({ action: 'hold-auth' });
  });

  it('reports a network error and a timeout', async () => {
    onPut(() => HttpResponse.error());
    expect(await api.putCase('tok', CASE_ID, BODY)).toMatchObject({
      ok: false,
      failure: { kind: 'network' },
    });

    // A fetch that never answers: the client's own timeout ends it.
    const hanging = createApiClient({
      baseUrl: BASE,
      timeoutMs: 1,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    });
    expect(await hanging.putCase('tok', CASE_ID, BODY)).toMatchObject({
      ok: false,
      failure: { kind: 'timeout' },
    });
  });
});

describe('headPhoto', () => {
  it('says held only for a 200 with the photo’s length, not held for a 404', async () => {
    server.use(
      http.head(`${BASE}/api/photos/:sha`, ({ params }) =>
        params['sha'] === SHA
          ? new HttpResponse(null, { status: 200, headers: { 'content-length': '2048' } })
          : new HttpResponse(null, { status: 404 }),
      ),
    );
    expect(await api.headPhoto('tok', SHA, 2048)).toEqual({ ok: true, value: true });
    expect(await api.headPhoto('tok', 'f'.repeat(64), 2048)).toEqual({ ok: true, value: false });
  });

  it('does not trust a portal answering 200 to everything', async () => {
    server.use(http.head(`${BASE}/api/photos/:sha`, () => HttpResponse.html(PORTAL)));
    expect(await api.headPhoto('tok', SHA, 2048)).toMatchObject({
      ok: false,
      failure: { kind: 'not-a-receipt' },
    });
  });
});

describe('login, enrolDevice, getChanges', () => {
  it('parse their answers with the contracts', async () => {
    const user = {
      id: '0190a000-0000-7000-8000-0000000000a1',
      username: 'demo-officer',
      displayName: 'Officer',
      role: 'officer',
      unit: null,
      insurer: null,
    };
    server.use(
      http.post(`${BASE}/api/auth/login`, () =>
        HttpResponse.json({ token: 't', expiresAt: '2026-11-27T21:30:00.000Z', user }),
      ),
      http.get(`${BASE}/api/changes`, ({ request }) =>
        HttpResponse.json({
          changes: [],
          nextCursor: new URL(request.url).searchParams.get('cursor') ?? '0',
          more: false,
        }),
      ),
      http.post(`${BASE}/api/devices`, () =>
        HttpResponse.json({ deviceId: 'nope' }, { status: 201 }),
      ),
    );

    expect(await api.login({ username: 'demo-officer', password: 'pw' })).toMatchObject({
      ok: true,
      value: { token: 't', user: { username: 'demo-officer' } },
    });
    expect(await api.getChanges('t', '41')).toEqual({
      ok: true,
      value: { changes: [], nextCursor: '41', more: false },
    });
    const enrol = await api.enrolDevice('t', {
      label: 'phone',
      publicKeyJwk: { kty: 'EC', crv: 'P-256', x: 'x'.repeat(43), y: 'y'.repeat(43) },
    });
    expect(enrol).toMatchObject({ ok: false, failure: { kind: 'not-a-receipt' } });
  });
});

describe('the reviewer’s calls', () => {
  const review = createReviewApiClient({ baseUrl: BASE });

  it('asks for the queue with only the filters given', async () => {
    let url = '';
    server.use(
      http.get(`${BASE}/api/review/queue`, ({ request }) => {
        url = request.url;
        return HttpResponse.json({ not: 'a queue' });
      }),
    );
    const result = await review.getReviewQueue('tok', { bucket: 'new', page: '2' });
    expect(url).toBe(`${BASE}/api/review/queue?bucket=new&page=2`);
    // An answer that is not the contract's queue is no answer.
    expect(result).toMatchObject({ ok: false, failure: { kind: 'not-a-receipt' } });
  });

  it('reads a photo’s bytes with the token, and a refusal as a failure', async () => {
    let auth: string | null = null;
    server.use(
      http.get(`${BASE}/api/cases/:id/photos/:sha`, ({ request, params }) => {
        auth = request.headers.get('authorization');
        if (params.sha !== SHA) {
          return HttpResponse.json(
            { error: { code: 'not_found', message: 'no' } },
            { status: 404 },
          );
        }
        return HttpResponse.arrayBuffer(new Uint8Array([1, 2, 3]).buffer, {
          headers: { 'content-type': 'image/jpeg' },
        });
      }),
    );
    const got = await review.getCasePhoto('tok', CASE_ID, SHA);
    expect(auth).toBe('Bearer tok');
    expect(got.ok && got.value.size).toBe(3);
    expect(await review.getCasePhoto('tok', CASE_ID, 'b'.repeat(64))).toMatchObject({
      ok: false,
      failure: { kind: 'http', status: 404, code: 'not_found' },
    });
  });
});
