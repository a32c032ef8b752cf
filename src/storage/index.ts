export { createDb, DB_NAME, type KuaichuDb } from './db';
export * from './cases-repo';
export * from './officer-repo';
export type { OutboxEntry, PhotoRow, CaseRow } from './records';
export { LATEST_VERSION } from './migrations';
export * from './photos-repo';
export { probeHeadroom, withHeadroom, type HeadroomProbe } from './headroom';
export type {
  OutboxError,
  OutboxStatus,
  ReceiptRow,
  ReviewRow,
  ServerChangeRow,
  SubmissionRow,
  SyncStateRow,
} from './records';
export * from './outbox-repo';
export * from './sync-repo';
export * from './session';
export * from './export';
export * from './revocation';
export { resealOwnRows } from './reseal';
export { VaultLockedError } from './sealed-tables';
