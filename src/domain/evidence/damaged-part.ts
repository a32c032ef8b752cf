/**
 * The words for where a vehicle is damaged. The first eight are the
 * collision points of the paper 快速处理协议书 (车头/左前角/右前角/左侧/
 * 右侧/车尾/左后角/右后角); the rest name common parts an insurer assesses.
 * `vehicle.damagedParts` stores these ids; free text from older records is
 * kept and shown as typed.
 */
import * as z from 'zod/mini';
import type { BilingualText } from '../identity/check-result';

export const DamagedPart = z.enum([
  'front',
  'front-left',
  'front-right',
  'left-side',
  'right-side',
  'rear',
  'rear-left',
  'rear-right',
  'front-bumper',
  'rear-bumper',
  'bonnet',
  'boot-lid',
  'windscreen',
  'rear-window',
  'headlight-left',
  'headlight-right',
  'taillight-left',
  'taillight-right',
  'mirror-left',
  'mirror-right',
  'door-front-left',
  'door-rear-left',
  'door-front-right',
  'door-rear-right',
  'wing-front-left',
  'wing-front-right',
  'quarter-panel-rear-left',
  'quarter-panel-rear-right',
  'wheel',
  'roof',
  'underbody',
]);
export type DamagedPart = z.infer<typeof DamagedPart>;

/** The collision points printed on the paper agreement, in its order. */
export const PAPER_FORM_COLLISION_POINTS: readonly DamagedPart[] = [
  'front',
  'front-left',
  'front-right',
  'left-side',
  'right-side',
  'rear',
  'rear-left',
  'rear-right',
];

export const DAMAGED_PART_LABELS: Readonly<Record<DamagedPart, BilingualText>> = {
  front: { zh: '车头', en: 'front' },
  'front-left': { zh: '左前角', en: 'front left corner' },
  'front-right': { zh: '右前角', en: 'front right corner' },
  'left-side': { zh: '左侧', en: 'left side' },
  'right-side': { zh: '右侧', en: 'right side' },
  rear: { zh: '车尾', en: 'rear' },
  'rear-left': { zh: '左后角', en: 'rear left corner' },
  'rear-right': { zh: '右后角', en: 'rear right corner' },
  'front-bumper': { zh: '前保险杠', en: 'front bumper' },
  'rear-bumper': { zh: '后保险杠', en: 'rear bumper' },
  bonnet: { zh: '发动机盖', en: 'bonnet' },
  'boot-lid': { zh: '后备箱盖', en: 'boot lid' },
  windscreen: { zh: '前挡风玻璃', en: 'windscreen' },
  'rear-window': { zh: '后挡风玻璃', en: 'rear window' },
  'headlight-left': { zh: '左前大灯', en: 'left headlight' },
  'headlight-right': { zh: '右前大灯', en: 'right headlight' },
  'taillight-left': { zh: '左尾灯', en: 'left tail light' },
  'taillight-right': { zh: '右尾灯', en: 'right tail light' },
  'mirror-left': { zh: '左后视镜', en: 'left mirror' },
  'mirror-right': { zh: '右后视镜', en: 'right mirror' },
  'door-front-left': { zh: '左前门', en: 'front left door' },
  'door-rear-left': { zh: '左后门', en: 'rear left door' },
  'door-front-right': { zh: '右前门', en: 'front right door' },
  'door-rear-right': { zh: '右后门', en: 'rear right door' },
  'wing-front-left': { zh: '左前翼子板', en: 'front left wing' },
  'wing-front-right': { zh: '右前翼子板', en: 'front right wing' },
  'quarter-panel-rear-left': { zh: '左后翼子板', en: 'rear left quarter panel' },
  'quarter-panel-rear-right': { zh: '右后翼子板', en: 'rear right quarter panel' },
  wheel: { zh: '车轮', en: 'wheel' },
  roof: { zh: '车顶', en: 'roof' },
  underbody: { zh: '底盘', en: 'underbody' },
};

/** True when `part` is one of the {@link DamagedPart} ids. */
export function isDamagedPart(part: string): part is DamagedPart {
  return DamagedPart.safeParse(part).success;
}

/** The label of a stored part: the vocabulary's words, or the free text as typed. */
export function damagedPartLabel(part: string): BilingualText {
  return isDamagedPart(part) ? DAMAGED_PART_LABELS[part] : { zh: part, en: part };
}
