/**
 * What the dashboard shows lives in the address (`/dashboard?groupBy=week&
 * figure=liability&group=…`), so a reload, the back button and a shared link
 * show the same figures and the same cases (`over=1`: only those over the
 * brigade's target of the figure's interval). Reading the address keeps only
 * what is valid; writing it leaves the defaults out.
 */
import * as z from 'zod/mini';
import {
  DASHBOARD_COUNTS,
  DASHBOARD_INTERVALS,
  DashboardGroupBy,
  type DashboardCasesQuery,
  type DashboardCount,
  type DashboardInterval,
  type FiveFastQuery,
} from '../../contracts/dashboard';

export type Figure = DashboardInterval | DashboardCount;

export interface DashboardView {
  from?: string;
  to?: string;
  unit?: string;
  officer?: string;
  insurer?: string;
  groupBy: DashboardGroupBy;
  /** The figure whose cases are listed, and its row's key. */
  figure?: Figure;
  group?: string;
  /** Only the figure's cases over the brigade's target (an interval's figure only). */
  over?: true;
  page: number;
}

export const isInterval = (f: Figure): f is DashboardInterval =>
  (DASHBOARD_INTERVALS as readonly string[]).includes(f);

export const DEFAULT_VIEW: DashboardView = { groupBy: 'unit', page: 1 };
export const CASES_PAGE_SIZE = 20;

const Uuid = z.uuid();
const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const Page = z.string().check(z.regex(/^[1-9]\d{0,4}$/));
const Group = z.string().check(z.minLength(1), z.maxLength(64));
const FigureSchema = z.enum([...DASHBOARD_INTERVALS, ...DASHBOARD_COUNTS]);

function valid<T>(schema: z.ZodMiniType<T>, value: string | null): T | undefined {
  if (value === null) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

const FIELDS = ['from', 'to', 'unit', 'officer', 'insurer', 'figure', 'group'] as const;
const SCHEMAS = {
  from: Day,
  to: Day,
  unit: Uuid,
  officer: Uuid,
  insurer: Uuid,
  figure: FigureSchema,
  group: Group,
} as const;

/** The view an address's query string asks for. */
export function viewFromSearch(search: string): DashboardView {
  const q = new URLSearchParams(search);
  const view: DashboardView = {
    groupBy: valid(DashboardGroupBy, q.get('groupBy')) ?? 'unit',
    page: Number(valid(Page, q.get('page')) ?? 1),
  };
  for (const field of FIELDS) {
    const value = valid<string>(SCHEMAS[field], q.get(field));
    if (value !== undefined) Object.assign(view, { [field]: value });
  }
  // A figure without its row (or the reverse) lists nothing.
  if (view.figure === undefined || view.group === undefined) {
    delete view.figure;
    delete view.group;
  } else if (q.get('over') === '1' && isInterval(view.figure)) {
    view.over = true;
  }
  return view;
}

/** The query string for the view (`''` for the defaults), in a stable order. */
export function searchFromView(v: DashboardView): string {
  const q = new URLSearchParams();
  for (const field of ['from', 'to', 'unit', 'officer', 'insurer'] as const) {
    const value = v[field];
    if (value !== undefined) q.set(field, value);
  }
  if (v.groupBy !== 'unit') q.set('groupBy', v.groupBy);
  if (v.figure !== undefined && v.group !== undefined) {
    q.set('figure', v.figure);
    q.set('group', v.group);
    if (v.over) q.set('over', '1');
    if (v.page > 1) q.set('page', String(v.page));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The view with a filter changed: the listed cases close (they were another figure's). */
export function withFilter(v: DashboardView, change: Partial<DashboardView>): DashboardView {
  const next: DashboardView = { ...v, ...change, page: 1 };
  delete next.figure;
  delete next.group;
  delete next.over;
  for (const key of Object.keys(next) as (keyof DashboardView)[]) {
    if (next[key] === undefined) delete next[key];
  }
  return next;
}

/** The view listing the cases behind one figure (page 1); `over`: only those over its target. */
export function withFigure(
  v: DashboardView,
  figure: Figure,
  group: string,
  over = false,
): DashboardView {
  const next: DashboardView = { ...v, figure, group, page: 1 };
  if (over && isInterval(figure)) next.over = true;
  else delete next.over;
  return next;
}

function filtersOf(v: DashboardView): FiveFastQuery {
  const q: FiveFastQuery = {};
  if (v.from) q.from = v.from;
  if (v.to) q.to = v.to;
  if (v.unit) q.unit = v.unit;
  if (v.officer) q.officer = v.officer;
  if (v.insurer) q.insurer = v.insurer;
  return q;
}

/** The table's query. */
export const figuresQueryOf = (v: DashboardView): FiveFastQuery => ({
  ...filtersOf(v),
  groupBy: v.groupBy,
});

/** The trends' query: the same filters, by week. */
export const trendQueryOf = (v: DashboardView): FiveFastQuery => ({
  ...filtersOf(v),
  groupBy: 'week',
});

/** The listed cases' query, or undefined when no figure is chosen. */
export function casesQueryOf(v: DashboardView): DashboardCasesQuery | undefined {
  if (v.figure === undefined || v.group === undefined) return undefined;
  return {
    ...figuresQueryOf(v),
    interval: v.figure,
    group: v.group,
    ...(v.over && { over: '1' as const }),
    page: String(v.page),
    pageSize: String(CASES_PAGE_SIZE),
  };
}
