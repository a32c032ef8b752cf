/**
 * The brigade administrator's home: who is signed in, the call-back target
 * and overdue packets, the insurers' delivery addresses (the screens that have come), and what administration does in
 * Kuaichu through the server until its other screens come.
 */
import { useTranslation } from 'react-i18next';
import { useAccountView } from '../../services/useAccount';
import { RoleHome } from '../../ui/RoleHome';
import { CallbackLinks } from './CallbackLinks';
import { InsurerDelivery } from './InsurerDelivery';
import './admin.css';

export function AdminHome() {
  const { t } = useTranslation();
  const account = useAccountView();
  return (
    <RoleHome
      account={account}
      title={t('account.title.admin')}
      intro={t('admin.intro')}
      can={[
        t('admin.can.delivery'),
        t('admin.can.accounts'),
        t('admin.can.devices'),
        t('admin.can.units'),
      ]}
      coming={[t('admin.coming.screens'), t('admin.coming.dashboard')]}
      meanwhile={t('admin.meanwhile')}
    >
      <CallbackLinks />
      <InsurerDelivery />
    </RoleHome>
  );
}
