/**
 * Row shapes of the IndexedDB tables. Case rows hold the domain record as is;
 * the outbox and photo rows are storage's own.
 */
import type { CasePutRequest, CaseReceipt } from '../contracts/cases';
import type { Change } from '../contracts/changes';
import type { CaseRecord, CaseReview, PhotoMeta } from '../domain';

/** Outbox rows are the domain's outbox entries (src/domain/outbox/entry.ts). */
export type { OutboxEntry, OutboxError, OutboxKind, OutboxStatus } from '../domain/outbox';

export interface PhotoRow {
  /** `${sha256}|${slot}`: one image may serve two shots (e.g. both licences on one photo). */
  id: string;
  sha256: string;
  caseId: string;
  meta: PhotoMeta;
  /** The bytes, sealed when `blobSealedBy` names the key (photo-seal.ts). */
  blob: Blob;
  blobSealedBy?: string;
}

export type CaseRow = CaseRecord;

/** The latest receipt the server gave for a case (only a receipt marks anything sent). */
export interface ReceiptRow {
  caseId: string;
  receipt: CaseReceipt;
  /** Outbox revision of the case the receipted manifest was built from. */
  revision: number;
  storedAt: string;
}

/**
 * The last manifest version built for a case, kept so a retry sends the very
 * same body (same `signedAt`), which the server answers with the same receipt.
 */
export interface SubmissionRow {
  caseId: string;
  /** Outbox revision of the case entry when this was built (0: no case entry). */
  revision: number;
  /** SHA-256 of the canonical `{ case, photos }`: whether the content changed since. */
  contentHash: string;
  manifestHash: string;
  body: Omit<CasePutRequest, 'signature'>;
  builtAt: string;
}

/** A server change to a case that has unsent local edits: applied once they are sent. */
export interface ServerChangeRow {
  /** `${caseId}:${cursor}` */
  id: string;
  caseId: string;
  /** The feed cursor as a number, for ordering. */
  seq: number;
  change: Change;
}

/** Small sync settings: `pullCursor`, `device:<userId>` (the enrolled device id). */
export interface SyncStateRow {
  key: string;
  value: string;
}

/** A headroom probe (headroom.ts): written with a save, deleted right after. */
export interface ScratchRow {
  key: string;
  blob: Blob;
}

/**
 * The accident squad's word on a case (returned with what to add, its
 * liability amended, approved, taken over), from the pull feed: beside the
 * case, never in the record the officer signs and sends.
 */
export type ReviewRow = CaseReview;
