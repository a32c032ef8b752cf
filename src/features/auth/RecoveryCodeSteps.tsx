/**
 * Offline recovery with the supervisor's code (issue 18), on the lock screen:
 * the officer types the 16 digits the duty supervisor reads out over a voice
 * call (checked on the phone first: a misheard digit costs no try), the
 * phone tries them (a wrong code counts like a wrong PIN), then he sets a new
 * PIN; the code is spent and the phone opens with every case.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkRecoveryCode, RECOVERY_CODE_DIGITS, type RecoveryCodeRefusal } from '../../domain';
import { useRecoveryActions } from '../../services/useRecovery';
import type { RecoveryTry } from '../../services/vault-session';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Notice';
import { NewPinFields } from './NewPinFields';
import { pinProblem } from './pin-words';

const CODE_WORDS: Record<RecoveryCodeRefusal, string> = {
  code_not_digits: 'recovery.notDigits',
  code_too_short: 'recovery.tooShort',
  code_too_long: 'recovery.tooLong',
  code_mistyped: 'recovery.mistyped',
};

type Said = { key: string; count?: number };

export interface RecoveryCodeStepsProps {
  officerId: string;
  onBack(): void;
  /** Too many wrong tries: only an online sign-in is left. */
  onSignInOnly(): void;
}

export function RecoveryCodeSteps({ officerId, onBack, onSignInOnly }: RecoveryCodeStepsProps) {
  const { t } = useTranslation();
  const actions = useRecoveryActions();
  const [typed, setTyped] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [codeError, setCodeError] = useState<Said | null>(null);
  const [pinError, setPinError] = useState<string | null>(null);

  /** The outcome of a try in words; true when the code was right. */
  const settle = (outcome: RecoveryTry | null): boolean => {
    if (!outcome) return false;
    if (outcome.kind === 'recovered') return true;
    if (outcome.kind === 'online_sign_in_required') onSignInOnly();
    else if (outcome.kind === 'no_code') setCodeError({ key: 'recovery.noCode' });
    else setCodeError({ key: 'recovery.wrong', count: outcome.left });
    setCode(null);
    return false;
  };

  const submitCode = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkRecoveryCode(typed);
    if (!checked.ok)
      return setCodeError({
        key: CODE_WORDS[checked.reason],
        count: Number(checked.detail ?? RECOVERY_CODE_DIGITS),
      });
    setBusy(true);
    const outcome = await actions.tryCode(officerId, checked.value);
    setBusy(false);
    if (settle(outcome)) {
      setCodeError(null);
      setCode(checked.value);
    }
  };

  const submitPin = async (e: FormEvent) => {
    e.preventDefault();
    const problem = pinProblem(pin, again, t);
    setPinError(problem);
    if (problem || !code) return;
    setBusy(true);
    settle(await actions.recover(officerId, code, pin));
    setBusy(false);
  };

  const codeText = codeError && t(codeError.key, { count: codeError.count ?? 0 });
  if (code === null)
    return (
      <form onSubmit={(e) => void submitCode(e)} noValidate>
        <p>{t('recovery.codeIntro')}</p>
        <TextField
          id="recovery-code"
          label={t('recovery.code')}
          hint={t('recovery.codeHint')}
          value={typed}
          onValue={setTyped}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={32}
          errors={codeText}
          urgent
        />
        <Button type="submit" variant="primary" block disabled={busy || typed.trim() === ''}>
          {busy ? t('recovery.checking') : t('recovery.check')}
        </Button>
        <Button block onClick={onBack}>
          {t('recovery.back')}
        </Button>
      </form>
    );

  return (
    <form onSubmit={(e) => void submitPin(e)} noValidate>
      <p role="status">{t('recovery.codeRight')}</p>
      <NewPinFields
        idPrefix="recovery-"
        pin={pin}
        again={again}
        onPin={setPin}
        onAgain={setAgain}
      />
      <ErrorNotice error={pinError} />
      <Button type="submit" variant="primary" block disabled={busy}>
        {busy ? t('vault.settingPin') : t('recovery.setPin')}
      </Button>
    </form>
  );
}
