/**
 * The table of figures: one row per group (unit, officer, insurer or week),
 * its counts, then each interval's median, p90 and how many were measured,
 * beside the brigade's target (in the column's head), whether the median is
 * over it said in words, and how many cases took longer than the target.
 * Every figure is a link to the cases behind it; the over-target count to
 * those cases only.
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
  type IntervalFigures,
} from '../../contracts/dashboard';
import { isOverTarget } from '../../domain/metrics/targets';
import { DataTable, type Column } from '../../ui/DataTable';
import { durationText, groupLabel } from './dashboard-format';
import { isInterval, withFigure, type DashboardView, type Figure } from './dashboard-view';
import { ViewLink } from './ViewLink';

export interface FiguresTableProps {
  data: FiveFastResponse;
  view: DashboardView;
  onGo(next: DashboardView): void;
}

/**
 * A figure as a link to its cases (`over`: only those over the target); its
 * name ends with the row and column it is read under.
 */
function useFigureLink({ data, view, onGo }: FiguresTableProps) {
  const { t } = useTranslation();
  return (g: FiveFastGroup, figure: Figure, content: ReactNode, over = false) => (
    <ViewLink
      to={withFigure(view, figure, g.key, over)}
      onGo={onGo}
      className="figure-link"
      aria-current={
        view.figure === figure && view.group === g.key && !view.over === !over ? 'true' : undefined
      }
      data-testid={`${over ? 'over' : 'figure'}-${figure}-${g.key}`}
    >
      {content}
      <span className="sr-only">
        {t(over ? 'dashboard.target.overLink' : 'dashboard.table.figureLink', {
          group: groupLabel(t, data.groupBy, g.label),
          figure: t(
            isInterval(figure) ? `dashboard.interval.${figure}` : `dashboard.count.${figure}`,
          ),
        })}
      </span>
    </ViewLink>
  );
}

/** The median against the target, in words (not colour alone), and the cases over it. */
function TargetLines({
  f,
  minutes,
  overLink,
  testId,
}: {
  testId: string;
  f: IntervalFigures;
  minutes: number;
  overLink: ReactNode;
}) {
  const { t } = useTranslation();
  const value = durationText(t, minutes * 60);
  const over = f.median !== null && isOverTarget(f.median, minutes);
  return (
    <>
      <span className={over ? 'target-line target-over' : 'target-line'} data-testid={testId}>
        {t(over ? 'dashboard.target.over' : 'dashboard.target.within', { value })}
      </span>
      {f.overTarget > 0 ? (
        overLink
      ) : (
        <span className="target-line">{t('dashboard.target.overCount', { count: 0 })}</span>
      )}
    </>
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
        <span className="column-hint">
          {t('dashboard.target.header', { value: durationText(t, data.targets[k] * 60) })}
        </span>
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
      return (
        <>
          {link(g, k, content)}
          <TargetLines
            testId={`target-${k}-${g.key}`}
            f={f}
            minutes={data.targets[k]}
            overLink={link(g, k, t('dashboard.target.overCount', { count: f.overTarget }), true)}
          />
        </>
      );
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
