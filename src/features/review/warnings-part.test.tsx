// The reviewer reads the warnings instead of fines the officer decided, with
// the driver, the violation and its basis as listed, the reason of a decline
// and the list's version; rendered to HTML in Node, in both languages.
import { renderToStaticMarkup } from 'react-dom/server';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { must, proposed, T2 } from '../../../tests/builders/liability.builder';
import { decideLenient, STARTER_LENIENT_LIST, type CaseRecord } from '../../domain';
import { LiabilityPart } from './LiabilityPart';
import { reviewMessages } from './messages';

const LIST = {
  ...STARTER_LENIENT_LIST,
  version: 3,
  region: { platePrefixes: ['川A'], licenceAreaCodes: [] },
};

function decided(): CaseRecord {
  const base = proposed();
  const b = base.vehicles[1]!;
  const c = {
    ...base,
    vehicles: base.vehicles.map((v) => (v.id === b.id ? { ...v, plate: '渝B67890' } : v)),
  };
  const partyId = c.parties.find((p) => p.vehicleId === b.id)!.id;
  const warned = must(
    decideLenient(
      c,
      LIST,
      { partyId, itemId: 'following-distance', source: 'finding', decision: 'warning' },
      T2,
    ),
  );
  return must(
    decideLenient(
      warned,
      LIST,
      {
        partyId,
        itemId: 'seat-belt',
        source: 'officer',
        decision: 'declined',
        reason: '已系安全带',
      },
      T2,
    ),
  );
}

async function html(lng: 'zh-CN' | 'en'): Promise<string> {
  const i18n = i18next.createInstance().use(initReactI18next);
  await i18n.init({
    lng,
    resources: {
      'zh-CN': { translation: reviewMessages['zh-CN'] },
      en: { translation: reviewMessages.en },
    },
    interpolation: { escapeValue: false },
  });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <LiabilityPart record={decided()} />
    </I18nextProvider>,
  );
}

describe('the warnings on the reviewer’s liability part', () => {
  it('lists each decision as the officer made it, in Chinese and in English', async () => {
    const zh = await html('zh-CN');
    expect(zh).toContain('<h3>首违警告</h3>');
    expect(zh).toContain(
      '李四：同车道行驶未与前车保持足以采取紧急制动措施的安全距离（《中华人民共和国道路交通安全法》第43条）——已确认首违警告',
    );
    expect(zh).toContain('——不适用：已系安全带');
    expect(zh).toContain('清单第 3 版');
    const en = await html('en');
    expect(en).toContain('Warnings instead of fines');
    expect(en).toContain('李四: The driver not wearing a seat belt as required');
    expect(en).toContain('not applicable: 已系安全带');
  });
});
