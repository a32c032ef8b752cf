/**
 * Every brigade's packets overdue for a call-back (`/admin/overdue`): the
 * admin sees which insurer is late on which case, not the case itself.
 */
import { useTranslation } from 'react-i18next';
import { useOverdueClaims } from '../../services/useOverdueClaims';
import { OverduePage } from '../../ui/OverdueClaims';

export function OverdueScreen() {
  const { t } = useTranslation();
  return (
    <OverduePage
      {...useOverdueClaims()}
      back={{ href: '/admin', label: t('admin.back') }}
      showBrigade
    />
  );
}
