import { describe, expect, it } from 'vitest';
import { PLATE_PROVINCES } from './plate';
import {
  DEFAULT_HOME_PROVINCE,
  joinPlateProvince,
  plateProvinceChoices,
  splitPlateProvince,
} from './plate-province';

describe('plate province prefix', () => {
  it('offers the brigade province first, then its neighbours, and every province once', () => {
    const { near, others } = plateProvinceChoices('蒙');
    expect(near[0]).toBe('蒙');
    expect(near).toContain('冀');
    expect(near).not.toContain('琼');
    expect([...near, ...others].sort()).toEqual([...PLATE_PROVINCES].sort());
  });

  it('falls back to 蒙 for a setting that is not a province', () => {
    expect(DEFAULT_HOME_PROVINCE).toBe('蒙');
    expect(plateProvinceChoices('X').near[0]).toBe('蒙');
  });

  it.each([
    ['A12345', '蒙', '蒙A12345'],
    ['a 12345', '蒙', '蒙A12345'],
    ['川A12345', '蒙', '川A12345'],
    ['使014578', '蒙', '使014578'],
    ['', '蒙', ''],
  ])('joins %s after %s as %s', (typed, province, plate) => {
    expect(joinPlateProvince(province, typed)).toBe(plate);
  });

  it('splits a stored plate into province and the rest', () => {
    expect(splitPlateProvince('蒙AD12345')).toEqual({ province: '蒙', rest: 'AD12345' });
    expect(splitPlateProvince('使014578')).toEqual({ province: undefined, rest: '使014578' });
  });
});
