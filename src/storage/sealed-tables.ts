/**
 * Encryption at rest of the phone's records (issue 18, RELIABILITY.md D9): a
 * Dexie DBCore middleware that seals every field of a row but its primary key
 * and indexes (ids, states, times: no citizen's data) into `sealed`, with
 * AES-256-GCM, and opens it again on every read.
 *
 * Why a synchronous cipher (@noble/ciphers, audited) and not WebCrypto: an
 * IndexedDB transaction commits as soon as it has no request pending, so an
 * `await crypto.subtle…` inside one ends it (Dexie then fails the write).
 * The cipher must run inside the transaction, synchronously; so while the
 * app is unlocked the data key's raw bytes are in memory (dropped on lock),
 * and at rest they exist only wrapped (src/platform/vault).
 *
 * Each row names the key that sealed it (`sealedBy`: the officer's id). A row whose
 * key is not open — another officer's case on a shared phone, or any row
 * while the app is locked — reads as its clear fields with `locked: true`
 * and nothing else; it is never dropped, and is sent or exported as it is.
 * Once the phone seals (an officer set a PIN on it), a write needs the
 * active key; without one it fails (`VaultLockedError`) and nothing is
 * written. Rows written before sealing was on pass through as they are and
 * are sealed on their next write.
 *
 * A sealed value is `1 ‖ 12-byte IV ‖ ciphertext ‖ 16-byte tag`, its
 * additional data `table/primary key`, so a sealed value copied onto another
 * row does not open.
 */
import { gcm } from '@noble/ciphers/aes.js';
import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';

export type OpenKey = { id: string; raw: Uint8Array };

/** Which keys are open now; read on every call, so locking takes effect at once. */
export interface KeyChain {
  /** Whether this phone seals what it writes (an officer has set a PIN on it). */
  sealing(): boolean;
  /** The key new writes are sealed with, null while locked. */
  active(): OpenKey | null;
  /** The raw key of `id` if it is open. */
  open(id: string): Uint8Array | null;
}

export class VaultLockedError extends Error {
  constructor(table: string) {
    super(`the app is locked: nothing written to ${table}`);
    this.name = 'VaultLockedError';
  }
}

const VERSION = 1;
const IV_BYTES = 12;

type Row = Record<string, unknown>;

function cipherFor(raw: Uint8Array, iv: Uint8Array, where: string) {
  return gcm(raw, iv, new TextEncoder().encode(where));
}

function sealRow(key: OpenKey, clear: readonly string[], row: Row, where: string): Row {
  const kept: Row = {};
  const hidden: Row = {};
  for (const [field, value] of Object.entries(row)) {
    if (clear.includes(field)) kept[field] = value;
    else hidden[field] = value;
  }
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const body = cipherFor(key.raw, iv, where).encrypt(
    new TextEncoder().encode(JSON.stringify(hidden)),
  );
  const sealed = new Uint8Array(1 + IV_BYTES + body.length);
  sealed[0] = VERSION;
  sealed.set(iv, 1);
  sealed.set(body, 1 + IV_BYTES);
  return { ...kept, sealedBy: key.id, sealed };
}

/** The row as stored, opened when its key is; `locked: true` with its clear fields when not. */
function openRow(keys: KeyChain, row: unknown, where: (row: Row) => string): unknown {
  if (typeof row !== 'object' || row === null || !('sealed' in row)) return row;
  const { sealed, sealedBy, ...kept } = row as Row;
  const raw = typeof sealedBy === 'string' ? keys.open(sealedBy) : null;
  if (!raw || !(sealed instanceof Uint8Array) || sealed[0] !== VERSION)
    return { ...kept, sealedBy, locked: true };
  try {
    const plain = cipherFor(raw, sealed.subarray(1, 1 + IV_BYTES), where(kept)).decrypt(
      sealed.subarray(1 + IV_BYTES),
    );
    return { ...kept, ...(JSON.parse(new TextDecoder().decode(plain)) as Row) };
  } catch {
    // Not authentic (changed on disk, or moved from another row): kept, unread.
    return { ...kept, sealedBy, locked: true, damaged: true };
  }
}

/**
 * The cursor with its value opened. A Proxy, not a copy: Dexie's cursor is
 * the IDBCursor itself, whose getters and methods need it as `this`. Each
 * stored value is opened once, however often Dexie reads it.
 */
function wrapCursor(cursor: DBCoreCursor, open: (v: unknown) => unknown): DBCoreCursor {
  const opened = new WeakMap<object, unknown>();
  return new Proxy(cursor, {
    get(target, prop) {
      if (prop === 'value') {
        const stored: unknown = target.value;
        if (typeof stored !== 'object' || stored === null) return stored;
        if (!opened.has(stored)) opened.set(stored, open(stored));
        return opened.get(stored);
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

function sealedTable(
  table: DBCoreTable,
  keys: KeyChain,
  keptClear: readonly string[],
): DBCoreTable {
  const schema = table.schema;
  const keyPath = schema.primaryKey.keyPath;
  if (typeof keyPath !== 'string') throw new Error(`${schema.name}: sealing needs an inbound key`);
  const clear = [
    keyPath,
    ...keptClear,
    ...schema.indexes.flatMap((i) =>
      i.keyPath === null ? [] : Array.isArray(i.keyPath) ? i.keyPath : [i.keyPath],
    ),
  ];
  const where = (row: Row) => `${schema.name}/${JSON.stringify(row[keyPath])}`;
  const open = (row: unknown) => openRow(keys, row, where);
  return {
    ...table,
    mutate(req) {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
      if (!keys.sealing()) return table.mutate(req);
      const key = keys.active();
      if (!key) return Promise.reject(new VaultLockedError(schema.name));
      const values = req.values.map((row: Row) => sealRow(key, clear, row, where(row)));
      return table.mutate({ ...req, values });
    },
    get: (req) => table.get(req).then(open),
    getMany: (req) => table.getMany(req).then((rows) => rows.map(open)),
    query: (req) =>
      table.query(req).then((res) => (req.values ? { ...res, result: res.result.map(open) } : res)),
    openCursor: (req) =>
      table.openCursor(req).then((cursor) => (cursor ? wrapCursor(cursor, open) : null)),
  };
}

/**
 * The phone's sealed tables, each with the fields kept clear beside its key
 * and indexes. A photo's bytes are a Blob, which cannot be sealed inside the
 * transaction (reading a Blob is asynchronous): photo-seal.ts seals them
 * before it. The outbox, receipts and sync values hold no citizen's data and stay
 * readable, so a locked phone still counts what waits.
 */
export const PHONE_SEALED_TABLES: Readonly<Record<string, readonly string[]>> = {
  cases: [],
  photos: ['blob', 'blobSealedBy'],
  submissions: [],
  serverChanges: [],
  reviews: [],
};

/** The middleware: `db.use(sealedTables({ cases: [] }, keys))` before the database opens. */
export function sealedTables(
  tables: Readonly<Record<string, readonly string[]>>,
  keys: KeyChain,
): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'sealed-tables',
    create: (down) => ({
      ...down,
      table: (name) => {
        const keptClear = tables[name];
        return keptClear ? sealedTable(down.table(name), keys, keptClear) : down.table(name);
      },
    }),
  };
}
