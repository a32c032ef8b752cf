/**
 * Who is signed in on a role home (reviewer, insurer, admin): name, unit or
 * insurer, an expired sign-in in words, and sign-out. The view comes from
 * `useAccountView` (src/services/useAccount.ts).
 */
import { useTranslation } from 'react-i18next';
import { Button, ButtonLink } from './Button';
import { LanguageChoice } from './LanguageChoice';
import { Notice } from './Notice';
import { Link } from './router';

export interface AccountView {
  name: string;
  role: string;
  unit?: string | undefined;
  insurer?: string | undefined;
  /** The sign-in has expired: signing in again is offered. */
  expired: boolean;
  /** Signing out is under way. */
  busy: boolean;
  /** Whether signing out can start (it needs the sync services, which load later). */
  canSignOut: boolean;
  signOut(): void;
}

export function AccountPanel({ account }: { account: AccountView }) {
  const { t } = useTranslation();
  const affiliation = account.unit
    ? { label: t('account.unit'), name: account.unit }
    : account.insurer && { label: t('account.insurer'), name: account.insurer };

  return (
    <Notice
      as="div"
      tone={account.expired ? 'warn' : 'ok'}
      role="group"
      aria-label={t('account.panel')}
      data-testid="account-panel"
    >
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd data-testid="account-name">{account.name}</dd>
        <dt>{t('account.roleLabel')}</dt>
        <dd>{t(`account.role.${account.role}`)}</dd>
        {affiliation && (
          <>
            <dt>{affiliation.label}</dt>
            <dd>{affiliation.name}</dd>
          </>
        )}
      </dl>
      {account.expired && (
        <p>
          {t('account.expired')} <Link href="/signin">{t('account.signInAgain')}</Link>
        </p>
      )}
      <Button disabled={account.busy || !account.canSignOut} onClick={account.signOut}>
        {account.busy ? t('account.signingOut') : t('account.signOut')}
      </Button>
    </Notice>
  );
}

/** The end of a desk home: who is signed in, the language and the settings, under a heading. */
export function AccountSection({
  titleId,
  title,
  account,
}: {
  titleId: string;
  title: string;
  account: AccountView | null | undefined;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={titleId} className="account-part">
      <h2 id={titleId}>{title}</h2>
      {account && <AccountPanel account={account} />}
      <LanguageChoice />
      <ButtonLink href="/settings">{t('account.settings')}</ButtonLink>
    </section>
  );
}
