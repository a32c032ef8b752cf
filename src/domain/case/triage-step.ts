/**
 * Triage on a case: answers are kept with their times (a revised answer is a
 * new event, never an overwrite), and settling the triage moves the case on —
 * to `triaged` for quick handling, or to `escalated` naming the rules that fired.
 */
import type { Instant } from '../ids';
import { ok, refuse, type Result } from '../result';
import type { TriageCatalog } from '../triage/triage-rules.schema';
import { answerTriageRecord, openTriage, triageRecordOutcome } from '../triage/triage';
import type { CaseRecord } from './case.schema';
import { transitionCase } from './case';
import { isOnScene } from './case-state';

/** Records one answer. Refused once the case has left the officer's hands. */
export function recordTriageAnswer(
  c: CaseRecord,
  catalog: TriageCatalog,
  ruleId: string,
  answer: boolean,
  at: Instant,
): Result<CaseRecord, 'not-editable' | 'unknown-rule'> {
  if (!isOnScene(c.state)) return refuse('not-editable', c.state);
  if (!catalog.rules.some((r) => r.id === ruleId)) return refuse('unknown-rule', ruleId);
  const triage = answerTriageRecord(c.triage ?? openTriage(catalog), ruleId, answer, at);
  return ok(triage === c.triage ? c : { ...c, triage, updatedAt: at });
}

export type SettleRefusal = 'incomplete' | 'not-allowed';

/**
 * Acts on the triage outcome: quick → `triaged`; any rule fired → `escalated`
 * with the fired rule ids as the reason. Settling an already settled case
 * the same way changes nothing.
 */
export function settleTriage(
  c: CaseRecord,
  catalog: TriageCatalog,
  at: Instant,
): Result<CaseRecord, SettleRefusal> {
  const outcome = triageRecordOutcome(catalog, c.triage ?? openTriage(catalog));
  if (outcome.outcome === 'incomplete') return refuse('incomplete', outcome.unanswered.join(','));
  if (outcome.outcome === 'quick') {
    if (c.state !== 'opened')
      return c.state === 'escalated' ? refuse('not-allowed', c.state) : ok(c);
    return transitionCase(c, 'triaged', at);
  }
  if (c.state === 'escalated') return ok(c);
  return transitionCase(c, 'escalated', at, outcome.fired.map((f) => f.ruleId).join(','));
}
