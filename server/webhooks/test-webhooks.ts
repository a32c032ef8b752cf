/**
 * A world for the webhook tests: the server test world (an insurer X, a case
 * sent by officer A), a fake receiver of insurer X on loopback, a clock that
 * moves `Date` with it (the receiver's library checks timestamps against
 * `Date.now()`), and helpers to register endpoints, queue events, make
 * dispatchers and read deliveries. Test-only.
 */
import { randomUUID } from 'node:crypto';
import { vi } from 'vitest';
import type { CaseReturnedEvent } from '../../src/contracts/webhooks';
import { insuredCase } from '../case-fixtures';
import type { WebhookDeliveryRow } from '../db/schema';
import { submitCase } from '../test-photos';
import { openTestWorld } from '../test-world';
import type { TestWorld } from '../test-world';
import { createDispatcher } from './dispatcher';
import type { Dispatcher, DispatcherOptions } from './dispatcher';
import { enqueueEvent } from './outbox';
import { startTestReceiver } from './test-receiver';
import type { TestReceiver } from './test-receiver';

export interface WebhookWorld {
  w: TestWorld;
  receiver: TestReceiver;
  caseId: string;
  /** Sets the clock (and `Date`) to this time. */
  setTime(at: Date | string): void;
  /** Moves the clock on by this many ms. */
  advance(ms: number): void;
  /** Registers an endpoint of insurer X through the admin route; the receiver holds its secret. */
  register(url?: string, body?: Record<string, unknown>): Promise<{ id: string; secret: string }>;
  /** Queues a `case.returned` event for insurer X now; answers its message id. */
  event(reason?: string): Promise<string>;
  /** A dispatcher on the world's database and clock (random 0.5, 10 s timeout unless given). */
  dispatcher(options?: Partial<DispatcherOptions>): Dispatcher;
  /** Every delivery, oldest first. */
  deliveries(): Promise<WebhookDeliveryRow[]>;
  attempts(
    deliveryId: number,
  ): Promise<
    { attempt: number; status: number | null; error: string | null; started_at: string }[]
  >;
  close(): Promise<void>;
}

let seed = 0;

export async function openWebhookWorld(
  resolve?: DispatcherOptions['resolve'],
): Promise<WebhookWorld> {
  vi.useFakeTimers({ toFake: ['Date'] });
  const w = await openTestWorld(resolve ? { webhooks: { resolve } } : {});
  const setTime = (at: Date | string) => {
    w.clock.now = new Date(at);
    vi.setSystemTime(w.clock.now);
  };
  setTime(w.clock.now);
  const receiver = await startTestReceiver();
  const fixture = insuredCase(`webhooks-${++seed}`, 0);
  await submitCase(w, fixture);
  const caseId = fixture.record.id;
  const db = w.fx.db;
  return {
    w,
    receiver,
    caseId,
    setTime,
    advance: (ms) => setTime(new Date(w.clock.now.getTime() + ms)),
    async register(url = receiver.url, body = { allowPrivate: true }) {
      const res = await w.call('admin', {
        method: 'POST',
        url: `/api/admin/insurers/${w.insurers.x.id}/endpoints`,
        payload: { url, ...body },
      });
      if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
      const { endpoint, secret } = res.json<{ endpoint: { id: string }; secret: string }>();
      receiver.secrets = [secret];
      return { id: endpoint.id, secret };
    },
    event: (reason = 'amended') => {
      const body: CaseReturnedEvent = {
        type: 'case.returned',
        timestamp: w.clock.now.toISOString(),
        data: {
          packetId: randomUUID(),
          caseId,
          caseNumber: fixture.record.caseNumber,
          manifestVersion: 1,
          reason,
        },
      };
      return db.transaction().execute((trx) =>
        enqueueEvent(trx, {
          insurerId: w.insurers.x.id,
          type: 'case.returned',
          caseId,
          claimId: null,
          body,
          at: w.clock.now,
        }),
      );
    },
    dispatcher: (options = {}) =>
      createDispatcher({
        db,
        now: () => w.clock.now,
        random: () => 0.5,
        timeoutMs: 10_000,
        ...options,
      }),
    deliveries: () => db.selectFrom('webhook_deliveries').selectAll().orderBy('id').execute(),
    attempts: (deliveryId) =>
      db
        .selectFrom('webhook_attempts')
        .select(['attempt', 'status', 'error', 'started_at'])
        .where('delivery_id', '=', deliveryId)
        .orderBy('attempt')
        .execute(),
    async close() {
      receiver.release(503);
      await receiver.close();
      await w.close();
      vi.useRealTimers();
    },
  };
}
