/**
 * Schemas of the liability catalog: the scenario list and escalation rules
 * copied from the research (catalog/*.json), plus the engine's own overlay
 * (catalog/overlay.json) that makes the catalog's prose modifiers machine-readable.
 * Every file is parsed here before the engine trusts it (STYLE.md rule 3).
 */
import * as z from 'zod/mini';

/** A liability level under 道路交通事故处理程序规定 第60条. */
export const LiabilityLevel = z.enum(['full', 'primary', 'equal', 'secondary', 'none']);
export type LiabilityLevel = z.infer<typeof LiabilityLevel>;

/** Text in both languages the app ships. */
export const Bilingual = z.object({ zh: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof Bilingual>;

/** A law and article, e.g. 道路交通安全法 第43条. */
export const LegalBasis = z.object({
  law: z.string().check(z.minLength(1)),
  article: z.string().check(z.minLength(1)),
  point_en: z.optional(z.string()),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

export const QuestionOption = z.object({ value: z.string(), zh: z.string(), en: z.string() });
export type QuestionOption = z.infer<typeof QuestionOption>;

/** One officer question of a scenario; the scenario applies when every answer equals `select_if`. */
export const OfficerQuestion = z.object({
  id: z.string().check(z.regex(/^[a-z][a-z0-9_]*$/)),
  type: z.enum(['yes_no', 'choice']),
  zh: z.string(),
  en: z.string(),
  select_if: z.union([z.enum(['yes', 'no']), z.array(z.string()).check(z.minLength(1))]),
  options: z.optional(z.array(QuestionOption)),
});
export type OfficerQuestion = z.infer<typeof OfficerQuestion>;

export const ScenarioRole = z.object({
  role_zh: z.string(),
  role_en: z.string(),
  liability: LiabilityLevel,
});
export type ScenarioRole = z.infer<typeof ScenarioRole>;

/** A catalog scenario (scenarios.json). Unknown keys such as `sources` are dropped. */
export const Scenario = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  category: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  facts_zh: z.string(),
  facts_en: z.string(),
  roles: z.array(ScenarioRole).check(z.minLength(1), z.maxLength(2)),
  legal_basis: z.array(LegalBasis).check(z.minLength(1)),
  officer_questions: z.array(OfficerQuestion).check(z.minLength(1)),
  outcome_modifiers: z.array(z.object({ if_en: z.string(), if_zh: z.string(), then: z.string() })),
  escalate: z.boolean(),
  confidence: z.enum(['high', 'medium']),
  notes_en: z.optional(z.string()),
});
export type Scenario = z.infer<typeof Scenario>;

/** An escalation rule (escalation-rules.json). */
export const EscalationRuleSource = z.object({
  id: z.string().check(z.regex(/^E\d\d-[a-z0-9-]+$/)),
  condition_zh: z.string(),
  condition_en: z.string(),
  check_question: Bilingual,
  scene_instruction_zh: z.string(),
  scene_instruction_en: z.string(),
  legal_basis: z.array(LegalBasis).check(z.minLength(1)),
  app_action: z.enum(['escalate', 'out_of_scope']),
  confidence: z.enum(['high', 'medium']),
});
export type EscalationRuleSource = z.infer<typeof EscalationRuleSource>;

/** What a catalog modifier does once its conditions hold (overlay.json). */
export const ModifierEffect = z.discriminatedUnion('kind', [
  // The scenario's at-fault role keeps its listed fault; the other party's own fault
  // comes from another scenario, and both together give the list method's "equal".
  z.object({ kind: z.literal('fault-stands') }),
  // First role primary, second secondary; always a proposal for the officer.
  z.object({ kind: z.literal('primary-secondary') }),
  z.object({ kind: z.literal('escalate'), ruleId: z.string() }),
  // The finding is reported under another scenario with the roles swapped.
  z.object({ kind: z.literal('swap-to'), scenarioId: z.string() }),
  // Local rule: of two vehicles converging on one lane, the one from the left yields.
  z.object({ kind: z.literal('left-lane-yields') }),
]);
export type ModifierEffect = z.infer<typeof ModifierEffect>;

export const Modifier = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  scenarioId: z.string(),
  /** Question id → answer; every entry must hold. Ids starting `x_` are engine-derived only. */
  when: z.record(z.string(), z.string()),
  effect: ModifierEffect,
  note: Bilingual,
});
export type Modifier = z.infer<typeof Modifier>;

/** An escalation the engine raises itself (not one of the 18 catalog rules). */
export const EngineEscalation = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  reason: Bilingual,
  legal_basis: z.array(LegalBasis),
});
export type EngineEscalation = z.infer<typeof EngineEscalation>;

export const Overlay = z.object({
  /** Answer to each rule's check question that triggers it. */
  escalationTriggers: z.record(z.string(), z.enum(['yes', 'no'])),
  /** Catalog scenarios with `escalate: true` → the rule id reported. */
  scenarioEscalations: z.record(z.string(), z.string()),
  engineEscalations: z.array(EngineEscalation),
  modifiers: z.array(Modifier),
  /** Vehicle conditions that are violations but not listed faults (NOTES §3 step 5). */
  contributingViolations: z.array(z.string()),
  /**
   * Scenarios whose fault is where the vehicle was (a lane or road it may not
   * use), not the act that made the contact: in combining they weigh as a
   * lesser cause (README, "Combining faults").
   */
  conditionFaults: z.array(z.string()),
});
export type Overlay = z.infer<typeof Overlay>;

export const Manifest = z.object({
  catalogVersion: z.string().check(z.minLength(1)),
  copiedFrom: z.string(),
  sha256: z.record(z.string(), z.string().check(z.regex(/^[0-9a-f]{64}$/))),
});
export type Manifest = z.infer<typeof Manifest>;

/** An escalation rule as the engine uses it: the source rule plus its trigger answer. */
export type EscalationRule = EscalationRuleSource & { escalateWhen: 'yes' | 'no' };

/** The validated catalog handed to {@link evaluateLiability}. */
export interface LiabilityCatalog {
  readonly version: string;
  readonly scenarios: readonly Scenario[];
  readonly escalationRules: readonly EscalationRule[];
  readonly overlay: Overlay;
}
