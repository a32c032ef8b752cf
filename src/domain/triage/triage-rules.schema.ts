/**
 * The escalation catalogue as stored (`escalation-rules.json`, snake_case, a
 * copy of `shared/liability/escalation-rules.json`) and as the domain uses it.
 * The file is parsed at load: a rule without words, legal basis or an agreed
 * answer polarity is a load error, not a silent quick case.
 */
import * as z from 'zod/mini';
import { refuse, ok, type Result } from '../result';
import type { BilingualText } from '../identity/check-result';

const Text = z.string().check(z.minLength(1));

const RawTriageLegalBasis = z.object({
  law: Text,
  article: Text,
  point_en: Text,
});

/** One rule as written in the JSON file; unknown keys (sources, effect) are dropped. */
export const RawTriageRule = z.object({
  id: z.string().check(z.regex(/^E\d{2}-[a-z0-9-]+$/)),
  condition_zh: Text,
  condition_en: Text,
  check_question: z.object({ zh: Text, en: Text }),
  scene_instruction_zh: Text,
  scene_instruction_en: Text,
  legal_basis: z.array(RawTriageLegalBasis).check(z.minLength(1)),
  notes_en: z.optional(z.string()),
  confidence: z.enum(['high', 'medium', 'low']),
  app_action: z.enum(['escalate', 'out_of_scope']),
});
export type RawTriageRule = z.infer<typeof RawTriageRule>;

export const RawTriageRules = z.array(RawTriageRule).check(z.minLength(1));

/** A legal provision a rule rests on. The catalogue words it in English only. */
export interface TriageLegalBasis {
  readonly law: string;
  readonly article: string;
  readonly pointEn: string;
}

/**
 * What happens when a rule fires: `escalate` hands the case to the accident
 * squad; `out-of-scope` means Kuaichu's quick path does not apply (e.g. a
 * pedestrian is involved) and the officer uses the ordinary procedure.
 */
export type TriageAction = 'escalate' | 'out-of-scope';

export interface TriageRule {
  readonly id: string;
  readonly condition: BilingualText;
  /** The yes/no question the officer answers. */
  readonly question: BilingualText;
  /**
   * The answer to {@link question} that fires the rule. The bundled
   * questions all ask whether the risky thing is so, so they fire on yes
   * (`TRIAGE_FIRES_ON`); the field stays so a catalogue states it.
   */
  readonly firesOn: boolean;
  readonly sceneInstruction: BilingualText;
  readonly legalBasis: readonly TriageLegalBasis[];
  readonly action: TriageAction;
  readonly confidence: 'high' | 'medium' | 'low';
}

/** The catalogue: its version (recorded with every triage) and its rules in order. */
export interface TriageCatalog {
  readonly version: string;
  readonly rules: readonly TriageRule[];
}

export type CatalogRefusal = 'invalid-catalog' | 'duplicate-rule-id' | 'no-polarity';

/**
 * Parses the stored catalogue. `firesOn` gives, per rule id, the answer that
 * fires it; the file does not say, so it is kept here beside the loader and
 * every rule must have one.
 */
export function parseTriageRules(
  raw: unknown,
  version: string,
  firesOn: Readonly<Record<string, boolean>>,
): Result<TriageCatalog, CatalogRefusal> {
  const parsed = RawTriageRules.safeParse(raw);
  if (!parsed.success) return refuse('invalid-catalog', parsed.error.message);
  const seen = new Set<string>();
  const rules: TriageRule[] = [];
  for (const r of parsed.data) {
    if (seen.has(r.id)) return refuse('duplicate-rule-id', r.id);
    seen.add(r.id);
    const fires = firesOn[r.id];
    if (fires === undefined) return refuse('no-polarity', r.id);
    rules.push(toRule(r, fires));
  }
  return ok({ version, rules });
}

function toRule(r: RawTriageRule, firesOn: boolean): TriageRule {
  return {
    id: r.id,
    condition: { zh: r.condition_zh, en: r.condition_en },
    question: { zh: r.check_question.zh, en: r.check_question.en },
    firesOn,
    sceneInstruction: { zh: r.scene_instruction_zh, en: r.scene_instruction_en },
    legalBasis: r.legal_basis.map((b) => ({ law: b.law, article: b.article, pointEn: b.point_en })),
    action: r.app_action === 'out_of_scope' ? 'out-of-scope' : 'escalate',
    confidence: r.confidence,
  };
}
