/**
 * The append-only audit trail, chained by hash: event n stores the hash of
 * event n−1 (`prev_hash`) and its own `hash` = SHA-256 of the canonical JSON
 * of { id, at, actor, action, subject, details, prevHash }. Ids are dense
 * (1, 2, 3 …), assigned here inside the writer's transaction, so an edited row
 * breaks its own hash, a deleted one leaves a gap, and a reordered one breaks
 * the link. A truncated tail is only caught against an anchor kept outside
 * the database: `verify-audit` prints the head hash to record elsewhere.
 * Text is made well-formed before it is hashed (a lone surrogate becomes
 * U+FFFD, as SQLite stores it), so the hash is over exactly what is kept.
 *
 * SQLite runs one writer at a time, so "read the head, insert the next" is
 * atomic inside a transaction. (A PostgreSQL dialect must lock the table in
 * the same transaction first.)
 */
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../src/domain/manifest/canonical-json';
import { toWellFormed } from '../../src/domain/text';
import type { Database, AuditEventRow } from '../db/schema';
import { sha256Hex } from '../hash';
import { batchShared } from '../db/group-commit';
import { precompiled, type Param } from '../db/precompiled';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  /** User id, `system`, or `cli:<command>`. */
  actor: string;
  /** Dotted verb, e.g. `case.received`, `case.refused`, `photo.stored`, `auth.login_failed`. */
  action: string;
  /** What it is about: a case id, a sha256, a username. */
  subject: string;
  details?: Record<string, unknown>;
}

interface Hashable {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: string;
  prev_hash: string;
}

export const auditEventHash = (e: Hashable): string =>
  sha256Hex(
    canonicalJson({
      id: e.id,
      at: e.at,
      actor: e.actor,
      action: e.action,
      subject: e.subject,
      details: e.details,
      prevHash: e.prev_hash,
    }),
  );

/** The chain's head; appending is written once (an event per request: precompiled, db/precompiled.ts). */
const auditHead = precompiled((db: Kysely<Database>) =>
  db.selectFrom('audit_events').select(['id', 'hash']).orderBy('id', 'desc').limit(1),
);

type AuditHead = Pick<AuditEventRow, 'id' | 'hash'>;

const insertEvent = precompiled((db: Kysely<Database>, p: Param<keyof AuditEventRow>) =>
  db.insertInto('audit_events').values({
    id: p<number>('id'),
    at: p<string>('at'),
    actor: p<string>('actor'),
    action: p<string>('action'),
    subject: p<string>('subject'),
    details: p<string>('details'),
    prev_hash: p<string>('prev_hash'),
    hash: p<string>('hash'),
  }),
);

/**
 * Appends one event using `db`, which must be a transaction (or a database
 * no one else writes to). Use {@link recordAudit} outside a transaction.
 */
export async function appendAudit(
  db: Kysely<Database>,
  at: Date,
  input: AuditInput,
): Promise<AuditEventRow> {
  // In a group-commit batch the head is read once and then kept by the appends.
  const shared = batchShared(db);
  const head = (shared?.get(auditHead) as AuditHead | undefined) ?? (await auditHead.first(db, {}));
  const row: Hashable = {
    id: (head?.id ?? 0) + 1,
    at: at.toISOString(),
    actor: toWellFormed(input.actor),
    action: toWellFormed(input.action),
    subject: toWellFormed(input.subject),
    // JSON.stringify escapes a lone surrogate (`\ud800`), so details round-trip as they are.
    details: canonicalJson(input.details ?? {}),
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const event = { ...row, hash: auditEventHash(row) };
  await insertEvent.run(db, event);
  shared?.set(auditHead, { id: event.id, hash: event.hash } satisfies AuditHead);
  return event;
}

/** Appends one event in its own transaction. */
export async function recordAudit(
  db: Kysely<Database>,
  at: Date,
  input: AuditInput,
): Promise<AuditEventRow> {
  return db.transaction().execute((trx) => appendAudit(trx, at, input));
}

export type AuditBreakReason = 'missing_row' | 'prev_hash_mismatch' | 'hash_mismatch';

export interface AuditBreak {
  /** The event id at fault (the first missing one for a gap). */
  at: number;
  reason: AuditBreakReason;
  message: string;
}

export type AuditVerdict =
  | { ok: true; count: number; headHash: string }
  | { ok: false; count: number; headHash: string; breaks: AuditBreak[] };

/**
 * Walks the whole chain and reports every broken link, so a harmless break
 * cannot hide tampering after it. After a gap the next link is not reported
 * again (the gap already explains it); after an altered row the walk goes on
 * from the row's stored hash, so one edit is one break.
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  pageSize = 1000,
): Promise<AuditVerdict> {
  const breaks: AuditBreak[] = [];
  let expectedId = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '>=', expectedId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    for (const row of page) {
      if (row.id !== expectedId) {
        const which =
          row.id === expectedId + 1
            ? `event ${expectedId} is`
            : `events ${expectedId}–${row.id - 1} are`;
        breaks.push({
          at: expectedId,
          reason: 'missing_row',
          message: `${which} missing (next is ${row.id})`,
        });
      } else if (row.prev_hash !== prevHash) {
        breaks.push({
          at: row.id,
          reason: 'prev_hash_mismatch',
          message: `event ${row.id} does not link to event ${row.id - 1}`,
        });
      }
      if (auditEventHash(row) !== row.hash) {
        breaks.push({
          at: row.id,
          reason: 'hash_mismatch',
          message: `event ${row.id} was altered (its hash does not match its content)`,
        });
      }
      prevHash = row.hash;
      expectedId = row.id + 1;
      count += 1;
    }
    if (page.length < pageSize) break;
  }
  return breaks.length === 0
    ? { ok: true, count, headHash: prevHash }
    : { ok: false, count, headHash: prevHash, breaks };
}
