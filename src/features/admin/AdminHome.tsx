/** The brigade administrator's home: what administration does in Kuaichu, until its screens come. */
import { useTranslation } from 'react-i18next';
import { useAccountView } from '../../services/useAccount';
import { RoleHome } from '../../ui/RoleHome';

export function AdminHome() {
  const { t } = useTranslation();
  const account = useAccountView();
  return (
    <RoleHome
      account={account}
      title={t('account.title.admin')}
      intro={t('admin.intro')}
      can={[t('admin.can.accounts'), t('admin.can.devices'), t('admin.can.units')]}
      coming={[t('admin.coming.screens'), t('admin.coming.dashboard')]}
      meanwhile={t('admin.meanwhile')}
    />
  );
}
