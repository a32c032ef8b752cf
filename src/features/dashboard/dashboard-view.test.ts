import { describe, expect, it } from 'vitest';
import {
  casesQueryOf,
  searchFromView,
  trendQueryOf,
  viewFromSearch,
  withFigure,
  withFilter,
} from './dashboard-view';

const UNIT = '0190a3c4-0000-7000-8000-000000000001';

describe('the dashboard view in the address', () => {
  it('reads back what it wrote, defaults left out', () => {
    const view = withFigure(
      withFilter(viewFromSearch(''), { from: '2026-11-01', unit: UNIT, groupBy: 'week' }),
      'liability',
      '2026-11-02',
    );
    const search = searchFromView({ ...view, page: 2 });
    expect(search).toBe(
      `?from=2026-11-01&unit=${UNIT}&groupBy=week&figure=liability&group=2026-11-02&page=2`,
    );
    expect(viewFromSearch(search)).toEqual({ ...view, page: 2 });
    expect(searchFromView(viewFromSearch(''))).toBe('');
  });

  it('keeps only what is valid, and lists no cases without both figure and row', () => {
    expect(viewFromSearch('?from=yesterday&unit=x&groupBy=year&figure=liability&page=abc')).toEqual(
      { groupBy: 'unit', page: 1 },
    );
  });

  it('closes the listed cases when a filter changes', () => {
    const listed = withFigure(viewFromSearch(''), 'escalated', UNIT);
    expect(withFilter(listed, { to: '2026-11-30' })).toEqual({
      groupBy: 'unit',
      page: 1,
      to: '2026-11-30',
    });
  });

  it('asks the trends by week and the cases of the chosen figure, a page at a time', () => {
    const view = withFigure(viewFromSearch(`?insurer=${UNIT}`), 'payout', UNIT);
    expect(trendQueryOf(view)).toEqual({ insurer: UNIT, groupBy: 'week' });
    expect(casesQueryOf(view)).toEqual({
      insurer: UNIT,
      groupBy: 'unit',
      interval: 'payout',
      group: UNIT,
      page: '1',
      pageSize: '20',
    });
    expect(casesQueryOf(viewFromSearch(''))).toBeUndefined();
  });

  it('lists only the cases over the target with over=1, for an interval only', () => {
    const over = withFigure(viewFromSearch(''), 'evidence', UNIT, true);
    const search = searchFromView(over);
    expect(search).toBe(`?figure=evidence&group=${UNIT}&over=1`);
    expect(viewFromSearch(search)).toEqual(over);
    expect(casesQueryOf(over)).toMatchObject({ interval: 'evidence', over: '1' });
    expect(viewFromSearch(`?figure=escalated&group=${UNIT}&over=1`).over).toBeUndefined();
    expect(withFigure(over, 'evidence', UNIT).over).toBeUndefined();
    expect(withFilter(over, {}).over).toBeUndefined();
    expect(casesQueryOf(withFigure(over, 'evidence', UNIT))).not.toHaveProperty('over');
  });
});
