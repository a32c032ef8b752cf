/**
 * Test data for the administrator's webhook screens: a signed-in admin's
 * session, insurers, endpoints and deliveries in the contracts' shapes, and
 * msw handlers answering the routes of src/contracts/webhooks.ts.
 */
import { render } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { createElement, Suspense, type ComponentType } from 'react';
import type { BrigadeSettings, InsurerList } from '../../src/contracts/admin';
import type {
  EndpointWithSecret,
  WebhookDelivery,
  WebhookEndpoint,
} from '../../src/contracts/webhooks';
import type { SessionStore, StoredSession } from '../../src/storage';
import { servicesWith } from './review.builder';

export const ADMIN_TOKEN = 'admin-token';
/** The demo brigade as the admin's brigade list answers it. */
export const BRIGADE: BrigadeSettings = {
  id: '0190a000-0000-7000-8000-0000000000b1',
  name: '示范县公安局交警大队',
  callbackMinutes: 10,
  packetsOn: 'review',
  videoRadiusM: 2000,
  targets: { evidence: 15, clearance: 30, liability: 60, assessment: 1440, payout: 10080 },
  phoneLock: { idleMinutes: 5, offlineLimitHours: 72, pinRequired: false },
};

export const PICC = '0190a000-0000-7000-8000-0000000000d1';
export const CPIC = '0190a000-0000-7000-8000-0000000000d2';
export const ENDPOINT = '0190a000-0000-7000-8000-0000000000e1';
export const GONE_ENDPOINT = '0190a000-0000-7000-8000-0000000000e2';
export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

export const INSURERS: InsurerList = {
  insurers: [
    { id: PICC, name: '中国人民财产保险', code: 'PICC' },
    { id: CPIC, name: '太平洋财产保险', code: 'CPIC' },
  ],
};

export function adminSession() {
  const session: StoredSession = {
    token: ADMIN_TOKEN,
    user: {
      id: '0190a000-0000-7000-8000-0000000000f1',
      username: 'admin',
      displayName: '刘洋',
      role: 'admin',
      unit: null,
      insurer: null,
    },
    expiresAt: '2099-01-01T00:00:00.000Z',
    signedInAt: '2026-12-06T00:00:00.000Z',
  };
  return {
    state: () =>
      Promise.resolve({ kind: 'active', session, shiftEndsAt: '2099-01-01T00:00:00.000Z' }),
    subscribe: () => () => undefined,
    active: () => Promise.resolve(session),
    reject: () => Promise.resolve(),
  } as Pick<SessionStore, 'state' | 'subscribe' | 'active' | 'reject'> as SessionStore;
}

export function endpoint(change: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
  return {
    id: ENDPOINT,
    insurerId: PICC,
    url: 'https://claims.picc.example/kuaichu',
    description: '生产环境',
    allowPrivate: false,
    createdAt: '2026-12-01T02:00:00.000Z',
    counts: { pending: 1, delivered: 12, failed: 2 },
    ...change,
  };
}

export const goneEndpoint = () =>
  endpoint({
    id: GONE_ENDPOINT,
    url: 'https://old.picc.example/hook',
    description: undefined,
    disabled: { at: '2026-12-03T08:00:00.000Z', reason: 'gone' },
    counts: { pending: 0, delivered: 3, failed: 5 },
  });

export function delivery(change: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id: 7,
    messageId: 'msg-0190a000-0007',
    endpointId: ENDPOINT,
    eventType: 'packet.created',
    caseId: '0190a000-0000-7000-8000-0000000000c1',
    caseNumber: 'KC20261205-000007',
    state: 'failed',
    attempts: [
      { attempt: 1, startedAt: '2026-12-05T02:00:00.000Z', durationMs: 312, status: 500 },
      {
        attempt: 2,
        startedAt: '2026-12-05T02:01:00.000Z',
        durationMs: 10000,
        error: 'timeout',
      },
    ],
    nextAttemptAt: '2026-12-05T02:30:00.000Z',
    createdAt: '2026-12-05T02:00:00.000Z',
    ...change,
  };
}

export const withSecret = (e: WebhookEndpoint, secret = SECRET): EndpointWithSecret => ({
  endpoint: e,
  secret,
});

const api = (path: string) => `${location.origin}/api/admin${path}`;

/** The list routes: the insurers, and each insurer's endpoints from `endpoints`. */
export function listHandlers(endpoints: Record<string, WebhookEndpoint[]>) {
  return [
    http.get(api('/insurers'), () => HttpResponse.json(INSURERS)),
    http.get(api('/insurers/:id/endpoints'), ({ params }) =>
      HttpResponse.json({ endpoints: endpoints[String(params['id'])] ?? [] }),
    ),
  ];
}

/** A route's path, for tests that answer it themselves. */
export const adminPath = api;

/** The server's error body. */
export const errorBody = (status: number, code: string) =>
  HttpResponse.json({ error: { code, message: code } }, { status });

/** The page's width, as the app's CSS reads it (jsdom lays nothing out: the markup is the same). */
export function atWidth(px: number) {
  Object.defineProperty(window, 'innerWidth', { configurable: true, writable: true, value: px });
  window.dispatchEvent(new Event('resize'));
}

/** The admin's screens (`Screens`, lazily loading its parts) at `path`, for a signed-in admin. */
export function renderAdminAt(path: string, Screens: ComponentType): void {
  history.replaceState(null, '', path);
  const Wrapper = servicesWith(adminSession());
  render(
    createElement(
      Wrapper,
      null,
      createElement(Suspense, { fallback: null }, createElement(Screens)),
    ),
  );
}
