/**
 * Explicit `unknown` in version-2 facts (who struck whom, the kind of
 * junction, a vehicle's action) is never guessed. The engine decides every
 * possibility the unknown stands for: when they all give the same liability,
 * that is the decision (it does not depend on the unknown); when they all ask
 * the same question, it is asked; otherwise the facts cannot be settled on
 * scene and the case escalates (E14). So an unknown never yields a liability
 * that an answer could change.
 */
import type { LiabilityDecision } from './decision';
import type { LiabilityFactsV2, PlaceKind, VehicleActionV2 } from './facts.schema';
import { VehicleAction } from './facts.schema';
import type { ResolvedFacts } from './resolved';

/** The kinds a junction of unknown kind may be. */
export const JUNCTION_KINDS: readonly PlaceKind[] = [
  'signalised-junction',
  'officer-controlled-junction',
  'priority-sign-junction',
  'unmarked-junction',
  'roundabout',
];

/** More possibilities than this are not tried: the case escalates. */
const MAX_POSSIBILITIES = 400;

type Facts = LiabilityFactsV2;
type Settle = (f: Facts) => Facts[];

const actionsFor = (a: VehicleActionV2): readonly VehicleActionV2[] =>
  a === 'unknown' ? VehicleAction.options : [a];

/** Each way one unknown can be settled, as a function from facts to its possibilities. */
function settlers(f: Facts): Settle[] {
  const out: Settle[] = [];
  if (f.place.kind === 'unknown-junction')
    out.push((g) => JUNCTION_KINDS.map((kind) => ({ ...g, place: { ...g.place, kind } })));
  f.vehicles.forEach((v, i) => {
    if (v.action !== 'unknown') return;
    out.push((g) =>
      actionsFor('unknown').map((action) => ({
        ...g,
        vehicles: g.vehicles.map((w, j) => (j === i ? { ...w, action } : w)),
      })),
    );
  });
  f.impacts.forEach((imp, i) => {
    const withImpact = (g: Facts, next: Facts['impacts'][number]): Facts => ({
      ...g,
      impacts: g.impacts.map((m, j) => (j === i ? next : m)),
    });
    if (imp.whoStruck === 'unknown')
      out.push((g) => {
        const m = g.impacts[i] ?? imp;
        const known = { ...m, whoStruck: 'recorded' as const };
        return [known, { ...known, striking: m.struck, struck: m.striking }].map((n) =>
          withImpact(g, n),
        );
      });
    (imp.actions ?? []).forEach((a, k) => {
      if (a.action !== 'unknown') return;
      out.push((g) => {
        const m = g.impacts[i] ?? imp;
        return actionsFor('unknown').map((action) =>
          withImpact(g, {
            ...m,
            actions: (m.actions ?? []).map((b, l) => (l === k ? { ...b, action } : b)),
          }),
        );
      });
    });
  });
  return out;
}

/** Every settled version of the facts, or undefined when there are too many to try. */
export function possibilities(f: Facts): Facts[] | undefined {
  let all: Facts[] = [f];
  for (const settle of settlers(f)) {
    all = all.flatMap(settle);
    if (all.length > MAX_POSSIBILITIES) return undefined;
  }
  return all;
}

/** Version-2 facts with no unknown left, as the matching reads them. */
export function toResolved(f: Facts): ResolvedFacts {
  const { schemaVersion: _v, objects, ...rest } = f;
  return { ...rest, objects: objects ?? [] } as ResolvedFacts;
}

const sameLiability = (a: LiabilityDecision, b: LiabilityDecision): boolean =>
  JSON.stringify(Object.entries(a.liability ?? {}).sort()) ===
  JSON.stringify(Object.entries(b.liability ?? {}).sort());

const sameQuestion = (a: LiabilityDecision, b: LiabilityDecision): boolean =>
  a.nextQuestion?.id === b.nextQuestion?.id &&
  a.nextQuestion?.vehicleId === b.nextQuestion?.vehicleId;

/**
 * The decision on facts that may hold unknowns: `decideOne` on each
 * possibility, kept when they agree (the first one's findings explain it),
 * else `cannotSettle` (an escalation).
 */
export function decideOverUnknowns(
  f: Facts,
  decideOne: (r: ResolvedFacts) => LiabilityDecision,
  cannotSettle: () => LiabilityDecision,
): LiabilityDecision {
  const all = possibilities(f);
  if (all === undefined) return cannotSettle();
  const decisions = all.map((p) => decideOne(toResolved(p)));
  const [first] = decisions;
  if (first === undefined) return cannotSettle();
  if (decisions.length === 1) return first;
  const agree = decisions.every((d) => {
    if (d.outcome !== first.outcome) return false;
    if (d.outcome === 'liability') return sameLiability(d, first);
    if (d.outcome === 'need-more-facts') return sameQuestion(d, first);
    return d.escalation?.ruleId === first.escalation?.ruleId;
  });
  return agree ? first : cannotSettle();
}
