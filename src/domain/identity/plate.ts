/**
 * Chinese motor-vehicle plate numbers (GA 36-2018 and its predecessors).
 *
 * Formats recognised, after normalisation (upper case, no spaces, no middle dot):
 * - ordinary, 7 characters: province + issuing-authority letter + 5 serial
 *   characters (letters and digits), e.g. 京A12345, 粤B1C2D3. Blue small-car,
 *   yellow large-vehicle and motorcycle plates share this shape.
 * - small new-energy, 8: province + letter + D/F (pure electric / other new
 *   energy; since 2022 also A B C E and G H J K) + a letter or digit + 4 digits,
 *   e.g. 沪AD12345, 粤BF1A234.
 * - large new-energy, 8: province + letter + 5 digits + D/F (same extension),
 *   e.g. 川A12345D.
 * - temporary (临时行驶车号牌), 8: province + letter + 6 letters/digits. An
 *   8-character plate of the new-energy shape may also be a temporary one.
 *   Only a plate declared temporary (or other) takes this shape: without the
 *   type, 蒙J123456 is as likely 蒙J12345 with a digit typed twice.
 * - suffixed, 7: province + letter + 4 letters/digits + 挂 (trailer), 学
 *   (coach), 警 (police), 领 (consulate); 粤Z + 4 + 港/澳 (Hong Kong / Macao);
 *   8: province + letter + 4 + 应急 (emergency rescue).
 * - embassy, 7: 使 + 6 digits (3-digit mission code + 3-digit serial).
 *
 * The letters I and O are never used after the province (they read as 1 and
 * 0). A vehicle declared with plate type `other` (military, armed police,
 * civil aviation …) is accepted in any shape of letters, digits and Chinese.
 */
import type { PlateType } from '../case/vehicle.schema';
import { fail, toHalfWidth, type FieldFailure } from './check-result';

/** The 31 province-level abbreviations used on mainland plates. */
export const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

/** The shape a plate number was recognised as. */
export type PlateFormat =
  | 'ordinary'
  | 'new-energy-small'
  | 'new-energy-large'
  | 'temporary'
  | 'trailer'
  | 'coach'
  | 'police'
  | 'consulate'
  | 'hong-kong-macao'
  | 'emergency'
  | 'embassy'
  /** Only for a vehicle declared as plate type `other`. */
  | 'unrecognised';

export type PlateReason =
  | 'plate.missing'
  | 'plate.bad-character'
  | 'plate.bad-province'
  | 'plate.bad-authority'
  | 'plate.letter-i-or-o'
  | 'plate.too-short'
  | 'plate.too-long'
  | 'plate.temporary-needs-type'
  | 'plate.bad-format'
  | 'plate.bad-embassy'
  | 'plate.bad-hong-kong-macao'
  | 'plate.type-mismatch';

export interface PlateOk {
  readonly ok: true;
  /** Upper case, no spaces or dots, e.g. `粤BD12345`. */
  readonly value: string;
  readonly format: PlateFormat;
  /** Every {@link PlateType} a plate of this shape can be; first is the likeliest. */
  readonly plateTypes: readonly PlateType[];
}

export type PlateCheck = PlateOk | FieldFailure<'plate', PlateReason>;

/** Which plate types each recognised shape is compatible with. */
export const PLATE_TYPES_BY_FORMAT: Readonly<Record<PlateFormat, readonly PlateType[]>> = {
  ordinary: ['small-blue', 'large-yellow', 'motorcycle'],
  'new-energy-small': ['new-energy-small', 'temporary'],
  'new-energy-large': ['new-energy-large', 'temporary'],
  temporary: ['temporary'],
  trailer: ['trailer'],
  coach: ['coach'],
  police: ['police'],
  consulate: ['embassy'],
  'hong-kong-macao': ['hong-kong-macao'],
  emergency: ['other'],
  embassy: ['embassy'],
  unrecognised: ['other'],
};

const SUFFIX_FORMATS: Readonly<Record<string, PlateFormat>> = {
  挂: 'trailer',
  学: 'coach',
  警: 'police',
  领: 'consulate',
  港: 'hong-kong-macao',
  澳: 'hong-kong-macao',
};

const NEW_ENERGY_SMALL = /^[ABCDEFGHJK][A-HJ-NP-Z0-9]\d{4}$/;
const NEW_ENERGY_LARGE = /^\d{5}[ABCDEFGHJK]$/;
const SERIAL = /^[A-HJ-NP-Z0-9]+$/;

/**
 * Upper-cases, converts full-width letters and digits, and removes spaces,
 * middle dots (·•・), full stops and hyphens: `粤b·d12345 ` → `粤BD12345`.
 */
export function normalisePlate(input: string): string {
  return toHalfWidth(input)
    .toUpperCase()
    .replace(/[\s·•・‧∙.\-_]/g, '');
}

/** `京A12345` → `京A·12345`, as printed on the plate and the paper form. */
export function formatPlate(value: string): string {
  return value.startsWith('使') || value.length < 3
    ? value
    : `${value.slice(0, 2)}·${value.slice(2)}`;
}

/**
 * Checks a plate number. With `declared`, also checks that the number fits
 * the plate type the officer chose (`other` accepts any shape).
 */
export function validatePlate(input: string, declared?: PlateType): PlateCheck {
  const value = normalisePlate(input);
  if (value === '') return fail('plate', 'plate.missing');
  if (!/^[A-Z0-9\u4E00-\u9FFF]+$/.test(value)) return fail('plate', 'plate.bad-character');
  const shape = recognise(value);
  if (!shape.ok) {
    return declared === 'other' ? accepted(value, 'unrecognised') : shape;
  }
  if (shape.format === 'temporary' && declared === undefined) {
    return fail('plate', 'plate.temporary-needs-type');
  }
  const fits = declared === undefined || declared === 'other';
  if (!fits && !PLATE_TYPES_BY_FORMAT[shape.format].includes(declared)) {
    return fail('plate', 'plate.type-mismatch', declared);
  }
  return accepted(value, shape.format);
}

function accepted(value: string, format: PlateFormat): PlateOk {
  return { ok: true, value, format, plateTypes: PLATE_TYPES_BY_FORMAT[format] };
}

type Shape = { ok: true; format: PlateFormat } | FieldFailure<'plate', PlateReason>;

function recognise(value: string): Shape {
  if (value.startsWith('使')) {
    return /^使\d{6}$/.test(value)
      ? { ok: true, format: 'embassy' }
      : fail('plate', 'plate.bad-embassy');
  }
  if (!PLATE_PROVINCES.includes(value.charAt(0))) return fail('plate', 'plate.bad-province');
  const authority = value.charAt(1);
  if (authority === '') return fail('plate', 'plate.too-short');
  if (!/^[A-HJ-NP-Z]$/.test(authority)) return fail('plate', 'plate.bad-authority');
  const rest = value.slice(2);
  if (/[IO]/.test(rest)) return fail('plate', 'plate.letter-i-or-o');
  if (rest.endsWith('应急')) return suffixed(rest.slice(0, -2), 'emergency');
  const suffixFormat = SUFFIX_FORMATS[rest.slice(-1)];
  if (suffixFormat !== undefined) {
    if (suffixFormat === 'hong-kong-macao' && !value.startsWith('粤Z')) {
      return fail('plate', 'plate.bad-hong-kong-macao');
    }
    return suffixed(rest.slice(0, -1), suffixFormat);
  }
  return unsuffixed(rest);
}

/** Plates with a Chinese suffix have exactly 4 serial characters before it. */
function suffixed(serial: string, format: PlateFormat): Shape {
  if (!SERIAL.test(serial) && serial !== '') return fail('plate', 'plate.bad-format');
  if (serial.length < 4) return fail('plate', 'plate.too-short');
  if (serial.length > 4) return fail('plate', 'plate.too-long');
  return { ok: true, format };
}

function unsuffixed(serial: string): Shape {
  if (!SERIAL.test(serial) && serial !== '') return fail('plate', 'plate.bad-format');
  if (serial.length < 5) return fail('plate', 'plate.too-short');
  if (serial.length > 6) return fail('plate', 'plate.too-long');
  if (serial.length === 5) return { ok: true, format: 'ordinary' };
  if (NEW_ENERGY_SMALL.test(serial)) return { ok: true, format: 'new-energy-small' };
  if (NEW_ENERGY_LARGE.test(serial)) return { ok: true, format: 'new-energy-large' };
  return { ok: true, format: 'temporary' };
}
