/**
 * The admin's accounts (`/admin/accounts`): a new account's form first, then
 * every account with its state and actions. Read from the server each time it
 * opens; never kept on the phone.
 */
import { useTranslation } from 'react-i18next';
import { useAccounts } from '../../services/useAccounts';
import { Page } from '../../ui/Page';
import { AccountList } from './AccountList';
import { NewAccountForm } from './NewAccountForm';
import { LoadFailure, Loading } from './shared';
import './admin.css';

export function AccountsScreen() {
  const { t } = useTranslation();
  const view = useAccounts();
  const { directory } = view;
  return (
    <Page
      titleId="accounts-title"
      title={t('accounts.title')}
      back={{ href: '/admin', label: t('admin.back') }}
      data-testid="accounts-screen"
    >
      <p>{t('accounts.intro')}</p>
      {directory.status === 'loading' && <Loading />}
      {directory.status === 'failed' && (
        <LoadFailure failure={directory.failure} onRetry={view.reload} />
      )}
      {directory.status === 'ready' && (
        <>
          <NewAccountForm view={view} directory={directory.value} />
          <AccountList view={view} directory={directory.value} />
        </>
      )}
    </Page>
  );
}
