import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newWebhookSecret, webhookHeaders } from './sign';

const at = new Date('2026-11-27T09:30:00.000Z');
const payload = JSON.stringify({ type: 'case.returned', timestamp: at.toISOString(), data: {} });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('webhook headers', () => {
  it('makes secrets of whsec_ and 24 random bytes, never the same twice', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(24);
    expect(newWebhookSecret()).not.toBe(a);
  });

  it('signs so the library verifies, with the message id and the time in seconds', () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders(
      { secret, previous_secret: null, previous_secret_until: null },
      'msg_1',
      at,
      payload,
    );
    expect(headers['webhook-id']).toBe('msg_1');
    expect(headers['webhook-timestamp']).toBe(String(at.getTime() / 1000));
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(payload, headers)).toMatchObject({ type: 'case.returned' });
    expect(() => new Webhook(newWebhookSecret()).verify(payload, headers)).toThrow(
      'No matching signature',
    );
  });

  it('carries both signatures while the previous secret is valid, then only the new one', () => {
    const [old, current] = [newWebhookSecret(), newWebhookSecret()];
    const endpoint = {
      secret: current,
      previous_secret: old,
      previous_secret_until: new Date(at.getTime() + 1000).toISOString(),
    };
    const during = webhookHeaders(endpoint, 'msg_2', at, payload);
    expect(during['webhook-signature'].split(' ')).toHaveLength(2);
    for (const secret of [old, current])
      expect(() => new Webhook(secret).verify(payload, during)).not.toThrow();

    const later = new Date(at.getTime() + 1000);
    vi.setSystemTime(later);
    const after = webhookHeaders(endpoint, 'msg_2', later, payload);
    expect(after['webhook-signature'].split(' ')).toHaveLength(1);
    expect(() => new Webhook(current).verify(payload, after)).not.toThrow();
    expect(() => new Webhook(old).verify(payload, after)).toThrow('No matching signature');
  });
});
