/**
 * Answers the catalog's officer questions for one oriented pair: first from
 * the officer's explicit answers, then derived from the structured facts,
 * recording which facts each answer used.
 */
import type { Derived, PairContext } from './derive-helpers';
import { junctionDerivations } from './derive-junction';
import { roadDerivations } from './derive-road';
import type { Impact, Vehicle } from './facts.schema';
import type { ResolvedFacts } from './resolved';
import { tracked } from './tracking';

/**
 * How one question is answered from facts. `case` questions do not depend on
 * which vehicle is in which role (an answer without `vehicleId` settles them);
 * `pair` questions are asked about the vehicle in the scenario's first role.
 */
export interface Derivation {
  readonly scope: 'case' | 'pair';
  readonly derive: (c: PairContext) => Derived;
}

/** Every question the engine can answer, by catalog question id (plus engine-only `x_` ids). */
export const derivations: Readonly<Record<string, Derivation>> = {
  ...roadDerivations,
  ...junctionDerivations,
};

/** One answered question and where the answer came from. */
export interface UsedFact {
  readonly questionId: string;
  readonly answer: string;
  /** Fact paths read (e.g. `vehicles.A.action`), or `answers` for an officer's answer. */
  readonly from: readonly string[];
}

/** The answer to one question for one orientation; `used` is set when answered. */
export interface AnswerResult {
  readonly value: Derived;
  readonly used?: UsedFact;
}

/** Builds the context of one impact with x in the first role and y in the second. */
export function pairContext(
  facts: ResolvedFacts,
  impactIndex: number,
  x: Vehicle,
  y: Vehicle,
  reads: Set<string>,
): PairContext {
  const impact = facts.impacts[impactIndex] as Impact;
  return {
    facts: tracked(facts, 'facts', reads),
    place: tracked(facts.place, 'place', reads),
    impact: tracked(impact, `impacts.${impactIndex}`, reads),
    x: tracked(x, `vehicles.${x.id}`, reads),
    y: tracked(y, `vehicles.${y.id}`, reads),
    xId: x.id,
    yId: y.id,
  };
}

/** The officer's explicit answer, if any; a `vehicleId` must match the vehicle in the first role. */
function explicitAnswer(facts: ResolvedFacts, questionId: string, xId: string): string | undefined {
  const answers = facts.answers ?? [];
  const own = answers.find((a) => a.questionId === questionId && a.vehicleId === xId);
  const general = answers.find((a) => a.questionId === questionId && a.vehicleId === undefined);
  return (own ?? general)?.value;
}

/** Answers `questionId` for the orientation in `build` (a fresh context per call, to track reads). */
export function answerQuestion(
  facts: ResolvedFacts,
  questionId: string,
  impactIndex: number,
  x: Vehicle,
  y: Vehicle,
): AnswerResult {
  const given = explicitAnswer(facts, questionId, x.id);
  if (given !== undefined)
    return { value: given, used: { questionId, answer: given, from: ['answers'] } };
  const derivation = derivations[questionId];
  if (derivation === undefined) return { value: undefined };
  const reads = new Set<string>();
  const value = derivation.derive(pairContext(facts, impactIndex, x, y, reads));
  if (value === undefined || value === null) return { value };
  return { value, used: { questionId, answer: value, from: [...reads].sort() } };
}

/** Whether a question is about the pair's roles (asked with a vehicle) or the whole case. */
export const questionScope = (questionId: string): 'case' | 'pair' =>
  derivations[questionId]?.scope ?? 'pair';
