/**
 * Driving licence numbers (驾驶证号). Since the 2004 licence reform the number
 * on a Chinese licence is the holder's identity-document number:
 * - a mainland resident: the 18-character resident ID (GB 11643), first digit 1–8;
 * - a foreigner with permanent residence: the 18-digit foreign permanent
 *   resident ID (2023 format, first digit 9, same date and check rules);
 * - a Hong Kong or Macao resident: the number of the Mainland Travel Permit
 *   (回乡证), H or M + 8 digits (older cards H/M + 10 digits);
 * - a Taiwan resident: the number of the Mainland Travel Permit for Taiwan
 *   Residents (台胞证), 8 digits.
 * Anything else is refused as an unknown format.
 */
import { fail, type FieldFailure } from './check-result';
import {
  checkIdShape,
  normaliseIdNumber,
  type CalendarDate,
  type IdNumberProblem,
  type Sex,
} from './resident-id';

export type LicenceFormat =
  'resident-id' | 'foreign-permanent-resident-id' | 'hk-macao-permit' | 'taiwan-permit';

export type LicenceReason = `licence.${IdNumberProblem | 'unknown-format'}`;

export interface LicenceOk {
  readonly ok: true;
  readonly value: string;
  readonly format: LicenceFormat;
  /** Present when the number is an ID number (which encodes both). */
  readonly birthDate?: CalendarDate;
  readonly sex?: Sex;
}

export type LicenceCheck = LicenceOk | FieldFailure<'licence-number', LicenceReason>;

/** Normalised like an ID number: no spaces or hyphens, upper case. */
export const normaliseLicenceNumber = normaliseIdNumber;

/** Checks a driving licence number; `today` bounds the birth date it may encode. */
export function validateLicenceNumber(input: string, today: CalendarDate): LicenceCheck {
  const value = normaliseLicenceNumber(input);
  if (/^[HM](\d{8}|\d{10})$/.test(value)) return { ok: true, value, format: 'hk-macao-permit' };
  if (/^\d{8}$/.test(value)) return { ok: true, value, format: 'taiwan-permit' };
  // Anything else that is not shaped like an ID number has no documented form.
  if (value !== '' && !/^\d+X?$/.test(value))
    return fail('licence-number', 'licence.unknown-format');
  const result = checkIdShape(value, today, /^[1-9]$/);
  if (!result.ok) return fail('licence-number', `licence.${result.problem}`, result.expected);
  const format: LicenceFormat = value.startsWith('9')
    ? 'foreign-permanent-resident-id'
    : 'resident-id';
  const { birthDate, sex } = result.shape;
  return { ok: true, value, format, birthDate, sex };
}
