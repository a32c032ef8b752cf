/**
 * 0011: what several API processes on one database must share, moved out of
 * process memory (issue 15, stateless API processes).
 *
 * `login_failures`: one row per failed sign-in from an address (the per-address
 * limit counts them in a sliding window); pruned as the window passes.
 * `login_accounts`: per account, the failures since its last success and the
 * instant of the last one (the per-account back-off).
 * `job_leases`: one row per periodic job (the blob scrub): who holds it and
 * until when, and when it last finished — so one process of many runs it, and
 * a process killed mid-job leaves a lease that runs out for another to take.
 * Portable: text and integer columns, plain indexes.
 */
import type { MigrationDb } from './migration-db';

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable('login_failures')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_failures_by_address')
    .on('login_failures')
    .columns(['address', 'at'])
    .execute();
  await db.schema.createIndex('login_failures_by_time').on('login_failures').column('at').execute();
  await db.schema
    .createTable('login_accounts')
    .addColumn('account', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_accounts_by_time')
    .on('login_accounts')
    .column('last_at')
    .execute();
  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of ['job_leases', 'login_accounts', 'login_failures'])
    await db.schema.dropTable(table).execute();
}
