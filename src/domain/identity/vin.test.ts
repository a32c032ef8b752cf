import { describe, expect, it } from 'vitest';
import { validateVin, vinCheckDigit } from './vin';

describe('vinCheckDigit', () => {
  // By hand for 1M8GDM9AXKP042788: values 1 4 8 7 4 4 9 1 7 2 7 0 4 2 7 8 8
  // × weights 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2 = 351; 351 mod 11 = 10 → X.
  it.each([
    ['1M8GDM9AXKP042788', 'X'],
    ['1HGCM82633A004352', '3'],
    ['JH4KA7561PC008269', '1'],
    ['LVSHCAMB1CE054249', '1'],
    ['WVWZZZ1JZ3W386752', '9'],
  ])('%s → %s', (vin, expected) => {
    expect(vinCheckDigit(vin)).toBe(expected);
  });
});

describe('validateVin', () => {
  it.each([
    ['1M8GDM9AXKP042788', '1M8GDM9AXKP042788', '1M8'],
    ['1hgcm82633a004352', '1HGCM82633A004352', '1HG'],
    ['LVSH CAMB1C E054249', 'LVSHCAMB1CE054249', 'LVS'],
    ['ＪＨ4KA7561PC008269', 'JH4KA7561PC008269', 'JH4'],
  ])('accepts %j', (input, value, wmi) => {
    expect(validateVin(input)).toEqual({ ok: true, value, wmi });
  });

  it.each([
    ['', 'vin.missing', undefined],
    ['1M8GDM9AXKP04278*', 'vin.bad-character', undefined],
    ['1M8GDM9AXKP04278O', 'vin.letter-i-o-q', undefined],
    ['IM8GDM9AXKP042788', 'vin.letter-i-o-q', undefined],
    ['1M8GDM9AXKP04278', 'vin.too-short', undefined],
    ['1M8GDM9AXKP0427888', 'vin.too-long', undefined],
    ['1M8GDM9A1KP042788', 'vin.bad-check-digit', 'X'],
    ['1HGCM82643A004352', 'vin.bad-check-digit', '3'],
    ['WVWZZZ1JZ3W386752', 'vin.bad-check-digit', '9'],
  ])('refuses %j → %s', (input, reason, expected) => {
    const result = validateVin(input);
    expect(result).toMatchObject({ ok: false, field: 'vin', reason });
    expect(result.ok ? undefined : result.expected).toBe(expected);
  });
});
