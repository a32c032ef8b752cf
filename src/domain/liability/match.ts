/**
 * Matches one catalog scenario against one oriented pair of one impact: the
 * scenario applies when every officer question's answer equals its
 * `select_if`, or when a catalog modifier (overlay.json) covers the answers
 * that differ.
 */
import type { Modifier, OfficerQuestion, Scenario } from './catalog.schema';
import type { UsedFact } from './derive';
import { answerQuestion } from './derive';
import type { Vehicle } from './facts.schema';
import type { ResolvedFacts } from './resolved';

/** Result of matching one scenario with `x` in its first role and `y` in its second. */
export type Match =
  | {
      readonly status: 'fired';
      readonly scenario: Scenario;
      readonly x: Vehicle;
      readonly y: Vehicle;
      readonly used: readonly UsedFact[];
      readonly modifier?: Modifier;
    }
  | {
      readonly status: 'open';
      readonly scenario: Scenario;
      readonly x: Vehicle;
      readonly y: Vehicle;
      readonly unknown: readonly OfficerQuestion[];
    }
  | { readonly status: 'mismatch' };

const selects = (q: OfficerQuestion, value: string): boolean =>
  typeof q.select_if === 'string' ? q.select_if === value : q.select_if.includes(value);

interface Answered {
  readonly values: Map<string, string>;
  readonly used: UsedFact[];
  readonly unknown: OfficerQuestion[];
  readonly differing: Set<string>;
  readonly impossible: boolean;
}

function answerAll(
  facts: ResolvedFacts,
  scenario: Scenario,
  impact: number,
  x: Vehicle,
  y: Vehicle,
): Answered {
  const out: Answered = {
    values: new Map(),
    used: [],
    unknown: [],
    differing: new Set(),
    impossible: false,
  };
  let impossible = false;
  for (const q of scenario.officer_questions) {
    const r = answerQuestion(facts, q.id, impact, x, y);
    if (r.value === null) impossible = true;
    else if (r.value === undefined) out.unknown.push(q);
    else {
      out.values.set(q.id, r.value);
      if (r.used !== undefined) out.used.push(r.used);
      if (!selects(q, r.value)) out.differing.add(q.id);
    }
  }
  return { ...out, impossible };
}

/**
 * The first modifier whose conditions all hold and which covers every
 * differing answer; `open` when one would apply but a question it does not
 * cover is still unanswered (ask it rather than treat the scenario as missed).
 */
function applicableModifier(
  facts: ResolvedFacts,
  modifiers: readonly Modifier[],
  a: Answered,
  impact: number,
  x: Vehicle,
  y: Vehicle,
): { modifier: Modifier; used: UsedFact[] } | 'open' | undefined {
  let open = false;
  for (const m of modifiers) {
    const keys = Object.keys(m.when);
    if (![...a.differing].every((id) => keys.includes(id))) continue;
    const used: UsedFact[] = [];
    const holds = keys.every((k) => {
      if (a.values.has(k)) return a.values.get(k) === m.when[k];
      const r = answerQuestion(facts, k, impact, x, y);
      if (r.used !== undefined) used.push(r.used);
      return r.value === m.when[k];
    });
    if (!holds) continue;
    if (a.unknown.some((q) => !keys.includes(q.id))) open = true;
    else return { modifier: m, used };
  }
  return open ? 'open' : undefined;
}

/** Matches `scenario` with `x` in the first role and `y` in the second, for impact `impact`. */
export function matchScenario(
  facts: ResolvedFacts,
  scenario: Scenario,
  modifiers: readonly Modifier[],
  impact: number,
  x: Vehicle,
  y: Vehicle,
): Match {
  const a = answerAll(facts, scenario, impact, x, y);
  if (a.impossible) return { status: 'mismatch' };
  const own = modifiers.filter((m) => m.scenarioId === scenario.id);
  const mod = applicableModifier(facts, own, a, impact, x, y);
  if (mod === 'open') return { status: 'open', scenario, x, y, unknown: a.unknown };
  if (mod !== undefined)
    return {
      status: 'fired',
      scenario,
      x,
      y,
      used: [...a.used, ...mod.used],
      modifier: mod.modifier,
    };
  if (a.differing.size > 0) return { status: 'mismatch' };
  if (a.unknown.length > 0) return { status: 'open', scenario, x, y, unknown: a.unknown };
  return { status: 'fired', scenario, x, y, used: a.used };
}
