import { describe, expect, it } from 'vitest';
import { validateLicenceNumber, type LicenceFormat } from './licence';

const TODAY = '2026-11-27';

describe('validateLicenceNumber — accepted', () => {
  it.each([
    ['11010519491231002X', 'resident-id', '11010519491231002X'],
    ['110101 19900307 4477', 'resident-id', '110101199003074477'],
    ['810000199001010019', 'resident-id', '810000199001010019'], // Hong Kong residence permit
    ['911156198506120018', 'foreign-permanent-resident-id', '911156198506120018'],
    ['H12345678', 'hk-macao-permit', 'H12345678'],
    ['m1234567801', 'hk-macao-permit', 'M1234567801'],
    ['12345678', 'taiwan-permit', '12345678'],
  ] satisfies [string, LicenceFormat, string][])('%s → %s', (input, format, value) => {
    expect(validateLicenceNumber(input, TODAY)).toMatchObject({ ok: true, format, value });
  });

  it('returns the birth date and sex an ID-number licence encodes', () => {
    expect(validateLicenceNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
      format: 'resident-id',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });
});

describe('validateLicenceNumber — refused, with the licence named', () => {
  it.each([
    ['', 'licence.missing', undefined],
    ['110105194912310021', 'licence.bad-check-digit', 'X'],
    ['110105491231002', 'licence.old-15-digit', undefined],
    ['1101051949123100', 'licence.too-short', undefined],
    ['010105194912310028', 'licence.bad-region', undefined],
    ['110105202712310014', 'licence.future-birth-date', undefined],
    ['A1234567', 'licence.unknown-format', undefined],
    ['H1234567', 'licence.unknown-format', undefined],
    ['E12345678', 'licence.unknown-format', undefined],
  ])('%j → %s', (input, reason, expected) => {
    const result = validateLicenceNumber(input, TODAY);
    expect(result).toMatchObject({ ok: false, field: 'licence-number', reason });
    expect(result.ok ? undefined : result.expected).toBe(expected);
  });
});
