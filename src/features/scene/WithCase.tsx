/**
 * Reads one case for a screen: shows loading, "not on this phone" or "cannot
 * be read" (the row is kept as it is), and renders the screen with the case
 * otherwise — keyed by id, so moving to another case starts a fresh form.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { caseBelongsTo, type CaseRecord } from '../../domain';
import { useCase } from '../../services/useCase';
import { officerOf } from '../../services/officer-view';
import { useSession } from '../../services/useSession';
import { Notice } from '../../ui/Notice';
import { Link } from '../../ui/router';

export function WithCase({ id, children }: { id: string; children: (c: CaseRecord) => ReactNode }) {
  const { t } = useTranslation();
  const result = useCase(id);
  const session = useSession();
  if (result === undefined || session === undefined) {
    return <p role="status">{t('app.loading')}</p>;
  }
  if (!result.found) {
    return (
      <Refused>
        {result.problem
          ? t('caseDetail.unreadable', { problem: result.problem })
          : t('caseDetail.notFound')}
      </Refused>
    );
  }
  const { officer } = result.value;
  if (officer && !caseBelongsTo(result.value, officerOf(session)?.id)) {
    // Another officer's case on a shared phone (RELIABILITY.md D8).
    return <Refused>{t('cases.notYours', { name: officer.name })}</Refused>;
  }
  return <div key={result.value.id}>{children(result.value)}</div>;
}

function Refused({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section>
      <Notice tone="warn" role="alert">
        {children}
      </Notice>
      <Link href="/">{t('app.back')}</Link>
    </section>
  );
}
