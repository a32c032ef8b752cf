/**
 * Downloads a dashboard CSV (UTF-8 with BOM, for Excel in a Chinese locale;
 * English headers when the screen is in English). Says while it prepares and
 * why it failed.
 */
import { useTranslation } from 'react-i18next';
import type { DashboardCasesQuery, FiveFastQuery } from '../../contracts/dashboard';
import { useDashboardCsv } from '../../services/useDashboard';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';

export interface CsvButtonProps {
  which: 'five-fast' | 'cases';
  query: FiveFastQuery | DashboardCasesQuery;
  label: string;
}

/** The file's name: what it holds and its filters' period, ASCII only. */
function fileName(which: CsvButtonProps['which'], query: CsvButtonProps['query']): string {
  const parts = ['five-fast', which === 'cases' ? 'cases' : (query.groupBy ?? 'unit')];
  if ('interval' in query) parts.push(query.interval);
  if (query.from) parts.push(query.from);
  if (query.to) parts.push(query.to);
  return `${parts.join('-')}.csv`;
}

export function CsvButton({ which, query, label }: CsvButtonProps) {
  const { t, i18n } = useTranslation();
  const { state, download } = useDashboardCsv();
  const lang = i18n.language === 'en' ? { lang: 'en' as const } : {};
  return (
    <div className="csv-download">
      <Button
        onClick={() => download(which, { ...query, ...lang }, fileName(which, query))}
        disabled={state.status === 'busy'}
        data-testid={`csv-${which}`}
      >
        {label}
      </Button>
      <p role="status" className="muted">
        {state.status === 'busy' ? t('dashboard.csv.busy') : ''}
      </p>
      {state.status === 'failed' && (
        <Notice tone="error" role="alert">
          {t('dashboard.csv.failed', { reason: t(`dashboard.failure.${state.failure}`) })}
        </Notice>
      )}
    </div>
  );
}
