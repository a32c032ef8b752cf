/**
 * The escape hatch (RELIABILITY.md rule 8): unsent cases with their photos
 * out to a file an officer can hand over, and such a file into a device's
 * outbox. Format: docs/export-format.md; checks: src/domain/export.
 *
 * An import checks the whole file first (kind, schemas, manifest hash, every
 * photo's bytes against its hash) and writes nothing of a file that fails.
 * Then each case is written with its photos and outbox entries in one
 * transaction, so a case arrives whole or not at all. Nothing on the device
 * is deleted or overwritten by an older copy: a case whose local copy is as
 * new or newer is kept and reported as skipped.
 */
import {
  CaseRecord,
  caseBelongsTo,
  checkBundle,
  encodeBase64Ascii,
  parseExportText,
  sealBundle,
  type ExportBundle,
  type ExportRefusal,
  type ExportScope,
  type Instant,
  type PhotoMeta,
  type BundleCaseInput,
} from '../domain';
import { canonicalJson } from '../domain/manifest';
import { sha256Hex } from '../platform/hash/sha256';
import { enqueue } from './cases-repo';
import type { KuaichuDb } from './db';
import { withHeadroom } from './headroom';
import { openPhotoBytes, sealPhotoBytes } from './photo-seal';
import { photoRowId } from './photos-repo';

export interface ExportOptions {
  at: Instant;
  appVersion: string;
  /** `unsent` (default): cases with any outbox entry; `all`: every case on the device. */
  scope?: ExportScope;
  /**
   * On a shared phone, only the cases this officer may see (his own and
   * unclaimed ones; `officerId` undefined when nobody is signed in).
   * Absent: every case in scope.
   */
  onlyFor?: { officerId: string | undefined };
}

/** Something that could not go into the file, and why. */
export interface LeftOut {
  caseId: string;
  /** `unreadable-case`: the stored row does not parse; `damaged-photo`: its bytes do not hash to its key. */
  reason: 'unreadable-case' | 'damaged-photo';
  sha256?: string;
}

export interface ExportOutcome {
  bundle: ExportBundle;
  /** Photo bytes in the file (before base64). */
  photoBytes: number;
  leftOut: LeftOut[];
}

const ascii = new TextDecoder();
const fastBase64 = (bytes: Uint8Array) => ascii.decode(encodeBase64Ascii(bytes));
const sha256 = (bytes: Uint8Array) => sha256Hex(bytes as Uint8Array<ArrayBuffer>);

/** The unsent cases (or all, if asked) with every stored photo, as a sealed bundle. */
export async function exportUnsent(db: KuaichuDb, options: ExportOptions): Promise<ExportOutcome> {
  const scope = options.scope ?? 'unsent';
  // One read transaction: a consistent picture of cases, photos and the outbox.
  const { rows, photoRows } = await db.transaction(
    'r',
    db.cases,
    db.photos,
    db.outbox,
    async () => {
      const ids =
        scope === 'all'
          ? ((await db.cases.toCollection().primaryKeys()) as string[])
          : [...new Set((await db.outbox.toArray()).map((e) => e.caseId))];
      const rows = (await db.cases.bulkGet(ids)).filter((r) => r !== undefined);
      const photoRows = await db.photos.where('caseId').anyOf(ids).toArray();
      return { rows, photoRows };
    },
  );
  const leftOut: LeftOut[] = [];
  const cases: BundleCaseInput[] = [];
  let photoBytes = 0;
  for (const row of rows) {
    const parsed = CaseRecord.safeParse(row);
    if (!parsed.success) {
      leftOut.push({ caseId: String(row.id), reason: 'unreadable-case' });
      continue;
    }
    if (options.onlyFor && !caseBelongsTo(parsed.data, options.onlyFor.officerId)) continue;
    const photos: { meta: PhotoMeta; bytes: Uint8Array }[] = [];
    const own = photoRows
      .filter((p) => p.caseId === parsed.data.id)
      .sort((a, b) => a.meta.takenAt.localeCompare(b.meta.takenAt) || a.id.localeCompare(b.id));
    for (const p of own) {
      const blob = await openPhotoBytes(db, p);
      const bytes = new Uint8Array(blob ? await blob.arrayBuffer() : new ArrayBuffer(0));
      if (!blob || (await sha256(bytes)) !== p.sha256) {
        leftOut.push({ caseId: p.caseId, reason: 'damaged-photo', sha256: p.sha256 });
        continue;
      }
      photos.push({ meta: p.meta, bytes });
      photoBytes += bytes.byteLength;
    }
    cases.push({ case: parsed.data, photos });
  }
  cases.sort((a, b) => a.case.arrivedAt.localeCompare(b.case.arrivedAt));
  const bundle = await sealBundle(
    { exportedAt: options.at, appVersion: options.appVersion, scope, cases },
    sha256,
    fastBase64,
  );
  return { bundle, photoBytes, leftOut };
}

/**
 * Why a case of a good file was not written:
 * - `already-on-device`: the same case, with every photo of the file, is here already;
 * - `local-newer`: this device's copy was changed later than the file's;
 * - `local-differs`: this device's copy has the same time but other content (kept);
 * - `local-unreadable`: this device holds a row for it that does not parse (kept as it is).
 */
export type SkipReason = 'already-on-device' | 'local-newer' | 'local-differs' | 'local-unreadable';

export interface ImportReport {
  imported: string[];
  skipped: { caseId: string; caseNumber: string; reason: SkipReason }[];
  /** Photos written (rows added). */
  photos: number;
  /** Photos written whose stored bytes would not read back as their hash even after a retry. */
  unverified: { caseId: string; sha256: string }[];
}

type CaseOutcome = { skipped: SkipReason } | { written: PhotoMeta[] };

export type ImportResult = { ok: true; value: ImportReport } | ExportRefusal;

/** Reads an export file's text and imports it ({@link importBundle}). */
export async function importExportFile(
  db: KuaichuDb,
  text: string,
  at: Instant,
): Promise<ImportResult> {
  const parsed = parseExportText(text);
  return parsed.ok ? importBundle(db, parsed.value, at) : parsed;
}

/** Checks a parsed export file whole, then writes it case by case, queued for sending. */
export async function importBundle(
  db: KuaichuDb,
  input: unknown,
  at: Instant,
): Promise<ImportResult> {
  const checked = await checkBundle(input, sha256);
  if (!checked.ok) return checked;
  const report: ImportReport = { imported: [], skipped: [], photos: 0, unverified: [] };
  for (const item of checked.value.cases) {
    const c = item.case;
    // Blobs are made (and sealed, on a phone that seals) before the transaction:
    // awaiting anything but IndexedDB inside it would end it.
    const photos = await Promise.all(
      item.photos.map(async (p) => ({
        meta: p.meta,
        bytes: p.bytes,
        stored: await sealPhotoBytes(
          db,
          photoRowId(p.meta),
          new Blob([p.bytes], { type: p.meta.mimeType }),
        ),
      })),
    );
    const write = () =>
      db.transaction('rw', db.cases, db.photos, db.outbox, async (): Promise<CaseOutcome> => {
        const row = await db.cases.get(c.id);
        let writeCase = true;
        if (row !== undefined) {
          const local = CaseRecord.safeParse(row);
          if (!local.success) return { skipped: 'local-unreadable' };
          const order = Date.parse(local.data.updatedAt) - Date.parse(c.updatedAt);
          if (order > 0) return { skipped: 'local-newer' };
          if (order === 0) {
            if (canonicalJson(local.data) !== canonicalJson(c)) {
              return { skipped: 'local-differs' };
            }
            writeCase = false;
          }
        }
        const written: PhotoMeta[] = [];
        for (const p of photos) {
          const id = photoRowId(p.meta);
          if ((await db.photos.get(id)) !== undefined) continue;
          const known = (await db.photos.where('sha256').equals(p.meta.sha256).count()) > 0;
          await db.photos.put({
            id,
            sha256: p.meta.sha256,
            caseId: c.id,
            meta: p.meta,
            ...p.stored,
          });
          // Bytes already on the device are queued already, or were sent.
          if (!known)
            await enqueue(db, { kind: 'photo', entityId: p.meta.sha256, caseId: c.id }, at);
          written.push(p.meta);
        }
        if (!writeCase && written.length === 0) return { skipped: 'already-on-device' };
        if (writeCase) await db.cases.put(c);
        await enqueue(db, { kind: 'case', entityId: c.id, caseId: c.id }, at);
        return { written };
      });
    // New photo bytes are written only with room for them and the headroom left (headroom.ts).
    const present = await db.photos.bulkGet(photos.map((p) => photoRowId(p.meta)));
    const newBytes = photos.reduce((n, p, i) => (present[i] ? n : n + p.stored.blob.size), 0);
    const outcome = newBytes > 0 ? await withHeadroom(db, newBytes, write) : await write();
    if ('skipped' in outcome) {
      report.skipped.push({ caseId: c.id, caseNumber: c.caseNumber, reason: outcome.skipped });
      continue;
    }
    report.imported.push(c.id);
    report.photos += outcome.written.length;
    for (const meta of outcome.written) {
      const bytes = photos.find((p) => p.meta === meta)?.bytes;
      if (bytes && !(await readsBack(db, meta, bytes))) {
        report.unverified.push({ caseId: c.id, sha256: meta.sha256 });
      }
    }
  }
  return { ok: true, value: report };
}

/**
 * Reads a written photo back and hashes it (RELIABILITY.md A5); some browsers
 * have stored truncated Blobs, so a mismatch is written once more from a
 * fresh copy of the bytes before it is reported.
 */
async function readsBack(db: KuaichuDb, meta: PhotoMeta, bytes: Uint8Array): Promise<boolean> {
  const id = photoRowId(meta);
  const check = async () => {
    const row = await db.photos.get(id);
    const blob = row && (await openPhotoBytes(db, row));
    return (
      blob !== undefined &&
      blob !== null &&
      (await sha256(new Uint8Array(await blob.arrayBuffer()))) === meta.sha256
    );
  };
  if (await check()) return true;
  const copy = new Blob([new Uint8Array(bytes)], { type: meta.mimeType });
  const stored = await sealPhotoBytes(db, id, copy);
  await withHeadroom(db, stored.blob.size, () => db.photos.update(id, stored));
  return check();
}
