import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  filtersFromSearch,
  pageCount,
  queueQueryOf,
  searchFromFilters,
  withFilter,
  type QueueFilters,
} from './queue-filters';

const UNIT = '0190a000-0000-7000-8000-0000000000aa';
const OFFICER = '0190a000-0000-7000-8000-0000000000bb';

describe('the queue filters in the address', () => {
  it('reads an empty query string as the defaults, and writes the defaults as nothing', () => {
    expect(filtersFromSearch('')).toEqual(DEFAULT_FILTERS);
    expect(searchFromFilters(DEFAULT_FILTERS)).toBe('');
  });

  it('round-trips every filter', () => {
    const f: QueueFilters = {
      bucket: 'escalated',
      signal: 'any',
      unit: UNIT,
      officer: OFFICER,
      from: '2026-11-01',
      to: '2026-11-30',
      sort: 'newest',
      page: 3,
    };
    const search = searchFromFilters(f);
    expect(search).toBe(
      `?bucket=escalated&signal=any&unit=${UNIT}&officer=${OFFICER}&from=2026-11-01&to=2026-11-30&sort=newest&page=3`,
    );
    expect(filtersFromSearch(search)).toEqual(f);
  });

  it('drops what is not valid (a hand-edited address), keeping the rest', () => {
    expect(
      filtersFromSearch('?bucket=all&signal=nope&unit=abc&from=yesterday&sort=up&page=abc'),
    ).toEqual(DEFAULT_FILTERS);
    expect(filtersFromSearch('?page=0')).toEqual(DEFAULT_FILTERS);
    expect(filtersFromSearch('?signal=refusal&page=2')).toEqual({
      ...DEFAULT_FILTERS,
      signal: 'refusal',
      page: 2,
    });
  });

  it('starts again at page 1 when a filter changes, and clears a filter set to nothing', () => {
    const f: QueueFilters = { ...DEFAULT_FILTERS, bucket: 'new', page: 4 };
    expect(withFilter(f, { unit: UNIT })).toEqual({ ...f, unit: UNIT, page: 1 });
    expect(withFilter(f, { bucket: undefined })).toEqual({ sort: 'oldest', page: 1 });
    expect(withFilter(f, { page: 5 })).toEqual({ ...f, page: 5 });
  });

  it('asks the server for one page of 25', () => {
    expect(queueQueryOf({ ...DEFAULT_FILTERS, bucket: 'new', page: 2 })).toEqual({
      bucket: 'new',
      sort: 'oldest',
      page: '2',
      pageSize: '25',
    });
  });

  it('counts pages, at least one', () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(25, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
  });
});
