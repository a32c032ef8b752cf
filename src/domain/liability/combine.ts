/**
 * Combining faults (道路交通事故处理程序规定 第60条, 实施条例 第91条: by the
 * part each party's act played in causing the crash and the seriousness of
 * its fault; NOTES.md §3). Per impact the findings are weighed, not added:
 * each party's fault counts once, as a main cause (the act that made the
 * contact, at full/primary/equal) or a lesser one (secondary, or only being
 * where it should not be — `overlay.conditionFaults`). One party at fault →
 * full/none; a main cause against a lesser one → primary/secondary, proposed
 * for the officer to confirm; two main causes (or two lesser) → equal (the
 * quick-list method), which the officer may change. Chains are decided per
 * impact, then per vehicle. The rule and its basis: README "Combining faults".
 */
import type { Bilingual, LiabilityLevel, Overlay } from './catalog.schema';
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
  weighed: {
    zh: '一方的行为直接造成碰撞（主要原因），另一方的过错仅在于所处位置不当（次要原因），同一过错不重复计算：建议主要/次要责任，须民警依第60条确认。',
    en: "One party's act made the contact (the main cause); the other's fault is only where it was (a lesser cause), and one fault is not counted twice: primary/secondary is proposed for the officer to confirm under 第60条.",
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

const ALT_EQUAL: Bilingual = {
  zh: '如民警认定双方行为对事故所起作用相当（第60条）。',
  en: "If the officer judges under 第60条 that both parties' acts played an equal part.",
};

function proposal(primary: string, other: string, how: Bilingual): Combined {
  const alternatives = [{ liability: two(primary, 'full', other, 'none'), reason: ALT_FULL }];
  if (how === HOW.weighed)
    alternatives.push({ liability: two(primary, 'equal', other, 'equal'), reason: ALT_EQUAL });
  return {
    liability: two(primary, 'primary', other, 'secondary'),
    how,
    alternatives,
    officerMustConfirm: true,
  };
}

/** How one party's faults in one impact weigh: 2 a main cause, 1 a lesser one, 0 none. */
function weight(findings: readonly Finding[], id: string, conditionFaults: readonly string[]) {
  let rank = 0;
  let condition = false;
  for (const f of findings) {
    const level = f.liability[id] ?? 'none';
    if (level === 'none') continue;
    const lesser = level === 'secondary' || conditionFaults.includes(f.scenarioId);
    condition ||= conditionFaults.includes(f.scenarioId);
    rank = Math.max(rank, lesser ? 1 : 2);
  }
  return { rank, condition };
}

/** Only one party at fault: full/none, or a proposal when the other had a causal unlisted violation. */
function singleFault(
  atFault: string,
  innocent: Vehicle,
  contributing: readonly string[],
): Combined {
  if (innocent.conditions?.some((c) => contributing.includes(c)) === true)
    return proposal(atFault, innocent.id, HOW.contributing);
  return {
    liability: two(atFault, 'full', innocent.id, 'none'),
    how: HOW.single,
    alternatives: [],
    officerMustConfirm: false,
  };
}

/**
 * Combines the findings of one impact between vehicles `a` and `b`, weighing
 * each party's fault once (see the file comment).
 */
export function combineImpact(
  findings: readonly Finding[],
  a: Vehicle,
  b: Vehicle,
  rules: Pick<Overlay, 'contributingViolations' | 'conditionFaults'>,
): Combined {
  const wa = weight(findings, a.id, rules.conditionFaults);
  const wb = weight(findings, b.id, rules.conditionFaults);
  if (wa.rank === wb.rank) return equalResult(a.id, b.id);
  const [main, other, otherWeight] = wa.rank > wb.rank ? [a, b, wb] : [b, a, wa];
  if (otherWeight.rank === 0) return singleFault(main.id, other, rules.contributingViolations);
  return proposal(main.id, other.id, otherWeight.condition ? HOW.weighed : HOW.proposal);
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
