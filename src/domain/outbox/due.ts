/**
 * When a saved part falls due, and what the runner's triggers do to the
 * timing of what waits. With plan.ts these are the sending rules; storage
 * applies them when it enqueues and when the runner asks.
 *
 * A photo is due at once (content-addressed and large: sending early is
 * good). A case waits for a quiet period after the latest save, so a case
 * being filled goes once the officer pauses, not once per keystroke — except
 * a save that hands the case over, which is due at once.
 */
import type { CaseState } from '../case/case-state';
import type { Instant } from '../ids';
import { plusMs, type EntryPatch, type OutboxEntry } from './entry';

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
 * sign-in still send it at once (`tryNow`), and so does a hand-over.
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
  return plusMs(at, CASE_QUIET_MS);
}

/** When a part enqueued at `at` without a say of its own falls due: a photo at once, a case after the quiet period. */
export function enqueuedDueAt(kind: OutboxEntry['kind'], at: Instant): Instant {
  return kind === 'case' ? afterQuiet(at) : at;
}

/** Triggers that say "try now": the link came back, the officer's "Send now", a fresh sign-in. */
const TRY_NOW_TRIGGERS: ReadonlySet<string> = new Set([
  'online',
  'send-now',
  'signed-in',
  'sign-in',
]);

/** Whether a drain trigger makes every waiting entry due at once (`tryNow`). */
export function isTryNowTrigger(trigger: string): boolean {
  return TRY_NOW_TRIGGERS.has(trigger);
}

/**
 * "Try now" (the link came back, "Send now", a fresh sign-in): every waiting
 * entry becomes due at once — a case's quiet period ends, a backoff starts
 * over (failures on the old link say nothing about the new one). `sending`
 * ones too: the runner asks for this between drains, so those were left by a
 * closed tab or a crash. Entries that need attention wait for their own "try
 * again"; held ones wait for sign-in.
 */
export function tryNow(entry: Pick<OutboxEntry, 'status'>, at: Instant): Partial<OutboxEntry> {
  if (entry.status !== 'pending' && entry.status !== 'sending') return {};
  return { nextAttemptAt: at, attempts: 0 };
}

/**
 * A page that starts its runner: no pass of it is on anything yet, so an entry
 * still `sending` was left by a page closed or reloaded mid-send. It waits as
 * before, at its time, for the officer who may send it.
 */
export function leftByClosedPage(entry: Pick<OutboxEntry, 'status'>): Partial<OutboxEntry> {
  return entry.status === 'sending' ? { status: 'pending' } : {};
}

/** The server ended the session (401): every waiting entry is held until sign-in. */
export function holdForSignIn(entry: Pick<OutboxEntry, 'status'>): Partial<OutboxEntry> {
  return entry.status === 'pending' || entry.status === 'sending' ? { status: 'held' } : {};
}

/** Signed in again: held entries are due at once. */
export function releaseOnSignIn(
  entry: Pick<OutboxEntry, 'status'>,
  at: Instant,
): Partial<OutboxEntry> {
  return entry.status === 'held' ? { status: 'pending', nextAttemptAt: at } : {};
}

/** "Try again" on a case that needs attention: its refused and waiting entries are due at once. */
export function retryNow(entry: Pick<OutboxEntry, 'status'>, at: Instant): Partial<OutboxEntry> {
  return entry.status === 'needs-attention' || entry.status === 'pending'
    ? { status: 'pending', nextAttemptAt: at }
    : {};
}

/** After a receipt: what the runner took but the receipt did not remove starts afresh, due at once. */
export function afterReceipt(
  entry: Pick<OutboxEntry, 'status'>,
  at: Instant,
): EntryPatch | undefined {
  return entry.status === 'sending'
    ? { status: 'pending', attempts: 0, nextAttemptAt: at }
    : undefined;
}
