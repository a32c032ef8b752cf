/**
 * The officer's decision on a suggested warning instead of a fine (首违警告)
 * for an out-of-town driver's listed violation (src/domain/lenient): confirmed,
 * or declined with a reason; one decision per party and item, kept on the
 * liability record with the list's version. Decided with the notices, before
 * anyone signs: the warning is told with the violation, so from the first
 * signature the decisions are sealed like the determination (an amendment
 * moves them into the amendment, and they are decided again). Pure.
 */
import type { Instant } from '../ids';
import { isLenientEligible } from '../lenient/eligibility';
import type { LenientList } from '../lenient/lenient-list.schema';
import { ok, refuse, type Result } from '../result';
import type { CaseRecord } from './case.schema';
import type { LenientDecision } from './liability-record.schema';

export type LenientRefusal = 'not-allowed' | 'already-signed' | 'not-eligible' | 'reason-required';

export interface LenientChoice {
  partyId: string;
  itemId: string;
  source: LenientDecision['source'];
  decision: LenientDecision['decision'];
  reason?: string;
}

/** The decision recorded for a party's item, if any. */
export function lenientDecisionOf(
  c: CaseRecord,
  partyId: string,
  itemId: string,
): LenientDecision | undefined {
  return c.liability?.lenient?.find((d) => d.partyId === partyId && d.itemId === itemId);
}

/** Why a decision may not be recorded now, if it may not. */
export function lenientRefusal(c: CaseRecord): LenientRefusal | undefined {
  if ((c.liability?.signatures.length ?? 0) > 0) return 'already-signed';
  return c.state !== 'liability-proposed' || !c.liability ? 'not-allowed' : undefined;
}

/**
 * Records (or, before the first signature, replaces) the decision on one
 * listed violation of an out-of-town driver, by the list in force on the phone.
 */
export function decideLenient(
  c: CaseRecord,
  list: LenientList,
  choice: LenientChoice,
  at: Instant,
): Result<CaseRecord, LenientRefusal> {
  const refusal = lenientRefusal(c);
  if (refusal) return refuse(refusal, refusal === 'not-allowed' ? c.state : undefined);
  const item = list.items.find((i) => i.id === choice.itemId);
  if (!item || !isLenientEligible(c, list, choice.partyId, choice.itemId)) {
    return refuse('not-eligible', `${choice.partyId}/${choice.itemId}`);
  }
  const reason = choice.reason?.trim() ?? '';
  if (choice.decision === 'declined' && reason === '') return refuse('reason-required');
  const decision: LenientDecision = {
    partyId: choice.partyId,
    itemId: item.id,
    listVersion: list.version,
    violation: { ...item.violation },
    basis: item.basis.map((b) => ({ ...b })),
    source: choice.source,
    decision: choice.decision,
    ...(choice.decision === 'declined' && { reason }),
    at,
  };
  const record = c.liability!;
  const others = (record.lenient ?? []).filter(
    (d) => !(d.partyId === choice.partyId && d.itemId === choice.itemId),
  );
  return ok({ ...c, liability: { ...record, lenient: [...others, decision] }, updatedAt: at });
}

/** Warnings confirmed on the case as it stands (what the dashboard counts). */
export const confirmedWarnings = (c: CaseRecord): number =>
  (c.liability?.lenient ?? []).filter((d) => d.decision === 'warning').length;
