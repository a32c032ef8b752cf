/**
 * The province prefix of a plate, picked rather than typed: the brigade's own
 * province first, then its neighbours (the plates an officer meets most),
 * then the rest. What the officer types after it is joined to it, unless he
 * typed a whole plate (a province or another Chinese prefix such as 使) himself.
 */
import { PLATE_PROVINCES, normalisePlate } from './plate';

/** The province-level neighbours of each province, by plate abbreviation. */
const NEIGHBOURS: Readonly<Record<string, string>> = {
  京: '冀津',
  津: '京冀',
  沪: '苏浙',
  渝: '川贵湘鄂陕',
  冀: '京津晋蒙辽鲁豫',
  豫: '冀晋陕鄂皖鲁',
  云: '川贵桂藏',
  辽: '吉冀蒙',
  黑: '吉蒙',
  湘: '鄂赣粤桂贵渝',
  皖: '苏浙赣鄂豫鲁',
  鲁: '冀豫皖苏',
  新: '甘青藏',
  苏: '鲁皖浙沪',
  浙: '沪苏皖赣闽',
  赣: '浙皖鄂湘粤闽',
  鄂: '豫皖赣湘渝陕',
  桂: '粤湘贵云',
  甘: '陕宁蒙新青川',
  晋: '冀豫陕蒙',
  蒙: '黑吉辽冀晋陕宁甘',
  陕: '晋蒙宁甘川渝鄂豫',
  吉: '黑辽蒙',
  闽: '浙赣粤',
  贵: '川渝湘桂云',
  粤: '闽赣湘桂琼',
  青: '甘新藏川',
  藏: '新青川云',
  川: '青甘陕渝贵云藏',
  宁: '蒙甘陕',
  琼: '粤',
};

/** The brigade's province when none is set: Inner Mongolia. */
export const DEFAULT_HOME_PROVINCE = '蒙';

/** True for one of the 31 province abbreviations. */
export function isPlateProvince(s: string): boolean {
  return s.length === 1 && PLATE_PROVINCES.includes(s);
}

/** The short list: home first, then its neighbours; the other provinces follow apart. */
export function plateProvinceChoices(home: string): { near: string[]; others: string[] } {
  const first = isPlateProvince(home) ? home : DEFAULT_HOME_PROVINCE;
  const near = [first, ...(NEIGHBOURS[first] ?? '')];
  const others = [...PLATE_PROVINCES].filter((p) => !near.includes(p));
  return { near, others };
}

/** Splits a stored plate into its province prefix (if it has one) and the rest. */
export function splitPlateProvince(plate: string): { province: string | undefined; rest: string } {
  const first = plate.charAt(0);
  return isPlateProvince(first)
    ? { province: first, rest: plate.slice(1) }
    : { province: undefined, rest: plate };
}

/**
 * The plate from what was typed after the picked province: `province + typed`,
 * normalised; a typed plate that starts with a Chinese character (its own
 * province, 使, 领 …) is kept as typed; nothing typed is no plate.
 */
export function joinPlateProvince(province: string, typed: string): string {
  const plate = normalisePlate(typed);
  if (plate === '') return '';
  if (/^[\u4e00-\u9fff]/.test(plate)) return plate;
  return normalisePlate(province + plate);
}
