/**
 * Every IndexedDB schema version the app has ever shipped, oldest first.
 * Never edit or remove a released entry: add the next version with its
 * upgrade step, and a test in migrations.test.ts that seeds the previous
 * version with pending cases and checks they survive (RELIABILITY.md rule 9).
 */
import type { Transaction } from 'dexie';
import { V2_STORES, upgradeToV2 } from './v2-sync';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      cases: 'id, state, updatedAt',
      photos: 'id, sha256, caseId',
      outbox: 'key, kind, caseId, status, nextAttemptAt',
    },
  },
  { version: 2, stores: V2_STORES, upgrade: upgradeToV2 },
  // Version 3: a scratch table for the headroom probe (../headroom.ts); new and
  // empty, so no upgrade step.
  { version: 3, stores: { scratch: 'key' } },
  // Version 4: what the accident squad said about each case (returned with what
  // to add, approved, taken over), kept beside the signed record; new and
  // empty, so no upgrade step.
  { version: 4, stores: { reviews: 'caseId' } },
];

export const LATEST_VERSION = SCHEMA_VERSIONS.at(-1)?.version ?? 0;
