/**
 * Pure helpers for export files: sealing a bundle with the hash of its
 * manifest, checking a file before anything of it is written, the file's
 * name, and its text in pieces (so a large file never has to be one string).
 * Hashing is passed in, as for case manifests.
 */
import type { CaseRecord } from '../case/case.schema';
import type { PhotoMeta } from '../case/photo.schema';
import type { Instant } from '../ids';
import { canonicalBytes } from '../manifest/canonical-json';
import type { Sha256Fn } from '../manifest/manifest';
import { decodeBase64, encodeBase64 } from '../base64';
import {
  EXPORT_FORMAT,
  EXPORT_SCHEMA_VERSION,
  ExportBundle,
  type ExportScope,
  type UnsealedBundle,
} from './export.schema';

/** What the manifest hash covers: the whole bundle but the photo bytes and the hash itself. */
export interface BundleManifest {
  format: typeof EXPORT_FORMAT;
  schemaVersion: typeof EXPORT_SCHEMA_VERSION;
  exportedAt: Instant;
  appVersion: string;
  scope: ExportScope;
  cases: { case: CaseRecord; photos: PhotoMeta[] }[];
}

export function bundleManifest(bundle: UnsealedBundle): BundleManifest {
  return {
    format: bundle.format,
    schemaVersion: bundle.schemaVersion,
    exportedAt: bundle.exportedAt,
    appVersion: bundle.appVersion,
    scope: bundle.scope,
    cases: bundle.cases.map((c) => ({ case: c.case, photos: c.photos.map((p) => p.meta) })),
  };
}

/** SHA-256 of the canonical JSON of the bundle's manifest. */
export async function bundleManifestSha256(
  bundle: UnsealedBundle,
  sha256: Sha256Fn,
): Promise<string> {
  return sha256(canonicalBytes(bundleManifest(bundle)));
}

export interface BundleCaseInput {
  case: CaseRecord;
  photos: readonly { meta: PhotoMeta; bytes: Uint8Array }[];
}

/**
 * Builds and seals a bundle from cases and their photos' bytes. `toBase64`
 * may be replaced by a faster one of the same result (e.g. `TextDecoder` over
 * `encodeBase64Ascii`).
 */
export async function sealBundle(
  input: {
    exportedAt: Instant;
    appVersion: string;
    scope: ExportScope;
    cases: readonly BundleCaseInput[];
  },
  sha256: Sha256Fn,
  toBase64: (bytes: Uint8Array) => string = encodeBase64,
): Promise<ExportBundle> {
  const unsealed: UnsealedBundle = {
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: input.exportedAt,
    appVersion: input.appVersion,
    scope: input.scope,
    cases: input.cases.map((c) => ({
      case: c.case,
      photos: c.photos.map((p) => ({ meta: p.meta, dataBase64: toBase64(p.bytes) })),
    })),
  };
  return { ...unsealed, manifestSha256: await bundleManifestSha256(unsealed, sha256) };
}

/**
 * Why a file is refused as a whole (nothing of it is written):
 * - `unreadable`: not JSON — typically a file cut short in transfer;
 * - `not-an-export`: JSON, but not a Kuaichu export;
 * - `newer-version`: made by a newer app with a format this one does not know;
 * - `invalid`: the content does not fit the format (`detail` says where);
 * - `checksum-mismatch`: the manifest does not hash to `manifestSha256` (changed or damaged);
 * - `photo-damaged`: a photo's data is not base64 or not `byteLength` bytes long;
 * - `photo-checksum-mismatch`: a photo's bytes do not hash to its `sha256`.
 */
export type ExportRefusalReason =
  | 'unreadable'
  | 'not-an-export'
  | 'newer-version'
  | 'invalid'
  | 'checksum-mismatch'
  | 'photo-damaged'
  | 'photo-checksum-mismatch';

export interface ExportRefusal {
  ok: false;
  reason: ExportRefusalReason;
  detail?: string;
  /** For photo refusals: the photo's place in the file (1, 2, 3 … across all cases) and its case. */
  photo?: { number: number; caseNumber: string; sha256: string };
}

/** A checked bundle: every photo's bytes decoded and verified against its hash. */
export interface CheckedBundle {
  bundle: ExportBundle;
  cases: { case: CaseRecord; photos: { meta: PhotoMeta; bytes: Uint8Array<ArrayBuffer> }[] }[];
}

export type CheckBundleResult = { ok: true; value: CheckedBundle } | ExportRefusal;

const refusal = (
  reason: ExportRefusalReason,
  detail?: string,
  photo?: ExportRefusal['photo'],
): ExportRefusal => ({
  ok: false,
  reason,
  ...(detail === undefined ? {} : { detail }),
  ...(photo === undefined ? {} : { photo }),
});

/** Parses the text of an export file; a cut-short file is `unreadable`. */
export function parseExportText(text: string): { ok: true; value: unknown } | ExportRefusal {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return refusal('unreadable', err instanceof Error ? err.message : undefined);
  }
}

/**
 * Checks everything in a parsed export file before anything is written: its
 * kind and version, the schema of every case and photo, that photos belong to
 * their case, the manifest hash, then every photo's bytes against its hash.
 */
export async function checkBundle(input: unknown, sha256: Sha256Fn): Promise<CheckBundleResult> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return refusal('not-an-export');
  }
  const head = input as { format?: unknown; schemaVersion?: unknown };
  if (head.format !== EXPORT_FORMAT) return refusal('not-an-export');
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > EXPORT_SCHEMA_VERSION) {
    return refusal('newer-version', String(head.schemaVersion));
  }
  const parsed = ExportBundle.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return refusal('invalid', first ? `${pathText(first.path)}: ${first.code}` : undefined);
  }
  const bundle = parsed.data;
  const seen = new Set<string>();
  for (const [i, c] of bundle.cases.entries()) {
    if (seen.has(c.case.id)) return refusal('invalid', `cases.${i}: duplicate case ${c.case.id}`);
    seen.add(c.case.id);
    const foreign = c.photos.findIndex((p) => p.meta.caseId !== c.case.id);
    if (foreign >= 0) return refusal('invalid', `cases.${i}.photos.${foreign}: other case`);
  }
  if ((await bundleManifestSha256(bundle, sha256)) !== bundle.manifestSha256) {
    return refusal('checksum-mismatch');
  }
  const cases: CheckedBundle['cases'] = [];
  let number = 0;
  for (const c of bundle.cases) {
    const photos: CheckedBundle['cases'][number]['photos'] = [];
    for (const p of c.photos) {
      number++;
      const photo = { number, caseNumber: c.case.caseNumber, sha256: p.meta.sha256 };
      const bytes = decodeBase64(p.dataBase64);
      if (bytes === null) return refusal('photo-damaged', 'not base64', photo);
      if (bytes.byteLength !== p.meta.byteLength) {
        return refusal('photo-damaged', `${bytes.byteLength} of ${p.meta.byteLength} bytes`, photo);
      }
      if ((await sha256(bytes)) !== p.meta.sha256) {
        return refusal('photo-checksum-mismatch', undefined, photo);
      }
      photos.push({ meta: p.meta, bytes });
    }
    cases.push({ case: c.case, photos });
  }
  return { ok: true, value: { bundle, cases } };
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(root)';
}

/**
 * The file name: `kuaichu-unsent-2026-11-27-3cases.json` (China-time date of
 * the export, like case numbers), `kuaichu-cases-…` when every case is in it.
 */
export function exportFileName(bundle: Pick<ExportBundle, 'exportedAt' | 'scope' | 'cases'>) {
  const china = new Date(Date.parse(bundle.exportedAt) + 8 * 3_600_000);
  const date = china.toISOString().slice(0, 10);
  const kind = bundle.scope === 'unsent' ? 'unsent' : 'cases';
  return `kuaichu-${kind}-${date}-${bundle.cases.length}cases.json`;
}

const BASE64_TEXT = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The file's text in pieces whose concatenation is the JSON of the bundle:
 * each photo's base64 is its own piece, passed on as is (base64 needs no
 * escaping), so the file can be a `Blob` of parts and never one huge string.
 */
export function bundleJsonParts(bundle: ExportBundle): string[] {
  const parts: string[] = [];
  const { cases, manifestSha256, ...head } = bundle;
  const headJson = JSON.stringify(head);
  parts.push(`${headJson.slice(0, -1)},"cases":[`);
  cases.forEach((c, i) => {
    parts.push(`${i === 0 ? '' : ','}{"case":${JSON.stringify(c.case)},"photos":[`);
    c.photos.forEach((p, j) => {
      parts.push(`${j === 0 ? '' : ','}{"meta":${JSON.stringify(p.meta)},"dataBase64":`);
      if (BASE64_TEXT.test(p.dataBase64)) parts.push('"', p.dataBase64, '"}');
      else parts.push(JSON.stringify(p.dataBase64), '}');
    });
    parts.push(']}');
  });
  parts.push(`],"manifestSha256":${JSON.stringify(manifestSha256)}}`);
  return parts;
}
