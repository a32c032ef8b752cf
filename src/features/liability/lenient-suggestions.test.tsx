// The warning-instead-of-a-fine suggestion on the notices screen, rendered to
// HTML in Node: in English, each card is an article named by its violation,
// with the driver, the basis and the two choices; once a party signed, the
// decision is shown without buttons; a local driver gets nothing.
import i18next, { type i18n as I18n } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  must,
  noticed,
  proposed,
  signedByBoth,
  T2,
} from '../../../tests/builders/liability.builder';
import {
  decideLenient,
  STARTER_LENIENT_LIST,
  type CaseRecord,
  type LenientList,
} from '../../domain';
import { ServicesProvider, type Services } from '../../services/ServicesContext';
import { en } from '../../ui/i18n/en';
import { zhCN } from '../../ui/i18n/zh-CN';
import { LenientPanel } from './LenientSuggestions';
import { liabilityMessages } from './messages';

let i18n: I18n;
beforeAll(async () => {
  i18n = i18next.createInstance().use(initReactI18next);
  await i18n.init({
    lng: 'en',
    resources: {
      'zh-CN': { translation: { ...zhCN, ...liabilityMessages['zh-CN'] } },
      en: { translation: { ...en, ...liabilityMessages.en } },
    },
    interpolation: { escapeValue: false },
  });
});

const LIST: LenientList = {
  ...STARTER_LENIENT_LIST,
  version: 5,
  region: { platePrefixes: ['川A'], licenceAreaCodes: [] },
};

/** B, at fault in the rear-end, with an out-of-town plate (or the one given). */
function withPlateB(c: CaseRecord, plate = '渝B67890'): CaseRecord {
  const b = c.vehicles[1]!;
  return { ...c, vehicles: c.vehicles.map((v) => (v.id === b.id ? { ...v, plate } : v)) };
}

const render = (c: CaseRecord) =>
  renderToStaticMarkup(
    <ServicesProvider services={{} as Services}>
      <I18nextProvider i18n={i18n}>
        <LenientPanel c={c} list={LIST} />
      </I18nextProvider>
    </ServicesProvider>,
  );

describe('the warning suggestion on the notices screen', () => {
  it('names each card by its violation, with the driver, the basis and both choices, in English', () => {
    const html = render(withPlateB(proposed()));
    expect(html).toContain('Suggested: a warning instead of a fine');
    expect(html).toContain('(version 5)');
    expect(html).toMatch(/<article[^>]*aria-labelledby="(lenient-[^"]+)"[^>]*>.*<h4 id="\1">/);
    expect(html).toContain(
      'Not keeping a distance from the vehicle ahead in the same lane that allows an emergency stop',
    );
    expect(html).toContain('Driver 李四 (vehicle B, 渝B67890)');
    expect(html).toContain('《中华人民共和国道路交通安全法》第43条');
    expect(html).toContain('Found by the liability determination');
    expect(html).toContain('>Confirm the warning</button>');
    expect(html).toContain('>Not applicable (give the reason)</button>');
    expect(html).toContain('Record another violation on the list');
  });

  it('shows a decision sealed once a party signed: no buttons', () => {
    const c = withPlateB(noticed());
    const b = c.parties.find((p) => p.vehicleId === c.vehicles[1]!.id)!;
    const choice = {
      partyId: b.id,
      itemId: 'following-distance',
      source: 'finding',
      decision: 'warning',
    } as const;
    const signed = signedByBoth(must(decideLenient(c, LIST, choice, T2)));
    const html = render(signed);
    expect(html).toContain('✓ Warning confirmed');
    expect(html).toContain('the warning decisions are sealed with the determination');
    expect(html).not.toContain('<button');
  });

  it('shows nothing for a local driver', () => {
    expect(render(withPlateB(proposed(), '川A67890'))).toBe('');
  });
});
