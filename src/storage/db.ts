/**
 * The device database. Every version of SCHEMA_VERSIONS is declared, so a
 * phone that skipped releases upgrades step by step without losing a case.
 */
import { Dexie, type EntityTable } from 'dexie';
import type {
  CaseRow,
  OutboxEntry,
  PhotoRow,
  ReceiptRow,
  ReviewRow,
  ScratchRow,
  ServerChangeRow,
  SubmissionRow,
  SyncStateRow,
} from './records';
import { SCHEMA_VERSIONS } from './migrations';

export const DB_NAME = 'kuaichu';

export type KuaichuDb = Dexie & {
  cases: EntityTable<CaseRow, 'id'>;
  photos: EntityTable<PhotoRow, 'id'>;
  outbox: EntityTable<OutboxEntry, 'key'>;
  receipts: EntityTable<ReceiptRow, 'caseId'>;
  submissions: EntityTable<SubmissionRow, 'caseId'>;
  serverChanges: EntityTable<ServerChangeRow, 'id'>;
  syncState: EntityTable<SyncStateRow, 'key'>;
  scratch: EntityTable<ScratchRow, 'key'>;
  reviews: EntityTable<ReviewRow, 'caseId'>;
};

/** Opens (lazily) the database with every declared version up to `upTo`. */
export function createDb(name = DB_NAME, upTo = Number.POSITIVE_INFINITY): KuaichuDb {
  const db = new Dexie(name) as KuaichuDb;
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break;
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
  return db;
}
