/**
 * Why a received case needs the accident squad's eyes, and where it stands in
 * their queue. Computed from the stored case version alone (and the receipt
 * flags the server gave its versions), so the server can keep them as columns
 * and count and filter them in the database.
 */
import type { CaseRecord } from '../case/case.schema';
import type { CaseState } from '../case/case-state';

/** The signals, in the order the queue shows them (contracts/review.ts `ReviewSignal`). */
export const REVIEW_SIGNALS = [
  'escalated',
  'disputed',
  'primary-secondary',
  'override',
  'version-gap',
  'refusal',
  'amended',
  'revoked-device',
] as const;
export type ReviewSignal = (typeof REVIEW_SIGNALS)[number];

/** The queue's buckets (contracts/review.ts `QueueBucket`). */
export const QUEUE_BUCKETS = ['new', 'escalated', 'disputed', 'returned', 'reviewed'] as const;
export type QueueBucket = (typeof QUEUE_BUCKETS)[number];

/** Server states from which the case no longer waits for a review. */
const PAST_REVIEW: readonly CaseState[] = [
  'reviewed',
  'delivered',
  'acknowledged',
  'assessed',
  'paid',
  'closed',
];

const wasEscalated = (record: CaseRecord): boolean =>
  record.state === 'escalated' ||
  record.transitions.some((t) => t.to === 'escalated') ||
  record.liability?.decision?.outcome === 'escalate';

/** The determination in force: the officer's override, else the engine's proposal. */
const isPrimarySecondary = (record: CaseRecord): boolean => {
  const liability = record.liability;
  const levels = Object.values(liability?.override?.liability ?? liability?.proposal ?? {});
  return levels.some((level) => level === 'primary' || level === 'secondary');
};

/** A party refused, or signed with an objection, or the determination was flagged for review. */
const hasRefusal = (record: CaseRecord): boolean => {
  const liability = record.liability;
  if (!liability) return false;
  return (
    liability.flaggedForReview !== undefined ||
    liability.signatures.some((s) => s.kind === 'refused' || s.reason !== undefined)
  );
};

const CHECKS: Readonly<
  Record<ReviewSignal, (record: CaseRecord, flags: readonly string[]) => boolean>
> = {
  escalated: wasEscalated,
  disputed: (r) => r.liability?.dispute !== undefined,
  'primary-secondary': isPrimarySecondary,
  override: (r) => r.liability?.override !== undefined,
  'version-gap': (_r, flags) => flags.includes('version_gap'),
  refusal: hasRefusal,
  amended: (r, flags) => flags.includes('amended') || (r.liability?.amendments ?? []).length > 0,
  // Signed by a phone before an admin revoked it, and received after (issue 18): taken, checked.
  'revoked-device': (_r, flags) => flags.includes('revoked_device'),
};

/**
 * The signals of a case version. `flags`: the receipt flags of the case's
 * stored versions (`version_gap`, `amended`).
 */
export function reviewSignals(record: CaseRecord, flags: readonly string[]): ReviewSignal[] {
  return REVIEW_SIGNALS.filter((signal) => CHECKS[signal](record, flags));
}

/**
 * The bucket of a case in the server state `state`: returned and reviewed
 * (or further) by state; a case still waiting is disputed before escalated
 * before new, since a dispute needs the squad most.
 */
export function queueBucket(state: CaseState, signals: readonly ReviewSignal[]): QueueBucket {
  if (state === 'returned') return 'returned';
  if (PAST_REVIEW.includes(state)) return 'reviewed';
  if (signals.includes('disputed')) return 'disputed';
  if (signals.includes('escalated')) return 'escalated';
  return 'new';
}
