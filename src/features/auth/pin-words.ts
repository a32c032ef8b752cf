/** A PIN's field and what is wrong with a new one, in words: the lock screen's and the PIN setting's. */
import type { TFunction } from 'i18next';
import { checkPin, PIN_MAX_DIGITS, PIN_MIN_DIGITS, type PinRefusal } from '../../domain';

const PIN_WORDS: Record<PinRefusal, string> = {
  pin_not_digits: 'vault.pinNotDigits',
  pin_too_short: 'vault.pinTooShort',
  pin_too_long: 'vault.pinTooLong',
  pin_guessable: 'vault.pinGuessable',
};

export const pinInput = {
  type: 'password',
  inputMode: 'numeric',
  autoComplete: 'off',
  maxLength: PIN_MAX_DIGITS,
} as const;

/** What is wrong with a new PIN and its repetition, in words; null when nothing. */
export function pinProblem(pin: string, again: string, t: TFunction): string | null {
  const checked = checkPin(pin);
  if (!checked.ok)
    return t(PIN_WORDS[checked.reason], { min: PIN_MIN_DIGITS, max: PIN_MAX_DIGITS });
  return pin === again ? null : t('vault.mismatch');
}
