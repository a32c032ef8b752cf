/** A vehicle involved in a case, as the officer records it on scene. */
import * as z from 'zod/mini';
import { Id } from '../ids';
import { TEXT_LIMITS, line } from '../text';

export const PlateType = z.enum([
  'small-blue', // 小型汽车 蓝牌
  'large-yellow', // 大型汽车 黄牌
  'new-energy-small', // 小型新能源 渐变绿
  'new-energy-large', // 大型新能源 黄绿
  'trailer', // 挂车
  'motorcycle', // 摩托车
  'coach', // 教练车
  'police', // 警用
  'embassy', // 使馆
  'hong-kong-macao', // 港澳入出境
  'temporary', // 临时号牌
  'other',
]);
export type PlateType = z.infer<typeof PlateType>;

export const VehicleType = z.enum([
  'car',
  'suv',
  'van',
  'bus',
  'truck',
  'motorcycle',
  'electric-bike',
  'tricycle',
  'other',
]);
export type VehicleType = z.infer<typeof VehicleType>;

export const Vehicle = z.object({
  id: Id,
  /** Letter shown in the UI and on the agreement: A, B, C … */
  label: line(TEXT_LIMITS.code),
  plate: line(TEXT_LIMITS.code),
  plateType: z.optional(PlateType),
  vehicleType: z.optional(VehicleType),
  vin: z.optional(line(TEXT_LIMITS.code)),
  owner: z.optional(line(TEXT_LIMITS.name)),
  /** Damaged parts, each needs its own photo (see the evidence checklist). */
  damagedParts: z.array(line(TEXT_LIMITS.name)),
});
export type Vehicle = z.infer<typeof Vehicle>;
