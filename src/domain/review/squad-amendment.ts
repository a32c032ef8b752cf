/**
 * The accident squad amends a case's liability: a reviewer re-runs the engine
 * with corrected facts, or sets the liability himself, always with a reason
 * (the server records it and tells the officer's phone by an `amended`
 * change). On the phone the case then takes the squad's determination:
 *  - a signed case is amended as an officer's correction is
 *    (determination.ts `openAmendment`): the superseded determination and its
 *    signatures are kept, the notices and signatures start again;
 *  - the liability in force becomes the squad's: with facts, the engine's
 *    decision is the proposal and the squad's liability, where it differs,
 *    an override with the squad's reason; without facts, the squad's
 *    liability overrides the standing proposal (or, with none to override,
 *    is the proposal itself);
 *  - the case is `liability-proposed`, awaiting the notices and new
 *    signatures, its transition naming the squad's amendment.
 *
 * Pure: the hash of the determination being superseded is the caller's
 * (SHA-256 of `determinationBytes(c)`, as for an officer's amendment).
 */
import * as z from 'zod/mini';
import type { Instant } from '../ids';
import { ok, refuse, type Result } from '../result';
import { TEXT_LIMITS, paragraph } from '../text';
import { LiabilityFacts } from '../liability/facts.schema';
import { transitionCase } from '../case/case';
import type { CaseRecord } from '../case/case.schema';
import { isSealed, openAmendment } from '../case/determination';
import { namesExactly, sameLiability, vehicleLabels } from '../case/liability-compare';
import {
  DecisionSnapshot,
  LIABILITY_RECORD_SCHEMA_VERSION,
  LiabilityByVehicle,
  type LiabilityRecord,
} from '../case/liability-record.schema';

/** The squad's determination, as the server records it and the feed carries it. */
export const SquadDetermination = z.object({
  /** The liability the squad decided, per vehicle label. */
  liability: LiabilityByVehicle,
  /** Why the squad amended it. */
  reason: paragraph(TEXT_LIMITS.text).check(
    z.refine((s) => s.trim().length > 0, 'a reason is required'),
  ),
  /** The corrected facts the engine was re-run on, when the squad gave them. */
  facts: z.optional(LiabilityFacts),
  /** The engine's decision on those facts. */
  decision: z.optional(DecisionSnapshot),
});
export type SquadDetermination = z.infer<typeof SquadDetermination>;

/** Prefix of the transition reason that records a squad's amendment. */
export const SQUAD_AMENDMENT_TRANSITION = 'squad-amendment';

export type SquadAmendmentRefusal =
  'reason-required' | 'bad-liability' | 'hash-required' | 'not-sealed' | 'not-allowed';

/** The case's vehicle labels, sorted: what a determination must name exactly. */
/**
 * The liability record with the squad's determination in force. The notices
 * are to be read again (the script's marks and the warning decisions go
 * with them); the dispute and the draft stay as recorded.
 */
function withSquadLiability(
  record: LiabilityRecord,
  amendment: SquadDetermination,
  reason: string,
  at: Instant,
): LiabilityRecord {
  const {
    override: _old,
    noticesReadAt: _read,
    courtesy: _script,
    lenient: _warnings,
    ...rest
  } = record;
  const engine = amendment.decision?.liability;
  const base: LiabilityRecord =
    amendment.facts && engine
      ? {
          ...rest,
          facts: amendment.facts,
          decision: amendment.decision,
          proposal: { ...engine },
          proposedAt: at,
        }
      : rest;
  const proposal = base.proposal;
  if (proposal === undefined || !namesExactly(proposal, Object.keys(amendment.liability))) {
    // Nothing (comparable) to override: the squad's determination is the proposal.
    return { ...base, proposal: { ...amendment.liability }, proposedAt: at };
  }
  if (sameLiability(proposal, amendment.liability)) return base;
  return { ...base, override: { liability: { ...amendment.liability }, reason, at } };
}

/**
 * Applies the squad's determination to the case on the officer's phone (see
 * the module comment). `supersededSha256` is required when the case is
 * signed: the SHA-256 of `determinationBytes(c)`.
 */
export function applySquadAmendment(
  c: CaseRecord,
  amendment: SquadDetermination,
  input: { supersededSha256?: string },
  at: Instant,
): Result<CaseRecord, SquadAmendmentRefusal> {
  const reason = amendment.reason.trim();
  if (reason === '') return refuse('reason-required');
  const labels = vehicleLabels(c);
  if (!namesExactly(amendment.liability, labels)) return refuse('bad-liability', labels.join(','));
  const transitionReason = `${SQUAD_AMENDMENT_TRANSITION}: ${reason}`;
  let next = c;
  if (isSealed(c)) {
    if (input.supersededSha256 === undefined) return refuse('hash-required');
    const opened = openAmendment(c, { reason, supersededSha256: input.supersededSha256 }, at);
    if (!opened.ok) return opened;
    next = renameLastTransition(c, opened.value, transitionReason);
  }
  const record: LiabilityRecord = next.liability ?? {
    schemaVersion: LIABILITY_RECORD_SCHEMA_VERSION,
    signatures: [],
  };
  next = { ...next, liability: withSquadLiability(record, amendment, reason, at), updatedAt: at };
  if (next.state === 'liability-proposed') return ok(next);
  const moved = transitionCase(next, 'liability-proposed', at, transitionReason);
  return moved.ok ? moved : refuse('not-allowed', moved.detail);
}

/** The transition an amendment added, named as the squad's. */
function renameLastTransition(before: CaseRecord, after: CaseRecord, reason: string): CaseRecord {
  if (after.transitions.length === before.transitions.length) return after;
  const last = after.transitions.at(-1);
  if (!last) return after;
  return { ...after, transitions: [...after.transitions.slice(0, -1), { ...last, reason }] };
}

const TRANSITION_PREFIX = `${SQUAD_AMENDMENT_TRANSITION}: `;

/**
 * When the officer applied the squad's determination on the phone, at or
 * after `since` (the device time the squad's word arrived); undefined while
 * it waits. Read from the case itself: the transition that names the squad's
 * amendment, the superseded determination kept for it, or the squad's
 * override in force.
 */
export function squadAmendmentAppliedAt(
  c: CaseRecord,
  amendment: Pick<SquadDetermination, 'reason'>,
  since: Instant,
): Instant | undefined {
  const reason = amendment.reason.trim();
  const moved = c.transitions.find((t) => t.reason === TRANSITION_PREFIX + reason && t.at >= since);
  if (moved) return moved.at;
  const record = c.liability;
  const kept = record?.amendments?.find((a) => a.reason === reason && a.at >= since);
  if (kept) return kept.at;
  const override = record?.override;
  return override?.reason === reason && override.at >= since ? override.at : undefined;
}

/**
 * The squad's reason while its determination is the one in force: the case
 * last came to `liability-proposed` by the squad's amendment (an officer's
 * own amendment after it ends that). The liability screen then shows the
 * squad's determination and does not re-run the engine on the officer's
 * earlier answers.
 */
export function squadReasonInForce(c: CaseRecord): string | undefined {
  const last = c.transitions.findLast((t) => t.to === 'liability-proposed');
  return last?.reason?.startsWith(TRANSITION_PREFIX)
    ? last.reason.slice(TRANSITION_PREFIX.length)
    : undefined;
}
