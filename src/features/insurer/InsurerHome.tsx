/** The insurer's home: what an insurer does in Kuaichu, until its screens come. */
import { useTranslation } from 'react-i18next';
import { RoleHome } from '../../services/RoleHome';

export function InsurerHome() {
  const { t } = useTranslation();
  return (
    <RoleHome
      title={t('account.title.insurer')}
      intro={t('insurer.intro')}
      can={[t('insurer.can.receive'), t('insurer.can.assess'), t('insurer.can.pay')]}
      coming={[t('insurer.coming.list'), t('insurer.coming.actions')]}
      meanwhile={t('insurer.meanwhile')}
    />
  );
}
