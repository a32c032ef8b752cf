/**
 * A party to a case: a driver of one of the vehicles, or the keeper of a fixed
 * object (a guardrail, a wall) that has no vehicle.
 */
import * as z from 'zod/mini';
import { Id } from '../ids';

export const Insurance = z.object({
  insurer: z.string(),
  policyNumber: z.optional(z.string()),
});
export type Insurance = z.infer<typeof Insurance>;

export const Party = z.object({
  id: Id,
  kind: z.enum(['driver', 'fixed-object']),
  /** The vehicle this party drove; absent for a fixed object. */
  vehicleId: z.optional(Id),
  name: z.string(),
  idNumber: z.optional(z.string()),
  licenceNumber: z.optional(z.string()),
  phone: z.optional(z.string()),
  /** 交强险 */
  compulsoryInsurance: z.optional(Insurance),
  /** 商业险 */
  commercialInsurance: z.optional(Insurance),
  /** For a fixed object: what it is (护栏, 路灯杆 …). */
  objectDescription: z.optional(z.string()),
});
export type Party = z.infer<typeof Party>;
