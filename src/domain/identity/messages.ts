/**
 * The words for every identity refusal, in zh-CN and en. Each message names
 * the field and says what is expected, so the officer can fix the entry
 * without guessing. The table is typed by reason: a new reason without words
 * does not compile.
 */
import { PlateType } from '../case/vehicle.schema';
import type { BilingualText, FieldFailure, IdentityField } from './check-result';
import type { LicenceReason } from './licence';
import type { PhoneReason } from './phone';
import type { PlateReason } from './plate';
import type { ResidentIdReason } from './resident-id';
import type { VinReason } from './vin';

/** Every reason an identity validator can give. */
export type IdentityReason =
  PlateReason | ResidentIdReason | LicenceReason | PhoneReason | VinReason;

/** Any identity refusal. */
export type IdentityFailure = FieldFailure<IdentityField, IdentityReason>;

/** The field names as the officer sees them. */
export const IDENTITY_FIELD_LABELS: Readonly<Record<IdentityField, BilingualText>> = {
  plate: { zh: '号牌号码', en: 'Plate number' },
  'id-number': { zh: '身份证号码', en: 'ID number' },
  'licence-number': { zh: '驾驶证号', en: 'Driving licence number' },
  phone: { zh: '手机号码', en: 'Mobile number' },
  vin: { zh: '车辆识别代号（VIN）', en: 'VIN' },
};

/** Each plate type's name and the shape of its number. */
export const PLATE_TYPE_TEXT: Readonly<
  Record<PlateType, { name: BilingualText; shape: BilingualText }>
> = {
  'small-blue': {
    name: { zh: '小型汽车号牌', en: 'small car plate' },
    shape: {
      zh: '省份简称 + 字母 + 5 位字母或数字，如 京A12345',
      en: 'province + letter + 5 letters or digits, e.g. 京A12345',
    },
  },
  'large-yellow': {
    name: { zh: '大型汽车号牌', en: 'large vehicle plate' },
    shape: {
      zh: '省份简称 + 字母 + 5 位字母或数字，如 鲁B12345',
      en: 'province + letter + 5 letters or digits, e.g. 鲁B12345',
    },
  },
  'new-energy-small': {
    name: { zh: '小型新能源汽车号牌', en: 'small new-energy plate' },
    shape: {
      zh: '省份简称 + 字母 + D/F（或 A–K）+ 1 位字母或数字 + 4 位数字，如 沪AD12345',
      en: 'province + letter + D/F (or A–K) + a letter or digit + 4 digits, e.g. 沪AD12345',
    },
  },
  'new-energy-large': {
    name: { zh: '大型新能源汽车号牌', en: 'large new-energy plate' },
    shape: {
      zh: '省份简称 + 字母 + 5 位数字 + D/F，如 川A12345D',
      en: 'province + letter + 5 digits + D/F, e.g. 川A12345D',
    },
  },
  trailer: {
    name: { zh: '挂车号牌', en: 'trailer plate' },
    shape: {
      zh: '省份简称 + 字母 + 4 位 + “挂”，如 鲁B1234挂',
      en: 'province + letter + 4 characters + 挂, e.g. 鲁B1234挂',
    },
  },
  motorcycle: {
    name: { zh: '摩托车号牌', en: 'motorcycle plate' },
    shape: {
      zh: '省份简称 + 字母 + 5 位字母或数字，如 豫C12345',
      en: 'province + letter + 5 letters or digits, e.g. 豫C12345',
    },
  },
  coach: {
    name: { zh: '教练汽车号牌', en: 'driving-school plate' },
    shape: {
      zh: '省份简称 + 字母 + 4 位 + “学”，如 京A1234学',
      en: 'province + letter + 4 characters + 学, e.g. 京A1234学',
    },
  },
  police: {
    name: { zh: '警用汽车号牌', en: 'police plate' },
    shape: {
      zh: '省份简称 + 字母 + 4 位 + “警”，如 京A1234警',
      en: 'province + letter + 4 characters + 警, e.g. 京A1234警',
    },
  },
  embassy: {
    name: { zh: '使馆/领馆汽车号牌', en: 'embassy or consulate plate' },
    shape: {
      zh: '“使”+ 6 位数字，如 使014578；或 省份简称 + 字母 + 4 位 + “领”，如 沪A1234领',
      en: '使 + 6 digits, e.g. 使014578; or province + letter + 4 characters + 领, e.g. 沪A1234领',
    },
  },
  'hong-kong-macao': {
    name: { zh: '港澳入出境车号牌', en: 'Hong Kong / Macao plate' },
    shape: {
      zh: '粤Z + 4 位 + “港”或“澳”，如 粤Z1234港',
      en: '粤Z + 4 characters + 港 or 澳, e.g. 粤Z1234港',
    },
  },
  temporary: {
    name: { zh: '临时行驶车号牌', en: 'temporary plate' },
    shape: {
      zh: '省份简称 + 字母 + 6 位字母或数字，如 京A123456',
      en: 'province + letter + 6 letters or digits, e.g. 京A123456',
    },
  },
  other: {
    name: { zh: '其他号牌', en: 'other plate' },
    shape: {
      zh: '号牌上的字母、数字和汉字',
      en: 'the letters, digits and characters on the plate',
    },
  },
};

type Words = (expected: string) => BilingualText;

const ID_WORDS = (zhField: string, enField: string) =>
  ({
    missing: () => ({ zh: `请填写${zhField}`, en: `${enField}: required` }),
    'old-15-digit': () => ({
      zh: `${zhField}为旧版 15 位号码：请填写 18 位号码`,
      en: `${enField}: this is an old 15-digit number; enter the 18-character number`,
    }),
    'too-short': () => ({
      zh: `${zhField}位数不足：应为 18 位`,
      en: `${enField}: too short (expected 18 characters)`,
    }),
    'too-long': () => ({
      zh: `${zhField}位数过多：应为 18 位`,
      en: `${enField}: too long (expected 18 characters)`,
    }),
    'bad-character': () => ({
      zh: `${zhField}含有无效字符：前 17 位应为数字，最后一位为数字或 X`,
      en: `${enField}: invalid character (expected 17 digits, then a digit or X)`,
    }),
    'bad-region': () => ({
      zh: `${zhField}第一位不正确：应为地区代码（1–8）`,
      en: `${enField}: the first digit is wrong (expected a region code, 1–8)`,
    }),
    'bad-birth-date': () => ({
      zh: `${zhField}中的出生日期（第 7–14 位）不是有效日期`,
      en: `${enField}: the birth date (characters 7–14) is not a valid date`,
    }),
    'future-birth-date': () => ({
      zh: `${zhField}中的出生日期（第 7–14 位）晚于今天`,
      en: `${enField}: the birth date (characters 7–14) is after today`,
    }),
    'bad-check-digit': (expected: string) => ({
      zh: `${zhField}校验位不正确：最后一位应为 ${expected}`,
      en: `${enField}: the check digit is wrong (expected ${expected})`,
    }),
  }) satisfies Record<string, Words>;

const ID = ID_WORDS('身份证号码', 'ID number');
const LICENCE = ID_WORDS('驾驶证号', 'Driving licence number');

const plateMismatch: Words = (expected) => {
  const declared = PlateType.safeParse(expected);
  const text = PLATE_TYPE_TEXT[declared.success ? declared.data : 'other'];
  return {
    zh: `号牌号码与所选号牌种类“${text.name.zh}”不符：应为${text.shape.zh}`,
    en: `Plate number: does not match the chosen type, ${text.name.en} (expected ${text.shape.en})`,
  };
};

const MESSAGES: Readonly<Record<IdentityReason, Words>> = {
  'plate.missing': () => ({ zh: '请填写号牌号码', en: 'Plate number: required' }),
  'plate.bad-character': () => ({
    zh: '号牌号码含有无效字符：只能包含汉字、字母和数字',
    en: 'Plate number: invalid character (expected Chinese characters, letters and digits only)',
  }),
  'plate.bad-province': () => ({
    zh: '号牌号码第一位不正确：应为省份简称（如 京、粤、川）或“使”',
    en: 'Plate number: the first character is wrong (expected a province abbreviation such as 京, 粤, 川, or 使)',
  }),
  'plate.bad-authority': () => ({
    zh: '号牌号码第二位不正确：应为发牌机关代号字母（A–Z，不含 I、O）',
    en: 'Plate number: the second character is wrong (expected the issuing-authority letter, A–Z except I and O)',
  }),
  'plate.letter-i-or-o': () => ({
    zh: '号牌号码不使用字母 I 和 O：请改为数字 1 或 0',
    en: 'Plate number: the letters I and O are not used (expected the digits 1 or 0)',
  }),
  'plate.too-short': () => ({
    zh: '号牌号码位数不足：普通号牌 7 位，新能源号牌 8 位',
    en: 'Plate number: too short (expected 7 characters, or 8 for a new-energy plate)',
  }),
  'plate.too-long': () => ({
    zh: '号牌号码位数过多：普通号牌 7 位，新能源号牌 8 位',
    en: 'Plate number: too long (expected 7 characters, or 8 for a new-energy plate)',
  }),
  'plate.temporary-needs-type': () => ({
    zh: '号牌号码多了一位：普通号牌为省份简称 + 字母 + 5 位；只有临时行驶车号牌是 6 位，如是临时号牌请在号牌种类中选择“临时行驶车号牌”',
    en: 'Plate number: one character too many (expected province + letter + 5); only a temporary plate has 6 — if this is one, choose temporary plate as the plate type',
  }),
  'plate.bad-format': () => ({
    zh: '号牌号码格式不正确：应为省份简称 + 字母 + 5 位字母或数字（新能源 6 位），特种号牌另加“挂、学、警、领、港、澳”',
    en: 'Plate number: not a known format (expected province + letter + 5 letters or digits, 6 for new energy, or 4 plus 挂/学/警/领/港/澳)',
  }),
  'plate.bad-embassy': () => ({
    zh: '号牌号码格式不正确：使馆号牌应为“使”+ 6 位数字，如 使014578',
    en: 'Plate number: an embassy plate is 使 + 6 digits, e.g. 使014578',
  }),
  'plate.bad-hong-kong-macao': () => ({
    zh: '号牌号码格式不正确：港澳入出境车号牌应以“粤Z”开头，如 粤Z1234港',
    en: 'Plate number: a Hong Kong / Macao plate starts with 粤Z, e.g. 粤Z1234港',
  }),
  'plate.type-mismatch': plateMismatch,
  ...prefixed('id', ID),
  ...prefixed('licence', LICENCE),
  'licence.unknown-format': () => ({
    zh: '驾驶证号格式不正确：应为 18 位身份证号码，或港澳居民来往内地通行证号（H/M + 8 位数字）、台湾居民来往大陆通行证号（8 位数字）',
    en: 'Driving licence number: unknown format (expected the 18-character ID number, a Hong Kong/Macao permit number H/M + 8 digits, or a Taiwan permit number of 8 digits)',
  }),
  'phone.missing': () => ({ zh: '请填写手机号码', en: 'Mobile number: required' }),
  'phone.bad-character': () => ({
    zh: '手机号码含有无效字符：应为 11 位数字',
    en: 'Mobile number: invalid character (expected 11 digits)',
  }),
  'phone.not-mainland': () => ({
    zh: '手机号码不是内地号码：应为 11 位、以 1 开头的内地手机号（可带 +86）',
    en: 'Mobile number: not a mainland number (expected 11 digits starting with 1, optionally after +86)',
  }),
  'phone.too-short': () => ({
    zh: '手机号码位数不足：应为 11 位',
    en: 'Mobile number: too short (expected 11 digits)',
  }),
  'phone.too-long': () => ({
    zh: '手机号码位数过多：应为 11 位',
    en: 'Mobile number: too long (expected 11 digits)',
  }),
  'phone.bad-prefix': () => ({
    zh: '手机号码开头不正确：应以 13–19 开头',
    en: 'Mobile number: wrong start (expected 13 to 19 as the first two digits)',
  }),
  'vin.missing': () => ({ zh: '请填写车辆识别代号（VIN）', en: 'VIN: required' }),
  'vin.bad-character': () => ({
    zh: '车辆识别代号（VIN）含有无效字符：只能包含字母和数字',
    en: 'VIN: invalid character (expected letters and digits only)',
  }),
  'vin.letter-i-o-q': () => ({
    zh: '车辆识别代号（VIN）不使用字母 I、O、Q：请检查是否为数字 1 或 0',
    en: 'VIN: the letters I, O and Q are not used (expected the digits 1 or 0)',
  }),
  'vin.too-short': () => ({
    zh: '车辆识别代号（VIN）位数不足：应为 17 位',
    en: 'VIN: too short (expected 17 characters)',
  }),
  'vin.too-long': () => ({
    zh: '车辆识别代号（VIN）位数过多：应为 17 位',
    en: 'VIN: too long (expected 17 characters)',
  }),
  'vin.bad-check-digit': (expected) => ({
    zh: `车辆识别代号（VIN）校验位不正确：第 9 位应为 ${expected}，请核对行驶证上的 VIN`,
    en: `VIN: the check digit is wrong (expected ${expected} at position 9); compare with the vehicle licence`,
  }),
};

function prefixed<P extends string, K extends string>(
  prefix: P,
  words: Record<K, Words>,
): Record<`${P}.${K}`, Words> {
  const out: Partial<Record<`${P}.${K}`, Words>> = {};
  for (const [key, value] of Object.entries(words) as [K, Words][]) out[`${prefix}.${key}`] = value;
  return out as Record<`${P}.${K}`, Words>;
}

/** Every identity reason there are words for (all of them). */
export const IDENTITY_REASONS = Object.keys(MESSAGES) as readonly IdentityReason[];

/** The message for a refusal, in both languages. */
export function identityMessage(
  failure: Pick<IdentityFailure, 'reason' | 'expected'>,
): BilingualText {
  return MESSAGES[failure.reason](failure.expected ?? '?');
}
