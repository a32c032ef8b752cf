import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { failureReason, reasonText } from '../../services/failure-reasons';
import { ROLE_HOMES } from '../../services/role-routes';
import { useSendNow, useSignIn, type ApiFailure } from '../../services/useAccount';
import { useWhenReady } from '../../services/useWhenReady';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
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
  // Null while the sync code loads: a tap then waits for it rather than doing nothing.
  const whenReady = useWhenReady(useSignIn());
  const sendNow = useSendNow();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const credentials = { username: username.trim(), password };
    whenReady((signIn) => void signInWith(signIn, credentials));
  };

  const signInWith = async (
    signIn: NonNullable<ReturnType<typeof useSignIn>>,
    credentials: { username: string; password: string },
  ) => {
    const r = await signIn(credentials);
    setBusy(false);
    if (!r.ok) {
      // In words: never a status or a code (issue 10).
      setError(
        t(failureKey(r.stage, r.failure), { reason: reasonText(t, failureReason(r.failure)) }),
      );
      return;
    }
    const { role } = r.session.user;
    if (role !== 'officer' && role !== 'station') {
      // Only an officer or a station sends; the others go to their own home.
      navigate(ROLE_HOMES[role], { replace: true });
      return;
    }
    sendNow('signed-in');
    navigate('/outbox', { replace: true });
  };

  return (
    <Page titleId="signin-title" title={t('auth.title')}>
      <p>{t('auth.intro')}</p>
      <form onSubmit={submit}>
        <TextField
          id="username"
          label={t('auth.username')}
          autoComplete="username"
          autoCapitalize="none"
          value={username}
          onValue={setUsername}
          required
        />
        <TextField
          id="password"
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
          required
        />
        <ErrorNotice error={error} />
        <Button type="submit" variant="primary" block disabled={busy}>
          {busy ? t('auth.submitting') : t('auth.submit')}
        </Button>
      </form>
    </Page>
  );
}
