/**
 * Cases on the device. A save writes the case and its outbox entry in one
 * transaction (RELIABILITY.md rule 7); every read is parsed, and a row that
 * does not parse is reported, never dropped.
 *
 * When a saved case falls due for sending is the domain's `caseDueAt`
 * (src/domain/outbox/due.ts): a quiet period after the latest save, except a
 * save that hands the case over. Photos are always due at once.
 */
import { CaseRecord, type CaseState, type Instant } from '../domain';
import { caseDueAt, enqueuedDueAt } from '../domain/outbox';
import type { KuaichuDb } from './db';
import type { OutboxEntry } from './records';

/** When a saved case falls due is a sending rule: src/domain/outbox/due.ts. */
export { CASE_QUIET_MS, caseDueAt } from '../domain/outbox';

export interface UnreadableRow {
  id: string;
  problem: string;
}

export interface CaseList {
  cases: CaseRecord[];
  unreadable: UnreadableRow[];
}

/** Stores the case and marks it for sending (after the quiet period), atomically. */
export async function saveCase(db: KuaichuDb, c: CaseRecord, at: Instant): Promise<void> {
  const valid = CaseRecord.parse(c);
  await db.transaction('rw', db.cases, db.outbox, async () => {
    const before = (await db.cases.get(valid.id))?.state;
    await db.cases.put(valid);
    await enqueueCase(db, valid.id, before, valid.state, at);
  });
}

/**
 * Adds or refreshes an outbox entry; must run inside a transaction covering `outbox`.
 * Due at `dueAt`: by default a photo at once, a case entry after the quiet period
 * (`CASE_QUIET_MS`; a photo save that changes its case pushes the case entry too).
 */
export async function enqueue(
  db: KuaichuDb,
  item: Pick<OutboxEntry, 'kind' | 'entityId' | 'caseId'>,
  at: Instant,
  dueAt: Instant = enqueuedDueAt(item.kind, at),
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
    nextAttemptAt: dueAt,
  });
}

/** Enqueues a saved case, due as `caseDueAt` says; inside a transaction covering `outbox`. */
async function enqueueCase(
  db: KuaichuDb,
  id: string,
  before: CaseState | undefined,
  after: CaseState,
  at: Instant,
): Promise<void> {
  const existing = await db.outbox.get(`case:${id}`);
  const dueAt = caseDueAt(at, before, after, existing);
  await enqueue(db, { kind: 'case', entityId: id, caseId: id }, at, dueAt);
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
    await enqueueCase(db, id, current.value.state, next.state, at);
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
