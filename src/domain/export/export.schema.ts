/**
 * The export file ("escape hatch", RELIABILITY.md rule 8): unsent cases with
 * their photos in one JSON document that an officer can hand over and another
 * device can import. Format and size cost: docs/export-format.md.
 */
import * as z from 'zod/mini';
import { CaseRecord } from '../case/case.schema';
import { PhotoMeta, Sha256Hex } from '../case/photo.schema';
import { Instant } from '../ids';

export const EXPORT_FORMAT = 'kuaichu-export';
export const EXPORT_SCHEMA_VERSION = 1;

/** One photo: its metadata and its stored bytes as standard base64 (RFC 4648, padded). */
export const ExportPhoto = z.object({
  meta: PhotoMeta,
  dataBase64: z.string(),
});
export type ExportPhoto = z.infer<typeof ExportPhoto>;

/** One case and every photo stored for it on the exporting device. */
export const ExportCase = z.object({
  case: CaseRecord,
  photos: z.array(ExportPhoto),
});
export type ExportCase = z.infer<typeof ExportCase>;

/** `unsent`: cases with anything in the outbox; `all`: every readable case on the device. */
export const ExportScope = z.enum(['unsent', 'all']);
export type ExportScope = z.infer<typeof ExportScope>;

export const ExportBundle = z.object({
  format: z.literal(EXPORT_FORMAT),
  schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
  /** Device clock when the file was made. */
  exportedAt: Instant,
  /** The app build that made it (`__APP_VERSION__`). */
  appVersion: z.string(),
  scope: ExportScope,
  cases: z.array(ExportCase),
  /**
   * SHA-256 (hex) of the canonical JSON of the bundle's manifest
   * ({@link bundleManifest}): everything but the photo data, which the
   * manifest pins by each photo's `sha256` and `byteLength`.
   */
  manifestSha256: Sha256Hex,
});
export type ExportBundle = z.infer<typeof ExportBundle>;

/** A bundle before it is sealed with its manifest hash. */
export type UnsealedBundle = Omit<ExportBundle, 'manifestSha256'>;
