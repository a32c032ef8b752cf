/**
 * Triage: may this case be handled quickly on scene? The officer answers one
 * question per escalation rule; any rule whose answer fires it takes the case
 * off the quick path, and the decision states which rules fired, why, on
 * what legal basis, and what to do now.
 */
import type { Instant } from '../ids';
import type { BilingualText } from '../identity/check-result';
import type {
  TriageAction,
  TriageCatalog,
  TriageRule,
  TriageLegalBasis,
} from './triage-rules.schema';
import { TRIAGE_SCHEMA_VERSION, type TriageAnswerEvent, type TriageRecord } from './triage.schema';

/** The answer that currently stands for a rule. */
export interface TriageAnswer {
  readonly answer: boolean;
  readonly at: Instant;
}

/** Current answers by rule id. */
export type TriageAnswers = Readonly<Record<string, TriageAnswer>>;

/** A rule that fired, with everything the officer needs to act on it. */
export interface FiredRule {
  readonly ruleId: string;
  readonly action: TriageAction;
  readonly condition: BilingualText;
  readonly legalBasis: readonly TriageLegalBasis[];
  readonly sceneInstruction: BilingualText;
  /** When the firing answer was given. */
  readonly answeredAt: Instant;
}

/**
 * `quick`: every rule answered and none fired. `escalate`: at least one
 * fired (decided as soon as one fires, even with questions left; the rules
 * still unanswered are listed). `incomplete`: none fired so far, some unanswered.
 */
export type TriageOutcome =
  | { readonly outcome: 'quick' }
  | {
      readonly outcome: 'escalate';
      readonly fired: readonly FiredRule[];
      readonly unanswered: readonly string[];
    }
  | { readonly outcome: 'incomplete'; readonly unanswered: readonly string[] };

/**
 * Appends an answer. Giving the same answer a rule already has changes
 * nothing and returns the history as it was (same array), so a double tap
 * writes nothing.
 */
export function answerTriage(
  history: readonly TriageAnswerEvent[],
  ruleId: string,
  answer: boolean,
  at: Instant,
): readonly TriageAnswerEvent[] {
  if (currentAnswers(history)[ruleId]?.answer === answer) return history;
  return [...history, { ruleId, answer, at }];
}

/**
 * The answer standing for each rule: the last one given. Order in the
 * history decides, not the timestamps, so a device clock set back cannot
 * resurrect an older answer.
 */
export function currentAnswers(history: readonly TriageAnswerEvent[]): TriageAnswers {
  const answers: Record<string, TriageAnswer> = {};
  for (const e of history) answers[e.ruleId] = { answer: e.answer, at: e.at };
  return answers;
}

/** Decides the triage outcome from the current answers; unknown rule ids are ignored. */
export function triageCase(catalog: TriageCatalog, answers: TriageAnswers): TriageOutcome {
  const fired: FiredRule[] = [];
  const unanswered: string[] = [];
  for (const rule of catalog.rules) {
    const given = answers[rule.id];
    if (given === undefined) unanswered.push(rule.id);
    else if (given.answer === rule.firesOn) fired.push(firedRule(rule, given.at));
  }
  if (fired.length > 0) return { outcome: 'escalate', fired, unanswered };
  if (unanswered.length > 0) return { outcome: 'incomplete', unanswered };
  return { outcome: 'quick' };
}

function firedRule(rule: TriageRule, at: Instant): FiredRule {
  return {
    ruleId: rule.id,
    action: rule.action,
    condition: rule.condition,
    legalBasis: rule.legalBasis,
    sceneInstruction: rule.sceneInstruction,
    answeredAt: at,
  };
}

/** An empty triage record for a new case, tied to the catalogue version in use. */
export function openTriage(catalog: TriageCatalog): TriageRecord {
  return { schemaVersion: TRIAGE_SCHEMA_VERSION, rulesVersion: catalog.version, history: [] };
}

/** {@link answerTriage} on a whole record; unchanged answers return the same record. */
export function answerTriageRecord(
  record: TriageRecord,
  ruleId: string,
  answer: boolean,
  at: Instant,
): TriageRecord {
  const history = answerTriage(record.history, ruleId, answer, at);
  return history === record.history ? record : { ...record, history: [...history] };
}

/**
 * A record answered under an earlier catalogue version, read under
 * `catalog`: where a rule's question was then worded the other way round
 * (`invertedBefore[record.rulesVersion]`), each of its answers is negated —
 * the same fact, at the same time, in today's words — and the record takes
 * the catalogue's version. A record of the current or an unknown version is
 * returned as it is (same object).
 */
export function upgradeTriageRecord(
  catalog: TriageCatalog,
  record: TriageRecord,
  invertedBefore: Readonly<Record<string, readonly string[]>>,
): TriageRecord {
  if (record.rulesVersion === catalog.version) return record;
  const inverted = invertedBefore[record.rulesVersion];
  if (inverted === undefined) return record;
  return {
    ...record,
    rulesVersion: catalog.version,
    history: record.history.map((e) =>
      inverted.includes(e.ruleId) ? { ...e, answer: !e.answer } : e,
    ),
  };
}

/** The outcome of a stored record (answers are matched by rule id, which is never reused). */
export function triageRecordOutcome(catalog: TriageCatalog, record: TriageRecord): TriageOutcome {
  return triageCase(catalog, currentAnswers(record.history));
}
