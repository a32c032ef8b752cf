import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiFailure } from '../../api';
import { failureReason, reasonText } from '../../services/failure-reasons';
import { ROLE_HOMES } from '../../services/role-routes';
import { useServices } from '../../services/ServicesContext';
import { useSync } from '../../services/SyncContext';
import { signIn } from '../../sync/device';
import { navigate } from '../../ui/router';

export function failureKey(stage: 'login' | 'enrol', failure: ApiFailure): string {
  if (failure.kind !== 'http') return 'auth.failed.offline';
  if (stage === 'enrol') return 'auth.failed.enrol';
  if (failure.status === 401) return 'auth.failed.credentials';
  if (failure.status === 429) return 'auth.failed.tooMany';
  if (failure.status === 403) return 'auth.failed.disabled';
  return 'auth.failed.other';
}

export function SignInScreen() {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const sync = useSync();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!sync) return;
    const { api, session, runner } = sync;
    setBusy(true);
    setError(null);
    const r = await signIn(
      { db, api, keys: platform.deviceKeys, session, clock: platform.clock },
      { username: username.trim(), password },
    );
    setBusy(false);
    if (!r.ok) {
      // In words: never a status or a code (issue 10).
      setError(
        t(failureKey(r.stage, r.failure), { reason: reasonText(t, failureReason(r.failure)) }),
      );
      return;
    }
    const { role } = r.session.user;
    if (role !== 'officer') {
      // Only an officer sends; the others go to their own home.
      navigate(ROLE_HOMES[role], { replace: true });
      return;
    }
    void runner.drainNow('signed-in');
    navigate('/outbox', { replace: true });
  };

  return (
    <section aria-labelledby="signin-title">
      <h1 id="signin-title">{t('auth.title')}</h1>
      <p>{t('auth.intro')}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="username">{t('auth.username')}</label>
          <input
            id="username"
            autoComplete="username"
            autoCapitalize="none"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('auth.password')}</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </div>
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary block" disabled={busy}>
          {busy ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
    </section>
  );
}
