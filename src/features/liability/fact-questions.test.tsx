// Which line the officer is asked about per vehicle: the stop line at a
// signalised junction, the give-way line for a vehicle facing a stop or
// give-way sign, none for the vehicle on the priority road; the impact
// questions of schema 2. Rendered to HTML in Node.
import i18next, { type i18n as I18n } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { aRearEndDraft, clearedCase } from '../../../tests/builders/liability.builder';
import { factsFromDraft, type CaseRecord, type LiabilityDraft } from '../../domain';
import { evaluateLiability, loadLiabilityCatalog } from '../../domain/liability';
import { zhCN } from '../../ui/i18n/zh-CN';
import { FactQuestions } from './FactQuestions';
import { liabilityMessages } from './messages';

let i18n: I18n;
beforeAll(async () => {
  i18n = i18next.createInstance().use(initReactI18next);
  await i18n.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: { ...zhCN, ...liabilityMessages['zh-CN'] } } },
    interpolation: { escapeValue: false },
  });
});

type Signal = LiabilityDraft['vehicles'][number]['signal'];

/** A stopped at the line facing `a`, B going straight facing `b`, at `placeKind`. */
function render(placeKind: LiabilityDraft['placeKind'], a: Signal, b: Signal): string {
  const c = clearedCase();
  const draft: LiabilityDraft = {
    ...aRearEndDraft(c),
    placeKind,
    vehicles: [
      { id: 'A', action: 'stopped-in-traffic', signal: a },
      { id: 'B', action: 'going-straight', signal: b },
    ],
  };
  return renderDraft(c, draft);
}

function renderDraft(c: CaseRecord, draft: LiabilityDraft): string {
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <FactQuestions c={c} draft={draft} editable onChange={() => undefined} />
    </I18nextProvider>,
  );
}

describe('the stop-line question', () => {
  it('at a signalised junction asks each vehicle whether it passed the stop line', () => {
    const html = render('signalised-junction', 'red', 'red');
    expect(html).toContain('车辆 A 是否在该信号下越过停止线、进入路口？');
    expect(html).toContain('车辆 B 是否在该信号下越过停止线、进入路口？');
    expect(html).not.toContain('让行线');
  });

  it('at a give-way sign asks only the controlled vehicle whether it passed the line', () => {
    const html = render('priority-sign-junction', 'give-way', 'priority');
    expect(html).toContain('车辆 A 是否越过停车让行线或减速让行线、进入路口？');
    expect(html).toContain('停在让行线前，未进入');
    expect(html).not.toContain('车辆 B 是否越过');
    expect(html).not.toContain('是否在该信号下越过停止线');
  });
});

describe('the driver’s status', () => {
  it('asks licence, alcohol or drugs and injury per vehicle, each with “cannot tell”', () => {
    const html = render('road-section', undefined, undefined);
    expect(html).toContain('车辆 A 驾驶人是否持有与准驾车型相符的有效驾驶证？');
    expect(html).toContain('车辆 B 驾驶人是否有饮酒或吸毒嫌疑？');
    expect(html).toContain('车辆 B 车上人员是否有人受伤、疼痛或要求就医？');
    expect(html.match(/不清楚/g)?.length).toBeGreaterThanOrEqual(6);
  });

  it('a suspected driver, recorded as a status, escalates under E04 without a rule-keyed answer', () => {
    const c = clearedCase();
    const draft: LiabilityDraft = {
      ...aRearEndDraft(c),
      vehicles: [
        { id: 'A', action: 'slowing' },
        { id: 'B', action: 'going-straight', driver: { alcoholOrDrugs: 'suspected' } },
      ],
    };
    const facts = factsFromDraft(draft, true);
    if (!facts.ok) throw new Error(facts.detail);
    expect(facts.value.schemaVersion).toBe(2);
    const d = evaluateLiability(loadLiabilityCatalog(), facts.value);
    expect(d.escalation?.ruleId).toBe('E04-alcohol-or-drugs');
    expect(d.liabilityHint).toEqual({ A: 'none', B: 'full' });
  });
});

describe('“cannot tell” for the kind of junction and a vehicle’s action', () => {
  it('offers both, and an unknown action never yields a liability', () => {
    const html = render('road-section', undefined, undefined);
    expect(html).toContain('路口（不清楚是哪种路口）');
    expect(html).toContain('name="action-A"');
    const c = clearedCase();
    const draft: LiabilityDraft = {
      ...aRearEndDraft(c),
      vehicles: [
        { id: 'A', action: 'unknown' },
        { id: 'B', action: 'going-straight' },
      ],
    };
    const facts = factsFromDraft(draft, true);
    if (!facts.ok) throw new Error(facts.detail);
    expect(facts.value.vehicles[0]?.action).toBe('unknown');
    expect(evaluateLiability(loadLiabilityCatalog(), facts.value).outcome).not.toBe('liability');
  });
});

// Facts schema 2 at the impacts: “not known who struck whom”, a fixed object
// struck (then its kind asked), a vehicle's action per impact with several.
const RAIL = 'rail-party';

/** The two-vehicle case with a guardrail the officer added on the parties screen. */
function withGuardrail(): CaseRecord {
  const c = clearedCase();
  const rail = { id: RAIL, kind: 'fixed-object' as const, name: '', objectDescription: '护栏' };
  return { ...c, parties: [...c.parties, rail] };
}

describe('who struck whom', () => {
  it('offers “not known” between the two vehicles, checked when the draft says so', () => {
    const c = clearedCase();
    const draft = {
      ...aRearEndDraft(c),
      impacts: [{ striking: 'A', struck: 'B', whoStruck: 'unknown' as const }],
    };
    const html = renderDraft(c, draft);
    expect(html).toMatch(/<input type="radio" name="impact-0" checked=""\/>A 与 B：不清楚谁撞谁/);
    expect(html).toContain('A 撞 B');
    expect(html).not.toMatch(/checked=""\/>A 撞 B/);
  });

  it('offers each vehicle striking the case’s fixed object, then asks what kind it is', () => {
    const c = withGuardrail();
    expect(renderDraft(c, aRearEndDraft(c))).toContain('A 撞 护栏');
    expect(renderDraft(c, aRearEndDraft(c))).not.toContain('护栏属于哪一类？');
    const draft = {
      ...aRearEndDraft(c),
      objects: [{ id: RAIL }],
      impacts: [{ striking: 'A', struck: RAIL }],
    };
    const html = renderDraft(c, draft);
    expect(html).toContain('<legend class="q">护栏属于哪一类？</legend>');
    expect(html).toContain('交通设施（标志牌、隔离墩等）');
  });
});

describe('a vehicle’s action per impact', () => {
  it('is asked only with several impacts, for the vehicles of each, defaulting to the action above', () => {
    const c = withGuardrail();
    const one = aRearEndDraft(c);
    expect(renderDraft(c, one)).not.toContain('次碰撞时，车辆');
    const two = {
      ...one,
      objects: [{ id: RAIL, kind: 'guardrail' as const }],
      impacts: [...one.impacts, { striking: 'A', struck: RAIL }],
    };
    const html = renderDraft(c, two);
    expect(html).toContain('第 1 次碰撞时，车辆 A 在做什么？');
    expect(html).toContain('第 1 次碰撞时，车辆 B 在做什么？');
    expect(html).toContain('第 2 次碰撞时，车辆 A 在做什么？');
    expect(html).not.toContain('第 2 次碰撞时，车辆 B');
    expect(html).toMatch(/name="impact-1-action-A" checked=""\/>与上面所选相同/);
  });
});
