/**
 * Cases on the device. A save writes the case and its outbox entry in one
 * transaction (RELIABILITY.md rule 7); every read is parsed, and a row that
 * does not parse is reported, never dropped.
 *
 * When a saved case falls due for sending (see `caseDueAt`): a quiet period
 * after the latest save, so a case being filled goes once the officer pauses,
 * not once per keystroke — except a save that hands the case over, which is
 * due at once. Photos are always due at once.
 */
import { CaseRecord, type CaseState, type Instant } from '../domain';
import type { KuaichuDb } from './db';
import type { OutboxEntry } from './records';

/**
 * How long a case entry waits after the latest save before it falls due
 * (sliding: each further save pushes it again).
 *
 * Forms write every edit through at once, and each sent save became a signed
 * manifest version on the server: filling one case made about 24 versions for
 * the reviewer to wade through. Ten seconds is longer than the gaps between
 * taps and fields while the officer fills a case, and short enough that a case
 * the officer puts down is on the server moments later. Meanwhile it is saved
 * on the phone (shown as such); "Send now", the link coming back and a fresh
 * sign-in still send it at once (`sendAllNow`), and so does a hand-over.
 */
export const CASE_QUIET_MS = 10_000;

/**
 * States that hand the case over to someone else, so the save that enters one
 * is due at once instead of after the quiet period: `escalated` (the accident
 * squad takes it), `signed` (the parties signed the determination: the scene
 * work is done and no more typing follows), `submitted` (to review; also the
 * resubmission of a returned case).
 */
export const HAND_OVER_STATES: ReadonlySet<CaseState> = new Set<CaseState>([
  'escalated',
  'signed',
  'submitted',
]);

/**
 * When a case entry saved at `at` falls due:
 *  - at once when this save moves the case into a hand-over state;
 *  - at once, too, while an earlier hand-over save still waits to be taken
 *    (the case is in a hand-over state and its entry is already due): an edit
 *    right after escalating does not hold the escalation back;
 *  - otherwise `CASE_QUIET_MS` after this save — the first save of a new case
 *    included (it is saved on the phone; nothing is lost by waiting).
 */
export function caseDueAt(
  at: Instant,
  before: CaseState | undefined,
  after: CaseState,
  existing?: Pick<OutboxEntry, 'status' | 'nextAttemptAt'>,
): Instant {
  if (HAND_OVER_STATES.has(after)) {
    if (before !== after) return at;
    if (existing?.status === 'pending' && existing.nextAttemptAt <= at) return at;
  }
  return afterQuiet(at);
}

/** `at` plus the quiet period. */
export function afterQuiet(at: Instant): Instant {
  return new Date(Date.parse(at) + CASE_QUIET_MS).toISOString();
}

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
  dueAt: Instant = item.kind === 'case' ? afterQuiet(at) : at,
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
