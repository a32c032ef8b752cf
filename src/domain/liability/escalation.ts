/**
 * Escalation checks (escalation-rules.json), evaluated before any liability
 * logic. Shared by the liability engine and the triage screen, which asks the
 * rules' check questions and stores the answers keyed by rule id.
 */
import type { EscalationRule } from './catalog.schema';
import type { EscalationAnswer, LiabilityFacts, LiabilityFactsV2, VehicleV2 } from './facts.schema';
import { migrateFacts } from './migrate';
import { statusFindings, triggeredByStatus } from './status-rules';

/** Answers to the rules' check questions, keyed by rule id (e.g. `E02-injury`). */
export type EscalationAnswers = Readonly<Record<string, EscalationAnswer>>;

/** The result of the escalation checks. */
export type EscalationCheck =
  | {
      status: 'escalate';
      /** The first rule, in catalog order, that fired. */
      rule: EscalationRule;
      /** Every rule that fired, in catalog order. */
      firedRuleIds: string[];
    }
  | {
      status: 'unanswered';
      /** The first rule, in catalog order, whose check question has no answer. */
      rule: EscalationRule;
      unansweredRuleIds: string[];
    }
  | { status: 'clear' };

/**
 * Checks the rules against the answers. A rule fires when its answer equals
 * its `escalateWhen`; any fired rule wins over unanswered ones.
 */
export function evaluateEscalation(
  rules: readonly EscalationRule[],
  answers: EscalationAnswers,
): EscalationCheck {
  const fired = rules.filter((r) => answers[r.id] === r.escalateWhen);
  const [firstFired] = fired;
  if (firstFired !== undefined)
    return { status: 'escalate', rule: firstFired, firedRuleIds: fired.map((r) => r.id) };
  const unanswered = rules.filter((r) => answers[r.id] === undefined);
  const [firstUnanswered] = unanswered;
  if (firstUnanswered !== undefined)
    return {
      status: 'unanswered',
      rule: firstUnanswered,
      unansweredRuleIds: unanswered.map((r) => r.id),
    };
  return { status: 'clear' };
}

/** The answer that does not trigger a rule. */
const clearAnswer = (rule: EscalationRule): EscalationAnswer =>
  rule.escalateWhen === 'yes' ? 'no' : 'yes';

/** Rule ids the structured facts can trigger on their own (vehicle status, kind, load, impacts). */
function triggeredByFacts(facts: LiabilityFactsV2): string[] {
  const ids = triggeredByStatus(facts);
  const some = (p: (v: VehicleV2) => boolean): boolean => facts.vehicles.some(p);
  if ((facts.objects ?? []).length > 0) ids.push('E12-public-facility-or-building-damage');
  if (some((v) => v.status?.plates === 'none' || v.status?.plates === 'forged'))
    ids.push('E07-no-or-false-plates');
  if (some((v) => v.status?.movable === false)) ids.push('E08-vehicle-cannot-be-moved');
  if (some((v) => v.status?.leftScene === true)) ids.push('E09-party-left-scene');
  if (some((v) => v.status?.deliberate === true)) ids.push('E10-intentional');
  if (some((v) => v.load?.dangerousGoods === true)) ids.push('E13-dangerous-goods');
  if (facts.impacts.some((i) => i.sequenceDisputed === true))
    ids.push('E14-facts-or-cause-disputed');
  if (some((v) => v.status?.scrappedOrAssembled === true))
    ids.push('E16-assembled-or-scrapped-vehicle');
  if (some((v) => v.kind === 'non-motor' || v.kind === 'pedestrian'))
    ids.push('E18-non-motor-vehicle-or-pedestrian');
  return ids;
}

/**
 * The escalation answers implied by a facts record (either version): the
 * explicit `checks.answers`, overridden by anything the structured facts
 * trigger; a rule the driver and vehicle status clear for every vehicle is
 * answered clear; `checks.allClear` fills the rest with the non-triggering
 * answer — except a rule whose status some vehicle records as `unknown`,
 * which stays unanswered and is asked.
 */
export function escalationAnswersFromFacts(
  rules: readonly EscalationRule[],
  facts: LiabilityFacts,
): Record<string, EscalationAnswer> {
  const f = migrateFacts(facts);
  const answers: Record<string, EscalationAnswer> = { ...f.checks?.answers };
  const triggered = new Set(triggeredByFacts(f));
  const status = statusFindings(f);
  for (const rule of rules) {
    const own = status.get(rule.id);
    if (triggered.has(rule.id)) answers[rule.id] = rule.escalateWhen;
    else if (answers[rule.id] !== undefined || own === 'unknown') continue;
    else if (own === 'clear' || f.checks?.allClear === true) answers[rule.id] = clearAnswer(rule);
  }
  return answers;
}
