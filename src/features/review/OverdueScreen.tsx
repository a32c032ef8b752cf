/**
 * The brigade's packets overdue for a call-back (`/review/overdue`), each
 * opening its case; asked again every 30 s while visible.
 */
import { useTranslation } from 'react-i18next';
import { useOverdueClaims } from '../../services/useOverdueClaims';
import { OverduePage } from '../../ui/OverdueClaims';

export function OverdueScreen() {
  const { t } = useTranslation();
  const back = { href: '/review', label: t('account.title.reviewer') };
  return (
    <OverduePage {...useOverdueClaims()} back={back} caseHref={(c) => `/review/${c.caseId}`} />
  );
}
