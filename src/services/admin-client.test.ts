// @vitest-environment jsdom
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reviewerSession } from '../../tests/builders/review.builder';
import { adminPath, errorBody, INSURERS } from '../../tests/builders/webhooks.builder';
import { adminCall, adminFailure } from './admin-client';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('adminFailure', () => {
  it('names the webhook refusals by what the admin can do', () => {
    const http = (status: number, code?: string) => ({ kind: 'http' as const, status, code });
    expect(adminFailure(http(400, 'endpoint_refused'))).toBe('refused');
    expect(adminFailure(http(409, 'endpoint_disabled'))).toBe('endpoint-disabled');
    expect(adminFailure(http(400, 'validation_failed'))).toBe('invalid');
    expect(adminFailure(http(409))).toBe('conflict');
    expect(adminFailure(http(401, 'unauthenticated'))).toBe('signed-out');
    expect(adminFailure(http(403, 'forbidden_role'))).toBe('forbidden');
    expect(adminFailure(http(404, 'not_found'))).toBe('not-found');
    expect(adminFailure(http(503))).toBe('server');
    expect(adminFailure({ kind: 'timeout', message: '' })).toBe('offline');
    expect(adminFailure({ kind: 'not-a-receipt', message: '' })).toBe('offline');
    expect(adminFailure({ kind: 'signed-out' })).toBe('signed-out');
  });
});

describe('adminCall', () => {
  it('answers the parsed list with the token it was given', async () => {
    let auth: string | null = null;
    server.use(
      http.get(adminPath('/insurers'), ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json(INSURERS);
      }),
    );
    const { store } = reviewerSession('t-1');
    expect(await adminCall(store, (api, t) => api.listInsurers(t))).toEqual({
      ok: true,
      value: INSURERS,
    });
    expect(auth).toBe('Bearer t-1');
  });

  it('ends the session on this phone when the server says it ended', async () => {
    server.use(http.get(adminPath('/insurers'), () => errorBody(401, 'unauthenticated')));
    const { store, rejected } = reviewerSession('t-2');
    expect(await adminCall(store, (api, t) => api.listInsurers(t))).toEqual({
      ok: false,
      failure: 'signed-out',
      code: 'unauthenticated',
    });
    expect(rejected).toEqual(['t-2']);
  });
});
