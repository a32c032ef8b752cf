import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBody } from '../../src/contracts/errors';
import { DeliveryList, EndpointList, WebhookDelivery } from '../../src/contracts/webhooks';
import { WebhookEndpoint } from '../../src/contracts/webhooks';
import { auditDetails } from '../test-support';
import type { Resolver } from '../webhooks/endpoint-guard';
import { openWebhookWorld } from '../webhooks/test-webhooks';
import type { WebhookWorld } from '../webhooks/test-webhooks';

let ww: WebhookWorld;
/** How long to wait for what the receiver sees (generous: the machine may be busy). */
const WAIT = { timeout: 15_000 };
const resolve: Resolver = async (host) =>
  host === 'inside.insurer-x.example'
    ? [{ address: '10.1.2.3', family: 4 }]
    : [{ address: host === 'claims.insurer-x.example' ? '93.184.216.34' : host, family: 4 }];

beforeEach(async () => {
  ww = await openWebhookWorld(resolve);
});
afterEach(async () => {
  await ww.close();
});

const admin = (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
  ww.w.call('admin', { method, url, ...(payload ? { payload } : {}) });
const errorOf = (res: { json(): unknown }) => ErrorBody.parse(res.json()).error;
const endpointsUrl = () => `/api/admin/insurers/${ww.w.insurers.x.id}/endpoints`;
const listEndpoints = async () =>
  EndpointList.parse((await admin('GET', endpointsUrl())).json()).endpoints;
const listDeliveries = async (endpointId: string, query = '') =>
  DeliveryList.parse(
    (await admin('GET', `/api/admin/endpoints/${endpointId}/deliveries${query}`)).json(),
  ).deliveries;

describe('webhook endpoints (admin)', () => {
  it('registers an endpoint, answers its secret once and audits it without the secret', async () => {
    const res = await admin('POST', endpointsUrl(), {
      url: 'https://claims.insurer-x.example/kuaichu',
      description: '理赔系统',
    });

    expect(res.statusCode).toBe(201);
    const { endpoint, secret } = res.json<{ endpoint: unknown; secret: string }>();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(WebhookEndpoint.parse(endpoint)).toMatchObject({
      url: 'https://claims.insurer-x.example/kuaichu',
      description: '理赔系统',
      allowPrivate: false,
      counts: { pending: 0, delivered: 0, failed: 0 },
    });
    const listed = await admin('GET', endpointsUrl());
    expect(listed.body).not.toContain(secret);
    const audit = await auditDetails(ww.w.fx.db, 'webhook.endpoint_created');
    expect(audit).toEqual([
      {
        insurerId: ww.w.insurers.x.id,
        url: 'https://claims.insurer-x.example/kuaichu',
        allowPrivate: false,
      },
    ]);
  });

  it.each([
    ['loopback', 'http://127.0.0.1:8080/hook', '127.0.0.1'],
    ['a name resolving to 10.x', 'https://inside.insurer-x.example/hook', '10.1.2.3'],
    ['cloud metadata', 'http://169.254.169.254/latest', '169.254.169.254'],
  ])('refuses %s without the brigade’s leave, naming the url', async (_name, url, address) => {
    const res = await admin('POST', endpointsUrl(), { url });

    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('endpoint_refused');
    expect(error.fields?.[0]?.path).toBe('body.url');
    expect(error.fields?.[0]?.message).toContain(address);
    expect(await listEndpoints()).toEqual([]);
  });

  it('refuses a URL that is not http(s) by the contract', async () => {
    const res = await admin('POST', endpointsUrl(), { url: 'ftp://claims.insurer-x.example/' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields?.[0]?.path).toBe('body.url');
  });

  it('answers 404 for an unknown insurer, endpoint or delivery', async () => {
    const unknown = '0190a000-0000-7000-8000-000000000000';
    const answers = [
      await admin('GET', `/api/admin/insurers/${unknown}/endpoints`),
      await admin('POST', `/api/admin/endpoints/${unknown}/rotate`, {}),
      await admin('POST', `/api/admin/endpoints/${unknown}/enabled`, { enabled: false }),
      await admin('GET', `/api/admin/endpoints/${unknown}/deliveries`),
      await admin('POST', '/api/admin/deliveries/999999/replay'),
    ];
    expect(answers.map((a) => [a.statusCode, errorOf(a).code])).toEqual(
      Array.from({ length: 5 }, () => [404, 'not_found']),
    );
  });

  it('rotates the secret: during the overlap either secret verifies, after it only the new one', async () => {
    const { id, secret: old } = await ww.register();
    const res = await admin('POST', `/api/admin/endpoints/${id}/rotate`, {});
    const { endpoint, secret } = res.json<{ endpoint: WebhookEndpoint; secret: string }>();
    expect(endpoint.previousSecretUntil).toBe(
      new Date(ww.w.clock.now.getTime() + 24 * 3_600_000).toISOString(),
    );
    expect(secret).not.toBe(old);
    const dispatcher = ww.dispatcher();
    const verifiesWith = (key: string, i: number) => {
      const r = ww.receiver.requests[i];
      const headers = {
        'webhook-id': r?.webhookId ?? '',
        'webhook-timestamp': r?.timestamp ?? '',
        'webhook-signature': r?.signature ?? '',
      };
      try {
        new Webhook(key).verify(r?.body ?? '', headers);
        return true;
      } catch {
        return false;
      }
    };

    ww.advance(23 * 3_600_000);
    await ww.event();
    await dispatcher.runOnce();
    expect([verifiesWith(old, 0), verifiesWith(secret, 0)]).toEqual([true, true]);
    expect(ww.receiver.requests[0]?.answered).toBe(200);

    ww.advance(2 * 3_600_000);
    await ww.event();
    await dispatcher.runOnce();
    expect([verifiesWith(old, 1), verifiesWith(secret, 1)]).toEqual([false, true]);
    expect(ww.receiver.requests[1]).toMatchObject({ answered: 401 });
    expect(await auditDetails(ww.w.fx.db, 'webhook.secret_rotated')).toEqual([
      { previousSecretUntil: endpoint.previousSecretUntil },
    ]);
    expect(
      JSON.stringify(await ww.w.fx.db.selectFrom('audit_events').selectAll().execute()),
    ).not.toContain(secret.slice(6));
  });

  it('disables an endpoint with its pending deliveries, refuses replays until it is enabled again', async () => {
    const { id } = await ww.register();
    await ww.event();
    const disabled = await admin('POST', `/api/admin/endpoints/${id}/enabled`, { enabled: false });
    expect(WebhookEndpoint.parse(disabled.json()).disabled).toEqual({
      at: ww.w.clock.now.toISOString(),
      reason: 'admin',
    });
    const [delivery] = await listDeliveries(id);
    expect(delivery?.state).toBe('disabled');
    expect(await ww.dispatcher().runOnce()).toBe(0);

    const refused = await admin('POST', `/api/admin/deliveries/${delivery?.id}/replay`);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([409, 'endpoint_disabled']);

    const enabled = await admin('POST', `/api/admin/endpoints/${id}/enabled`, { enabled: true });
    expect(WebhookEndpoint.parse(enabled.json()).disabled).toBeUndefined();
    await ww.event();
    await ww.dispatcher().runOnce();
    expect((await listEndpoints())[0]?.counts).toEqual({ pending: 0, delivered: 1, failed: 0 });
    expect(
      (await ww.w.fx.db.selectFrom('audit_events').select('action').execute())
        .map((e) => e.action)
        .filter((a) => a.startsWith('webhook.')),
    ).toEqual([
      'webhook.endpoint_created',
      'webhook.endpoint_disabled',
      'webhook.endpoint_enabled',
    ]);
  });

  it('lists deliveries newest first with their attempts, and replays one at once with the same webhook-id', async () => {
    const { id } = await ww.register();
    const first = await ww.event('first');
    ww.advance(1000);
    const second = await ww.event('second');
    ww.receiver.answer = 500;
    await ww.dispatcher().runOnce();
    ww.receiver.answer = 200;
    ww.advance(60_000);
    await ww.dispatcher().runOnce();

    const listed = await listDeliveries(id);
    expect(listed.map((d) => [d.messageId, d.state, d.attempts.length])).toEqual([
      [second, 'delivered', 2],
      [first, 'delivered', 2],
    ]);
    expect(listed[0]?.attempts[0]).toMatchObject({ attempt: 1, status: 500, error: 'HTTP 500' });
    expect(listed[0]).toMatchObject({ eventType: 'case.returned', caseId: ww.caseId });
    expect(await listDeliveries(id, '?state=failed')).toEqual([]);

    ww.w.app.webhooks.start();
    const replay = await admin('POST', `/api/admin/deliveries/${listed[1]?.id}/replay`);
    expect(WebhookDelivery.parse(replay.json())).toMatchObject({
      messageId: first,
      state: 'pending',
    });
    await vi.waitFor(() => expect(ww.receiver.requests).toHaveLength(5), WAIT);
    await ww.w.app.webhooks.stop();

    expect(ww.receiver.requests.at(-1)).toMatchObject({ webhookId: first, answered: 200 });
    expect(ww.receiver.processed.size).toBe(2);
    const [again] = await listDeliveries(id, '?state=delivered').then((d) =>
      d.filter((x) => x.messageId === first),
    );
    expect(again?.attempts.map((a) => a.status)).toEqual([500, 200, 200]);
    expect(await auditDetails(ww.w.fx.db, 'webhook.delivery_replayed')).toEqual([
      { messageId: first, endpointId: id, was: 'delivered' },
    ]);
  });
});
