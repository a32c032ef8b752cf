/**
 * The dispatcher's side of the outbox table, `webhook_deliveries`.
 *
 * Claiming: a due pending delivery whose lease is free (never taken, or run
 * out) is taken by a conditional update that also counts the attempt and
 * writes its `webhook_attempts` row, in one transaction — two dispatchers (two
 * processes, or a restarted one) cannot both take the same attempt, and every
 * POST has its attempt row. A dispatcher that dies mid-attempt leaves its
 * lease to run out; the next claim marks that attempt `abandoned` and sends
 * again (at least once, with the same `webhook-id`). On PostgreSQL the due
 * rows are taken with `FOR UPDATE SKIP LOCKED` in one statement, so the
 * dispatchers of several API processes share the queue without waiting on
 * each other; on SQLite (one writer) by a conditional update per row.
 *
 * Finishing: the attempt row gets its outcome, and the delivery moves on only
 * while the lease is still the claimer's (same `lease_until` and attempt
 * count, still pending) — an attempt finishing after its lease was taken over
 * is recorded but changes nothing, so nothing is marked delivered twice.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log';
import { isPostgresDb, rowLockedTransaction } from '../db/database';
import type { Db } from '../db/database';
import type { Database, WebhookEndpointRow } from '../db/schema';

/** The error of an attempt whose outcome is not known yet. */
export const IN_FLIGHT = 'in flight';
/** The error of an attempt whose dispatcher stopped before it recorded an outcome. */
export const ABANDONED = 'abandoned: the dispatcher stopped before the outcome was recorded';

export interface ClaimedDelivery {
  id: number;
  /** This attempt's number (1, 2 …). */
  attempt: number;
  /** The lease this claim holds: finishing needs it unchanged. */
  leaseUntil: string;
  messageId: string;
  payload: string;
  createdAt: string;
  endpoint: WebhookEndpointRow;
}

/** Deliveries due at `at` whose lease is free, oldest due first. */
async function dueIds(db: Db, at: string, limit: number) {
  return db
    .selectFrom('webhook_deliveries')
    .select(['id', 'attempts'])
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', at)]))
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

/** The claimed delivery with its message and endpoint. */
async function claimedDelivery(
  trx: Kysely<Database>,
  id: number,
  attempt: number,
  leaseUntil: string,
): Promise<ClaimedDelivery> {
  const joined = await trx
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_messages as m', 'm.id', 'd.message_id')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .selectAll('e')
    .select(['m.id as message_id', 'm.payload', 'd.created_at as delivery_created_at'])
    .where('d.id', '=', id)
    .executeTakeFirstOrThrow();
  const { message_id, payload, delivery_created_at, ...endpoint } = joined;
  return {
    id,
    attempt,
    leaseUntil,
    messageId: message_id,
    payload,
    createdAt: delivery_created_at,
    endpoint,
  };
}

/** Writes the attempt's row (outcome unknown yet); an earlier attempt left in flight is abandoned. */
async function startAttempt(
  trx: Kysely<Database>,
  deliveryId: number,
  attempt: number,
  at: string,
) {
  await trx
    .updateTable('webhook_attempts')
    .set({ error: ABANDONED })
    .where('delivery_id', '=', deliveryId)
    .where('error', '=', IN_FLIGHT)
    .execute();
  await trx
    .insertInto('webhook_attempts')
    .values({
      delivery_id: deliveryId,
      attempt,
      started_at: at,
      duration_ms: 0,
      status: null,
      error: IN_FLIGHT,
    })
    .execute();
}

async function claimOne(
  trx: Kysely<Database>,
  row: { id: number; attempts: number },
  at: string,
  leaseUntil: string,
): Promise<ClaimedDelivery | undefined> {
  const attempt = row.attempts + 1;
  const taken = await trx
    .updateTable('webhook_deliveries')
    .set({ lease_until: leaseUntil, attempts: attempt, updated_at: at })
    .where('id', '=', row.id)
    .where('state', '=', 'pending')
    .where('attempts', '=', row.attempts)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', at)]))
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) return undefined;
  await startAttempt(trx, row.id, attempt, at);
  return claimedDelivery(trx, row.id, attempt, leaseUntil);
}

/**
 * PostgreSQL: one statement takes up to `limit` due rows that no other
 * claimer holds (`FOR UPDATE SKIP LOCKED`: API processes claiming at once
 * each take other rows, none waits), counting each attempt; the attempt rows
 * are written in the same transaction. It runs beside the writer lock (the
 * rows' own locks suffice), so claims never queue behind case ingest.
 */
async function claimDueSkipLocked(
  db: Db,
  at: string,
  leaseUntil: string,
  limit: number,
): Promise<ClaimedDelivery[]> {
  return rowLockedTransaction(db, async (trx) => {
    const { rows } = await sql<{ id: number; attempts: number }>`
      update webhook_deliveries as d
         set lease_until = ${leaseUntil}, attempts = d.attempts + 1, updated_at = ${at}
        from (select id from webhook_deliveries
               where state = 'pending' and next_attempt_at <= ${at}
                 and (lease_until is null or lease_until <= ${at})
               order by next_attempt_at
               limit ${limit}
                 for update skip locked) as due
       where d.id = due.id
      returning d.id, d.attempts`.execute(trx);
    const claimed: ClaimedDelivery[] = [];
    for (const row of rows) {
      await startAttempt(trx, row.id, row.attempts, at);
      claimed.push(await claimedDelivery(trx, row.id, row.attempts, leaseUntil));
    }
    return claimed;
  });
}

/**
 * Takes up to `limit` due deliveries for `leaseMs`, each with its attempt row
 * written: with SKIP LOCKED on PostgreSQL, else (SQLite: one writer) one
 * conditional update per due row.
 */
export async function claimDue(
  db: Db,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const at = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  if (isPostgresDb(db)) return claimDueSkipLocked(db, at, leaseUntil, limit);
  const claimed: ClaimedDelivery[] = [];
  for (const row of await dueIds(db, at, limit)) {
    const one = await db.transaction().execute((trx) => claimOne(trx, row, at, leaseUntil));
    if (one) claimed.push(one);
  }
  return claimed;
}

/** What became of one attempt, and what the delivery does next. */
export interface AttemptOutcome {
  status: number | null;
  error: string | null;
  durationMs: number;
  next: { kind: 'delivered' } | { kind: 'gone' } | { kind: 'retry'; at: Date } | { kind: 'failed' };
}

/** Marks an endpoint's pending deliveries `disabled` (the endpoint was disabled). */
export async function disablePendingDeliveries(
  trx: Kysely<Database>,
  endpointId: string,
  at: string,
): Promise<void> {
  await trx
    .updateTable('webhook_deliveries')
    .set({ state: 'disabled', lease_until: null, updated_at: at })
    .where('endpoint_id', '=', endpointId)
    .where('state', '=', 'pending')
    .execute();
}

/** Disables an endpoint that answered 410 Gone, with its pending deliveries, audited. */
async function disableGone(trx: Kysely<Database>, endpointId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const changed = await trx
    .updateTable('webhook_endpoints')
    .set({ disabled_at: at, disabled_reason: 'gone', updated_at: at })
    .where('id', '=', endpointId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  await disablePendingDeliveries(trx, endpointId, at);
  if (Number(changed.numUpdatedRows) === 1)
    await appendAudit(trx, now, {
      actor: 'system',
      action: 'webhook.endpoint_gone',
      subject: endpointId,
    });
}

function deliveryChange(outcome: AttemptOutcome, at: string) {
  const base = {
    lease_until: null,
    last_status: outcome.status,
    last_error: outcome.error,
    updated_at: at,
  };
  switch (outcome.next.kind) {
    case 'delivered':
      return { ...base, state: 'delivered', delivered_at: at };
    case 'gone':
      return { ...base, state: 'disabled' };
    case 'failed':
      return { ...base, state: 'failed' };
    case 'retry':
      return { ...base, next_attempt_at: outcome.next.at.toISOString() };
  }
}

/**
 * Records an attempt's outcome; moves the delivery on when the claim still
 * holds. Answers whether it did (false: the lease was lost to another claim).
 */
export async function finishAttempt(
  db: Db,
  claim: ClaimedDelivery,
  outcome: AttemptOutcome,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    // The delivery's row first, as a claim locks it first: a claim taking
    // over this delivery and this late finish then wait for each other in
    // one order, never in a deadlock.
    const moved = await trx
      .updateTable('webhook_deliveries')
      .set(deliveryChange(outcome, at))
      .where('id', '=', claim.id)
      .where('state', '=', 'pending')
      .where('attempts', '=', claim.attempt)
      .where('lease_until', '=', claim.leaseUntil)
      .executeTakeFirst();
    await trx
      .updateTable('webhook_attempts')
      .set({ status: outcome.status, error: outcome.error, duration_ms: outcome.durationMs })
      .where('delivery_id', '=', claim.id)
      .where('attempt', '=', claim.attempt)
      .execute();
    const held = Number(moved.numUpdatedRows) === 1;
    if (held && outcome.next.kind === 'gone') await disableGone(trx, claim.endpoint.id, now);
    return held;
  });
}
