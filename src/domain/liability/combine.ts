/**
 * Combining faults (道路交通事故处理程序规定 第60条, NOTES.md §3): per impact,
 * one party with a listed fault → full/none; every party with a listed fault
 * → equal (the quick-list method), which the officer may change to
 * primary/secondary; primary/secondary is only ever proposed for the officer
 * to confirm. Chains are decided per impact, then per vehicle.
 */
import type { Bilingual, LiabilityLevel } from './catalog.schema';
import type { Alternative, Finding, LiabilityMap } from './decision';
import type { Vehicle } from './facts.schema';

/** The combined result of one impact. */
export interface Combined {
  readonly liability: LiabilityMap;
  readonly how: Bilingual;
  readonly alternatives: readonly Alternative[];
  readonly officerMustConfirm: boolean;
}

const HOW = {
  single: {
    zh: '仅一方有所列过错：该方全部责任，另一方无责任（第60条第1款第(一)项）。',
    en: 'Only one party has a listed fault: that party is fully liable, the other bears none (第60条第1款第(一)项).',
  },
  equal: {
    zh: '双方均有所列过错：按快处清单方法同等责任；如民警认定一方过错起主要作用，可改为主次责任（第60条第1款第(二)项）。',
    en: 'Both parties have a listed fault: equal liability under the quick-list method; the officer may change it to primary/secondary if one fault played the main role (第60条第1款第(二)项).',
  },
  proposal: {
    zh: '双方过错轻重不同：建议主要/次要责任，须民警依第60条确认。',
    en: 'The two faults differ in weight: primary/secondary is proposed and must be confirmed by the officer under 第60条.',
  },
  contributing: {
    zh: '一方有所列过错，另一方另有与事故有关的违法行为（如超速）：建议主要/次要责任，须民警确认；来源不一，亦可认定全部/无责任。',
    en: 'One party has a listed fault and the other a causal, unlisted violation (e.g. speeding): primary/secondary is proposed for the officer to confirm; sources differ, so full/none remains acceptable.',
  },
} satisfies Record<string, Bilingual>;

const ALT_FULL: Bilingual = {
  zh: '如民警认定另一方的违法行为与事故无因果关系，或仅适用快处清单（全部/同等/无责任）。',
  en: "If the officer finds the other party's violation played no causal part, or where only a quick list (full/equal/none) is applied.",
};
const ALT_MAIN_ROLE: Bilingual = {
  zh: '仅当民警依第60条认定该方过错起主要作用时。',
  en: "Only if the officer judges under 第60条 that this party's fault played the main role.",
};

const levelOf = (map: LiabilityMap, id: string): LiabilityLevel => map[id] ?? 'none';
const two = (a: string, la: LiabilityLevel, b: string, lb: LiabilityLevel): LiabilityMap => ({
  [a]: la,
  [b]: lb,
});

function equalResult(a: string, b: string): Combined {
  return {
    liability: two(a, 'equal', b, 'equal'),
    how: HOW.equal,
    alternatives: [
      { liability: two(a, 'primary', b, 'secondary'), reason: ALT_MAIN_ROLE },
      { liability: two(a, 'secondary', b, 'primary'), reason: ALT_MAIN_ROLE },
    ],
    officerMustConfirm: false,
  };
}

function proposal(primary: string, other: string, how: Bilingual): Combined {
  return {
    liability: two(primary, 'primary', other, 'secondary'),
    how,
    alternatives: [{ liability: two(primary, 'full', other, 'none'), reason: ALT_FULL }],
    officerMustConfirm: true,
  };
}

/**
 * Combines the findings of one impact between vehicles `a` and `b`.
 * `contributing` lists vehicle conditions that are causal but unlisted violations.
 */
export function combineImpact(
  findings: readonly Finding[],
  a: Vehicle,
  b: Vehicle,
  contributing: readonly string[],
): Combined {
  const faulted = new Set<string>();
  const primaries = new Set<string>();
  for (const f of findings)
    for (const [id, level] of Object.entries(f.liability)) {
      if (level === 'primary') primaries.add(id);
      if (level === 'full' || level === 'equal') faulted.add(id);
    }
  const other = (id: string): string => (id === a.id ? b.id : a.id);
  const [onlyPrimary] = [...primaries];
  if (onlyPrimary !== undefined) {
    const consistent = primaries.size === 1 && [...faulted].every((id) => id === onlyPrimary);
    return consistent
      ? proposal(onlyPrimary, other(onlyPrimary), HOW.proposal)
      : equalResult(a.id, b.id);
  }
  if (faulted.size >= 2) return equalResult(a.id, b.id);
  const [atFault] = [...faulted];
  const innocent = atFault === undefined ? undefined : [a, b].find((v) => v.id !== atFault);
  if (atFault === undefined || innocent === undefined) return equalResult(a.id, b.id);
  if (innocent.conditions?.some((c) => contributing.includes(c)) === true)
    return proposal(atFault, innocent.id, HOW.contributing);
  return {
    liability: two(atFault, 'full', innocent.id, 'none'),
    how: HOW.single,
    alternatives: [],
    officerMustConfirm: false,
  };
}

const RANK: Record<LiabilityLevel, number> = {
  none: 0,
  secondary: 1,
  equal: 2,
  primary: 3,
  full: 4,
};

/**
 * Per vehicle across impacts: the most serious level it bears in any impact
 * (the per-impact results stay authoritative for sharing each impact's damage).
 */
export function aggregate(
  vehicleIds: readonly string[],
  perImpact: readonly LiabilityMap[],
): LiabilityMap {
  const out: LiabilityMap = {};
  for (const id of vehicleIds) {
    let level: LiabilityLevel = 'none';
    for (const map of perImpact) {
      const l = levelOf(map, id);
      if (RANK[l] > RANK[level]) level = l;
    }
    out[id] = level;
  }
  return out;
}
