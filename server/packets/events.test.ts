/**
 * A case's packets reach the insurer's receiver by Standard Webhooks: the
 * reviewer's approval queues `packet.created` (the whole packet), a return
 * queues `case.returned` with the reason, and the next approved version
 * `packet.updated` naming the packet it replaces. The receiver verifies every
 * delivery with the `standardwebhooks` library.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CaseReturnedEvent, PacketEvent } from '../../src/contracts/webhooks';
import { insuredCase } from '../case-fixtures';
import { sendNextVersion, submitCase } from '../test-photos';
import { openTestWorld } from '../test-world';
import type { TestWorld } from '../test-world';
import { createDispatcher } from '../webhooks/dispatcher';
import { startTestReceiver } from '../webhooks/test-receiver';
import type { TestReceiver } from '../webhooks/test-receiver';

let w: TestWorld;
let receiver: TestReceiver;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  w = await openTestWorld();
  vi.setSystemTime(w.clock.now);
  receiver = await startTestReceiver();
  const res = await w.call('admin', {
    method: 'POST',
    url: `/api/admin/insurers/${w.insurers.x.id}/endpoints`,
    payload: { url: receiver.url, allowPrivate: true },
  });
  expect(res.statusCode, res.body).toBe(201);
  receiver.secrets = [res.json<{ secret: string }>().secret];
});

afterEach(async () => {
  await receiver.close();
  await w.close();
  vi.useRealTimers();
});

const act = async (action: string, note?: string) => {
  const res = await w.call('reviewerA', {
    method: 'POST',
    url: `/api/cases/${c.record.id}/actions`,
    payload: { action, ...(note !== undefined && { note }) },
  });
  expect(res.statusCode, res.body).toBe(200);
};

const c = insuredCase('events', 0);

it('sends packet.created on approval, case.returned on a return, packet.updated on the next approval', async () => {
  const v1 = await submitCase(w, c);
  const dispatcher = createDispatcher({ db: w.fx.db, now: () => w.clock.now, random: () => 0.5 });
  await act('review');
  expect(await dispatcher.runOnce()).toBe(1);
  const [first] = [...receiver.processed.values()].map((e) => PacketEvent.parse(e));
  expect(first).toMatchObject({ type: 'packet.created', data: { case: { id: c.record.id } } });
  expect(first!.data.insurer.id).toBe(w.insurers.x.id);
  expect(receiver.requests.every((r) => r.verifiedWith === 0)).toBe(true);

  await act('return', '补拍车牌');
  await dispatcher.runOnce();
  const returned = CaseReturnedEvent.parse([...receiver.processed.values()][1]);
  expect(returned.data).toMatchObject({ packetId: first!.data.id, reason: '补拍车牌' });

  const { res: put } = await sendNextVersion(w, { ...c.record, notes: 'version 2' }, v1.photos, {
    version: 1,
    manifestHash: v1.manifestHash,
  });
  expect(put.statusCode, put.body).toBe(200);
  await act('review');
  await dispatcher.runOnce();
  const updated = PacketEvent.parse([...receiver.processed.values()][2]);
  expect(updated).toMatchObject({ type: 'packet.updated', data: { supersedes: first!.data.id } });
  expect(updated.data.manifest.chain.map((l) => l.version)).toEqual([1, 2]);
  // Insurer Y has no endpoint: its events are kept, and none is sent.
  const forY = await w.fx.db
    .selectFrom('webhook_messages')
    .select('id')
    .where('insurer_id', '=', w.insurers.y.id)
    .execute();
  expect(forY.length).toBeGreaterThan(0);
  const yDeliveries = await w.fx.db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_messages', 'webhook_messages.id', 'webhook_deliveries.message_id')
    .select('webhook_deliveries.id')
    .where('webhook_messages.insurer_id', '=', w.insurers.y.id)
    .execute();
  expect(yDeliveries).toEqual([]);
});
