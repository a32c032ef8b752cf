/**
 * An insurer's webhook endpoints, as the admin manages them: register (the
 * SSRF guard first; the secret answered once), rotate the secret (the
 * previous one still signs until the overlap ends), disable and enable. Each
 * change is one transaction with its audit event; no secret is ever audited.
 */
import { randomUUID } from 'node:crypto';
import type { CreateEndpointRequest, WebhookEndpoint } from '../../src/contracts/webhooks';
import { appendAudit } from '../audit/audit-log';
import { notFound } from '../auth/policy';
import type { Db } from '../db/database';
import type { WebhookEndpointRow } from '../db/schema';
import { HttpError } from '../errors';
import { disablePendingDeliveries } from './deliveries';
import { checkEndpointUrl } from './endpoint-guard';
import type { Resolver } from './endpoint-guard';
import { newWebhookSecret } from './sign';

/** How long the previous secret still signs after a rotation, unless the admin says otherwise. */
export const DEFAULT_OVERLAP_HOURS = 24;

type Counts = WebhookEndpoint['counts'];

export function endpointView(row: WebhookEndpointRow, counts: Counts): WebhookEndpoint {
  return {
    id: row.id,
    insurerId: row.insurer_id,
    url: row.url,
    ...(row.description !== null ? { description: row.description } : {}),
    allowPrivate: row.allow_private === 1,
    ...(row.previous_secret_until !== null
      ? { previousSecretUntil: row.previous_secret_until }
      : {}),
    ...(row.disabled_at !== null
      ? {
          disabled: {
            at: row.disabled_at,
            reason: row.disabled_reason === 'gone' ? 'gone' : 'admin',
          },
        }
      : {}),
    createdAt: row.created_at,
    counts,
  };
}

async function countsOf(db: Db, endpointIds: readonly string[]): Promise<Map<string, Counts>> {
  const counts = new Map<string, Counts>();
  for (const id of endpointIds) counts.set(id, { pending: 0, delivered: 0, failed: 0 });
  if (endpointIds.length === 0) return counts;
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select(['endpoint_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('endpoint_id', 'in', endpointIds)
    .groupBy(['endpoint_id', 'state'])
    .execute();
  for (const row of rows) {
    const c = counts.get(row.endpoint_id);
    if (c && (row.state === 'pending' || row.state === 'delivered' || row.state === 'failed'))
      c[row.state] = Number(row.n);
  }
  return counts;
}

const ZERO: Counts = { pending: 0, delivered: 0, failed: 0 };

/** One endpoint with its counts, or 404. */
export async function endpointOr404(db: Db, id: string): Promise<WebhookEndpointRow> {
  const row = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('endpoint');
  return row;
}

async function viewOf(db: Db, id: string): Promise<WebhookEndpoint> {
  const row = await endpointOr404(db, id);
  return endpointView(row, (await countsOf(db, [id])).get(id) ?? ZERO);
}

async function insurerOr404(db: Db, insurerId: string): Promise<void> {
  const found = await db
    .selectFrom('insurers')
    .select('id')
    .where('id', '=', insurerId)
    .executeTakeFirst();
  if (!found) throw notFound('insurer');
}

export async function listEndpoints(db: Db, insurerId: string): Promise<WebhookEndpoint[]> {
  await insurerOr404(db, insurerId);
  const rows = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('insurer_id', '=', insurerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const counts = await countsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => endpointView(row, counts.get(row.id) ?? ZERO));
}

export interface Change {
  actor: string;
  now: Date;
}

/** Registers an endpoint after the SSRF guard; answers it with its secret (shown this once). */
export async function createEndpoint(
  db: Db,
  insurerId: string,
  input: CreateEndpointRequest,
  change: Change & { resolve?: Resolver | undefined },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  await insurerOr404(db, insurerId);
  const allowPrivate = input.allowPrivate === true;
  const verdict = await checkEndpointUrl(input.url, allowPrivate, change.resolve);
  if (!verdict.ok)
    throw new HttpError(400, 'endpoint_refused', 'This endpoint address is refused.', [
      { path: 'body.url', message: verdict.message },
    ]);
  const at = change.now.toISOString();
  const row: WebhookEndpointRow = {
    id: randomUUID(),
    insurer_id: insurerId,
    url: input.url,
    description: input.description ?? null,
    secret: newWebhookSecret(),
    previous_secret: null,
    previous_secret_until: null,
    allow_private: allowPrivate ? 1 : 0,
    disabled_at: null,
    disabled_reason: null,
    created_at: at,
    updated_at: at,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('webhook_endpoints').values(row).execute();
    await appendAudit(trx, change.now, {
      actor: change.actor,
      action: 'webhook.endpoint_created',
      subject: row.id,
      details: { insurerId, url: row.url, allowPrivate },
    });
  });
  return { endpoint: endpointView(row, ZERO), secret: row.secret };
}

/** A new secret; the current one becomes the previous, signing until now + overlap. */
export async function rotateSecret(
  db: Db,
  id: string,
  overlapHours: number,
  change: Change,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const current = await endpointOr404(db, id);
  const secret = newWebhookSecret();
  const until = new Date(change.now.getTime() + overlapHours * 3_600_000).toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('webhook_endpoints')
      .set({
        secret,
        previous_secret: current.secret,
        previous_secret_until: until,
        updated_at: change.now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, change.now, {
      actor: change.actor,
      action: 'webhook.secret_rotated',
      subject: id,
      details: { previousSecretUntil: until },
    });
  });
  return { endpoint: await viewOf(db, id), secret };
}

/** Disables (its pending deliveries with it) or enables an endpoint. */
export async function setEndpointEnabled(
  db: Db,
  id: string,
  enabled: boolean,
  change: Change,
): Promise<WebhookEndpoint> {
  await endpointOr404(db, id);
  const at = change.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('webhook_endpoints')
      .set(
        enabled
          ? { disabled_at: null, disabled_reason: null, updated_at: at }
          : { disabled_at: at, disabled_reason: 'admin', updated_at: at },
      )
      .where('id', '=', id)
      .execute();
    if (!enabled) await disablePendingDeliveries(trx, id, at);
    await appendAudit(trx, change.now, {
      actor: change.actor,
      action: enabled ? 'webhook.endpoint_enabled' : 'webhook.endpoint_disabled',
      subject: id,
    });
  });
  return viewOf(db, id);
}
