/**
 * The webhook outbox: an event for an insurer becomes one message (its id is
 * the stable `webhook-id`) and one pending delivery per enabled endpoint of
 * that insurer, written in the caller's transaction — so an event exists
 * exactly when the change that caused it committed. The dispatcher
 * (dispatcher.ts) sends what is pending.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { WebhookEventType } from '../../src/contracts/webhooks';
import type { Database } from '../db/schema';

export interface OutboxEvent {
  insurerId: string;
  type: WebhookEventType;
  caseId: string;
  claimId: string | null;
  /** The whole event body ({ type, timestamp, data }), as it will be sent. */
  body: unknown;
  at: Date;
}

/** A new message id: `msg_` and 32 hex digits. */
export const newMessageId = (): string => `msg_${randomUUID().replaceAll('-', '')}`;

/** Queues an event; answers its message id. */
export async function enqueueEvent(trx: Kysely<Database>, event: OutboxEvent): Promise<string> {
  const id = newMessageId();
  const now = event.at.toISOString();
  await trx
    .insertInto('webhook_messages')
    .values({
      id,
      insurer_id: event.insurerId,
      event_type: event.type,
      case_id: event.caseId,
      claim_id: event.claimId,
      payload: JSON.stringify(event.body),
      created_at: now,
    })
    .execute();
  const endpoints = await trx
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('insurer_id', '=', event.insurerId)
    .where('disabled_at', 'is', null)
    .execute();
  for (const endpoint of endpoints)
    await trx
      .insertInto('webhook_deliveries')
      .values({
        message_id: id,
        endpoint_id: endpoint.id,
        state: 'pending',
        next_attempt_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
  return id;
}
