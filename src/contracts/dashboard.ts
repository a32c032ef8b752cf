/**
 * The brigade's five-fast dashboard: per unit, officer, insurer or week, the
 * median and p90 (nearest rank, seconds) of each interval and the counts, all
 * computed in the database; the cases behind one figure; the table as CSV.
 * Reviewers and admins, over their own brigade only.
 */
import * as z from 'zod/mini';
import { Day } from './review';
import { defineRoute } from './route';

const Digits = (max: number, what: string) =>
  z.string().check(z.regex(new RegExp(`^\\d{1,${max}}$`), what));

/**
 * The intervals, in the order of a case's life: evidence, clearance and
 * liability from arrival on scene; call-back (packet delivered → the
 * insurer's acknowledgement) and assessment from delivery; payout from the
 * assessment.
 */
export const DASHBOARD_INTERVALS = [
  'evidence',
  'clearance',
  'liability',
  'callback',
  'assessment',
  'payout',
] as const;
export const DashboardInterval = z.enum(DASHBOARD_INTERVALS);
export type DashboardInterval = z.infer<typeof DashboardInterval>;

/**
 * What a group counts: every case, and those escalated, returned at least
 * once, disputed; and the warnings instead of fines (首违警告) confirmed.
 */
export const DASHBOARD_COUNTS = ['cases', 'escalated', 'returned', 'disputed', 'warnings'] as const;
export type DashboardCount = (typeof DASHBOARD_COUNTS)[number];

export const DASHBOARD_GROUPS = ['unit', 'officer', 'insurer', 'week'] as const;
export const DashboardGroupBy = z.enum(DASHBOARD_GROUPS);
export type DashboardGroupBy = z.infer<typeof DashboardGroupBy>;

export const FiveFastQuery = z.object({
  /** Arrival on scene on or after this day (China Standard Time); default the 1st of this month. */
  from: z.optional(Day),
  /** Arrival on scene on or before this day (China Standard Time); default today. */
  to: z.optional(Day),
  unit: z.optional(z.uuid()),
  officer: z.optional(z.uuid()),
  /** Only cases this insurer holds a current packet of (and only its packets' intervals). */
  insurer: z.optional(z.uuid()),
  /** Default `unit`. */
  groupBy: z.optional(DashboardGroupBy),
  /** CSV only: `en` for English headers (default Chinese). */
  lang: z.optional(z.enum(['zh', 'en'])),
});
export type FiveFastQuery = z.infer<typeof FiveFastQuery>;

export const IntervalFigures = z.object({
  /** Cases (for insurer figures: packets) with this interval measured. */
  count: z.number(),
  /** Seconds; null when nothing was measured. */
  median: z.nullable(z.number()),
  p90: z.nullable(z.number()),
  /** Of those measured, how many took longer than the brigade's target (`targets`). */
  overTarget: z.number(),
});
export type IntervalFigures = z.infer<typeof IntervalFigures>;

export const FiveFastGroup = z.object({
  /** The unit, officer or insurer id, or the week's Monday (YYYY-MM-DD, China time). */
  key: z.string(),
  label: z.string(),
  counts: z.object({
    cases: z.number(),
    escalated: z.number(),
    returned: z.number(),
    disputed: z.number(),
    /** Warnings instead of fines confirmed for out-of-town drivers (one per driver and item). */
    warnings: z.number(),
  }),
  intervals: z.record(DashboardInterval, IntervalFigures),
});
export type FiveFastGroup = z.infer<typeof FiveFastGroup>;

const Named = z.object({ id: z.uuid(), name: z.string() });

/** What the filters offer: the brigade's units and officers, and the insurers. */
export const DashboardChoices = z.object({
  units: z.array(Named),
  officers: z.array(z.extend(Named, { unitId: z.uuid() })),
  insurers: z.array(Named),
});
export type DashboardChoices = z.infer<typeof DashboardChoices>;

export const FiveFastResponse = z.object({
  groupBy: DashboardGroupBy,
  from: Day,
  to: Day,
  /** Groups with at least one case, by label. */
  groups: z.array(FiveFastGroup),
  choices: DashboardChoices,
  /**
   * The viewer's brigade's target per interval, whole minutes (its settings:
   * the five-fast targets and the call-back target); longer is over target.
   */
  targets: z.record(DashboardInterval, z.number()),
});
export type FiveFastResponse = z.infer<typeof FiveFastResponse>;

export const DashboardCasesQuery = z.extend(FiveFastQuery, {
  /** The figure's column: an interval, or a count. */
  interval: z.union([DashboardInterval, z.enum(DASHBOARD_COUNTS)]),
  /** The figure's row: a group's `key` under `groupBy`. */
  group: z.string().check(z.minLength(1), z.maxLength(64)),
  /** `1` with an interval: only the cases over the brigade's target for it. */
  over: z.optional(z.enum(['1'], 'must be 1, with an interval')),
  /** 1-based page (default 1). */
  page: z.optional(Digits(5, 'must be a page number')),
  /** Cases per page, 1–100 (default 25). */
  pageSize: z.optional(Digits(3, 'must be 1–100')),
});
export type DashboardCasesQuery = z.infer<typeof DashboardCasesQuery>;

export const DashboardCase = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  arrivedAt: z.string(),
  /** The interval in seconds; null for a count. */
  seconds: z.nullable(z.number()),
});
export type DashboardCase = z.infer<typeof DashboardCase>;

export const DashboardCasesPage = z.object({
  /** Longest interval first (counts: newest arrival first). */
  items: z.array(DashboardCase),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type DashboardCasesPage = z.infer<typeof DashboardCasesPage>;

const ACCESS = ['reviewer', 'admin'] as const;

export const dashboardRoutes = [
  defineRoute({
    id: 'dashboard.fiveFast',
    method: 'GET',
    path: '/api/dashboard/five-fast',
    summary: "The five-fast medians, p90s and counts of the viewer's brigade, per group",
    access: ACCESS,
    scoped: false,
    query: FiveFastQuery,
    responses: { 200: { description: 'The figures', schema: FiveFastResponse } },
  }),
  defineRoute({
    id: 'dashboard.fiveFastCsv',
    method: 'GET',
    path: '/api/dashboard/five-fast.csv',
    summary:
      'The five-fast table as CSV (UTF-8 with BOM; Chinese headers, or English with lang=en)',
    access: ACCESS,
    scoped: false,
    query: FiveFastQuery,
    responses: { 200: { description: 'CSV', mediaType: 'text/csv' } },
  }),
  defineRoute({
    id: 'dashboard.casesCsv',
    method: 'GET',
    path: '/api/dashboard/cases.csv',
    summary:
      'The cases behind one figure as CSV (every page, at most 10,000; UTF-8 with BOM; lang=en for English headers)',
    access: ACCESS,
    scoped: false,
    query: DashboardCasesQuery,
    responses: { 200: { description: 'CSV', mediaType: 'text/csv' } },
  }),
  defineRoute({
    id: 'dashboard.cases',
    method: 'GET',
    path: '/api/dashboard/cases',
    summary: 'The cases behind one figure of the five-fast table, paged',
    access: ACCESS,
    scoped: false,
    query: DashboardCasesQuery,
    responses: { 200: { description: 'A page of cases', schema: DashboardCasesPage } },
  }),
] as const;
