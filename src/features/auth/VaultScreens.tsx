/**
 * Encryption at rest on the phone (issue 18): setting the officer's PIN
 * (`/pin`, once online) and the lock screen that asks for it, offline too.
 * Ten wrong PINs leave only an online sign-in, which keeps every case.
 */
import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { checkPin, PIN_MAX_DIGITS, PIN_MIN_DIGITS, type PinRefusal } from '../../domain';
import { useSetPin, useUnlock } from '../../services/useVault';
import { useWhenReady } from '../../services/useWhenReady';
import { Button, ButtonLink } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { navigate } from '../../ui/router';

const PIN_WORDS: Record<PinRefusal, string> = {
  pin_not_digits: 'vault.pinNotDigits',
  pin_too_short: 'vault.pinTooShort',
  pin_too_long: 'vault.pinTooLong',
  pin_guessable: 'vault.pinGuessable',
};

const pinInput = {
  type: 'password',
  inputMode: 'numeric',
  autoComplete: 'off',
  maxLength: PIN_MAX_DIGITS,
} as const;

/** Asks for the PIN of the officer signed in on the phone; works offline. */
export function LockScreen({ officerId }: { officerId: string }) {
  const { t } = useTranslation();
  const unlock = useUnlock();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  // Kept as words to look up, so a change of language re-words them.
  const [error, setError] = useState<{ key: string; count?: number } | null>(null);
  const [signInOnly, setSignInOnly] = useState(false);

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
    </Page>
  );
}

/** What is wrong with a new PIN and its repetition, in words; null when nothing. */
function pinProblem(pin: string, again: string, t: TFunction): string | null {
  const checked = checkPin(pin);
  if (!checked.ok)
    return t(PIN_WORDS[checked.reason], { min: PIN_MIN_DIGITS, max: PIN_MAX_DIGITS });
  return pin === again ? null : t('vault.mismatch');
}

/** Sets the signed-in officer's PIN (`/pin`): the phone seals from then on. */
export function PinSetupScreen() {
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
        return navigate('/', { replace: true });
      }
      const key =
        result.reason === 'not-signed-in' ? 'vault.notSignedIn' : `vault.${result.reason}`;
      setError(t(result.reason === 'no-vault' ? 'vault.server' : key));
    });
  };

  return (
    <Page titleId="pin-title" title={t('vault.setupTitle')}>
      <p>{t('vault.setupIntro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          id="new-pin"
          label={t('vault.newPin')}
          hint={t('vault.pinHint')}
          value={pin}
          onValue={setPin}
          {...pinInput}
        />
        <TextField
          id="repeat-pin"
          label={t('vault.repeatPin')}
          value={again}
          onValue={setAgain}
          {...pinInput}
        />
        <ErrorNotice error={error} />
        {done && (
          <Notice tone="ok" role="status">
            {t('vault.enabled')}
          </Notice>
        )}
        <Button type="submit" variant="primary" block disabled={busy}>
          {busy ? t('vault.settingPin') : t('vault.setPin')}
        </Button>
      </form>
    </Page>
  );
}
