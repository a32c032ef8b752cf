/**
 * The liability engine: `evaluateLiability(catalog, facts)` → decision.
 * Order (NOTES.md §3): escalation checks first (they win); then, per impact,
 * match every scenario both ways round, combine the faults, and ask the next
 * catalog question when nothing matches yet; finally combine per vehicle.
 * Pure: no clock, no randomness, no I/O.
 */
import type { Bilingual, EscalationRule, LiabilityCatalog } from './catalog.schema';
import { aggregate, combineImpact } from './combine';
import type { Combined } from './combine';
import type {
  Alternative,
  Escalation,
  Finding,
  ImpactResult,
  LiabilityDecision,
  LiabilityMap,
} from './decision';
import { escalationAnswersFromFacts, evaluateEscalation } from './escalation';
import type { LiabilityFacts, LiabilityFactsV2 } from './facts.schema';
import { migrateFacts } from './migrate';
import { decideOverUnknowns } from './resolve';
import type { ResolvedFacts } from './resolved';
import { isObject, vehicleAt } from './resolved';
import { toFinding } from './findings';
import type { Match } from './match';
import { matchScenario } from './match';
import { questionFor, yesNoOptions } from './questions';

type Fired = Extract<Match, { status: 'fired' }>;
type Open = Extract<Match, { status: 'open' }>;

/** Per-impact evaluation before combining across impacts. */
type ImpactEval =
  | { kind: 'liability'; result: ImpactResult; combined: Combined; findings: Finding[] }
  | { kind: 'escalate'; result: ImpactResult; escalation: Escalation; findings: Finding[] }
  | { kind: 'ask'; result: ImpactResult; open: Open }
  | { kind: 'pushed'; impact: number };

/** The escalation for a catalog rule id or an engine escalation id. */
export function escalationFor(catalog: LiabilityCatalog, ruleId: string): Escalation {
  const rule = catalog.escalationRules.find((r) => r.id === ruleId);
  if (rule !== undefined) return ruleEscalation(rule);
  const own = catalog.overlay.engineEscalations.find((e) => e.id === ruleId);
  return {
    ruleId,
    action: 'escalate',
    reason: own?.reason ?? { zh: ruleId, en: ruleId },
    basis: (own?.legal_basis ?? []).map((b) => ({ law: b.law, article: b.article })),
  };
}

function ruleEscalation(rule: EscalationRule): Escalation {
  return {
    ruleId: rule.id,
    action: rule.app_action,
    reason: { zh: rule.condition_zh, en: rule.condition_en },
    basis: rule.legal_basis.map((b) => ({ law: b.law, article: b.article })),
    instruction: { zh: rule.scene_instruction_zh, en: rule.scene_instruction_en },
  };
}

/** Every scenario, both ways round, against one impact. */
function matchImpact(catalog: LiabilityCatalog, facts: ResolvedFacts, i: number): Match[] {
  const imp = facts.impacts[i];
  if (imp === undefined) return [];
  const s = vehicleAt(facts, i, imp.striking);
  const t = vehicleAt(facts, i, imp.struck);
  const out: Match[] = [];
  for (const scenario of catalog.scenarios)
    for (const [x, y] of [
      [s, t],
      [t, s],
    ] as const)
      out.push(matchScenario(facts, scenario, catalog.overlay.modifiers, i, x, y));
  return out;
}

/** Same scenario, same liability: keep one (symmetric scenarios fire both ways round). */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.scenarioId}|${JSON.stringify(Object.entries(f.liability).sort())}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function scenarioEscalation(catalog: LiabilityCatalog, m: Fired): string | undefined {
  if (m.modifier?.effect.kind === 'escalate') return m.modifier.effect.ruleId;
  return m.scenario.escalate ? catalog.overlay.scenarioEscalations[m.scenario.id] : undefined;
}

function evaluateImpact(catalog: LiabilityCatalog, facts: ResolvedFacts, i: number): ImpactEval {
  const imp = facts.impacts[i];
  if (imp === undefined || imp.pushedBy !== undefined) return { kind: 'pushed', impact: i };
  const base = { impact: i, striking: imp.striking, struck: imp.struck };
  if (isObject(facts, imp.struck)) return objectImpact(base);
  const matches = matchImpact(catalog, facts, i);
  const fired = matches.filter((m): m is Fired => m.status === 'fired');
  // A modifier that escalates ends the match without a liability finding.
  const deciding = fired.filter((m) => m.modifier?.effect.kind !== 'escalate');
  const findings = dedupe(deciding.map((m) => toFinding(catalog, m, i)));
  const escalating = fired
    .map((m) => scenarioEscalation(catalog, m))
    .find((id) => id !== undefined);
  if (escalating !== undefined)
    return {
      kind: 'escalate',
      result: { ...base, outcome: 'escalate' },
      escalation: escalationFor(catalog, escalating),
      findings,
    };
  if (findings.length === 0) {
    const open = matches.filter((m): m is Open => m.status === 'open');
    const best = [...open].sort((p, q) => p.unknown.length - q.unknown.length)[0];
    if (best !== undefined)
      return { kind: 'ask', result: { ...base, outcome: 'need-more-facts' }, open: best };
    return {
      kind: 'escalate',
      result: { ...base, outcome: 'escalate' },
      escalation: escalationFor(catalog, 'no-listed-fault'),
      findings,
    };
  }
  const a = vehicleAt(facts, i, imp.striking);
  const b = vehicleAt(facts, i, imp.struck);
  const combined = combineImpact(findings, a, b, catalog.overlay);
  const result: ImpactResult = {
    ...base,
    outcome: 'liability',
    liability: combined.liability,
    how: combined.how,
    alternatives: combined.alternatives,
    officerMustConfirm: combined.officerMustConfirm,
  };
  return { kind: 'liability', result, combined, findings };
}

const OBJECT_HOW: Bilingual = {
  zh: '车辆撞击固定物或其他财产：撞击车辆承担全部责任（单方事故）。',
  en: 'A vehicle struck a fixed object or other property: the striking vehicle bears full liability (a single-vehicle crash).',
};

/** A vehicle struck a fixed object or other property on its own: it answers for it. */
function objectImpact(base: { impact: number; striking: string; struck: string }): ImpactEval {
  const liability: LiabilityMap = { [base.striking]: 'full' };
  const how = OBJECT_HOW;
  const combined: Combined = { liability, how, alternatives: [], officerMustConfirm: false };
  return {
    kind: 'liability',
    result: { ...base, outcome: 'liability', liability, how },
    combined,
    findings: [],
  };
}

const CHAIN_HOW: Bilingual = {
  zh: '连环碰撞：被推撞车辆系受后车一次撞击推出，该次碰撞由推撞车辆承担责任。',
  en: 'Chain collision: the striking vehicle was shoved by a single push, so the pushing vehicle answers for this impact.',
};

/** A pushed impact: the pusher bears the level it bears in the impact that shoved the striker. */
function pushedResult(
  facts: ResolvedFacts,
  i: number,
  evals: readonly ImpactEval[],
): ImpactResult | undefined {
  const imp = facts.impacts[i];
  if (imp?.pushedBy === undefined) return undefined;
  const origin = evals.find((e) => {
    if (e.kind !== 'liability') return false;
    return e.result.striking === imp.pushedBy && e.result.struck === imp.striking;
  });
  if (origin?.kind !== 'liability') return undefined;
  const pusherLevel = origin.combined.liability[imp.pushedBy] ?? 'none';
  const liability: LiabilityMap = {
    [imp.striking]: 'none',
    ...(!isObject(facts, imp.struck) && { [imp.struck]: 'none' }),
    [imp.pushedBy]: pusherLevel,
  };
  return {
    impact: i,
    striking: imp.striking,
    struck: imp.struck,
    outcome: 'liability',
    liability,
    how: CHAIN_HOW,
  };
}

function liftAlternatives(ids: string[], results: ImpactResult[]): Alternative[] {
  const maps = results.map((r) => r.liability ?? {});
  return results.flatMap((r, k) =>
    (r.alternatives ?? []).map((alt) => ({
      liability: aggregate(
        ids,
        maps.map((m, j) => (j === k ? { ...m, ...alt.liability } : m)),
      ),
      reason: alt.reason,
    })),
  );
}

/** Scenario ids of the findings, in catalog order. */
const scenarioIds = (catalog: LiabilityCatalog, findings: readonly Finding[]): string[] =>
  catalog.scenarios.map((s) => s.id).filter((id) => findings.some((f) => f.scenarioId === id));

/** Liability by the facts alone, ignoring the escalation checks. */
function evaluateScenarios(catalog: LiabilityCatalog, facts: ResolvedFacts): LiabilityDecision {
  const evals = facts.impacts.map((_, i) => evaluateImpact(catalog, facts, i));
  const findings = evals.flatMap((e) => ('findings' in e ? e.findings : []));
  const common = {
    scenarios: scenarioIds(catalog, findings),
    findings,
    catalogVersion: catalog.version,
  };
  const results = evals.map((e, i) =>
    e.kind === 'pushed' ? pushedResult(facts, i, evals) : e.result,
  );
  const done = results.filter((r): r is ImpactResult => r !== undefined);
  const escalated = evals.find((e) => e.kind === 'escalate');
  if (escalated?.kind === 'escalate')
    return {
      outcome: 'escalate',
      officerMustConfirm: false,
      alternatives: [],
      escalation: escalated.escalation,
      impacts: done,
      ...common,
    };
  const ask = evals.find((e) => e.kind === 'ask');
  if (ask?.kind === 'ask')
    return {
      outcome: 'need-more-facts',
      officerMustConfirm: false,
      alternatives: [],
      nextQuestion: questionFor(ask.open, ask.result.impact),
      impacts: done,
      ...common,
    };
  if (done.length !== results.length)
    return {
      outcome: 'escalate',
      officerMustConfirm: false,
      alternatives: [],
      escalation: escalationFor(catalog, 'E14-facts-or-cause-disputed'),
      impacts: done,
      ...common,
    };
  const ids = facts.vehicles.map((v) => v.id);
  return {
    outcome: 'liability',
    liability: aggregate(
      ids,
      done.map((r) => r.liability ?? {}),
    ),
    officerMustConfirm: done.some((r) => r.officerMustConfirm === true),
    alternatives: liftAlternatives(ids, done),
    impacts: done,
    ...common,
  };
}

/** The decision with its keys in contract order and without absent ones. */
function ordered(d: LiabilityDecision): LiabilityDecision {
  return {
    outcome: d.outcome,
    ...(d.liability === undefined ? {} : { liability: d.liability }),
    ...(d.escalation === undefined ? {} : { escalation: d.escalation }),
    ...(d.nextQuestion === undefined ? {} : { nextQuestion: d.nextQuestion }),
    officerMustConfirm: d.officerMustConfirm,
    alternatives: d.alternatives,
    scenarios: d.scenarios,
    findings: d.findings,
    impacts: d.impacts,
    ...(d.liabilityHint === undefined ? {} : { liabilityHint: d.liabilityHint }),
    ...(d.liabilityHintWithheld === undefined
      ? {}
      : { liabilityHintWithheld: d.liabilityHintWithheld }),
    catalogVersion: d.catalogVersion,
  };
}

/**
 * Decides liability for one parsed facts record against a catalog. Escalation
 * rules are checked first and win; when facts are missing the decision carries
 * the next catalog question instead of a guess.
 */
export function evaluateLiability(
  catalog: LiabilityCatalog,
  facts: LiabilityFacts,
): LiabilityDecision {
  return ordered(decide(catalog, migrateFacts(facts)));
}

const HINT_WITHHELD: Bilingual = {
  zh: '碰撞先后顺序有争议：无法据此推定责任，须经调查查明碰撞经过后认定。',
  en: 'The order of the impacts is disputed: liability cannot be derived from these facts; it is decided once an investigation has settled how the impacts happened.',
};

/** What an escalated decision says about the underlying liability. */
function escalationHint(
  facts: LiabilityFactsV2,
  underlying: LiabilityDecision,
): Pick<LiabilityDecision, 'liabilityHint' | 'liabilityHintWithheld'> {
  if (facts.impacts.some((i) => i.sequenceDisputed === true))
    return { liabilityHintWithheld: HINT_WITHHELD };
  return underlying.outcome === 'liability' ? { liabilityHint: underlying.liability } : {};
}

/** The facts cannot be settled on scene: an unknown the decision depends on. */
function cannotSettle(catalog: LiabilityCatalog): LiabilityDecision {
  return {
    outcome: 'escalate',
    officerMustConfirm: false,
    alternatives: [],
    escalation: escalationFor(catalog, 'E14-facts-or-cause-disputed'),
    scenarios: [],
    findings: [],
    impacts: [],
    catalogVersion: catalog.version,
  };
}

function decide(catalog: LiabilityCatalog, facts: LiabilityFactsV2): LiabilityDecision {
  const answers = escalationAnswersFromFacts(catalog.escalationRules, facts);
  const check = evaluateEscalation(catalog.escalationRules, answers);
  const underlying = decideOverUnknowns(
    facts,
    (resolved) => evaluateScenarios(catalog, resolved),
    () => cannotSettle(catalog),
  );
  if (check.status === 'escalate') {
    const hint = escalationHint(facts, underlying);
    const { liability: _dropped, nextQuestion: _ignored, ...rest } = underlying;
    return {
      ...rest,
      outcome: 'escalate',
      officerMustConfirm: false,
      alternatives: [],
      escalation: ruleEscalation(check.rule),
      ...hint,
    };
  }
  if (check.status === 'unanswered') {
    const rule = check.rule;
    return {
      outcome: 'need-more-facts',
      officerMustConfirm: false,
      alternatives: [],
      nextQuestion: {
        id: rule.id,
        source: 'escalation',
        text: rule.check_question,
        options: yesNoOptions,
      },
      scenarios: [],
      findings: [],
      impacts: [],
      catalogVersion: catalog.version,
    };
  }
  return underlying;
}
