/** The insurer's home: what an insurer does in Kuaichu, until its screens come. */
import { useTranslation } from 'react-i18next';
import { useAccountView } from '../../services/useAccount';
import { RoleHome } from '../../ui/RoleHome';

export function InsurerHome() {
  const { t } = useTranslation();
  const account = useAccountView();
  return (
    <RoleHome
      account={account}
      title={t('account.title.insurer')}
      intro={t('insurer.intro')}
      can={[t('insurer.can.receive'), t('insurer.can.assess'), t('insurer.can.pay')]}
      coming={[t('insurer.coming.list'), t('insurer.coming.actions')]}
      meanwhile={t('insurer.meanwhile')}
    />
  );
}
