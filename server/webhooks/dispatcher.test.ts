import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaseReturnedEvent } from '../../src/contracts/webhooks';
import { openDatabase } from '../db/database';
import { auditDetails } from '../test-support';
import { ABANDONED, IN_FLIGHT } from './deliveries';
import type { Fetch } from './dispatcher';
import type { Resolver } from './endpoint-guard';
import { RETRY_FOR_MS } from './schedule';
import { openWebhookWorld } from './test-webhooks';
import type { WebhookWorld } from './test-webhooks';

let ww: WebhookWorld;
/** How long to wait for what the receiver sees (generous: the machine may be busy). */
const WAIT = { timeout: 15_000 };
let answers: Record<string, string[]>;
/** A resolver the tests change: the insurer's name resolves to a public address at first. */
const resolve: Resolver = async (host) =>
  (answers[host] ?? [host]).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

beforeEach(async () => {
  answers = { 'claims.insurer-x.example': ['93.184.216.34'] };
  ww = await openWebhookWorld(resolve);
});
afterEach(async () => {
  await ww.close();
});

/** Runs the dispatcher at each due time until the delivery is no longer pending (at most `max` passes). */
async function runUntilSettled(run: () => Promise<number>, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    const [d] = await ww.deliveries();
    if (!d || d.state !== 'pending') return;
    if (d.next_attempt_at > ww.w.clock.now.toISOString()) ww.setTime(d.next_attempt_at);
    await run();
  }
}

const gapsOf = (times: string[]) =>
  times.slice(1).map((t, i) => Date.parse(t) - Date.parse(times[i] ?? t));

describe('webhook dispatcher', () => {
  it('delivers a signed event the insurer verifies, with the message id as webhook-id', async () => {
    await ww.register();
    const messageId = await ww.event();

    expect(await ww.dispatcher().runOnce()).toBe(1);

    const [request] = ww.receiver.requests;
    expect(request).toMatchObject({ webhookId: messageId, verifiedWith: 0, answered: 200 });
    expect(request?.timestamp).toBe(String(ww.w.clock.now.getTime() / 1000));
    expect(CaseReturnedEvent.parse(ww.receiver.processed.get(messageId)).data.caseId).toBe(
      ww.caseId,
    );
    const [delivery] = await ww.deliveries();
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 1, lease_until: null });
    expect(await ww.attempts(delivery?.id ?? 0)).toMatchObject([{ status: 200, error: null }]);
  });

  it('retries a receiver that was down, records one success, and the receiver dedups by webhook-id', async () => {
    await ww.register();
    const messageId = await ww.event();
    let loseAnswer = false;
    // The receiver's 200 is lost on the way back once: the dispatcher cannot know it arrived.
    const fetch: Fetch = async (url, init) => {
      const res = await globalThis.fetch(url, init);
      if (loseAnswer) throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
      return res;
    };
    const dispatcher = ww.dispatcher({ fetch });
    ww.receiver.answer = 503;
    await dispatcher.runOnce();
    await runUntilSettled(async () => {
      if (ww.receiver.requests.length === 2) ww.receiver.answer = 200;
      loseAnswer = ww.receiver.requests.length === 2;
      return dispatcher.runOnce();
    });

    expect(ww.receiver.requests.map((r) => [r.webhookId, r.answered])).toEqual([
      [messageId, 503],
      [messageId, 503],
      [messageId, 200],
      [messageId, 200],
    ]);
    expect([...ww.receiver.processed.keys()]).toEqual([messageId]);
    const [delivery] = await ww.deliveries();
    const attempts = await ww.attempts(delivery?.id ?? 0);
    expect(attempts.map((a) => [a.status, a.error])).toEqual([
      [503, 'HTTP 503'],
      [503, 'HTTP 503'],
      [null, 'network: ECONNRESET'],
      [200, null],
    ]);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 4 });
  });

  it('retries 5xx answers and timeouts with growing delays, then gives up after three days', async () => {
    await ww.register();
    await ww.event();
    const dispatcher = ww.dispatcher();
    ww.receiver.answer = 500;
    await dispatcher.runOnce();
    ww.receiver.answer = 'hold';
    ww.setTime((await ww.deliveries())[0]?.next_attempt_at ?? '');
    await ww.dispatcher({ timeoutMs: 200 }).runOnce();
    ww.receiver.release(500);
    ww.receiver.answer = 502;
    await runUntilSettled(() => dispatcher.runOnce());

    const [delivery] = await ww.deliveries();
    const attempts = await ww.attempts(delivery?.id ?? 0);
    expect(attempts.slice(0, 3).map((a) => a.error)).toEqual(['HTTP 500', 'timeout', 'HTTP 502']);
    // random 0.5: half of each ceiling (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, 14 h, 20 h, 20 h …).
    const H = 3_600_000;
    expect(gapsOf(attempts.map((a) => a.started_at))).toEqual([
      2500,
      150_000,
      900_000,
      H,
      2.5 * H,
      5 * H,
      5 * H,
      7 * H,
      ...Array.from({ length: 6 }, () => 10 * H),
    ]);
    const created = Date.parse(delivery?.created_at ?? '');
    const starts = attempts.map((a) => Date.parse(a.started_at) - created);
    expect(starts.at(-2)).toBeLessThanOrEqual(RETRY_FOR_MS);
    expect(starts.at(-1)).toBeGreaterThan(RETRY_FOR_MS);
    expect(delivery).toMatchObject({ state: 'failed', last_status: 502 });
  });

  it('disables the endpoint and its pending deliveries on 410 Gone', async () => {
    const { id } = await ww.register();
    await ww.event();
    ww.advance(60_000);
    await ww.event();
    ww.advance(-60_000);
    ww.receiver.answer = 410;

    expect(await ww.dispatcher().runOnce()).toBe(1);

    const endpoint = await ww.w.fx.db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(endpoint).toMatchObject({ disabled_reason: 'gone' });
    expect((await ww.deliveries()).map((d) => d.state)).toEqual(['disabled', 'disabled']);
    expect(await auditDetails(ww.w.fx.db, 'webhook.endpoint_gone')).toHaveLength(1);
    ww.advance(3_600_000);
    await ww.event();
    expect(await ww.dispatcher().runOnce()).toBe(0);
    expect(ww.receiver.requests).toHaveLength(1);
  });

  it('resumes a delivery whose dispatcher died mid-attempt once the lease runs out, and marks it delivered once', async () => {
    await ww.register();
    const messageId = await ww.event();
    ww.receiver.answer = 'hold';
    const dead = ww.dispatcher({ timeoutMs: 60_000, leaseMs: 90_000 });
    const abandoned = dead.runOnce();
    await vi.waitFor(() => expect(ww.receiver.requests).toHaveLength(1), WAIT);
    const [leased] = await ww.deliveries();
    expect(leased?.lease_until).toBe(new Date(ww.w.clock.now.getTime() + 90_000).toISOString());
    expect(await ww.attempts(leased?.id ?? 0)).toMatchObject([{ status: null, error: IN_FLIGHT }]);

    const next = ww.dispatcher();
    expect(await next.runOnce()).toBe(0);
    ww.advance(90_000);
    ww.receiver.answer = 200;
    expect(await next.runOnce()).toBe(1);
    const [delivered] = await ww.deliveries();
    ww.receiver.release(200);
    await abandoned;

    expect(delivered).toMatchObject({ state: 'delivered', attempts: 2 });
    expect(await ww.deliveries()).toEqual([delivered]);
    const attempts = await ww.attempts(delivered?.id ?? 0);
    expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, 200],
      [2, 200],
    ]);
    expect(ww.receiver.requests.map((r) => r.webhookId)).toEqual([messageId, messageId]);
    expect(ww.receiver.processed.size).toBe(1);
  });

  it('marks an attempt abandoned when its dispatcher never came back', async () => {
    await ww.register();
    await ww.event();
    ww.receiver.answer = 'hold';
    const dead = ww.dispatcher({ timeoutMs: 60_000, leaseMs: 90_000 }).runOnce();
    await vi.waitFor(() => expect(ww.receiver.requests).toHaveLength(1), WAIT);
    ww.advance(90_000);
    ww.receiver.answer = 200;
    await ww.dispatcher().runOnce();
    const attempts = await ww.attempts((await ww.deliveries())[0]?.id ?? 0);
    // The dead dispatcher's connection drops: what it finally learns is recorded on its attempt only.
    ww.receiver.release(503);
    await dead;

    expect(attempts.map((a) => a.error)).toEqual([ABANDONED, null]);
    expect((await ww.deliveries())[0]).toMatchObject({ state: 'delivered', last_status: 200 });
  });

  it('refuses to send when the name now resolves to a private address', async () => {
    await ww.register('https://claims.insurer-x.example/hook', {});
    await ww.event();
    answers['claims.insurer-x.example'] = ['10.0.0.5'];
    const fetch = vi.fn<Fetch>();

    await ww.dispatcher({ fetch, resolve }).runOnce();

    expect(fetch).not.toHaveBeenCalled();
    const [delivery] = await ww.deliveries();
    expect(delivery).toMatchObject({ state: 'pending', attempts: 1 });
    expect(delivery?.last_error).toMatch(/^endpoint_refused: .*10\.0\.0\.5/);
  });

  it('counts a name lookup that never answers against the attempt’s timeout', async () => {
    await ww.register('https://claims.insurer-x.example/hook', {});
    await ww.event();
    const hanging: Resolver = () => new Promise(() => undefined);
    const fetch = vi.fn<Fetch>();

    await ww.dispatcher({ fetch, resolve: hanging, timeoutMs: 100 }).runOnce();

    expect(fetch).not.toHaveBeenCalled();
    expect((await ww.deliveries())[0]).toMatchObject({ state: 'pending', last_error: 'timeout' });
  });

  it('sends nothing to a loopback address the brigade did not allow, even if stored', async () => {
    const { id } = await ww.register();
    await ww.w.fx.db
      .updateTable('webhook_endpoints')
      .set({ allow_private: 0 })
      .where('id', '=', id)
      .execute();
    await ww.event();

    await ww.dispatcher().runOnce();

    expect(ww.receiver.requests).toEqual([]);
    expect((await ww.deliveries())[0]?.last_error).toMatch(/^endpoint_refused: 127\.0\.0\.1/);
  });

  it('a payload tampered with in transit fails verification and is not taken', async () => {
    await ww.register();
    await ww.event('amended');
    const tampering: Fetch = (url, init) =>
      globalThis.fetch(url, { ...init, body: String(init.body).replace('amended', 'paid') });

    await ww.dispatcher({ fetch: tampering }).runOnce();

    expect(ww.receiver.requests).toMatchObject([
      { answered: 401, verifiedWith: undefined, refusal: 'No matching signature found' },
    ]);
    expect(ww.receiver.processed.size).toBe(0);
    expect((await ww.deliveries())[0]).toMatchObject({ state: 'pending', last_status: 401 });
  });

  it('runs at once when kicked, and stop() cuts an attempt short after its grace to retry it at the next start', async () => {
    await ww.register();
    const dispatcher = ww.dispatcher({ pollMs: 3_600_000, timeoutMs: 60_000, stopGraceMs: 100 });
    dispatcher.start();
    await ww.event();
    dispatcher.kick();
    await vi.waitFor(() => expect(ww.receiver.processed.size).toBe(1), WAIT);

    ww.receiver.answer = 'hold';
    await ww.event();
    dispatcher.kick();
    await vi.waitFor(() => expect(ww.receiver.requests).toHaveLength(2), WAIT);
    await dispatcher.stop();

    const second = (await ww.deliveries())[1];
    expect(second).toMatchObject({ state: 'pending', lease_until: null, last_error: 'stopped' });
    expect(second?.next_attempt_at).toBe(ww.w.clock.now.toISOString());
  });

  it('runs again after a pass when kicked during it, not at the next poll', async () => {
    await ww.register();
    const dispatcher = ww.dispatcher({ pollMs: 3_600_000, timeoutMs: 60_000 });
    dispatcher.start();
    ww.receiver.answer = 'hold';
    await ww.event();
    dispatcher.kick();
    await vi.waitFor(() => expect(ww.receiver.requests).toHaveLength(1), WAIT);

    // Queued after the pass under way looked for due deliveries.
    await ww.event();
    dispatcher.kick();
    ww.receiver.answer = 200;
    ww.receiver.release(200);

    await vi.waitFor(async () => {
      expect((await ww.deliveries()).map((d) => d.state)).toEqual(['delivered', 'delivered']);
    }, WAIT);
    expect(ww.receiver.requests.map((r) => r.answered)).toEqual(['held', 200]);
    await dispatcher.stop();
  });

  it('is stopped by the app’s close()', async () => {
    await ww.register();
    ww.w.app.webhooks.start();
    await ww.event();
    ww.w.app.webhooks.kick();
    await vi.waitFor(() => expect(ww.receiver.processed.size).toBe(1), WAIT);
    await ww.w.app.close();
    await ww.event();
    ww.w.app.webhooks.kick();
    expect((await ww.deliveries()).map((d) => d.state)).toEqual(['delivered', 'pending']);
  });

  it('lets an attempt under way finish before stopping: the answer the insurer gave is recorded', async () => {
    await ww.register();
    const dispatcher = ww.dispatcher({ pollMs: 3_600_000, timeoutMs: 60_000, stopGraceMs: 60_000 });
    dispatcher.start();
    ww.receiver.answer = 'hold';
    await ww.event();
    dispatcher.kick();
    await vi.waitFor(() => expect(ww.receiver.requests).toHaveLength(1), WAIT);

    const stopped = dispatcher.stop();
    ww.receiver.release(200);
    await stopped;

    expect((await ww.deliveries())[0]).toMatchObject({ state: 'delivered', attempts: 1 });
  });

  it('shares the queue between two processes: dispatchers on two connections claim each delivery once', async () => {
    // Given six due events and a second process's connection to the same database
    await ww.register();
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await ww.event(`reason ${i}`));
    const other = openDatabase(ww.w.fx.database);
    try {
      // When both dispatchers claim at the same instant (on SQLite, one writer:
      // one after the other, as two handles in one thread would block each other)
      const here = ww.dispatcher();
      const there = ww.dispatcher({ db: other });
      const claimed =
        ww.w.fx.database.dialect === 'postgres'
          ? await Promise.all([here.runOnce(), there.runOnce()])
          : [await here.runOnce(), await there.runOnce()];

      // Then every delivery was claimed, sent and recorded once
      expect(claimed.reduce((a, b) => a + b, 0)).toBe(6);
      expect(ww.receiver.requests.map((r) => r.webhookId).sort()).toEqual([...ids].sort());
      const deliveries = await ww.deliveries();
      expect(deliveries.map((d) => [d.state, d.attempts])).toEqual(ids.map(() => ['delivered', 1]));
    } finally {
      await other.destroy();
    }
  });
});
