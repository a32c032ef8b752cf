// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolationsIn } from '../../../tests/setup/axe-jsdom';
import type { FiveFastGroup, FiveFastResponse, IntervalFigures } from '../../contracts/dashboard';
import { setupI18n } from '../../ui/i18n/setup';
import { FiguresTable } from './FiguresTable';
import { dashboardMessages } from './messages';
import { TrendCharts } from './TrendCharts';

const NONE: IntervalFigures = { count: 0, median: null, p90: null, overTarget: 0 };
const TARGETS = {
  evidence: 15,
  clearance: 30,
  liability: 25,
  callback: 10,
  assessment: 1440,
  payout: 10080,
};
const group = (key: string, label: string, liability: IntervalFigures): FiveFastGroup => ({
  key,
  label,
  counts: { cases: 4, escalated: 1, returned: 0, disputed: 0, warnings: 0 },
  intervals: {
    evidence: { count: 4, median: 480, p90: 1200, overTarget: 1 },
    clearance: NONE,
    liability,
    callback: NONE,
    assessment: NONE,
    payout: { count: 1, median: 172_800, p90: 172_800, overTarget: 0 },
  },
});
const answer = (
  groupBy: FiveFastResponse['groupBy'],
  groups: FiveFastGroup[],
): FiveFastResponse => ({
  groupBy,
  from: '2025-03-01',
  to: '2025-03-31',
  groups,
  choices: { units: [], officers: [], insurers: [] },
  targets: TARGETS,
});

beforeAll(async () => {
  await setupI18n([dashboardMessages], 'zh-CN');
});
afterEach(cleanup);

describe('the figures table', () => {
  it('words each figure, links it to its cases, and names the link by its row and column', async () => {
    const data = answer('unit', [
      group('u1', '一中队', { count: 3, median: 1800, p90: 3600, overTarget: 2 }),
    ]);
    render(<FiguresTable data={data} view={{ groupBy: 'unit', page: 1 }} onGo={() => undefined} />);
    const liability = screen.getByTestId('figure-liability-u1');
    expect(liability.getAttribute('href')).toBe('/dashboard?figure=liability&group=u1');
    expect(liability.textContent).toBe(
      '中位数 30 分P90 1 小时 0 分3 件（一中队，定责快：查看案件）',
    );
    expect(screen.getByTestId('figure-payout-u1').textContent).toMatch(/^中位数 2 天 0 小时/);
    expect(screen.queryByTestId('figure-returned-u1')).toBeNull();
    expect(
      screen.getByRole('region', { name: /“五快”用时，按单位，2025-03-01 至 2025-03-31/ }),
    ).toBeTruthy();
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });
});

describe('the targets beside the figures', () => {
  it('says in words whether the median is over the target, and links the cases over it', async () => {
    const data = answer('unit', [
      group('u1', '一中队', { count: 3, median: 1800, p90: 3600, overTarget: 2 }),
    ]);
    render(<FiguresTable data={data} view={{ groupBy: 'unit', page: 1 }} onGo={() => undefined} />);
    expect(screen.getByRole('columnheader', { name: /^定责快/ }).textContent).toBe(
      '定责快到场 → 责任认定目标 25 分',
    );
    const said = screen.getByTestId('target-liability-u1');
    expect(said.textContent).toBe('⚠ 中位数超过目标 25 分');
    expect(said.classList.contains('target-over')).toBe(true);
    expect(screen.getByTestId('target-evidence-u1').textContent).toBe('中位数未超过目标 15 分');
    const over = screen.getByTestId('over-liability-u1');
    expect(over.getAttribute('href')).toBe('/dashboard?figure=liability&group=u1&over=1');
    expect(over.textContent).toBe('超过目标 2 件（一中队，定责快：查看超过目标的案件）');
    // Nothing over the target: said, with nothing to open.
    expect(screen.queryByTestId('over-payout-u1')).toBeNull();
    expect(screen.getByTestId('target-payout-u1').nextElementSibling!.textContent).toBe(
      '超过目标 0 件',
    );
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });

  it('speaks English', async () => {
    const { default: i18n } = await import('i18next');
    await i18n.changeLanguage('en');
    try {
      const data = answer('unit', [
        group('u1', 'Squad 1', { count: 3, median: 1800, p90: 3600, overTarget: 2 }),
      ]);
      render(
        <FiguresTable data={data} view={{ groupBy: 'unit', page: 1 }} onGo={() => undefined} />,
      );
      expect(screen.getByTestId('target-liability-u1').textContent).toBe(
        '⚠ median over the target of 25 min',
      );
      expect(screen.getByTestId('over-liability-u1').textContent).toMatch(/^2 over target/);
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });
});

describe('the weekly trends', () => {
  it('runs over every week, a week without cases a gap, each chart named by its summary', async () => {
    const weeks = answer('week', [
      group('2025-03-03', '2025-03-03', { count: 2, median: 1200, p90: 1800, overTarget: 1 }),
      group('2025-03-17', '2025-03-17', { count: 1, median: 3600, p90: 3600, overTarget: 1 }),
    ]);
    render(<TrendCharts data={weeks} />);
    const chart = screen.getByRole('img', { name: /^定责快，3 周：/ });
    expect(chart.getAttribute('aria-label')).toBe(
      '定责快，3 周：中位数最近一周 1 小时 0 分；P90最近一周 1 小时 0 分',
    );
    // The missing week breaks each line: two runs of one point.
    const median = chart.querySelector('.series-1 path')!.getAttribute('d')!;
    expect(median.match(/M/g)).toHaveLength(2);
    const rows = screen.getByTestId('trend-liability').querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.textContent)).toEqual([
      '2025-03-0320 分30 分',
      '2025-03-10——',
      '2025-03-171 小时 0 分1 小时 0 分',
    ]);
    expect(await axeViolationsIn(document.body)).toEqual([]);
  });
});
