/** An evidence photo's metadata. The bytes live apart, keyed by their SHA-256. */
import * as z from 'zod/mini';
import { Id, Instant } from '../ids';
import { TEXT_LIMITS, line } from '../text';

export const Sha256Hex = z.string().check(z.regex(/^[0-9a-f]{64}$/));
export type Sha256Hex = z.infer<typeof Sha256Hex>;

export const PhotoMeta = z.object({
  schemaVersion: z.literal(1),
  /** SHA-256 of the stored (resized, stamped) bytes: the photo's identity. */
  sha256: Sha256Hex,
  /** SHA-256 of the bytes exactly as captured, before any processing. */
  originalSha256: Sha256Hex,
  caseId: Id,
  /** Which required shot it fulfils (evidence checklist slot), or `extra`. */
  slot: line(TEXT_LIMITS.text),
  takenAt: Instant,
  byteLength: z.number().check(z.int(), z.gte(1)),
  width: z.number().check(z.int(), z.gte(1)),
  height: z.number().check(z.int(), z.gte(1)),
  mimeType: z.literal('image/jpeg'),
});
export type PhotoMeta = z.infer<typeof PhotoMeta>;
