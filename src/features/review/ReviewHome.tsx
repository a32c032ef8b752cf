/** The accident squad reviewer's home: what review does in Kuaichu, until its screens come. */
import { useTranslation } from 'react-i18next';
import { useAccountView } from '../../services/useAccount';
import { RoleHome } from '../../ui/RoleHome';

export function ReviewHome() {
  const { t } = useTranslation();
  const account = useAccountView();
  return (
    <RoleHome
      account={account}
      title={t('account.title.reviewer')}
      intro={t('review.intro')}
      can={[t('review.can.read'), t('review.can.decide'), t('review.can.takeOver')]}
      coming={[t('review.coming.list'), t('review.coming.actions')]}
      meanwhile={t('review.meanwhile')}
    />
  );
}
