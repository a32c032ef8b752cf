/**
 * Reads one case for a screen: shows loading, "not on this phone" or "cannot
 * be read" (the row is kept as it is), and renders the screen with the case
 * otherwise — keyed by id, so moving to another case starts a fresh form.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../domain';
import { Link } from '../ui/router';
import { useCase } from './useCase';

export function WithCase({ id, children }: { id: string; children: (c: CaseRecord) => ReactNode }) {
  const { t } = useTranslation();
  const result = useCase(id);
  if (result === undefined) return <p role="status">{t('app.loading')}</p>;
  if (!result.found) {
    return (
      <section>
        <p className="notice warn" role="alert">
          {result.problem
            ? t('caseDetail.unreadable', { problem: result.problem })
            : t('caseDetail.notFound')}
        </p>
        <Link href="/">{t('app.back')}</Link>
      </section>
    );
  }
  return <div key={result.value.id}>{children(result.value)}</div>;
}
