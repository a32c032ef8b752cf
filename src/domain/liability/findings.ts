/**
 * Turns a fired scenario match into a finding: liability per vehicle, the
 * legal basis, a plain-language explanation in zh-CN and English, and the
 * facts used.
 */
import type { Bilingual, LiabilityCatalog, LiabilityLevel, Scenario } from './catalog.schema';
import type { Finding, LiabilityMap } from './decision';
import type { Match } from './match';

/** Level names as the 认定书 prints them. */
export const LEVEL_TEXT: Record<LiabilityLevel, Bilingual> = {
  full: { zh: '全部责任', en: 'full liability' },
  primary: { zh: '主要责任', en: 'primary liability' },
  equal: { zh: '同等责任', en: 'equal liability' },
  secondary: { zh: '次要责任', en: 'secondary liability' },
  none: { zh: '无责任', en: 'no liability' },
};

type Fired = Extract<Match, { status: 'fired' }>;

/** Roles as assigned: [vehicle id, role index] after any swap or local rule. */
function assignRoles(m: Fired): {
  ids: [string, string];
  levels: [LiabilityLevel, LiabilityLevel];
} {
  const s = m.scenario;
  const first = s.roles[0]?.liability ?? 'none';
  const second = s.roles[1]?.liability ?? first;
  const effect = m.modifier?.effect;
  if (effect?.kind === 'primary-secondary')
    return { ids: [m.x.id, m.y.id], levels: ['primary', 'secondary'] };
  if (effect?.kind === 'swap-to') return { ids: [m.y.id, m.x.id], levels: ['full', 'none'] };
  if (effect?.kind === 'left-lane-yields') {
    const xFromLeft = m.x.laneChange?.fromSide === 'left';
    return { ids: xFromLeft ? [m.x.id, m.y.id] : [m.y.id, m.x.id], levels: ['full', 'none'] };
  }
  return { ids: [m.x.id, m.y.id], levels: [first, second] };
}

/** The scenario a finding is reported under (a `swap-to` modifier redirects it). */
function reportedScenario(catalog: LiabilityCatalog, m: Fired): Scenario {
  const effect = m.modifier?.effect;
  if (effect?.kind !== 'swap-to') return m.scenario;
  return catalog.scenarios.find((s) => s.id === effect.scenarioId) ?? m.scenario;
}

function explain(
  s: Scenario,
  ids: [string, string],
  levels: [LiabilityLevel, LiabilityLevel],
  note?: Bilingual,
): Bilingual {
  const [r0, r1] = [s.roles[0], s.roles[1] ?? s.roles[0]];
  const role = (i: 0 | 1): { zh: string; en: string } => {
    const r = i === 0 ? r0 : r1;
    return { zh: r?.role_zh ?? '', en: r?.role_en ?? '' };
  };
  const zh =
    `${s.name_zh}：${role(0).zh}（${ids[0]}）${LEVEL_TEXT[levels[0]].zh}，` +
    `${role(1).zh}（${ids[1]}）${LEVEL_TEXT[levels[1]].zh}。${s.facts_zh}`;
  const en =
    `${s.name_en}: ${role(0).en} (${ids[0]}) bears ${LEVEL_TEXT[levels[0]].en}; ` +
    `${role(1).en} (${ids[1]}) bears ${LEVEL_TEXT[levels[1]].en}. ${s.facts_en}`;
  return note === undefined ? { zh, en } : { zh: `${zh}${note.zh}`, en: `${en} ${note.en}` };
}

/** Builds the finding for a fired match on impact `impact`. */
export function toFinding(catalog: LiabilityCatalog, m: Fired, impact: number): Finding {
  const s = reportedScenario(catalog, m);
  const { ids, levels } = assignRoles(m);
  const liability: LiabilityMap = { [ids[0]]: levels[0], [ids[1]]: levels[1] };
  const basis = s.legal_basis.map((b) => ({ law: b.law, article: b.article }));
  const finding: Finding = {
    scenarioId: s.id,
    vehicleIds: ids,
    liability,
    basis,
    explanation: explain(s, ids, levels, m.modifier?.note),
    factsUsed: m.used,
    impact,
  };
  return m.modifier === undefined ? finding : { ...finding, modifierId: m.modifier.id };
}
