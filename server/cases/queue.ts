/**
 * The accident squad's queue: the brigade's cases, filtered, counted and
 * paged in the database over the columns of migration 0005 (arrival, one
 * column per signal, bucket), never by loading the cases. Only the page's
 * rows have their body read, for the address and plates.
 */
import { sql } from 'kysely';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { QueueItem, QueueQuery, QueueResponse } from '../../src/contracts/review';
import type { CaseRecord } from '../../src/domain/case/case.schema';
import type { CaseState } from '../../src/domain/case/case-state';
import {
  QUEUE_BUCKETS,
  REVIEW_SIGNALS,
  type QueueBucket,
  type ReviewSignal,
} from '../../src/domain/review/signals';
import { changesInScope, whereCaseInScope, type Scope } from '../auth/policy';
import type { CasesTable, Database } from '../db/schema';
import { cstDayStart } from '../cst-day';
import { HttpError } from '../errors';
import { SIGNAL_COLUMN, signalsOfRow } from './review-columns';

type Db = Kysely<Database>;
type CaseQuery = SelectQueryBuilder<Database, 'cases', object>;

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

const invalid = (path: string, message: string) =>
  new HttpError(400, 'validation_failed', 'The request is not valid.', [{ path, message }]);

/** The filters that also bound the counts: unit, officer, dates. */
function withScopeFilters(db: Db, scope: Scope, query: QueueQuery): CaseQuery {
  let q = whereCaseInScope(db, scope, db.selectFrom('cases')) as CaseQuery;
  if (query.unit) q = q.where('cases.unit_id', '=', query.unit);
  if (query.officer) q = q.where('cases.officer_id', '=', query.officer);
  if (query.from) q = q.where('cases.arrived_at', '>=', cstDayStart(query.from, 'from'));
  if (query.to) q = q.where('cases.arrived_at', '<', cstDayStart(query.to, 'to', 1));
  return q;
}

function withListFilters(q: CaseQuery, query: QueueQuery): CaseQuery {
  let filtered = q;
  if (query.bucket) filtered = filtered.where('cases.bucket', '=', query.bucket);
  if (query.signal === 'any') filtered = filtered.where('cases.sig_any', '=', 1);
  else if (query.signal) filtered = filtered.where(`cases.${SIGNAL_COLUMN[query.signal]}`, '=', 1);
  return filtered;
}

/** Cases per bucket, per signal, and "needs me", under the scope filters: two GROUP BY / SUM queries. */
async function countsOf(base: CaseQuery): Promise<QueueResponse['counts']> {
  const perBucket = await base
    .select(['cases.bucket', sql<number>`count(*)`.as('n')])
    .groupBy('cases.bucket')
    .execute();
  const buckets = Object.fromEntries(QUEUE_BUCKETS.map((b) => [b, 0])) as Record<
    QueueBucket,
    number
  >;
  for (const row of perBucket) {
    if ((QUEUE_BUCKETS as readonly string[]).includes(row.bucket)) {
      buckets[row.bucket as QueueBucket] = Number(row.n);
    }
  }
  const sums = (await base
    .select([
      ...REVIEW_SIGNALS.map((s) =>
        sql<number>`coalesce(sum(${sql.ref(`cases.${SIGNAL_COLUMN[s]}`)}), 0)`.as(s),
      ),
      sql<number>`coalesce(sum(case when cases.sig_any = 1 and cases.bucket <> 'reviewed' then 1 else 0 end), 0)`.as(
        'needsMe',
      ),
    ])
    .executeTakeFirstOrThrow()) as Record<ReviewSignal | 'needsMe', number | string>;
  const signals = Object.fromEntries(REVIEW_SIGNALS.map((s) => [s, Number(sums[s])])) as Record<
    ReviewSignal,
    number
  >;
  return { buckets, signals, needsMe: Number(sums.needsMe) };
}

type PageRow = Pick<
  CasesTable,
  | 'id'
  | 'case_number'
  | 'state'
  | 'bucket'
  | 'arrived_at'
  | 'received_at'
  | 'updated_at'
  | 'manifest_version'
  | 'body'
  | 'taken_over_at'
  | 'unit_id'
  | 'officer_id'
  | (typeof SIGNAL_COLUMN)[ReviewSignal]
> & { unit_name: string; officer_name: string };

function itemOf(row: PageRow): QueueItem {
  let address = '';
  let plates: string[] = [];
  try {
    const record = JSON.parse(row.body) as Partial<CaseRecord>;
    address = record.location?.address ?? '';
    plates = (record.vehicles ?? []).flatMap((v) => (v.plate ? [v.plate] : []));
  } catch {
    // A body that is not JSON shows no address or plates; verification names it.
  }
  return {
    id: row.id,
    caseNumber: row.case_number,
    state: row.state as CaseState,
    bucket: row.bucket as QueueBucket,
    signals: signalsOfRow(row),
    unit: { id: row.unit_id, name: row.unit_name },
    officer: { id: row.officer_id, name: row.officer_name },
    arrivedAt: row.arrived_at,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    manifestVersion: row.manifest_version,
    address,
    plates,
    takenOver: row.taken_over_at !== null,
  };
}

/** The page asked for: 1-based, 1–100 per page; 400 naming the field otherwise. */
export function pageOf(query: { page?: string | undefined; pageSize?: string | undefined }): {
  page: number;
  pageSize: number;
} {
  const page = Number(query.page ?? '1');
  const pageSize = Number(query.pageSize ?? String(DEFAULT_PAGE_SIZE));
  if (page < 1) throw invalid('querystring.page', 'must be 1 or more');
  if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw invalid('querystring.pageSize', `must be 1–${MAX_PAGE_SIZE}`);
  }
  return { page, pageSize };
}

/** The units and officers of a reviewer's brigade (nothing for another scope). */
export async function brigadeOf(
  db: Db,
  scope: Scope,
): Promise<Pick<QueueResponse, 'units' | 'officers'>> {
  if (scope.kind !== 'brigade') return { units: [], officers: [] };
  const units = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('brigade_id', '=', scope.brigadeId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  const officers = await db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select(['users.id', 'users.display_name as name', 'units.id as unitId'])
    .where('units.brigade_id', '=', scope.brigadeId)
    .where('users.role', '=', 'officer')
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
  return { units, officers };
}

/** One page of the queue for a reviewer's scope. */
export async function reviewQueue(db: Db, scope: Scope, query: QueueQuery): Promise<QueueResponse> {
  const { page, pageSize } = pageOf(query);
  const base = withScopeFilters(db, scope, query);
  const filtered = withListFilters(base, query);
  const direction = query.sort === 'newest' ? 'desc' : 'asc';
  // The page's ids first, ordered over narrow index rows; then only those
  // rows are read whole (a sort over whole rows would carry every body).
  const pageIds = filtered
    .select('cases.id')
    .orderBy('cases.arrived_at', direction)
    .orderBy('cases.id', direction)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const rows = (await db
    .selectFrom('cases')
    .innerJoin('units', 'units.id', 'cases.unit_id')
    .innerJoin('users', 'users.id', 'cases.officer_id')
    .select([
      'cases.id',
      'cases.case_number',
      'cases.state',
      'cases.bucket',
      'cases.arrived_at',
      'cases.received_at',
      'cases.updated_at',
      'cases.manifest_version',
      'cases.body',
      'cases.taken_over_at',
      'cases.unit_id',
      'units.name as unit_name',
      'cases.officer_id',
      'users.display_name as officer_name',
      ...Object.values(SIGNAL_COLUMN).map((c) => `cases.${c}` as const),
    ])
    .where('cases.id', 'in', pageIds)
    .orderBy('cases.arrived_at', direction)
    .orderBy('cases.id', direction)
    .execute()) as PageRow[];
  const total = await filtered.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const cursor = await changesInScope(db, scope)
    .clearSelect()
    .select(sql<number | null>`max(changes.id)`.as('max'))
    .executeTakeFirstOrThrow();
  return {
    items: rows.map(itemOf),
    total: Number(total.n),
    page,
    pageSize,
    counts: await countsOf(base),
    ...(await brigadeOf(db, scope)),
    feedCursor: String(cursor.max ?? 0),
  };
}
