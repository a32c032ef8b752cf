/**
 * 0007: claim packets reach insurers by Standard Webhooks, and insurers
 * acknowledge them.
 *
 * `claims`: `acknowledged_at`/`acknowledged_by` (the insurer's call-back, the
 * start of its clock), `assessment` (ClaimAssessment JSON: per-vehicle
 * amounts, assessor), `payout` (ClaimPayout JSON: paid on, reference).
 *
 * `brigades.callback_minutes`: the brigade's target from packet to
 * acknowledgement (default 10); `brigades.packets_on`: `review` (a packet
 * once a reviewer approved the case, the default) or `signed` (once the
 * parties signed and the version arrived).
 *
 * `webhook_endpoints`: an insurer's receivers (URL, current secret, the
 * previous secret until the rotation's overlap ends, whether the brigade
 * allows a private address, disabled with a reason).
 * `webhook_messages`: one per event for one insurer (its id is the stable
 * `webhook-id`; the payload is fixed when the event happens).
 * `webhook_deliveries`: one per message and endpoint, the dispatcher's
 * durable outbox (state, attempts, next attempt, lease).
 * `webhook_attempts`: every attempt (status, error, duration), kept.
 * Portable: text and integer columns, no JSON functions.
 */
import { isPostgres, type MigrationDb } from './migration-db';

const serial = (db: MigrationDb) => (isPostgres(db) ? 'bigserial' : 'integer');

async function claimsAndBrigades(db: MigrationDb): Promise<void> {
  for (const column of ['acknowledged_at', 'acknowledged_by', 'assessment', 'payout'])
    await db.schema.alterTable('claims').addColumn(column, 'text').execute();
  await db.schema
    .alterTable('brigades')
    .addColumn('callback_minutes', 'integer', (c) => c.notNull().defaultTo(10))
    .execute();
  await db.schema
    .alterTable('brigades')
    .addColumn('packets_on', 'text', (c) => c.notNull().defaultTo('review'))
    .execute();
}

async function endpointsAndMessages(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('insurer_id', 'text', (c) => c.notNull().references('insurers.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('previous_secret', 'text')
    .addColumn('previous_secret_until', 'text')
    .addColumn('allow_private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled_at', 'text')
    .addColumn('disabled_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_endpoints_by_insurer')
    .on('webhook_endpoints')
    .columns(['insurer_id'])
    .execute();
  await db.schema
    .createTable('webhook_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('insurer_id', 'text', (c) => c.notNull().references('insurers.id'))
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('claim_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_messages_by_insurer')
    .on('webhook_messages')
    .columns(['insurer_id', 'created_at'])
    .execute();
}

async function deliveries(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', serial(db), (c) =>
      isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('message_id', 'text', (c) => c.notNull().references('webhook_messages.id'))
    .addColumn('endpoint_id', 'text', (c) => c.notNull().references('webhook_endpoints.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('webhook_deliveries_once', ['message_id', 'endpoint_id'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['state', 'next_attempt_at'])
    .execute();
  await db.schema
    .createTable('webhook_attempts')
    .addColumn('id', serial(db), (c) =>
      isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('delivery_id', 'integer', (c) => c.notNull().references('webhook_deliveries.id'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('status', 'integer')
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_attempts_by_delivery')
    .on('webhook_attempts')
    .columns(['delivery_id', 'attempt'])
    .execute();
}

export async function up(db: MigrationDb): Promise<void> {
  await claimsAndBrigades(db);
  await endpointsAndMessages(db);
  await deliveries(db);
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of [
    'webhook_attempts',
    'webhook_deliveries',
    'webhook_messages',
    'webhook_endpoints',
  ])
    await db.schema.dropTable(table).execute();
  for (const column of ['packets_on', 'callback_minutes'])
    await db.schema.alterTable('brigades').dropColumn(column).execute();
  for (const column of ['payout', 'assessment', 'acknowledged_by', 'acknowledged_at'])
    await db.schema.alterTable('claims').dropColumn(column).execute();
}
