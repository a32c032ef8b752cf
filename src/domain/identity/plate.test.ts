import { describe, expect, it } from 'vitest';
import type { PlateType } from '../case/vehicle.schema';
import { formatPlate, normalisePlate, validatePlate, type PlateFormat } from './plate';

describe('validatePlate — accepted shapes', () => {
  const cases: [input: string, value: string, format: PlateFormat, firstType: PlateType][] = [
    ['京A12345', '京A12345', 'ordinary', 'small-blue'],
    ['粤B1C2D3', '粤B1C2D3', 'ordinary', 'small-blue'],
    ['鲁dab123', '鲁DAB123', 'ordinary', 'small-blue'],
    ['粤B·D12345', '粤BD12345', 'new-energy-small', 'new-energy-small'],
    ['沪AD12345', '沪AD12345', 'new-energy-small', 'new-energy-small'],
    ['粤BFA1234', '粤BFA1234', 'new-energy-small', 'new-energy-small'],
    ['京AA12345', '京AA12345', 'new-energy-small', 'new-energy-small'], // 2022 extension letters
    ['川A12345D', '川A12345D', 'new-energy-large', 'new-energy-large'],
    ['辽D46234F', '辽D46234F', 'new-energy-large', 'new-energy-large'],
    ['鲁B1234挂', '鲁B1234挂', 'trailer', 'trailer'],
    ['京A1234学', '京A1234学', 'coach', 'coach'],
    ['京A0001警', '京A0001警', 'police', 'police'],
    ['沪A1234领', '沪A1234领', 'consulate', 'embassy'],
    ['粤Z1234港', '粤Z1234港', 'hong-kong-macao', 'hong-kong-macao'],
    ['粤Z·A123澳', '粤ZA123澳', 'hong-kong-macao', 'hong-kong-macao'],
    ['京A1234应急', '京A1234应急', 'emergency', 'other'],
    ['使014578', '使014578', 'embassy', 'embassy'],
  ];
  it.each(cases)('%s → %s (%s)', (input, value, format, firstType) => {
    const result = validatePlate(input);
    expect(result).toMatchObject({ ok: true, value, format });
    expect(result.ok && result.plateTypes[0]).toBe(firstType);
  });
});

describe('validatePlate — normalisation', () => {
  it.each([
    [' 粤b · d12345 ', '粤BD12345'],
    ['京ａ１２３４５', '京A12345'],
    ['京A-12345', '京A12345'],
    ['京A•12345', '京A12345'],
    ['京A.12345', '京A12345'],
  ])('%j → %s', (input, expected) => {
    expect(normalisePlate(input)).toBe(expected);
    expect(validatePlate(input)).toMatchObject({ ok: true, value: expected });
  });

  it('formats with the middle dot after the authority letter', () => {
    expect(formatPlate('京A12345')).toBe('京A·12345');
    expect(formatPlate('粤BD12345')).toBe('粤B·D12345');
    expect(formatPlate('使014578')).toBe('使014578');
  });
});

describe('validatePlate — refused', () => {
  it.each([
    ['', 'plate.missing'],
    ['  ·  ', 'plate.missing'],
    ['京A12#45', 'plate.bad-character'],
    ['AA12345', 'plate.bad-province'],
    ['港A12345', 'plate.bad-province'],
    ['京112345', 'plate.bad-authority'],
    ['京I12345', 'plate.bad-authority'],
    ['京O12345', 'plate.bad-authority'],
    ['京A1234O', 'plate.letter-i-or-o'],
    ['京AI2345', 'plate.letter-i-or-o'],
    ['京', 'plate.too-short'],
    ['京A1234', 'plate.too-short'],
    ['京A1234567', 'plate.too-long'],
    ['京A123挂', 'plate.too-short'],
    ['京A12345挂', 'plate.too-long'],
    ['京A12京45', 'plate.bad-format'],
    ['使01457', 'plate.bad-embassy'],
    ['京A1234港', 'plate.bad-hong-kong-macao'],
  ])('%j → %s', (input, reason) => {
    expect(validatePlate(input)).toEqual({ ok: false, field: 'plate', reason });
  });
});

describe('validatePlate — against the declared plate type', () => {
  it.each([
    ['京A12345', 'small-blue', true],
    ['京A12345', 'large-yellow', true],
    ['京A12345', 'new-energy-small', false],
    ['沪AD12345', 'new-energy-small', true],
    ['沪AD12345', 'temporary', true],
    ['沪AD12345', 'small-blue', false],
    ['川A12345D', 'new-energy-large', true],
    ['川A12345D', 'new-energy-small', false],
    ['京AX12345', 'new-energy-small', false],
    ['粤BF1A234', 'new-energy-small', false],
    ['鲁B1234挂', 'trailer', true],
    ['鲁B1234挂', 'small-blue', false],
    ['使014578', 'embassy', true],
  ] satisfies [string, PlateType, boolean][])('%s as %s → ok %s', (input, declared, ok) => {
    const result = validatePlate(input, declared);
    expect(result.ok).toBe(ok);
    if (!result.ok)
      expect(result).toMatchObject({ reason: 'plate.type-mismatch', expected: declared });
  });

  it('takes a six-character serial for a temporary plate only when the type says temporary', () => {
    // 蒙J123456 is also 蒙J12345 with a digit typed twice: without the type it is not guessed.
    expect(validatePlate('蒙J123456')).toEqual({
      ok: false,
      field: 'plate',
      reason: 'plate.temporary-needs-type',
    });
    expect(validatePlate('蒙J123456', 'temporary')).toEqual({
      ok: true,
      value: '蒙J123456',
      format: 'temporary',
      plateTypes: ['temporary'],
    });
    expect(validatePlate('京A12B456', 'temporary')).toMatchObject({
      ok: true,
      format: 'temporary',
    });
    expect(validatePlate('蒙J123456', 'small-blue')).toMatchObject({
      ok: false,
      reason: 'plate.type-mismatch',
    });
    // New-energy shapes are plates of their own; that they may be temporary too changes nothing.
    expect(validatePlate('沪AD12345')).toMatchObject({ ok: true, format: 'new-energy-small' });
  });

  it('accepts any letters, digits and characters for plate type other', () => {
    expect(validatePlate('WJ京12345', 'other')).toEqual({
      ok: true,
      value: 'WJ京12345',
      format: 'unrecognised',
      plateTypes: ['other'],
    });
    expect(validatePlate('京A12345', 'other')).toMatchObject({ ok: true, format: 'ordinary' });
    expect(validatePlate('', 'other')).toMatchObject({ ok: false, reason: 'plate.missing' });
  });
});
