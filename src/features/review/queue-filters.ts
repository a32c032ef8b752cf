/**
 * The queue's filters live in the address (`/review?bucket=new&page=2`), so a
 * reload, the back button and a shared link show the same page. Reading the
 * address keeps only what is valid (a hand-edited `?page=abc` is page 1);
 * writing it leaves the defaults out.
 */
import * as z from 'zod/mini';
import { QueueBucket, ReviewSignal, type QueueQuery } from '../../contracts/review';

export interface QueueFilters {
  bucket?: QueueBucket;
  /** `any`: every case with a signal ("needs me"). */
  signal?: ReviewSignal | 'any';
  unit?: string;
  officer?: string;
  /** Arrival on scene from / to this day, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
  sort: 'oldest' | 'newest';
  page: number;
}

export const PAGE_SIZE = 25;
export const DEFAULT_FILTERS: QueueFilters = { sort: 'oldest', page: 1 };

const SignalFilter = z.union([ReviewSignal, z.literal('any')]);
const Uuid = z.uuid();
const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const Page = z.string().check(z.regex(/^[1-9]\d{0,4}$/));

function valid<T>(schema: z.ZodMiniType<T>, value: string | null): T | undefined {
  if (value === null) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The filters an address's query string (`?bucket=…`) asks for. */
export function filtersFromSearch(search: string): QueueFilters {
  const q = new URLSearchParams(search);
  const filters: QueueFilters = {
    sort: q.get('sort') === 'newest' ? 'newest' : 'oldest',
    page: Number(valid(Page, q.get('page')) ?? 1),
  };
  const bucket = valid(QueueBucket, q.get('bucket'));
  if (bucket) filters.bucket = bucket;
  const signal = valid(SignalFilter, q.get('signal'));
  if (signal) filters.signal = signal;
  const unit = valid(Uuid, q.get('unit'));
  if (unit) filters.unit = unit;
  const officer = valid(Uuid, q.get('officer'));
  if (officer) filters.officer = officer;
  const from = valid(Day, q.get('from'));
  if (from) filters.from = from;
  const to = valid(Day, q.get('to'));
  if (to) filters.to = to;
  return filters;
}

/** The query string for the filters (`''` for the defaults), in a stable order. */
export function searchFromFilters(f: QueueFilters): string {
  const q = new URLSearchParams();
  if (f.bucket) q.set('bucket', f.bucket);
  if (f.signal) q.set('signal', f.signal);
  if (f.unit) q.set('unit', f.unit);
  if (f.officer) q.set('officer', f.officer);
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.sort !== 'oldest') q.set('sort', f.sort);
  if (f.page !== 1) q.set('page', String(f.page));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

/** A change of filter: any change but the page's own starts again at page 1. */
export function withFilter(f: QueueFilters, change: Partial<QueueFilters>): QueueFilters {
  const next: QueueFilters = { ...f, page: 1, ...change };
  for (const key of Object.keys(change) as (keyof QueueFilters)[]) {
    if (change[key] === undefined || change[key] === '') delete next[key];
  }
  if (next.page === undefined) next.page = 1;
  return next;
}

/** What the server is asked for. */
export function queueQueryOf(f: QueueFilters): QueueQuery {
  const { page, ...rest } = f;
  return { ...rest, page: String(page), pageSize: String(PAGE_SIZE) };
}

/** The number of pages `total` cases fill (at least one, so "page 1 of 1" when empty). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}
