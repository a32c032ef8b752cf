/**
 * Suggestions offered while typing (a `<datalist>`: the officer may still type
 * anything). Names as printed on Chinese policies and as officers say them.
 */

/** Common insurers of compulsory motor insurance (交强险), the largest first. */
export const COMMON_INSURERS: readonly string[] = [
  '中国人保财险',
  '中国平安财险',
  '太平洋财险',
  '中华联合财险',
  '大地财险',
  '阳光财险',
  '太平财险',
  '国寿财险',
  '天安财险',
  '华安财险',
  '永安财险',
  '英大泰和财险',
  '紫金财险',
  '安盛天平财险',
  '华泰财险',
  '永诚财险',
  '亚太财险',
  '渤海财险',
  '都邦财险',
  '安诚财险',
];

/** Fixed objects vehicles commonly hit on rural roads. */
export const COMMON_FIXED_OBJECTS: readonly string[] = [
  '护栏',
  '路灯杆',
  '隔离墩',
  '交通标志杆',
  '信号灯杆',
  '电线杆',
  '绿化带',
  '路缘石',
  '建筑物墙体',
  '收费站设施',
];
