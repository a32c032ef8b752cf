// The engine's refusal of the facts, shown in the screen's language.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLiabilityFacts } from '../../domain/liability';
import { zhCN } from '../../ui/i18n/zh-CN';
import { factErrorText } from './fact-error-text';
import { liabilityMessages } from './messages';

const tFor = async (lng: 'zh-CN' | 'en'): Promise<TFunction> => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: {
      'zh-CN': { translation: { ...zhCN, ...liabilityMessages['zh-CN'] } },
      en: { translation: liabilityMessages.en },
    },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
};

const detail = (() => {
  const r = parseLiabilityFacts({
    schemaVersion: 2,
    place: { kind: 'road-section', motorLanesThisWay: 40 },
    vehicles: [{ id: 'A', action: 'slowing', passdStopLine: true }, { id: 'B' }],
    impacts: [{ striking: 'B', struck: 'A', relation: 'sideways' }],
  });
  return r.ok ? '' : (r.detail ?? '');
})();

describe('factErrorText', () => {
  let zh: TFunction;
  let en: TFunction;
  beforeAll(async () => {
    zh = await tFor('zh-CN');
    en = await tFor('en');
  });

  it('says every problem in Chinese on the zh-CN screen, naming the vehicle and impact', () => {
    const lines = factErrorText(zh, detail, ['A', 'B']);
    expect(lines).toContain('车辆 A passdStopLine：无法识别的字段');
    expect(lines).toContain('车辆 B action：必须填写');
    expect(lines).toContain('第 1 次碰撞 relation：取值不在允许的选项中');
    expect(lines.join('')).not.toMatch(/required|unknown key|expected|at most/);
  });

  it('in English on the English screen', () => {
    expect(factErrorText(en, detail, ['A', 'B'])).toContain('Vehicle B action: required');
  });
});
