/**
 * A party to a case: a driver of one of the vehicles, or the keeper of a fixed
 * object (a guardrail, a wall) that has no vehicle.
 */
import * as z from 'zod/mini';
import { Id } from '../ids';
import { TEXT_LIMITS, line } from '../text';

export const Insurance = z.object({
  insurer: line(TEXT_LIMITS.name),
  policyNumber: z.optional(line(TEXT_LIMITS.code)),
});
export type Insurance = z.infer<typeof Insurance>;

export const Party = z.object({
  id: Id,
  kind: z.enum(['driver', 'fixed-object']),
  /** The vehicle this party drove; absent for a fixed object. */
  vehicleId: z.optional(Id),
  name: line(TEXT_LIMITS.name),
  idNumber: z.optional(line(TEXT_LIMITS.code)),
  licenceNumber: z.optional(line(TEXT_LIMITS.code)),
  phone: z.optional(line(TEXT_LIMITS.code)),
  /** 交强险 */
  compulsoryInsurance: z.optional(Insurance),
  /** 商业险 */
  commercialInsurance: z.optional(Insurance),
  /** For a fixed object: what it is (护栏, 路灯杆 …). */
  objectDescription: z.optional(line(TEXT_LIMITS.line)),
});
export type Party = z.infer<typeof Party>;
