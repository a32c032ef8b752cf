/**
 * Vehicle identification numbers (车辆识别代号): 17 characters of ISO 3779,
 * digits and capital letters except I, O and Q. GB 16735 (like the North
 * American rule, 49 CFR 565) puts a check character at position 9: each
 * character is transliterated to a number, weighted by position, summed, and
 * the sum mod 11 is the check character (10 is written X).
 *
 * Vehicles built for Europe only may carry no check character at position 9
 * (e.g. VW's `WVWZZZ…`); such a VIN is refused here, and the message says so.
 */
import { fail, toHalfWidth, type FieldFailure } from './check-result';

export type VinReason =
  | 'vin.missing'
  | 'vin.bad-character'
  | 'vin.letter-i-o-q'
  | 'vin.too-short'
  | 'vin.too-long'
  | 'vin.bad-check-digit';

export interface VinOk {
  readonly ok: true;
  /** 17 characters, upper case. */
  readonly value: string;
  /** World manufacturer identifier: positions 1–3 (`L` first: made in China). */
  readonly wmi: string;
}

export type VinCheck = VinOk | FieldFailure<'vin', VinReason>;

const TRANSLITERATION: Readonly<Record<string, number>> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** Upper-cases, converts full-width characters, removes spaces and hyphens. */
export function normaliseVin(input: string): string {
  return toHalfWidth(input).replace(/[\s-]/g, '').toUpperCase();
}

/** The check character (position 9) a 17-character VIN should carry. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const c = vin.charAt(i);
    const n = /\d/.test(c) ? Number(c) : (TRANSLITERATION[c] ?? 0);
    sum += n * (WEIGHTS[i] ?? 0);
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** Checks a VIN: alphabet, length, and the check character at position 9. */
export function validateVin(input: string): VinCheck {
  const value = normaliseVin(input);
  if (value === '') return fail('vin', 'vin.missing');
  if (!/^[A-Z0-9]+$/.test(value)) return fail('vin', 'vin.bad-character');
  if (/[IOQ]/.test(value)) return fail('vin', 'vin.letter-i-o-q');
  if (value.length < 17) return fail('vin', 'vin.too-short');
  if (value.length > 17) return fail('vin', 'vin.too-long');
  const expected = vinCheckDigit(value);
  if (value.charAt(8) !== expected) return fail('vin', 'vin.bad-check-digit', expected);
  return { ok: true, value, wmi: value.slice(0, 3) };
}
