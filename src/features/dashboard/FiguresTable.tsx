/**
 * The table of figures: one row per group (unit, officer, insurer or week),
 * its counts, then each interval's median, p90 and how many were measured.
 * Every figure is a link to the cases behind it.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DASHBOARD_COUNTS,
  DASHBOARD_INTERVALS,
  type DashboardCount,
  type DashboardInterval,
  type FiveFastGroup,
  type FiveFastResponse,
} from '../../contracts/dashboard';
import { DataTable, type Column } from '../../ui/DataTable';
import { durationText, groupLabel } from './dashboard-format';
import { isInterval, withFigure, type DashboardView, type Figure } from './dashboard-view';
import { ViewLink } from './ViewLink';

export interface FiguresTableProps {
  data: FiveFastResponse;
  view: DashboardView;
  onGo(next: DashboardView): void;
}

/** A figure as a link to its cases; its name ends with the row and column it is read under. */
function useFigureLink({ data, view, onGo }: FiguresTableProps) {
  const { t } = useTranslation();
  return (g: FiveFastGroup, figure: Figure, content: ReactNode) => (
    <ViewLink
      to={withFigure(view, figure, g.key)}
      onGo={onGo}
      className="figure-link"
      aria-current={view.figure === figure && view.group === g.key ? 'true' : undefined}
      data-testid={`figure-${figure}-${g.key}`}
    >
      {content}
      <span className="sr-only">
        {t('dashboard.table.figureLink', {
          group: groupLabel(t, data.groupBy, g.label),
          figure: t(
            isInterval(figure) ? `dashboard.interval.${figure}` : `dashboard.count.${figure}`,
          ),
        })}
      </span>
    </ViewLink>
  );
}

export function FiguresTable(props: FiguresTableProps) {
  const { t } = useTranslation();
  const { data } = props;
  const link = useFigureLink(props);
  const countColumn = (c: DashboardCount): Column<FiveFastGroup> => ({
    key: c,
    header: t(`dashboard.count.${c}`),
    numeric: true,
    cell: (g) => {
      const n = g.counts[c];
      return n === 0 ? '0' : link(g, c, n);
    },
  });
  const intervalColumn = (k: DashboardInterval): Column<FiveFastGroup> => ({
    key: k,
    header: (
      <>
        {t(`dashboard.interval.${k}`)}
        <span className="column-hint">{t(`dashboard.intervalHint.${k}`)}</span>
      </>
    ),
    cell: (g) => {
      const f = g.intervals[k];
      if (f.count === 0 || f.median === null || f.p90 === null) {
        return <span className="muted">{t('dashboard.table.notMeasured')}</span>;
      }
      const lines = [
        t('dashboard.table.median', { value: durationText(t, f.median) }),
        t('dashboard.table.p90', { value: durationText(t, f.p90) }),
        t('dashboard.table.measured', { count: f.count }),
      ];
      const content = lines.map((line) => (
        <span key={line} className="figure-line">
          {line}
        </span>
      ));
      return link(g, k, content);
    },
  });
  const columns: Column<FiveFastGroup>[] = [
    {
      key: 'group',
      header: t(`dashboard.group.${data.groupBy}`),
      rowHeader: true,
      cell: (g) => groupLabel(t, data.groupBy, g.label),
    },
    ...DASHBOARD_COUNTS.map(countColumn),
    ...DASHBOARD_INTERVALS.map(intervalColumn),
  ];
  return (
    <DataTable
      caption={t('dashboard.table.caption', {
        groupBy: t(`dashboard.groupBy.${data.groupBy}`),
        period: t('dashboard.period', { from: data.from, to: data.to }),
      })}
      columns={columns}
      rows={data.groups}
      rowKey={(g) => g.key}
      empty={t('dashboard.table.none')}
    />
  );
}
