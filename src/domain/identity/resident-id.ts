/**
 * The 18-character citizen identity number of GB 11643-1999:
 * 6-digit region code, 8-digit birth date (YYYYMMDD), 3-digit sequence (odd
 * for men, even for women) and an ISO 7064 MOD 11-2 check character (0–9 or X).
 *
 * Region codes start with 1–8 (1–6 the mainland regions, 8 the residence
 * permits of Hong Kong, Macao and Taiwan residents). The birth date must be a
 * real calendar date from 1900 on and not after `today`, which the caller
 * passes in (the domain has no clock).
 */
import type { Instant } from '../ids';
import { fail, toHalfWidth, type FieldFailure } from './check-result';

/** A local calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;

export type Sex = 'male' | 'female';

/** The problems an 18-character ID-shaped number can have. */
export type IdNumberProblem =
  | 'missing'
  | 'old-15-digit'
  | 'too-short'
  | 'too-long'
  | 'bad-character'
  | 'bad-region'
  | 'bad-birth-date'
  | 'future-birth-date'
  | 'bad-check-digit';

export type ResidentIdReason = `id.${IdNumberProblem}`;

export interface ResidentIdOk {
  readonly ok: true;
  /** 18 characters, upper-case X. */
  readonly value: string;
  readonly birthDate: CalendarDate;
  readonly sex: Sex;
  /** The 6-digit region code of first registration. */
  readonly regionCode: string;
}

export type ResidentIdCheck = ResidentIdOk | FieldFailure<'id-number', ResidentIdReason>;

/** GB 11643 weights: 2^(17−i) mod 11 for positions 1–17. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Removes spaces and hyphens, converts full-width digits, upper-cases x. */
export function normaliseIdNumber(input: string): string {
  return toHalfWidth(input).replace(/[\s-]/g, '').toUpperCase();
}

/** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** The local date of an instant, by default in China Standard Time (UTC+8). */
export function localDateOf(at: Instant, utcOffsetMinutes = 480): CalendarDate {
  return new Date(Date.parse(at) + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** True when `date` is a real `YYYY-MM-DD` calendar date. */
export function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** What an ID-shaped number holds once it has passed {@link checkIdShape}. */
export interface IdShape {
  readonly value: string;
  readonly birthDate: CalendarDate;
  readonly sex: Sex;
  readonly regionCode: string;
}

/**
 * The checks shared by the resident ID and the numbers built the same way
 * (the foreign permanent resident ID, first digit 9): length, characters,
 * first digit, birth date, check character. `expected` is the right check
 * character when that is the problem.
 */
export function checkIdShape(
  value: string,
  today: CalendarDate,
  firstDigits: RegExp,
): { ok: true; shape: IdShape } | { ok: false; problem: IdNumberProblem; expected?: string } {
  if (value === '') return { ok: false, problem: 'missing' };
  if (/^\d{15}$/.test(value)) return { ok: false, problem: 'old-15-digit' };
  if (!/^\d*X?$/.test(value)) return { ok: false, problem: 'bad-character' };
  if (value.length < 18) return { ok: false, problem: 'too-short' };
  if (value.length > 18) return { ok: false, problem: 'too-long' };
  if (!firstDigits.test(value.charAt(0))) return { ok: false, problem: 'bad-region' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isCalendarDate(birthDate) || birthDate < '1900-01-01') {
    return { ok: false, problem: 'bad-birth-date' };
  }
  if (birthDate > today) return { ok: false, problem: 'future-birth-date' };
  const expected = idCheckDigit(value);
  if (value.charAt(17) !== expected) return { ok: false, problem: 'bad-check-digit', expected };
  const sex: Sex = Number(value.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { ok: true, shape: { value, birthDate, sex, regionCode: value.slice(0, 6) } };
}

/**
 * Checks a resident ID number and returns it normalised with the birth date
 * and sex it encodes. `today` is the local date the check is made on.
 */
export function validateResidentId(input: string, today: CalendarDate): ResidentIdCheck {
  const result = checkIdShape(normaliseIdNumber(input), today, /^[1-8]$/);
  if (!result.ok) return fail('id-number', `id.${result.problem}`, result.expected);
  return { ok: true, ...result.shape };
}
