/**
 * The cases behind the chosen figure (or only those over the brigade's
 * target), a page at a time: number, arrival and the interval it took. A reviewer opens a case in his workspace; an admin
 * sees the numbers only (server/auth/policy.ts: never a case's contents).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardCase, FiveFastResponse } from '../../contracts/dashboard';
import type { Role } from '../../contracts/route';
import { useDashboardCases } from '../../services/useDashboard';
import { Button } from '../../ui/Button';
import { DataTable, type Column } from '../../ui/DataTable';
import { formatTime } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { Link } from '../../ui/router';
import { CsvButton } from './CsvButton';
import { durationText, groupLabel } from './dashboard-format';
import {
  casesQueryOf,
  CASES_PAGE_SIZE,
  isInterval,
  withFilter,
  type DashboardView,
} from './dashboard-view';
import { ViewLink } from './ViewLink';

export interface CaseListProps {
  view: DashboardView & Required<Pick<DashboardView, 'figure' | 'group'>>;
  figures: FiveFastResponse | undefined;
  role: Role;
  onGo(next: DashboardView): void;
}

function useColumns(view: CaseListProps['view'], role: Role): Column<DashboardCase>[] {
  const { t, i18n } = useTranslation();
  const columns: Column<DashboardCase>[] = [
    {
      key: 'number',
      header: t('dashboard.cases.number'),
      rowHeader: true,
      cell: (c) =>
        role === 'reviewer' ? (
          <Link href={`/review/${c.id}`} className="case-link">
            {c.caseNumber}
          </Link>
        ) : (
          c.caseNumber
        ),
    },
    {
      key: 'arrived',
      header: t('dashboard.cases.arrived'),
      cell: (c) => formatTime(c.arrivedAt, i18n.language),
    },
  ];
  if (isInterval(view.figure)) {
    columns.push({
      key: 'value',
      header: t('dashboard.cases.value'),
      numeric: true,
      cell: (c) => (c.seconds === null ? '—' : durationText(t, c.seconds)),
    });
  }
  return columns;
}

export function CaseList({ view, figures, role, onGo }: CaseListProps) {
  const { t } = useTranslation();
  const query = casesQueryOf(view);
  const { read, refreshing, reload } = useDashboardCases(query);
  const columns = useColumns(view, role);
  const heading = useRef<HTMLHeadingElement>(null);
  const row = figures?.groups.find((g) => g.key === view.group);
  const group = row ? groupLabel(t, figures!.groupBy, row.label) : view.group;
  const named = t(
    isInterval(view.figure)
      ? `dashboard.interval.${view.figure}`
      : `dashboard.count.${view.figure}`,
  );
  const figure = view.over ? t('dashboard.target.figure', { figure: named }) : named;
  useEffect(() => heading.current?.focus(), [view.figure, view.group, view.over]);
  const page = read.value;
  const pages = page ? Math.max(1, Math.ceil(page.total / CASES_PAGE_SIZE)) : 1;
  return (
    <section
      aria-labelledby="dashboard-cases-title"
      aria-busy={refreshing}
      data-testid="dashboard-cases"
    >
      <h2 id="dashboard-cases-title" ref={heading} tabIndex={-1}>
        {t('dashboard.cases.title', { group, figure })}
      </h2>
      <p>
        <ViewLink to={withFilter(view, {})} onGo={onGo} className="back-link">
          ← {t('dashboard.cases.close')}
        </ViewLink>
      </p>
      {role !== 'reviewer' && <p className="muted">{t('dashboard.cases.adminNote')}</p>}
      {read.status === 'loading' && <p role="status">{t('dashboard.loading')}</p>}
      {read.status === 'failed' && (
        <Notice tone="error" role="alert">
          {t(`dashboard.failure.${read.failure}`)}{' '}
          <Button onClick={reload}>{t('dashboard.retry')}</Button>
        </Notice>
      )}
      {page && (
        <>
          <p role="status" data-testid="dashboard-cases-total">
            {t('dashboard.cases.total', { count: page.total })}
          </p>
          <DataTable
            caption={t('dashboard.cases.caption', { group, figure })}
            columns={columns}
            rows={page.items}
            rowKey={(c) => c.id}
            empty={t('dashboard.cases.none')}
          />
          <nav
            className="dashboard-paging"
            aria-label={t('dashboard.cases.page', { page: page.page, pages })}
          >
            {page.page > 1 && (
              <ViewLink to={{ ...view, page: page.page - 1 }} onGo={onGo} className="button">
                {t('dashboard.cases.previous')}
              </ViewLink>
            )}
            <span>{t('dashboard.cases.page', { page: page.page, pages })}</span>
            {page.page < pages && (
              <ViewLink to={{ ...view, page: page.page + 1 }} onGo={onGo} className="button">
                {t('dashboard.cases.next')}
              </ViewLink>
            )}
          </nav>
          {query && page.total > 0 && (
            <CsvButton which="cases" query={query} label={t('dashboard.csv.cases')} />
          )}
        </>
      )}
    </section>
  );
}
