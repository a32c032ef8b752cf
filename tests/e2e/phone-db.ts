/**
 * The phone's IndexedDB as the browser tests read it: the only module that
 * opens the app's database (`kuaichu`) in the page. One reader takes any
 * stores in one read-only transaction; one writer reschedules outbox entries
 * behind the app's back (raw IndexedDB: Dexie's live queries do not see it).
 * The page must be on the app's origin.
 */
import type { Page } from 'playwright-core';
import { CaseRecord } from '../../src/domain';

/** A Blob field of a stored row, as read out of the page: its size and hash. */
export interface StoredBlob {
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

export interface ReadOptions {
  /** A store the database lacks reads as empty (default: the read fails). */
  missingAsEmpty?: boolean;
}

/**
 * Every row of each of `stores`, read in one transaction. A top-level Blob
 * field of a row comes back as a {@link StoredBlob} (its bytes hashed in the
 * page); everything else as stored.
 */
export async function readPhoneDb<S extends string>(
  page: Page,
  stores: readonly S[],
  options: ReadOptions = {},
): Promise<Record<S, Record<string, unknown>[]>> {
  return page.evaluate(
    async ({ stores, missingAsEmpty }: { stores: string[]; missingAsEmpty: boolean }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('kuaichu');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const present = stores.filter((s) => !missingAsEmpty || db.objectStoreNames.contains(s));
      const rows: Record<string, Record<string, unknown>[]> = Object.fromEntries(
        stores.map((s) => [s, []]),
      );
      try {
        if (present.length > 0) {
          const tx = db.transaction(present);
          await Promise.all(
            present.map(
              (store) =>
                new Promise<void>((resolve, reject) => {
                  const req = tx.objectStore(store).getAll();
                  req.onsuccess = () => {
                    rows[store] = req.result as Record<string, unknown>[];
                    resolve();
                  };
                  req.onerror = () => reject(req.error);
                }),
            ),
          );
        }
      } finally {
        db.close();
      }
      const hex = (buf: ArrayBuffer) =>
        Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
      for (const list of Object.values(rows)) {
        for (const row of list) {
          for (const [field, value] of Object.entries(row)) {
            if (!(value instanceof Blob)) continue;
            const digest = await crypto.subtle.digest('SHA-256', await value.arrayBuffer());
            row[field] = { size: value.size, sha256: hex(digest) };
          }
        }
      }
      return rows;
    },
    { stores: [...stores], missingAsEmpty: options.missingAsEmpty === true },
  ) as Promise<Record<S, Record<string, unknown>[]>>;
}

/** Every row of one store (see {@link readPhoneDb}). */
export async function phoneRows<T = Record<string, unknown>>(
  page: Page,
  store: string,
  options: ReadOptions = {},
): Promise<T[]> {
  return (await readPhoneDb(page, [store], options))[store] as T[];
}

/** The case as stored, parsed with the domain schema. */
export async function storedCase(page: Page, id: string): Promise<CaseRecord> {
  const row = (await phoneRows<{ id: string }>(page, 'cases')).find((c) => c.id === id);
  return CaseRecord.parse(row);
}

/** A stored photo: its key, slot, stored size, and whether its bytes still hash to its key. */
export interface StoredPhoto {
  sha256: string;
  slot: string;
  size: number;
  intact: boolean;
}

interface PhotoRow {
  sha256: string;
  caseId: string;
  meta: { slot: string };
  blob: StoredBlob;
}

const toStoredPhoto = (r: PhotoRow): StoredPhoto => ({
  sha256: r.sha256,
  slot: r.meta.slot,
  size: r.blob.size,
  intact: r.blob.sha256 === r.sha256,
});

/** Every photo on the phone (see {@link StoredPhoto}). */
export async function storedPhotos(page: Page): Promise<StoredPhoto[]> {
  return (await phoneRows<PhotoRow>(page, 'photos')).map(toStoredPhoto);
}

/** An outbox entry as stored (only what the checks read). */
export interface StoredOutboxEntry {
  key: string;
  kind: string;
  entityId: string;
  caseId: string;
  status: string;
}

const toOutboxEntry = ({ key, kind, entityId, caseId, status }: StoredOutboxEntry) => ({
  key,
  kind,
  entityId,
  caseId,
  status,
});

/** Every entry of the phone's outbox. */
export async function storedOutbox(page: Page): Promise<StoredOutboxEntry[]> {
  return (await phoneRows<StoredOutboxEntry>(page, 'outbox')).map(toOutboxEntry);
}

/** What the phone holds, for the invariant check (tests/e2e/invariants.ts). */
export interface PhoneSnapshot {
  cases: { id: string; row: unknown }[];
  photos: { sha256: string; caseId: string; intact: boolean }[];
  outbox: StoredOutboxEntry[];
  receipts: { caseId: string; manifestHash: string; complete: boolean; version: number }[];
}

/** Cases, photos, outbox and receipts in one read; a store not made yet reads as empty. */
export async function readPhone(page: Page): Promise<PhoneSnapshot> {
  const rows = await readPhoneDb(page, ['cases', 'photos', 'outbox', 'receipts'], {
    missingAsEmpty: true,
  });
  const receipts = rows.receipts as unknown as {
    caseId: string;
    receipt: { manifestHash: string; complete: boolean; manifestVersion: number };
  }[];
  return {
    cases: rows.cases.map((row) => ({ id: row.id as string, row })),
    photos: (rows.photos as unknown as PhotoRow[]).map((p) => ({
      sha256: p.sha256,
      caseId: p.caseId,
      intact: p.blob.sha256 === p.sha256,
    })),
    outbox: (rows.outbox as unknown as StoredOutboxEntry[]).map(toOutboxEntry),
    receipts: receipts.map((r) => ({
      caseId: r.caseId,
      manifestHash: r.receipt.manifestHash,
      complete: r.receipt.complete,
      version: r.receipt.manifestVersion,
    })),
  };
}

/** Which outbox entries {@link rescheduleOutbox} moves, and to when. */
export interface Reschedule {
  /** Only this case's entries (default: every entry). */
  caseId?: string;
  /** When they fall due, epoch ms. */
  dueAt: number;
  /** Only entries due later than `dueAt` (a clock jump moves nothing back). */
  onlyLater?: boolean;
  /** Their failed-attempt count, when given. */
  attempts?: number;
}

/**
 * Sets when outbox entries fall due (and, if asked, their attempt count) with
 * raw IndexedDB; nothing else in the entries is touched. A database without
 * an outbox store is left alone.
 */
export async function rescheduleOutbox(page: Page, change: Reschedule): Promise<void> {
  await page.evaluate(async ({ caseId, dueAt, onlyLater, attempts }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kuaichu');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    if (!db.objectStoreNames.contains('outbox')) return db.close();
    const due = new Date(dueAt).toISOString();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('outbox', 'readwrite');
      const store = tx.objectStore('outbox');
      const req = store.getAll();
      req.onsuccess = () => {
        for (const e of req.result as {
          caseId: string;
          nextAttemptAt: string;
          attempts: number;
        }[]) {
          if (caseId !== undefined && e.caseId !== caseId) continue;
          if (onlyLater && !(e.nextAttemptAt > due)) continue;
          store.put({ ...e, nextAttemptAt: due, ...(attempts === undefined ? {} : { attempts }) });
        }
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, change);
}
