/**
 * The five-fast figures of a brigade, computed in the database over the
 * columns of migration 0010 (never by reading cases into memory):
 *  - per group, every measured interval is one row of a UNION ALL (a case's
 *    own intervals from `cases`, a packet's from its current `claims` row);
 *  - `row_number()` and `count()` over (group, interval) ordered by the
 *    value rank them, and the nearest-rank median and p90 are the rows whose
 *    rank is ⌈p·n/100⌉, written `(p * n + 99) / 100` in integer arithmetic —
 *    the same method as src/domain/metrics/summary.ts, and the same SQL on
 *    SQLite and PostgreSQL (both integer-divide, both have window functions);
 *  - each row also says whether it is over the brigade's target for its
 *    interval (`v > minutes · 60`, the rule of src/domain/metrics/targets.ts),
 *    summed per (group, interval) in the same query;
 *  - the counts are one GROUP BY with a SUM per flag (and of the warnings
 *    instead of fines confirmed, `lenient_warnings`).
 * Groups: unit, officer, the China-time week of arrival (`ff_week`), or
 * insurer (a case then counts once per insurer holding a current packet).
 */
import { sql } from 'kysely';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import {
  DASHBOARD_INTERVALS,
  type DashboardGroupBy,
  type DashboardInterval,
  type FiveFastGroup,
  type IntervalFigures,
} from '../../src/contracts/dashboard';
import { whereCaseInScope } from '../auth/policy';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;
export type Joined = SelectQueryBuilder<Database, 'cases' | 'claims', object>;

/** The filters of a dashboard query, resolved: instants for the arrival range. */
export interface DashboardFilters {
  brigadeId: string;
  fromIso: string;
  toIso: string;
  unit?: string | undefined;
  officer?: string | undefined;
  insurer?: string | undefined;
  groupBy: DashboardGroupBy;
  /** The brigade's target per interval, whole minutes. */
  targets: Readonly<Record<DashboardInterval, number>>;
}

const CASE_COLUMN = {
  evidence: 'cases.ff_evidence_s',
  clearance: 'cases.ff_clearance_s',
  liability: 'cases.ff_liability_s',
} as const;
const CLAIM_COLUMN = {
  callback: 'claims.ff_callback_s',
  assessment: 'claims.ff_assessment_s',
  payout: 'claims.ff_payout_s',
} as const;

export const GROUP_COLUMN: Readonly<Record<DashboardGroupBy, string>> = {
  unit: 'cases.unit_id',
  officer: 'cases.officer_id',
  insurer: 'claims.insurer_id',
  week: 'cases.ff_week',
};

/** The column an interval is read from. */
export const intervalColumn = (k: DashboardInterval): string =>
  k in CASE_COLUMN
    ? CASE_COLUMN[k as keyof typeof CASE_COLUMN]
    : CLAIM_COLUMN[k as keyof typeof CLAIM_COLUMN];

const isClaimInterval = (k: DashboardInterval) => k in CLAIM_COLUMN;

/**
 * The brigade's cases that arrived in the range, with the filters; joined to
 * their current claims when `withClaims` (one row per packet).
 */
export function filteredCases(db: Db, f: DashboardFilters, withClaims: boolean): Joined {
  let q = whereCaseInScope(
    db,
    { kind: 'brigade', brigadeId: f.brigadeId, userId: '' },
    db.selectFrom('cases'),
  )
    .where('cases.arrived_at', '>=', f.fromIso)
    .where('cases.arrived_at', '<', f.toIso) as unknown as Joined;
  if (f.unit) q = q.where('cases.unit_id', '=', f.unit);
  if (f.officer) q = q.where('cases.officer_id', '=', f.officer);
  if (withClaims) {
    q = (q as unknown as SelectQueryBuilder<Database, 'cases', object>).innerJoin('claims', (j) =>
      j.onRef('claims.case_id', '=', 'cases.id').on('claims.superseded_at', 'is', null),
    ) as Joined;
    if (f.insurer) q = q.where('claims.insurer_id', '=', f.insurer);
  } else if (f.insurer) {
    q = q.where(
      'cases.id',
      'in',
      db
        .selectFrom('claims')
        .select('claims.case_id')
        .where('claims.insurer_id', '=', f.insurer)
        .where('claims.superseded_at', 'is', null),
    );
  }
  return q;
}

/** The interval's target in seconds: longer than this is over it. */
export const targetSeconds = (f: DashboardFilters, k: DashboardInterval): number =>
  f.targets[k] * 60;

/**
 * Rows of one interval: (its case, the group key, the measured seconds, 1
 * when over the brigade's target else 0).
 */
export function intervalRows(db: Db, f: DashboardFilters, k: DashboardInterval) {
  const column = sql.ref(intervalColumn(k));
  return filteredCases(db, f, f.groupBy === 'insurer' || isClaimInterval(k))
    .where(column, 'is not', null)
    .select([
      sql<string>`${sql.ref(GROUP_COLUMN[f.groupBy])}`.as('grp'),
      sql<string>`${sql.lit(k)}`.as('k'),
      sql<number>`${column}`.as('v'),
      sql<number>`case when ${column} > ${sql.lit(targetSeconds(f, k))} then 1 else 0 end`.as('o'),
    ]);
}

interface FigureRow {
  grp: string;
  k: string;
  n: number | string;
  median: number | string | null;
  p90: number | string | null;
  n_over: number | string | null;
}

/** Median and p90 of every interval per group: one ranked query. */
export function figuresQuery(db: Db, f: DashboardFilters) {
  const [first, ...rest] = DASHBOARD_INTERVALS.map((k) => intervalRows(db, f, k));
  const source = rest.reduce((all, q) => all.unionAll(q), first!);
  return sql<FigureRow>`
    with src as ${source},
    ranked as (
      select grp, k, v, o,
        row_number() over (partition by grp, k order by v) as rn,
        count(*) over (partition by grp, k) as n
      from src
    )
    select grp, k, max(n) as n,
      max(case when rn = (50 * n + 99) / 100 then v end) as median,
      max(case when rn = (90 * n + 99) / 100 then v end) as p90,
      sum(o) as n_over
    from ranked
    group by grp, k`;
}

async function figures(db: Db, f: DashboardFilters): Promise<FigureRow[]> {
  return (await figuresQuery(db, f).execute(db)).rows;
}

interface CountRow {
  grp: string;
  cases: number | string;
  escalated: number | string;
  returned: number | string;
  disputed: number | string;
  warnings: number | string;
}

async function counts(db: Db, f: DashboardFilters): Promise<CountRow[]> {
  const group = sql.ref(GROUP_COLUMN[f.groupBy]);
  return (await filteredCases(db, f, f.groupBy === 'insurer')
    .select([
      sql<string>`${group}`.as('grp'),
      sql<number>`count(*)`.as('cases'),
      sql<number>`coalesce(sum(cases.sig_escalated), 0)`.as('escalated'),
      sql<number>`coalesce(sum(cases.ff_returned), 0)`.as('returned'),
      sql<number>`coalesce(sum(cases.sig_disputed), 0)`.as('disputed'),
      sql<number>`coalesce(sum(cases.lenient_warnings), 0)`.as('warnings'),
    ])
    .groupBy(group)
    .execute()) as CountRow[];
}

/** The names of the groups' keys (a week is its own label). */
async function labels(
  db: Db,
  groupBy: DashboardGroupBy,
  keys: string[],
): Promise<Map<string, string>> {
  if (groupBy === 'week' || keys.length === 0) return new Map(keys.map((k) => [k, k]));
  const rows =
    groupBy === 'unit'
      ? await db.selectFrom('units').select(['id', 'name']).where('id', 'in', keys).execute()
      : groupBy === 'insurer'
        ? await db.selectFrom('insurers').select(['id', 'name']).where('id', 'in', keys).execute()
        : await db
            .selectFrom('users')
            .select(['id', 'display_name as name'])
            .where('id', 'in', keys)
            .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

const numberOrNull = (v: number | string | null) => (v === null ? null : Number(v));
const EMPTY: IntervalFigures = { count: 0, median: null, p90: null, overTarget: 0 };

/** The figures of every group with at least one case, by label then key. */
export async function fiveFastGroups(db: Db, f: DashboardFilters): Promise<FiveFastGroup[]> {
  const [countRows, figureRows] = [await counts(db, f), await figures(db, f)];
  const names = await labels(
    db,
    f.groupBy,
    countRows.map((r) => r.grp),
  );
  const groups = countRows.map((r): FiveFastGroup => ({
    key: r.grp,
    label: names.get(r.grp) ?? r.grp,
    counts: {
      cases: Number(r.cases),
      escalated: Number(r.escalated),
      returned: Number(r.returned),
      disputed: Number(r.disputed),
      warnings: Number(r.warnings),
    },
    intervals: Object.fromEntries(
      DASHBOARD_INTERVALS.map((k) => [k, EMPTY]),
    ) as FiveFastGroup['intervals'],
  }));
  const byKey = new Map(groups.map((g) => [g.key, g]));
  for (const row of figureRows) {
    const group = byKey.get(row.grp);
    if (!group) continue;
    group.intervals[row.k as DashboardInterval] = {
      count: Number(row.n),
      median: numberOrNull(row.median),
      p90: numberOrNull(row.p90),
      overTarget: Number(row.n_over ?? 0),
    };
  }
  return groups.sort(
    (a, b) => a.label.localeCompare(b.label, 'zh-CN') || a.key.localeCompare(b.key),
  );
}
