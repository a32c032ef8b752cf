/**
 * Cases on the device. A save writes the case and its outbox entry in one
 * transaction (RELIABILITY.md rule 7); every read is parsed, and a row that
 * does not parse is reported, never dropped.
 */
import { CaseRecord, type Instant } from '../domain';
import type { KuaichuDb } from './db';
import type { OutboxEntry } from './records';

export interface UnreadableRow {
  id: string;
  problem: string;
}

export interface CaseList {
  cases: CaseRecord[];
  unreadable: UnreadableRow[];
}

/** Stores the case and marks it for sending, atomically. */
export async function saveCase(db: KuaichuDb, c: CaseRecord, at: Instant): Promise<void> {
  const valid = CaseRecord.parse(c);
  await db.transaction('rw', db.cases, db.outbox, async () => {
    await db.cases.put(valid);
    await enqueue(db, { kind: 'case', entityId: valid.id, caseId: valid.id }, at);
  });
}

/** Adds or refreshes an outbox entry; must run inside a transaction covering `outbox`. */
export async function enqueue(
  db: KuaichuDb,
  item: Pick<OutboxEntry, 'kind' | 'entityId' | 'caseId'>,
  at: Instant,
): Promise<void> {
  const key = `${item.kind}:${item.entityId}`;
  const existing = await db.outbox.get(key);
  await db.outbox.put({
    key,
    ...item,
    status: 'pending',
    revision: (existing?.revision ?? 0) + 1,
    enqueuedAt: existing?.enqueuedAt ?? at,
    updatedAt: at,
    attempts: existing?.attempts ?? 0,
    nextAttemptAt: at,
  });
}

/** Reads a case, or explains why it cannot. */
export async function readCase(
  db: KuaichuDb,
  id: string,
): Promise<{ found: true; value: CaseRecord } | { found: false; problem?: string }> {
  const row = await db.cases.get(id);
  if (row === undefined) return { found: false };
  const parsed = CaseRecord.safeParse(row);
  return parsed.success
    ? { found: true, value: parsed.data }
    : { found: false, problem: describeIssues(parsed.error.issues) };
}

/** Every case, newest arrival first. */
export async function listCases(db: KuaichuDb): Promise<CaseList> {
  const rows = await db.cases.toArray();
  const out: CaseList = { cases: [], unreadable: [] };
  for (const row of rows) {
    const parsed = CaseRecord.safeParse(row);
    if (parsed.success) out.cases.push(parsed.data);
    else out.unreadable.push({ id: String(row.id), problem: describeIssues(parsed.error.issues) });
  }
  out.cases.sort((a, b) => b.arrivedAt.localeCompare(a.arrivedAt));
  return out;
}

/** Changes a stored case through a pure function, in one transaction. */
export async function updateCase(
  db: KuaichuDb,
  id: string,
  change: (c: CaseRecord) => CaseRecord,
  at: Instant,
): Promise<CaseRecord> {
  return db.transaction('rw', db.cases, db.outbox, async () => {
    const current = await readCase(db, id);
    if (!current.found) throw new Error(`case ${id} ${current.problem ?? 'not found'}`);
    const next = CaseRecord.parse(change(current.value));
    await db.cases.put(next);
    await enqueue(db, { kind: 'case', entityId: id, caseId: id }, at);
    return next;
  });
}

/** Counts of what waits to be sent. */
export async function countUnsent(db: KuaichuDb): Promise<{ cases: number; photos: number }> {
  const entries = await db.outbox.toArray();
  const cases = new Set(entries.map((e) => e.caseId));
  return { cases: cases.size, photos: entries.filter((e) => e.kind === 'photo').length };
}

function describeIssues(issues: readonly { path: PropertyKey[]; code: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.code}`).join('; ');
}
