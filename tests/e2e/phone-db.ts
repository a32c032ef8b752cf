/**
 * The phone's IndexedDB as the browser tests read it: the only module that
 * opens the app's database (`kuaichu`) in the page. One reader takes any
 * stores in one read-only transaction; one writer reschedules outbox entries
 * behind the app's back (raw IndexedDB: Dexie's live queries do not see it).
 * The page must be on the app's origin. On a phone that seals, the PIN the
 * test set opens what is sealed (issue 18).
 */
import type { BrowserContext, Page } from 'playwright-core';
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
  /** Rows as stored, sealed ones left sealed even with the PIN known. */
  raw?: boolean;
}

/**
 * The officer's PIN on each phone that seals (issue 18), set by the PIN
 * driver (`setPhonePin` in phone.ts): reads of its database open what is
 * sealed with it, as the officer's app does.
 */
const pins = new WeakMap<BrowserContext, string>();

export function rememberPin(context: BrowserContext, pin: string): void {
  pins.set(context, pin);
}

/** The PIN set on the page's phone, if it seals. */
export function pinOf(page: Page): string | undefined {
  return pins.get(page.context());
}

/**
 * Every row of each of `stores`, read in one transaction. A top-level Blob
 * field of a row comes back as a {@link StoredBlob} (its bytes hashed in the
 * page); everything else as stored. On a phone that seals, with its PIN
 * known ({@link rememberPin}), a sealed row is opened (the officer's data key
 * unwrapped from his keyring with the PIN, as the lock screen does) and a
 * sealed photo's bytes are hashed once opened, so a check reads what the
 * officer's app reads; a row whose key does not open stays sealed.
 */
export async function readPhoneDb<S extends string>(
  page: Page,
  stores: readonly S[],
  options: ReadOptions = {},
): Promise<Record<S, Record<string, unknown>[]>> {
  return page.evaluate(
    async ({
      stores,
      missingAsEmpty,
      pin,
    }: {
      stores: string[];
      missingAsEmpty: boolean;
      pin: string | null;
    }) => {
      const openDb = (name: string) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(name);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const db = await openDb('kuaichu');
      const present = stores.filter((s) => !missingAsEmpty || db.objectStoreNames.contains(s));
      const rows: Record<string, Record<string, unknown>[]> = Object.fromEntries(
        stores.map((s) => [s, []]),
      );
      const keyPaths: Record<string, unknown> = {};
      try {
        if (present.length > 0) {
          const tx = db.transaction(present);
          await Promise.all(
            present.map(
              (store) =>
                new Promise<void>((resolve, reject) => {
                  keyPaths[store] = tx.objectStore(store).keyPath;
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
      const text = new TextEncoder();
      const keys = new Map<string, Promise<CryptoKey | null>>();
      // The vault's store is opened only once a sealed row is met (it exists then).
      const unwrap = async (officerId: string): Promise<CryptoKey | null> => {
        if (pin === null) return null;
        const vault = await openDb('kuaichu-vault');
        try {
          if (!vault.objectStoreNames.contains('keyrings')) return null;
          const ring = await new Promise<Record<string, Uint8Array<ArrayBuffer> | number>>(
            (resolve, reject) => {
              const req = vault
                .transaction('keyrings')
                .objectStore('keyrings')
                .get(`keyring:${officerId}`);
              req.onsuccess = () => resolve(req.result as never);
              req.onerror = () => reject(req.error);
            },
          );
          if (!ring) return null;
          const material = await crypto.subtle.importKey('raw', text.encode(pin), 'PBKDF2', false, [
            'deriveKey',
          ]);
          const kek = await crypto.subtle.deriveKey(
            {
              name: 'PBKDF2',
              hash: 'SHA-256',
              salt: ring.salt as Uint8Array<ArrayBuffer>,
              iterations: ring.iterations as number,
            },
            material,
            { name: 'AES-KW', length: 256 },
            false,
            ['unwrapKey'],
          );
          return await crypto.subtle.unwrapKey(
            'raw',
            ring.byPin as Uint8Array<ArrayBuffer>,
            kek,
            'AES-KW',
            { name: 'AES-GCM', length: 256 },
            false,
            ['decrypt'],
          );
        } catch {
          return null;
        } finally {
          vault.close();
        }
      };
      const keyOf = (officerId: unknown) => {
        if (typeof officerId !== 'string') return Promise.resolve(null);
        if (!keys.has(officerId)) keys.set(officerId, unwrap(officerId));
        return keys.get(officerId)!;
      };
      /** `1 ‖ 12-byte IV ‖ AES-GCM ciphertext and tag`, bound to `where`. */
      const openSealed = async (key: CryptoKey, sealed: Uint8Array<ArrayBuffer>, where: string) => {
        try {
          return await crypto.subtle.decrypt(
            { name: 'AES-GCM', iv: sealed.subarray(1, 13), additionalData: text.encode(where) },
            key,
            sealed.subarray(13),
          );
        } catch {
          return null;
        }
      };
      const hex = (buf: ArrayBuffer) =>
        Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
      for (const [store, list] of Object.entries(rows)) {
        const keyPath = keyPaths[store];
        for (const [i, stored] of list.entries()) {
          let row = stored;
          const primary = typeof keyPath === 'string' ? row[keyPath] : undefined;
          if (row.sealed instanceof Uint8Array) {
            const key = await keyOf(row.sealedBy);
            const where = `${store}/${JSON.stringify(primary)}`;
            const plain = key && (await openSealed(key, row.sealed as never, where));
            if (plain) {
              const { sealed: _sealed, sealedBy: _by, ...kept } = row;
              row = { ...kept, ...(JSON.parse(new TextDecoder().decode(plain)) as object) };
              list[i] = row;
            }
          }
          for (const [field, value] of Object.entries(row)) {
            if (!(value instanceof Blob)) continue;
            let bytes: ArrayBuffer | null = await value.arrayBuffer();
            if (typeof row.blobSealedBy === 'string' && field === 'blob') {
              const key = await keyOf(row.blobSealedBy);
              const where = `photos/${String(primary)}/bytes`;
              bytes = key && (await openSealed(key, new Uint8Array(bytes), where));
            }
            const digest = bytes ? hex(await crypto.subtle.digest('SHA-256', bytes)) : 'sealed';
            row[field] = { size: bytes?.byteLength ?? value.size, sha256: digest };
          }
        }
      }
      return rows;
    },
    {
      stores: [...stores],
      missingAsEmpty: options.missingAsEmpty === true,
      pin: options.raw ? null : (pinOf(page) ?? null),
    },
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

/** The id the server enrolled this phone under for the signed-in officer (its sync state). */
export async function enrolledDeviceId(page: Page): Promise<string> {
  const rows = await phoneRows<{ key: string; value: string }>(page, 'syncState');
  const device = rows.find((r) => r.key.startsWith('device:'));
  if (!device) throw new Error('the phone is not enrolled');
  return device.value;
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

/** How many of the phone's stored cases are sealed (issue 18), and how many there are. */
export async function sealedCaseCount(page: Page): Promise<{ sealed: number; cases: number }> {
  const rows = await phoneRows(page, 'cases', { raw: true });
  return { sealed: rows.filter((r) => typeof r.sealedBy === 'string').length, cases: rows.length };
}

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
