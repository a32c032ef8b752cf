/**
 * Triage on a case: answers are kept with their times (a revised answer is a
 * new event, never an overwrite), and settling the triage moves the case on —
 * to `triaged` for quick handling, or to `escalated` naming the rules that fired.
 * "All normal" (均无以上情形) is one confirmation that records, for every rule
 * not yet answered, the answer that does not fire it — one event per rule with
 * its time, exactly as answering each would — and settles.
 */
import type { Instant } from '../ids';
import { ok, refuse, type Result } from '../result';
import type { TriageCatalog } from '../triage/triage-rules.schema';
import { TRIAGE_INVERTED_BEFORE } from '../triage/triage-rules';
import type { TriageRecord } from '../triage/triage.schema';
import {
  answerTriageRecord,
  currentAnswers,
  openTriage,
  triageRecordOutcome,
  upgradeTriageRecord,
  type TriageAnswers,
} from '../triage/triage';
import type { CaseRecord } from './case.schema';
import { transitionCase } from './case';
import { isOnScene } from './case-state';

/** The case's triage record in the catalogue's words (see `upgradeTriageRecord`). */
export function triageRecordOf(c: CaseRecord, catalog: TriageCatalog): TriageRecord {
  return c.triage
    ? upgradeTriageRecord(catalog, c.triage, TRIAGE_INVERTED_BEFORE)
    : openTriage(catalog);
}

/** The answers standing for each rule, in the catalogue's words. */
export function triageAnswersOf(c: CaseRecord, catalog: TriageCatalog): TriageAnswers {
  return currentAnswers(triageRecordOf(c, catalog).history);
}

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
  const before = triageRecordOf(c, catalog);
  const triage = answerTriageRecord(before, ruleId, answer, at);
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
  const outcome = triageRecordOutcome(catalog, triageRecordOf(c, catalog));
  if (outcome.outcome === 'incomplete') return refuse('incomplete', outcome.unanswered.join(','));
  if (outcome.outcome === 'quick') {
    if (c.state !== 'opened')
      return c.state === 'escalated' ? refuse('not-allowed', c.state) : ok(c);
    return transitionCase(c, 'triaged', at);
  }
  if (c.state === 'escalated') return ok(c);
  return transitionCase(c, 'escalated', at, outcome.fired.map((f) => f.ruleId).join(','));
}

export type AllNormalRefusal = 'not-editable' | 'rule-fired' | SettleRefusal;

/**
 * "均无以上情形": answers every rule not yet answered with the answer that
 * does not fire it, each as its own event at `at`, then settles the triage
 * (→ `triaged`). Refused when an answer already given fires a rule: the
 * officer has said that something is not normal.
 */
export function confirmAllNormal(
  c: CaseRecord,
  catalog: TriageCatalog,
  at: Instant,
): Result<CaseRecord, AllNormalRefusal> {
  if (!isOnScene(c.state)) return refuse('not-editable', c.state);
  const answers = triageAnswersOf(c, catalog);
  const fired = catalog.rules.filter((r) => answers[r.id]?.answer === r.firesOn);
  if (fired.length > 0) return refuse('rule-fired', fired.map((r) => r.id).join(','));
  let triage = triageRecordOf(c, catalog);
  for (const rule of catalog.rules) {
    if (answers[rule.id] === undefined)
      triage = answerTriageRecord(triage, rule.id, !rule.firesOn, at);
  }
  return settleTriage(triage === c.triage ? c : { ...c, triage, updatedAt: at }, catalog, at);
}
