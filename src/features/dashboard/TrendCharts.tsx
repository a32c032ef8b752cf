/**
 * The weekly trends: for each interval its median and p90 week by week, and
 * the cases (and escalations) per week. Each chart is a figure with its
 * caption, a picture named by a summary, and its numbers as a table a
 * keyboard or screen reader opens below it.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  DASHBOARD_INTERVALS,
  type DashboardInterval,
  type FiveFastGroup,
  type FiveFastResponse,
} from '../../contracts/dashboard';
import { DataTable, type Column } from '../../ui/DataTable';
import { Section } from '../../ui/Page';
import { durationText } from './dashboard-format';
import { LineChart, type ChartSeries } from './LineChart';
import { weeklyRun } from './trend-weeks';

interface TrendChartProps {
  id: string;
  name: string;
  weeks: readonly string[];
  series: readonly ChartSeries[];
  format(value: number): string;
}

type WeekRow = { week: string; values: readonly (number | null)[] };

function TrendChart({ id, name, weeks, series, format }: TrendChartProps) {
  const { t } = useTranslation();
  const lastOf = (s: ChartSeries) => s.values.findLast((v) => v !== null);
  const described = series.map((s) => {
    const last = lastOf(s);
    return t('dashboard.trends.seriesLast', {
      name: s.name,
      value: last == null ? t('dashboard.table.notMeasured') : format(last),
    });
  });
  const summary = t('dashboard.trends.summary', {
    name,
    weeks: weeks.length,
    series: described.join(t('dashboard.trends.separator')),
  });
  const rows: WeekRow[] = weeks.map((week, i) => ({
    week,
    values: series.map((s) => s.values[i] ?? null),
  }));
  const columns: Column<WeekRow>[] = [
    { key: 'week', header: t('dashboard.trends.week'), cell: (r) => r.week, rowHeader: true },
    ...series.map((s, i): Column<WeekRow> => ({
      key: s.name,
      header: s.name,
      numeric: true,
      cell: (r) => {
        const v = r.values[i];
        return v == null ? '—' : format(v);
      },
    })),
  ];
  return (
    <figure className="trend-chart" aria-labelledby={`${id}-caption`} data-testid={id}>
      <figcaption id={`${id}-caption`}>{name}</figcaption>
      <LineChart
        labels={weeks.map((w) => w.slice(5))}
        series={series}
        format={format}
        summary={summary}
      />
      <details>
        <summary>{t('dashboard.trends.showTable', { name })}</summary>
        <DataTable
          caption={name}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.week}
          empty={t('dashboard.trends.none')}
        />
      </details>
    </figure>
  );
}

function intervalSeries(
  t: TFunction,
  at: readonly (FiveFastGroup | undefined)[],
  k: DashboardInterval,
): ChartSeries[] {
  return [
    {
      name: t('dashboard.trends.median'),
      look: 'series-1',
      values: at.map((g) => g?.intervals[k]?.median ?? null),
    },
    {
      name: t('dashboard.trends.p90'),
      look: 'series-2',
      values: at.map((g) => g?.intervals[k]?.p90 ?? null),
    },
  ];
}

export function TrendCharts({ data }: { data: FiveFastResponse }) {
  const { t } = useTranslation();
  const { weeks, at } = weeklyRun(data.groups);
  const counts: ChartSeries[] = [
    {
      name: t('dashboard.trends.cases'),
      look: 'series-1',
      values: at.map((g) => g?.counts.cases ?? 0),
    },
    {
      name: t('dashboard.trends.escalated'),
      look: 'series-2',
      values: at.map((g) => g?.counts.escalated ?? 0),
    },
  ];
  return (
    <Section titleId="dashboard-trends-title" title={t('dashboard.trends.title')}>
      <p className="muted">{t('dashboard.trends.intro')}</p>
      {weeks.length === 0 ? (
        <p>{t('dashboard.trends.none')}</p>
      ) : (
        <div className="trend-grid">
          <TrendChart
            id="trend-cases"
            name={t('dashboard.trends.countsTitle')}
            weeks={weeks}
            series={counts}
            format={(v) => String(Math.round(v))}
          />
          {DASHBOARD_INTERVALS.map((k) => (
            <TrendChart
              key={k}
              id={`trend-${k}`}
              name={t(`dashboard.interval.${k}`)}
              weeks={weeks}
              series={intervalSeries(t, at, k)}
              format={(v) => durationText(t, v)}
            />
          ))}
        </div>
      )}
    </Section>
  );
}
