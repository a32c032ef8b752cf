/**
 * The export file of a phone that seals (issue 18): the whole clear file
 * (`kuaichu-export`, unchanged, its manifest and photo hashes over the plain
 * bytes) encrypted as one value, with what opens it beside it.
 *
 * Which key: the exporting officer's own data key, the one that seals his
 * cases on the phone, carried in the file only wrapped — by his PIN's key
 * (PBKDF2, the salt and cost of the phone) and by his escrow key (server
 * held, per officer, handed to his own enrolled and unrevoked phone). So the
 * same officer opens it on any phone: offline by typing his PIN, or signed in
 * online without typing anything; a supervisor recovery goes through the
 * same escrow key. A finder of the file holds no more than a finder of the
 * phone (the same wrapped key, the same PIN cost), and a revoked phone can
 * no longer fetch the escrow key. A separate passphrase was not chosen: one
 * more secret to invent at the roadside, forgotten by the time the file
 * reaches a station, and a lost passphrase loses the cases (rule 1).
 *
 * Clear in the file: the officer's id, the time, the PIN's salt and cost —
 * no citizen's data. The value is sealed for the place
 * `export/<officerId>/<exportedAt>`, so a changed header does not open.
 */
import * as z from 'zod/mini';
import { Instant } from '../ids';
import { decodeBase64, encodeBase64 } from '../base64';
import { EXPORT_FORMAT } from './export.schema';

export const SEALED_EXPORT_FORMAT = 'kuaichu-export-sealed';
export const SEALED_EXPORT_SCHEMA_VERSION = 1;

const Base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/));

export const SealedExportFile = z.object({
  format: z.literal(SEALED_EXPORT_FORMAT),
  schemaVersion: z.literal(SEALED_EXPORT_SCHEMA_VERSION),
  /** The format of what is sealed inside. */
  contains: z.literal(EXPORT_FORMAT),
  exportedAt: Instant,
  officerId: z.string().check(z.minLength(1)),
  /** The officer's data key, wrapped (AES-KW) by his PIN's key and by his escrow key. */
  key: z.object({
    pbkdf2Salt: Base64,
    pbkdf2Iterations: z.number().check(z.int(), z.positive()),
    byPin: Base64,
    byEscrow: Base64,
  }),
  /** AES-256-GCM: `1 ‖ 12-byte IV ‖ ciphertext ‖ tag` of the clear file's UTF-8 text. */
  sealed: Base64,
});
export type SealedExportFile = z.infer<typeof SealedExportFile>;

type Bytes = Uint8Array<ArrayBuffer>;

/** The sealed file's parts as bytes, as the vault works with them. */
export interface SealedExportParts {
  exportedAt: string;
  officerId: string;
  salt: Bytes;
  iterations: number;
  byPin: Bytes;
  byEscrow: Bytes;
  sealed: Bytes;
}

/** The place a sealed file's value is bound to (the cipher's additional data). */
export const sealedExportPlace = (officerId: string, exportedAt: string) =>
  `export/${officerId}/${exportedAt}`;

export function sealedExportFile(parts: SealedExportParts): SealedExportFile {
  return {
    format: SEALED_EXPORT_FORMAT,
    schemaVersion: SEALED_EXPORT_SCHEMA_VERSION,
    contains: EXPORT_FORMAT,
    exportedAt: parts.exportedAt,
    officerId: parts.officerId,
    key: {
      pbkdf2Salt: encodeBase64(parts.salt),
      pbkdf2Iterations: parts.iterations,
      byPin: encodeBase64(parts.byPin),
      byEscrow: encodeBase64(parts.byEscrow),
    },
    sealed: encodeBase64(parts.sealed),
  };
}

/** Whether a parsed file says it is a sealed export (then it must be opened before import). */
export function looksSealed(input: unknown): boolean {
  return (
    typeof input === 'object' &&
    input !== null &&
    (input as { format?: unknown }).format === SEALED_EXPORT_FORMAT
  );
}

/**
 * A parsed sealed file's parts, or why it is not one: `invalid` names the
 * first bad field (`key.byPin: invalid_format`), `newer-version` a file of a
 * later app.
 */
export function readSealedExport(
  input: unknown,
):
  | { ok: true; value: SealedExportParts }
  | { ok: false; reason: 'invalid' | 'newer-version'; detail: string } {
  const version = (input as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SEALED_EXPORT_SCHEMA_VERSION) {
    return { ok: false, reason: 'newer-version', detail: String(version) };
  }
  const parsed = SealedExportFile.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const path = first?.path.map(String).join('.') || '(root)';
    return { ok: false, reason: 'invalid', detail: `${path}: ${first?.code ?? 'invalid'}` };
  }
  const f = parsed.data;
  const bytes = (field: string, text: string) => {
    const out = decodeBase64(text);
    if (out === null) throw new TypeError(field);
    return out;
  };
  try {
    return {
      ok: true,
      value: {
        exportedAt: f.exportedAt,
        officerId: f.officerId,
        salt: bytes('key.pbkdf2Salt', f.key.pbkdf2Salt),
        iterations: f.key.pbkdf2Iterations,
        byPin: bytes('key.byPin', f.key.byPin),
        byEscrow: bytes('key.byEscrow', f.key.byEscrow),
        sealed: bytes('sealed', f.sealed),
      },
    };
  } catch (err) {
    return { ok: false, reason: 'invalid', detail: `${(err as Error).message}: not base64` };
  }
}
