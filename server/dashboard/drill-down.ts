/**
 * The cases behind one figure of the five-fast table: the group's rows of an
 * interval, longest first (with `over`, only those over the brigade's
 * target), or the group's cases with a counted flag (or at
 * least one warning instead of a fine), newest first; paged in the database.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type {
  DashboardCase,
  DashboardCasesPage,
  DashboardCasesQuery,
  DashboardCount,
  DashboardInterval,
} from '../../src/contracts/dashboard';
import { DASHBOARD_INTERVALS } from '../../src/contracts/dashboard';
import type { Database } from '../db/schema';
import { pageOf } from '../cases/queue';
import {
  filteredCases,
  GROUP_COLUMN,
  intervalColumn,
  intervalRows,
  targetSeconds,
  type DashboardFilters,
} from './five-fast';

type Db = Kysely<Database>;

const FLAG_COLUMN: Readonly<Record<Exclude<DashboardCount, 'cases'>, string>> = {
  escalated: 'cases.sig_escalated',
  returned: 'cases.ff_returned',
  disputed: 'cases.sig_disputed',
  warnings: 'cases.lenient_warnings',
};

const isInterval = (v: string): v is DashboardInterval =>
  (DASHBOARD_INTERVALS as readonly string[]).includes(v);

/** The rows behind the figure, each with its case's id, number, arrival and value. */
function figureRows(db: Db, f: DashboardFilters, query: DashboardCasesQuery) {
  const { interval: figure, group } = query;
  const inGroup = sql<boolean>`${sql.ref(GROUP_COLUMN[f.groupBy])} = ${group}`;
  const columns = [
    'cases.id as id',
    'cases.case_number as caseNumber',
    'cases.arrived_at as arrivedAt',
  ] as const;
  if (isInterval(figure)) {
    const column = sql.ref(intervalColumn(figure));
    const rows = intervalRows(db, f, figure)
      .clearSelect()
      .select([...columns, sql<number | null>`${column}`.as('seconds')])
      .where(inGroup);
    return query.over ? rows.where(column, '>', targetSeconds(f, figure)) : rows;
  }
  let q = filteredCases(db, f, f.groupBy === 'insurer').where(inGroup);
  // A flag is 0/1; the warnings a count: the cases with at least one.
  if (figure !== 'cases') q = q.where(sql.ref(FLAG_COLUMN[figure]), '>', 0);
  return q.select([...columns, sql<number | null>`null`.as('seconds')]);
}

/** The figure's cases in the page's order, `limit` of them from `offset`. */
async function orderedCases(
  db: Db,
  f: DashboardFilters,
  query: DashboardCasesQuery,
  limit: number,
  offset: number,
): Promise<DashboardCase[]> {
  const rows = figureRows(db, f, query);
  const ordered = isInterval(query.interval)
    ? rows.orderBy('seconds', 'desc').orderBy('cases.id')
    : rows.orderBy('cases.arrived_at', 'desc').orderBy('cases.id');
  const items = await ordered.limit(limit).offset(offset).execute();
  return items.map((r) => ({ ...r, seconds: r.seconds === null ? null : Number(r.seconds) }));
}

export async function dashboardCases(
  db: Db,
  f: DashboardFilters,
  query: DashboardCasesQuery,
): Promise<DashboardCasesPage> {
  const { page, pageSize } = pageOf(query);
  const total = await db
    .selectFrom(figureRows(db, f, query).as('r'))
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const items = await orderedCases(db, f, query, pageSize, (page - 1) * pageSize);
  return { items, total: Number(total.n), page, pageSize };
}

/** The most cases one CSV of a figure holds. */
export const CASES_CSV_LIMIT = 10_000;

/** Every case behind the figure (at most {@link CASES_CSV_LIMIT}), in the page's order. */
export const allDashboardCases = (
  db: Db,
  f: DashboardFilters,
  query: DashboardCasesQuery,
): Promise<DashboardCase[]> => orderedCases(db, f, query, CASES_CSV_LIMIT, 0);
