/**
 * An endpoint's deliveries as the admin sees them (newest first, each with
 * every attempt), and the manual replay: the delivery is pending again at
 * once, with the same message and so the same `webhook-id` (the receiver
 * dedups by it). The replay is audited with the change.
 *
 * A replayed delivery keeps its creation time, so a replay of one older than
 * three days that fails is `failed` again after that attempt (replay it once
 * the receiver works); a younger one goes on with the retry schedule.
 */
import type { DeliveryState, WebhookDelivery } from '../../src/contracts/webhooks';
import { WEBHOOK_EVENT_TYPES } from '../../src/contracts/webhooks';
import { appendAudit } from '../audit/audit-log';
import { notFound } from '../auth/policy';
import type { Db } from '../db/database';
import { HttpError } from '../errors';
import { endpointOr404 } from './endpoints';
import type { Change } from './endpoints';

/** The most deliveries one listing answers. */
export const DELIVERY_LIST_LIMIT = 100;

const STATES: readonly string[] = ['pending', 'delivered', 'failed', 'disabled'];

function deliveriesQuery(db: Db) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_messages as m', 'm.id', 'd.message_id')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .select([
      'd.id',
      'd.message_id',
      'd.endpoint_id',
      'd.state',
      'd.next_attempt_at',
      'd.delivered_at',
      'd.created_at',
      'm.event_type',
      'm.case_id',
      'c.case_number',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof deliveriesQuery>['execute']>>[number];

async function attemptsOf(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, WebhookDelivery['attempts']>();
  const rows = await db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('delivery_id', 'in', ids)
    .orderBy('delivery_id')
    .orderBy('attempt')
    .execute();
  const byDelivery = new Map<number, WebhookDelivery['attempts']>();
  for (const a of rows) {
    const list = byDelivery.get(a.delivery_id) ?? [];
    list.push({
      attempt: a.attempt,
      startedAt: a.started_at,
      durationMs: a.duration_ms,
      ...(a.status !== null ? { status: a.status } : {}),
      ...(a.error !== null ? { error: a.error } : {}),
    });
    byDelivery.set(a.delivery_id, list);
  }
  return byDelivery;
}

function deliveryView(row: Row, attempts: WebhookDelivery['attempts']): WebhookDelivery {
  const state = (STATES.includes(row.state) ? row.state : 'pending') as DeliveryState;
  const eventType = WEBHOOK_EVENT_TYPES.find((t) => t === row.event_type) ?? 'packet.created';
  return {
    id: row.id,
    messageId: row.message_id,
    endpointId: row.endpoint_id,
    eventType,
    caseId: row.case_id,
    caseNumber: row.case_number,
    state,
    attempts,
    ...(state === 'pending' ? { nextAttemptAt: row.next_attempt_at } : {}),
    ...(row.delivered_at !== null ? { deliveredAt: row.delivered_at } : {}),
    createdAt: row.created_at,
  };
}

export async function listDeliveries(
  db: Db,
  endpointId: string,
  state?: DeliveryState,
): Promise<WebhookDelivery[]> {
  await endpointOr404(db, endpointId);
  let query = deliveriesQuery(db).where('d.endpoint_id', '=', endpointId);
  if (state) query = query.where('d.state', '=', state);
  const rows = await query
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(DELIVERY_LIST_LIMIT)
    .execute();
  const attempts = await attemptsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => deliveryView(row, attempts.get(row.id) ?? []));
}

async function deliveryOf(db: Db, id: number): Promise<WebhookDelivery> {
  const row = await deliveriesQuery(db).where('d.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('delivery');
  return deliveryView(row, (await attemptsOf(db, [id])).get(id) ?? []);
}

/** Queues a delivery again now (same webhook-id); 409 when its endpoint is disabled. */
export async function replayDelivery(db: Db, id: number, change: Change): Promise<WebhookDelivery> {
  const before = await deliveryOf(db, id);
  const endpoint = await endpointOr404(db, before.endpointId);
  if (endpoint.disabled_at !== null)
    throw new HttpError(
      409,
      'endpoint_disabled',
      'The endpoint is disabled: enable it before replaying its deliveries.',
    );
  const at = change.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('webhook_deliveries')
      .set({ state: 'pending', next_attempt_at: at, updated_at: at })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, change.now, {
      actor: change.actor,
      action: 'webhook.delivery_replayed',
      subject: String(id),
      details: { messageId: before.messageId, endpointId: before.endpointId, was: before.state },
    });
  });
  return deliveryOf(db, id);
}
