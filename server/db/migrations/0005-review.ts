/**
 * 0005: the accident squad's review.
 *
 * On `cases`, what the queue filters, counts and sorts by, kept as columns
 * so a page of the queue is one indexed query and its counts one GROUP BY,
 * never a read of every body:
 *  - `arrived_at`: the case's arrival on scene (UTC ISO text, normalised so
 *    text order is time order), what the queue sorts and dates by;
 *  - one integer column per review signal (`sig_escalated` … `sig_amended`,
 *    0/1) and `sig_any` (at least one). One column per signal rather than a
 *    JSON array: "how many per signal" is a SUM per column and "only this
 *    signal" a plain equality, the same SQL on SQLite and PostgreSQL, with no
 *    JSON functions (whose names and indexing differ between the two) and
 *    no LIKE over text;
 *  - `bucket`: new | escalated | disputed | returned | reviewed, from the
 *    state and the signals (src/domain/review/signals.ts);
 *  - `taken_over_by` / `_at` / `_reason`: the squad took the case over.
 * Indexes: the queue by unit, bucket and arrival; by unit and arrival,
 * covering the bucket, officer and every signal column, so the counts (a SUM
 * per signal) and a signal filter read the index alone, never a row with its
 * body; by officer.
 *
 * On `changes`: `missing` (a return's list of what to add, JSON text) and
 * `manifest_version` (the version an action was taken on).
 *
 * `review_requests`: one row per reviewer action sent with a `requestId`,
 * holding the answer given, so a retry is answered without acting again. The
 * primary key makes two racing copies of one request act once.
 *
 * Existing cases are backfilled by parsing their stored body in JS, with the
 * receipt flags of all their versions, by the signal rules of
 * src/domain/review/signals.ts as they are when this runs (a later change of
 * those rules recomputes the columns in a migration of its own). Portable:
 * text, integer, defaults; no JSON functions.
 */
import { queueBucket, reviewSignals } from '../../../src/domain/review/signals';
import type { ReviewSignal } from '../../../src/domain/review/signals';
import type { CaseRecord } from '../../../src/domain/case/case.schema';
import type { CaseState } from '../../../src/domain/case/case-state';
import type { MigrationDb } from './migration-db';

/**
 * The signals this migration made columns for, frozen as they were: a signal
 * added later gets its column in a migration of its own (0018).
 */
const SIGNALS_0005 = [
  'escalated',
  'disputed',
  'primary-secondary',
  'override',
  'version-gap',
  'refusal',
  'amended',
] as const satisfies readonly ReviewSignal[];

/** The column of each signal; `sig_any` is set when any is. */
const column = (signal: ReviewSignal) => `sig_${signal.replaceAll('-', '_')}`;

export async function up(db: MigrationDb): Promise<void> {
  const cases = db.schema.alterTable('cases');
  await cases.addColumn('arrived_at', 'text', (c) => c.notNull().defaultTo('')).execute();
  for (const name of [...SIGNALS_0005.map(column), 'sig_any']) {
    await db.schema
      .alterTable('cases')
      .addColumn(name, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  await db.schema
    .alterTable('cases')
    .addColumn('bucket', 'text', (c) => c.notNull().defaultTo('new'))
    .execute();
  for (const name of ['taken_over_by', 'taken_over_at', 'taken_over_reason']) {
    await db.schema.alterTable('cases').addColumn(name, 'text').execute();
  }
  await db.schema
    .createIndex('cases_queue_by_bucket')
    .on('cases')
    .columns(['unit_id', 'bucket', 'arrived_at', 'id'])
    .execute();
  await db.schema
    .createIndex('cases_queue_by_arrival')
    .on('cases')
    .columns([
      'unit_id',
      'arrived_at',
      'id',
      'bucket',
      'officer_id',
      'sig_any',
      ...SIGNALS_0005.map(column),
    ])
    .execute();
  await db.schema
    .createIndex('cases_by_officer')
    .on('cases')
    .columns(['officer_id', 'arrived_at'])
    .execute();

  await db.schema.alterTable('changes').addColumn('missing', 'text').execute();
  await db.schema.alterTable('changes').addColumn('manifest_version', 'integer').execute();

  await db.schema
    .createTable('review_requests')
    .addColumn('request_id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await backfill(db);
}

/** Every existing case's arrival, signals and bucket, from its stored body and versions' flags. */
async function backfill(db: MigrationDb): Promise<void> {
  const rows = (await db.selectFrom('cases').select(['id', 'state', 'body']).execute()) as {
    id: string;
    state: string;
    body: string;
  }[];
  for (const row of rows) {
    const versions = (await db
      .selectFrom('case_versions')
      .select('flags')
      .where('case_id', '=', row.id)
      .execute()) as { flags: string }[];
    const flags = versions.flatMap((v) => parseFlags(v.flags));
    const record = parseRecord(row.body);
    const signals = record ? reviewSignals(record, flags) : [];
    const arrived = record ? Date.parse(record.arrivedAt) : NaN;
    await db
      .updateTable('cases')
      .set({
        arrived_at: Number.isNaN(arrived) ? '' : new Date(arrived).toISOString(),
        bucket: queueBucket(row.state as CaseState, signals),
        sig_any: signals.length > 0 ? 1 : 0,
        ...Object.fromEntries(SIGNALS_0005.map((s) => [column(s), signals.includes(s) ? 1 : 0])),
      })
      .where('id', '=', row.id)
      .execute();
  }
}

/** A stored body as a case record, or undefined when it is not one (it is then left without signals). */
export function parseRecord(body: string): CaseRecord | undefined {
  try {
    const value = JSON.parse(body) as Partial<CaseRecord> | null;
    if (!value || typeof value.arrivedAt !== 'string' || !Array.isArray(value.transitions)) {
      return undefined;
    }
    const liability = value.liability;
    return {
      ...value,
      liability: liability && { ...liability, signatures: liability.signatures ?? [] },
    } as CaseRecord;
  } catch {
    return undefined;
  }
}

function parseFlags(flags: string): string[] {
  try {
    const value: unknown = JSON.parse(flags);
    return Array.isArray(value) ? value.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('review_requests').execute();
  await db.schema.alterTable('changes').dropColumn('manifest_version').execute();
  await db.schema.alterTable('changes').dropColumn('missing').execute();
  for (const name of ['cases_by_officer', 'cases_queue_by_arrival', 'cases_queue_by_bucket']) {
    await db.schema.dropIndex(name).execute();
  }
  for (const name of [
    'taken_over_reason',
    'taken_over_at',
    'taken_over_by',
    'bucket',
    'sig_any',
    ...SIGNALS_0005.map(column).reverse(),
    'arrived_at',
  ]) {
    await db.schema.alterTable('cases').dropColumn(name).execute();
  }
}
