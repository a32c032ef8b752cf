/**
 * Who is signed in on a role home (reviewer, insurer, admin): name, unit or
 * insurer, an expired sign-in in words, and sign-out. Signing out forgets the
 * token (the server is told when it can be reached) and goes to sign-in.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signOut } from '../sync/device';
import { Link, navigate } from '../ui/router';
import { useServices } from './ServicesContext';
import { useSync } from './SyncContext';
import { useSession } from './useSession';

export function AccountPanel() {
  const { t } = useTranslation();
  const { db } = useServices();
  const sync = useSync();
  const state = useSession();
  const [busy, setBusy] = useState(false);
  if (!state || state.kind === 'signed-out') return null;
  const { user } = state.session;
  const affiliation = user.unit
    ? { label: t('account.unit'), name: user.unit.name }
    : user.insurer && { label: t('account.insurer'), name: user.insurer.name };

  const doSignOut = async () => {
    if (!sync) return;
    setBusy(true);
    await signOut({ db, api: sync.api, session: sync.session });
    navigate('/signin', { replace: true });
  };

  return (
    <div
      className={`notice ${state.kind === 'active' ? 'ok' : 'warn'}`}
      role="group"
      aria-label={t('account.panel')}
      data-testid="account-panel"
    >
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd data-testid="account-name">{user.displayName}</dd>
        <dt>{t('account.roleLabel')}</dt>
        <dd>{t(`account.role.${user.role}`)}</dd>
        {affiliation && (
          <>
            <dt>{affiliation.label}</dt>
            <dd>{affiliation.name}</dd>
          </>
        )}
      </dl>
      {state.kind === 'expired' && (
        <p>
          {t('account.expired')} <Link href="/signin">{t('account.signInAgain')}</Link>
        </p>
      )}
      <button
        type="button"
        className="button"
        disabled={busy || !sync}
        onClick={() => void doSignOut()}
      >
        {busy ? t('account.signingOut') : t('account.signOut')}
      </button>
    </div>
  );
}
