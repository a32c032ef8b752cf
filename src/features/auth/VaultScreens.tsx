/**
 * Encryption at rest on the phone (issue 18): setting the officer's PIN
 * (`/pin`, once online) and the lock screen that asks for it, offline too.
 * Ten wrong PINs leave an online sign-in, which keeps every case, or,
 * offline, the supervisor's recovery code read out over a voice call.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LOCK_POLICY } from '../../domain/device/lock';
import { useSetPin, useUnlock } from '../../services/useVault';
import { useWhenReady } from '../../services/useWhenReady';
import { Button, ButtonLink } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { navigate } from '../../ui/router';
import { pinInput, pinProblem } from './pin-words';
import { NewPinFields } from './NewPinFields';
import { RecoveryCodeSteps } from './RecoveryCodeSteps';

/** Asks for the PIN of the officer signed in on the phone; works offline. */
export function LockScreen({ officerId }: { officerId: string }) {
  const { t } = useTranslation();
  const unlock = useUnlock();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  // Kept as words to look up, so a change of language re-words them.
  const [error, setError] = useState<{ key: string; count?: number } | null>(null);
  const [signInOnly, setSignInOnly] = useState(false);
  const [byCode, setByCode] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const outcome = await unlock(officerId, pin);
    setBusy(false);
    setPin('');
    if (!outcome || outcome.kind === 'unlocked') return setError(null);
    if (outcome.kind === 'wrong') return setError({ key: 'vault.wrong', count: outcome.left });
    setSignInOnly(true);
    setError({ key: 'vault.signInRequired' });
  };
  const errorText = error && t(error.key, error.count === undefined ? {} : { count: error.count });

  if (byCode)
    return (
      <Page titleId="lock-title" title={t('vault.lockedTitle')}>
        <RecoveryCodeSteps
          officerId={officerId}
          onBack={() => setByCode(false)}
          onSignInOnly={() => {
            setByCode(false);
            setSignInOnly(true);
            setError({ key: 'recovery.signInOnly' });
          }}
        />
      </Page>
    );

  return (
    <Page titleId="lock-title" title={t('vault.lockedTitle')}>
      <p>{t('vault.lockedIntro')}</p>
      {!signInOnly && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            id="unlock-pin"
            label={t('vault.pin')}
            hint={t('vault.pinHint')}
            value={pin}
            onValue={setPin}
            {...pinInput}
          />
          <ErrorNotice error={errorText} />
          <Button type="submit" variant="primary" block disabled={busy || pin === ''}>
            {busy ? t('vault.unlocking') : t('vault.unlock')}
          </Button>
        </form>
      )}
      {signInOnly && (
        <>
          <ErrorNotice error={errorText} />
          <ButtonLink href="/signin" variant="primary">
            {t('vault.signIn')}
          </ButtonLink>
        </>
      )}
      {!(signInOnly && error?.key === 'recovery.signInOnly') && (
        <section aria-labelledby="recovery-offer">
          <h2 id="recovery-offer">{t('recovery.offerTitle')}</h2>
          <p>{t('recovery.offer')}</p>
          <Button block onClick={() => setByCode(true)}>
            {t('recovery.use')}
          </Button>
        </section>
      )}
    </Page>
  );
}

/** Sets the signed-in officer's PIN (`/pin`): the phone seals from then on. */
/** The PIN's own page (src/app/VaultGate.tsx `PIN_PATH`). */
const PIN_PAGE = '/pin';

/**
 * Sets the officer's PIN; `required`: his brigade requires one before he
 * uses the app (the gate shows nothing else until it is set); `idleMinutes`:
 * the brigade's idle lock.
 */
export function PinSetupScreen({
  required = false,
  idleMinutes: minutes = DEFAULT_LOCK_POLICY.idleMinutes,
}: {
  required?: boolean;
  idleMinutes?: number;
}) {
  const { t } = useTranslation();
  const whenReady = useWhenReady(useSetPin());
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = pinProblem(pin, again, t);
    setError(problem);
    if (problem) return;
    setBusy(true);
    whenReady(async (setPinNow) => {
      const result = await setPinNow(pin);
      setBusy(false);
      if (result.ok) {
        setDone(true);
        // Only the PIN's own page (`/pin`, from Settings) moves on to the list;
        // shown by the gate in place of another screen, that screen shows once
        // the key is open, and the officer may have moved on from it already.
        if (window.location.pathname === PIN_PAGE) navigate('/', { replace: true });
        return;
      }
      const key =
        result.reason === 'not-signed-in' ? 'vault.notSignedIn' : `vault.${result.reason}`;
      setError(t(result.reason === 'no-vault' ? 'vault.server' : key));
    });
  };

  return (
    <Page titleId="pin-title" title={t('vault.setupTitle')}>
      {required && <Notice tone="warn">{t('vault.required')}</Notice>}
      <p>{t('vault.setupIntro', { minutes })}</p>
      <form onSubmit={submit} noValidate>
        <NewPinFields pin={pin} again={again} onPin={setPin} onAgain={setAgain} />
        <ErrorNotice error={error} />
        {done && (
          <Notice tone="ok" role="status">
            {t('vault.enabled', { minutes })}
          </Notice>
        )}
        <Button type="submit" variant="primary" block disabled={busy}>
          {busy ? t('vault.settingPin') : t('vault.setPin')}
        </Button>
      </form>
    </Page>
  );
}
