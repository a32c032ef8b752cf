/**
 * The dashboard's filters: unit, officer, insurer, the arrival days and the
 * grouping. Every change goes into the address (and closes the listed cases);
 * the figures follow it. The days show the period the server answered for.
 */
import { useTranslation } from 'react-i18next';
import {
  DASHBOARD_GROUPS,
  type DashboardChoices,
  type DashboardGroupBy,
} from '../../contracts/dashboard';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { useClock } from '../../ui/useClock';
import { DEFAULT_VIEW, withFilter, type DashboardView } from './dashboard-view';
import { PRESETS, presetDays } from './period-presets';
import { ViewLink } from './ViewLink';

export interface DashboardFiltersProps {
  view: DashboardView;
  choices: DashboardChoices | undefined;
  /** The period the figures are for (the server's default when the address names none). */
  period: { from: string; to: string } | undefined;
  onGo(next: DashboardView): void;
}

/** This month, the last 13 weeks, the last year: links, the one shown marked current. */
function PeriodLinks({ view, onGo }: Pick<DashboardFiltersProps, 'view' | 'onGo'>) {
  const { t } = useTranslation();
  const now = useClock();
  return (
    <nav aria-label={t('dashboard.filters.periods')} className="filter-links">
      {PRESETS.map((p) => {
        const days = presetDays(p, now);
        const current = view.from === days.from && view.to === days.to;
        return (
          <ViewLink
            key={p}
            to={withFilter(view, { from: days.from, to: days.to })}
            onGo={onGo}
            className="filter-link"
            aria-current={current ? 'page' : undefined}
          >
            {t(`dashboard.filters.preset.${p}`)}
          </ViewLink>
        );
      })}
    </nav>
  );
}

export function DashboardFilters({ view, choices, period, onGo }: DashboardFiltersProps) {
  const { t } = useTranslation();
  const set = (change: Partial<DashboardView>) => onGo(withFilter(view, change));
  const officers = (choices?.officers ?? []).filter(
    (o) => view.unit === undefined || o.unitId === view.unit,
  );
  const from = view.from ?? period?.from ?? '';
  const to = view.to ?? period?.to ?? '';
  return (
    <section aria-labelledby="dashboard-filters-title" className="dashboard-filters">
      <h2 id="dashboard-filters-title">{t('dashboard.filters.title')}</h2>
      <PeriodLinks view={view} onGo={onGo} />
      <div className="dashboard-filter-grid">
        <TextField
          id="dashboard-from"
          type="date"
          label={t('dashboard.filters.from')}
          value={from}
          max={to || undefined}
          onValue={(v) => set({ from: v || undefined })}
        />
        <TextField
          id="dashboard-to"
          type="date"
          label={t('dashboard.filters.to')}
          value={to}
          min={from || undefined}
          onValue={(v) => set({ to: v || undefined })}
        />
        <SelectField
          id="dashboard-unit"
          label={t('dashboard.filters.unit')}
          value={view.unit ?? ''}
          none={t('dashboard.filters.anyUnit')}
          options={(choices?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
          onValue={(v) => set({ unit: v || undefined, officer: undefined })}
        />
        <SelectField
          id="dashboard-officer"
          label={t('dashboard.filters.officer')}
          value={view.officer ?? ''}
          none={t('dashboard.filters.anyOfficer')}
          options={officers.map((o) => ({ value: o.id, label: o.name }))}
          onValue={(v) => set({ officer: v || undefined })}
        />
        <SelectField
          id="dashboard-insurer"
          label={t('dashboard.filters.insurer')}
          value={view.insurer ?? ''}
          none={t('dashboard.filters.anyInsurer')}
          options={(choices?.insurers ?? []).map((i) => ({ value: i.id, label: i.name }))}
          onValue={(v) => set({ insurer: v || undefined })}
        />
        <SelectField
          id="dashboard-group-by"
          label={t('dashboard.filters.groupBy')}
          value={view.groupBy}
          options={DASHBOARD_GROUPS.map((g) => ({ value: g, label: t(`dashboard.groupBy.${g}`) }))}
          onValue={(v) => set({ groupBy: v as DashboardGroupBy })}
        />
      </div>
      <Button onClick={() => onGo(DEFAULT_VIEW)}>{t('dashboard.filters.clear')}</Button>
    </section>
  );
}
