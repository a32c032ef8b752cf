/**
 * The brigade administrator's home: who is signed in, the way to the
 * accounts, units and enrolled phones, the call-back target and overdue
 * packets, and the insurers' delivery addresses.
 */
import { useTranslation } from 'react-i18next';
import { useAccountView } from '../../services/useAccount';
import { RoleHome } from '../../ui/RoleHome';
import { AccountLinks } from './AccountLinks';
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
        t('admin.can.dashboard'),
      ]}
      coming={[t('admin.coming.settings')]}
    >
      <AccountLinks />
      <CallbackLinks />
      <InsurerDelivery />
    </RoleHome>
  );
}
