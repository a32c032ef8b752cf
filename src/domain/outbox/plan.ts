/**
 * The sync planner: from the outbox as it is, the time and whose session may
 * send, what goes now, what waits, until when and why. Pure — the runner
 * (src/sync) reads the outbox, asks for a plan, carries it out (HEAD, tus,
 * PUT) and records what came back through storage. With due.ts (when a save
 * falls due, what a trigger does) and outcome.ts (what a result does to the
 * entries) these are every sending rule.
 *
 * The rules, in the order a pass meets them:
 *  - an entry is due when it is pending (or left `sending`) and its time has
 *    come; needs-attention and held entries wait for a person;
 *  - on a shared phone only the signed-in officer's cases and unclaimed ones
 *    go; another officer's wait for his session, untouched (RELIABILITY.md D8);
 *  - cases with anything due go the longest-waiting first;
 *  - per case, its due photos first; the manifest only when the case entry is
 *    due, or there is none (then it is asked for the photos' receipt);
 *  - the manifest waits for photos of its case that wait for a retry, and
 *    the case entry is set to go with them (`planManifest`).
 */
import { caseBelongsTo } from '../case/case';
import type { CaseOfficer } from '../case/case.schema';
import type { Instant } from '../ids';
import { isDue, plusMs, type KeyedPatch, type OutboxEntry, type OutboxKind } from './entry';

/** The soonest a timer wakes the runner again, so nothing ever spins. */
export const MIN_WAKE_MS = 1_000;

/**
 * Why a part is not sent now:
 * - `quiet-period`: a case entry waits for the pause after the latest save;
 * - `photos-first`: a case entry waits for a photo of its case that waits for a retry;
 * - `backoff`: a part that failed waits for its retry;
 * - `with-its-case`: a photo the server already holds waits with its case for the receipt;
 * - `needs-attention`: the server refused it; it waits for "try again" or an edit;
 * - `sign-in`: the server ended the session; it waits for the officer to sign in again;
 * - `another-officer`: on a shared phone, another officer's case waits for his session.
 */
export type WaitReason =
  | 'quiet-period'
  | 'photos-first'
  | 'backoff'
  | 'with-its-case'
  | 'needs-attention'
  | 'sign-in'
  | 'another-officer';

export interface WaitingPart {
  key: string;
  caseId: string;
  kind: OutboxKind;
  reason: WaitReason;
  /** When it falls due; absent when it waits for a person or a session. */
  until?: Instant;
}

/** What of one case goes now. */
export interface CaseSend {
  caseId: string;
  /** Its due photos, in the order they go: before the manifest. */
  photos: OutboxEntry[];
  /** Whether the manifest follows them: its entry is due, or there is none (for the photos' receipt). */
  manifest: boolean;
}

export interface SyncPlan {
  /** Cases with anything due, the longest-waiting first. */
  send: CaseSend[];
  /** Every part that is not due, with why it waits and until when. */
  waiting: WaitingPart[];
  /**
   * The earliest time of the parts that wait for a time (pending or `sending`,
   * due ones included), of the cases that may go: when to wake the runner.
   */
  nextDueAt?: Instant;
}

/**
 * Whose cases the runner may send: on a shared phone only the signed-in
 * officer's cases and unclaimed ones (RELIABILITY.md D8).
 */
export interface SendingFor {
  officerId: string;
}

export interface PlanInput {
  /** The outbox, in the order storage keeps it. */
  entries: readonly OutboxEntry[];
  now: Instant;
  /** Whose cases may go: the signed-in officer's and unclaimed ones. Absent: every case. */
  sendingFor?: SendingFor;
  /** The officer who captured each case; a case not named here is unclaimed. */
  officers?: ReadonlyMap<string, CaseOfficer>;
}

/** The plan for the whole outbox at `now`. */
export function planSync(input: PlanInput): SyncPlan {
  const { entries, now } = input;
  const othersCase = (caseId: string) => {
    if (!input.sendingFor) return false;
    const officer = input.officers?.get(caseId);
    return officer !== undefined && !caseBelongsTo({ officer }, input.sendingFor.officerId);
  };
  const oldestDue = new Map<string, Instant>();
  const waiting: WaitingPart[] = [];
  let nextDueAt: Instant | undefined;
  for (const e of entries) {
    if (othersCase(e.caseId)) {
      waiting.push(waitingPart(e, 'another-officer'));
      continue;
    }
    const timed = e.status === 'pending' || e.status === 'sending';
    if (timed && (nextDueAt === undefined || e.nextAttemptAt < nextDueAt)) {
      nextDueAt = e.nextAttemptAt;
    }
    if (isDue(e, now)) {
      const seen = oldestDue.get(e.caseId);
      if (seen === undefined || e.enqueuedAt < seen) oldestDue.set(e.caseId, e.enqueuedAt);
    } else waiting.push(waitingPart(e, waitReason(e, entries), e.nextAttemptAt));
  }
  const send = [...oldestDue]
    .sort((a, b) => a[1].localeCompare(b[1]))
    .map(([caseId]) =>
      planCase(
        entries.filter((e) => e.caseId === caseId),
        now,
      ),
    );
  const plan: SyncPlan = { send, waiting };
  if (nextDueAt !== undefined) plan.nextDueAt = nextDueAt;
  return plan;
}

/** What of one case goes at `now`, from its entries. */
export function planCase(entries: readonly OutboxEntry[], now: Instant): CaseSend {
  const caseEntry = entries.find((e) => e.kind === 'case');
  return {
    caseId: entries[0]?.caseId ?? '',
    photos: entries.filter((e) => e.kind === 'photo' && isDue(e, now)),
    manifest: caseEntry === undefined || isDue(caseEntry, now),
  };
}

/** When the runner's timer should wake it (epoch ms), never sooner than `MIN_WAKE_MS` from `now`. */
export function wakeAt(plan: Pick<SyncPlan, 'nextDueAt'>, now: Instant): number | undefined {
  if (plan.nextDueAt === undefined) return undefined;
  return Math.max(Date.parse(plan.nextDueAt), Date.parse(now) + MIN_WAKE_MS);
}

function waitingPart(e: OutboxEntry, reason: WaitReason, until?: Instant): WaitingPart {
  const part: WaitingPart = { key: e.key, caseId: e.caseId, kind: e.kind, reason };
  if (until !== undefined && reason !== 'needs-attention' && reason !== 'sign-in') {
    part.until = until;
  }
  return part;
}

function waitReason(e: OutboxEntry, all: readonly OutboxEntry[]): WaitReason {
  if (e.status === 'needs-attention') return 'needs-attention';
  if (e.status === 'held') return 'sign-in';
  if (e.attempts > 0) return 'backoff';
  if (e.kind === 'photo') return 'with-its-case';
  const photoRetry = all.some(
    (p) =>
      p.caseId === e.caseId &&
      p.kind === 'photo' &&
      p.attempts > 0 &&
      p.status === 'pending' &&
      p.nextAttemptAt <= e.nextAttemptAt,
  );
  return photoRetry ? 'photos-first' : 'quiet-period';
}

/**
 * What the manifest does once the case's due photos went:
 * - `wait`: the case entry is not due (its quiet period, a backoff, attention, held);
 * - `wait-for-photos`: a photo of the case waits for its retry — the case goes
 *   with it, not before (`caseEntry` sets the case entry's time to the photo's);
 * - `put`: send it; `targets` are the entries its receipt settles (the case
 *   entry, or with none every entry of the case), `blockedBy` a photo that
 *   needs attention (see `blockedReason`).
 */
export type ManifestStep =
  | { step: 'wait' }
  | { step: 'wait-for-photos'; caseEntry?: KeyedPatch }
  | { step: 'put'; targets: OutboxEntry[]; blockedBy?: OutboxEntry };

export interface ManifestInput {
  /** The case's entries, read after its photos went. */
  entries: readonly OutboxEntry[];
  /** Photos the server said it holds (HEAD) in this pass: they wait only for the receipt. */
  heldByServer: ReadonlySet<string>;
  now: Instant;
  /** False on the second try after a 409: the case was due when the pass took it. */
  checkDue?: boolean;
}

export function planManifest(input: ManifestInput): ManifestStep {
  const { entries, now } = input;
  const caseEntry = entries.find((e) => e.kind === 'case');
  if ((input.checkDue ?? true) && caseEntry && !isDue(caseEntry, now)) return { step: 'wait' };
  const photosWaiting = entries.filter(
    (e) => e.kind === 'photo' && !input.heldByServer.has(e.entityId),
  );
  const retrying = photosWaiting.filter((e) => e.status !== 'needs-attention');
  if (retrying.length > 0) {
    if (!caseEntry) return { step: 'wait-for-photos' };
    const at = retrying.map((e) => e.nextAttemptAt).sort()[0]!;
    const patch = {
      status: 'pending' as const,
      nextAttemptAt: at > now ? at : plusMs(now, MIN_WAKE_MS),
    };
    return {
      step: 'wait-for-photos',
      caseEntry: { key: caseEntry.key, revision: caseEntry.revision, patch },
    };
  }
  const step: ManifestStep = { step: 'put', targets: caseEntry ? [caseEntry] : [...entries] };
  const blocked = photosWaiting.find((e) => e.status === 'needs-attention');
  if (blocked) step.blockedBy = blocked;
  return step;
}

/**
 * A manifest that the server already holds (the last receipt is for this very
 * manifest) while a photo of it needs attention is not sent again: the case
 * needs the officer too, for the photo's reason.
 */
export function blockedReason(
  step: Extract<ManifestStep, { step: 'put' }>,
  lastReceiptManifestHash: string | undefined,
  manifestHash: string,
): string | undefined {
  if (!step.blockedBy || lastReceiptManifestHash !== manifestHash) return undefined;
  return `photo:${step.blockedBy.lastError?.reason ?? 'needs-attention'}`;
}
