/**
 * The brigade's five-fast dashboard (`/dashboard`, reviewers and admins):
 * filters, the table of figures (each a link to the cases behind it), the CSV,
 * the cases of the chosen figure, and the weekly trends. Everything it shows
 * is in the address; the figures are the server's (computed in its database).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../contracts/route';
import type { ReviewFailure } from '../../services/review-client';
import { useFiveFast, type DashboardRead } from '../../services/useDashboard';
import type { FiveFastResponse } from '../../contracts/dashboard';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Section } from '../../ui/Page';
import { useAddressSearch } from '../../ui/router';
import { CaseList } from './CaseList';
import { CsvButton } from './CsvButton';
import { DashboardFilters } from './DashboardFilters';
import {
  figuresQueryOf,
  searchFromView,
  trendQueryOf,
  viewFromSearch,
  type DashboardView,
} from './dashboard-view';
import { FiguresTable } from './FiguresTable';
import { TrendCharts } from './TrendCharts';
import { DASHBOARD_PATH } from './ViewLink';
import './dashboard.css';

/** Loading, the failure with a retry, or a warning that what shows is the last answer. */
function ReadState({ read, refreshing, reload }: DashboardRead<unknown>) {
  const { t } = useTranslation();
  const word = (f: ReviewFailure) => t(`dashboard.failure.${f}`);
  if (read.status === 'loading') return <p role="status">{t('dashboard.loading')}</p>;
  if (read.status === 'failed') {
    return (
      <Notice tone="error" role="alert">
        {word(read.failure)} <Button onClick={reload}>{t('dashboard.retry')}</Button>
      </Notice>
    );
  }
  return (
    <p role="status" className="muted">
      {refreshing ? t('dashboard.refreshing') : ''}
    </p>
  );
}

function FiguresPart({
  figures,
  view,
  onGo,
}: {
  figures: DashboardRead<FiveFastResponse>;
  view: DashboardView;
  onGo(next: DashboardView): void;
}) {
  const { t } = useTranslation();
  const data = figures.read.value;
  return (
    <Section
      titleId="dashboard-table-title"
      title={t('dashboard.table.title')}
      aria-busy={figures.refreshing}
    >
      <ReadState {...figures} />
      {data && (
        <>
          <FiguresTable data={data} view={view} onGo={onGo} />
          <CsvButton
            which="five-fast"
            query={figuresQueryOf(view)}
            label={t('dashboard.csv.table')}
          />
        </>
      )}
    </Section>
  );
}

export function DashboardScreen({ role }: { role: Role }) {
  const { t } = useTranslation();
  const [search, goTo] = useAddressSearch(DASHBOARD_PATH);
  const view = useMemo(() => viewFromSearch(search), [search]);
  const figures = useFiveFast(useMemo(() => figuresQueryOf(view), [view]));
  // By week, the table's answer is the trends' too.
  const byWeek = view.groupBy === 'week';
  const trendQuery = useMemo(() => (byWeek ? undefined : trendQueryOf(view)), [view, byWeek]);
  const weekly = useFiveFast(trendQuery);
  const trends = byWeek ? figures : weekly;
  const go = (next: DashboardView) => goTo(searchFromView(next));
  const data = figures.read.value;
  const { figure, group } = view;
  return (
    <section aria-labelledby="dashboard-title" className="dashboard" data-testid="dashboard">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      <p>{t('dashboard.intro')}</p>
      <div className="dashboard-layout">
        <DashboardFilters view={view} choices={data?.choices} period={data} onGo={go} />
        <div className="dashboard-main">
          <FiguresPart figures={figures} view={view} onGo={go} />
          {figure !== undefined && group !== undefined && (
            <CaseList view={{ ...view, figure, group }} figures={data} role={role} onGo={go} />
          )}
          {trends.read.value ? <TrendCharts data={trends.read.value} /> : <ReadState {...trends} />}
        </div>
      </div>
    </section>
  );
}
