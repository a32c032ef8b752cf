/**
 * Row shapes of the IndexedDB tables. Case rows hold the domain record as is;
 * the outbox and photo rows are storage's own.
 */
import type { CaseRecord, PhotoMeta } from '../domain';

export type OutboxKind = 'case' | 'photo';
export type OutboxStatus = 'pending' | 'needs-attention';

export interface OutboxEntry {
  /** `${kind}:${entityId}` — device-made, so enqueueing twice changes nothing. */
  key: string;
  kind: OutboxKind;
  entityId: string;
  caseId: string;
  status: OutboxStatus;
  /** Bumped by every local change; the sync runner sends what it read. */
  revision: number;
  enqueuedAt: string;
  updatedAt: string;
  attempts: number;
  nextAttemptAt: string;
  lastError?: string;
}

export interface PhotoRow {
  /** `${sha256}|${slot}`: one image may serve two shots (e.g. both licences on one photo). */
  id: string;
  sha256: string;
  caseId: string;
  meta: PhotoMeta;
  blob: Blob;
}

export type CaseRow = CaseRecord;
