import { describe, expect, it } from 'vitest';
import { idCheckDigit, isCalendarDate, localDateOf, validateResidentId } from './resident-id';

const TODAY = '2026-11-27';

describe('idCheckDigit (GB 11643, ISO 7064 MOD 11-2)', () => {
  // By hand for 11010519491231002X: the 17 digits times the weights
  // 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 sum to 167; 167 mod 11 = 2 → "10X98765432"[2] = X.
  it.each([
    ['11010519491231002', 'X'],
    ['11010119900307803', 'X'],
    ['11010119900307447', '7'],
    ['44030819990101001', '2'],
    ['51010720040229001', 'X'],
    ['31010419821030004', '5'],
  ])('%s → %s', (first17, expected) => {
    expect(idCheckDigit(first17)).toBe(expected);
  });
});

describe('validateResidentId — valid', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', 'female', '110105'],
    ['11010519491231002x', '1949-12-31', 'female', '110105'],
    ['110101199003074477', '1990-03-07', 'male', '110101'],
    ['11010119900307803X', '1990-03-07', 'male', '110101'],
    ['440308 19990101 0012', '1999-01-01', 'male', '440308'],
    ['51010720040229001X', '2004-02-29', 'male', '510107'],
    ['310104198210300045', '1982-10-30', 'female', '310104'],
  ])('%s', (input, birthDate, sex, regionCode) => {
    expect(validateResidentId(input, TODAY)).toEqual({
      ok: true,
      value: input.replace(/\s/g, '').toUpperCase(),
      birthDate,
      sex,
      regionCode,
    });
  });
});

describe('validateResidentId — refused', () => {
  it.each([
    ['', 'id.missing', undefined],
    ['110105491231002', 'id.old-15-digit', undefined],
    ['11010519491231002', 'id.too-short', undefined],
    ['11010519491231002X1', 'id.bad-character', undefined],
    ['1101051949123100211', 'id.too-long', undefined],
    ['1101051949X231002X', 'id.bad-character', undefined],
    ['11010519491231002Y', 'id.bad-character', undefined],
    ['010105194912310028', 'id.bad-region', undefined],
    ['910105194912310028', 'id.bad-region', undefined],
    ['110105200102290011', 'id.bad-birth-date', undefined], // 2001 is not a leap year
    ['110105199013010011', 'id.bad-birth-date', undefined],
    ['110105189912310011', 'id.bad-birth-date', undefined],
    ['110105202712310011', 'id.future-birth-date', undefined],
    ['110105194912310021', 'id.bad-check-digit', 'X'],
    ['110101199003074478', 'id.bad-check-digit', '7'],
    ['11010119900307803Y', 'id.bad-character', undefined],
  ])('%j → %s', (input, reason, expected) => {
    const result = validateResidentId(input, TODAY);
    expect(result).toMatchObject({ ok: false, field: 'id-number', reason });
    expect(result.ok ? undefined : result.expected).toBe(expected);
  });

  it('accepts a birth date of today and refuses tomorrow', () => {
    // 20261127 / 20261128 with their check digits: 11010520261127001 → 7, 11010520261128001 → 2.
    expect(validateResidentId('110105202611270017', TODAY).ok).toBe(true);
    expect(validateResidentId('110105202611280012', TODAY)).toMatchObject({
      reason: 'id.future-birth-date',
    });
  });
});

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2023-02-29', false],
    ['2023-04-31', false],
    ['2023-12-31', true],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['20231201', false],
  ])('%s → %s', (date, ok) => {
    expect(isCalendarDate(date)).toBe(ok);
  });

  it('takes the local date in UTC+8 by default', () => {
    expect(localDateOf('2026-11-27T17:30:00.000Z')).toBe('2026-11-28');
    expect(localDateOf('2026-11-27T17:30:00.000Z', 0)).toBe('2026-11-27');
  });
});
