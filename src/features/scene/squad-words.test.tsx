// What the accident squad asked for, in the officer's words, rendered to HTML
// in Node from a pulled return kept on the phone: the case list's card and
// the case screen's list of items (each done or not, each with its way to fix);
// the squad's amended liability, waiting for the officer and once adopted;
// a rural station's case determined remotely by an officer, at the station.
import i18next, { type i18n as I18n } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { aCase, testId } from '../../../tests/builders/case.builder';
import {
  must,
  noticed,
  sha256HexSync as sha,
  signedByBoth,
} from '../../../tests/builders/liability.builder';
import {
  adoptOfficerDetermination,
  applySquadAmendment,
  determinationBytes,
  recordSquadWord,
  squadStanding,
  type CaseRecord,
  type CaseReview,
  type OfficerDetermination,
  type PhotoMeta,
  type SquadChange,
} from '../../domain';
import { en } from '../../ui/i18n/en';
import { zhCN } from '../../ui/i18n/zh-CN';
import { ServicesProvider, type Services } from '../../services/ServicesContext';
import { AmendedNotice } from './AmendedNotice';
import { OfficerNotice } from './OfficerNotice';
import { SquadLine } from './SquadLine';
import { MissingItems, MissingLine } from './MissingItems';
import { sceneMessages } from './messages';
import { fixHref, missingWords } from './missing-words';
import { missingTarget } from '../../domain';

const RETURNED_AT = '2026-11-27T10:00:00.000Z';
const PULLED_AT = '2026-11-27T10:05:00.000Z';

async function translator(lng: 'zh-CN' | 'en'): Promise<I18n> {
  const i18n = i18next.createInstance().use(initReactI18next);
  const core = lng === 'en' ? en : zhCN;
  await i18n.init({
    lng,
    resources: { [lng]: { translation: { ...core, ...sceneMessages[lng] } } },
    interpolation: { escapeValue: false },
  });
  return i18n;
}

function aReturnedCase(): { c: CaseRecord; review: CaseReview } {
  const base = aCase().withVehicles(2).build();
  const c: CaseRecord = {
    ...base,
    state: 'returned',
    parties: [{ id: testId(), kind: 'driver', vehicleId: base.vehicles[0]!.id, name: '赵敏' }],
    transitions: [...base.transitions, { from: 'synced', to: 'returned', at: RETURNED_AT }],
  };
  const change: SquadChange = {
    cursor: '7',
    caseId: c.id,
    kind: 'returned',
    at: RETURNED_AT,
    note: '号牌看不清',
    missing: [
      { kind: 'shot', key: `vehicle:${c.vehicles[1]!.id}:plate` },
      { kind: 'field', key: 'parties.0.phone' },
      { kind: 'fact', key: 'same_lane_same_dir' },
    ],
  };
  return { c, review: recordSquadWord(undefined, change, c, PULLED_AT)! };
}

const render = (i18n: I18n, node: React.ReactNode) =>
  renderToStaticMarkup(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);

const photo = (slot: string, takenAt: string) => ({ slot, takenAt }) as PhotoMeta;

describe('the returned case on the list', () => {
  it('says it was returned, with the squad’s reason and what is missing', async () => {
    const { c, review } = aReturnedCase();
    const html = render(await translator('zh-CN'), <SquadLine c={c} review={review} />);
    expect(html).toContain('data-standing="returned"');
    expect(html).toContain('事故中队退回补充');
    expect(html).toContain('原因：号牌看不清');
    expect(html).toContain('需要补充：车辆 B 号牌；');
  });

  it('names every item: the shot’s title, the field with its owner, the fact’s id until the catalog is there', async () => {
    const { c, review } = aReturnedCase();
    const zh = render(
      await translator('zh-CN'),
      <MissingLine c={c} asks={review.verdict!.missing} />,
    );
    expect(zh).toContain(
      '需要补充：车辆 B 号牌；车辆 A 驾驶人 赵敏：手机号码；事实 same_lane_same_dir',
    );
    const english = render(
      await translator('en'),
      <MissingLine c={c} asks={review.verdict!.missing} />,
    );
    expect(english).toContain(
      'To add: Vehicle B: plate; Driver of vehicle A 赵敏: Mobile number; Fact same_lane_same_dir',
    );
  });

  it('says taken over or approved in its words', async () => {
    const c = aCase().build();
    const zh = await translator('zh-CN');
    const taken = recordSquadWord(
      undefined,
      { cursor: '3', caseId: c.id, kind: 'taken-over', at: RETURNED_AT, note: '有人受伤' },
      c,
      PULLED_AT,
    );
    const takenHtml = render(zh, <SquadLine c={c} review={taken} />);
    expect(takenHtml).toContain('已由事故中队接管');
    expect(takenHtml).toContain('原因：有人受伤');
    const approved = recordSquadWord(
      undefined,
      { cursor: '4', caseId: c.id, kind: 'reviewed', at: RETURNED_AT },
      c,
      PULLED_AT,
    );
    expect(render(await translator('en'), <SquadLine c={c} review={approved} />)).toContain(
      'Approved by the accident squad',
    );
    expect(render(zh, <SquadLine c={c} review={undefined} />)).toBe('');
  });
});

describe('the items on the case screen', () => {
  it('shows each item done or not, with the way to the screen that fixes it', async () => {
    const { c, review } = aReturnedCase();
    const slot = `vehicle:${c.vehicles[1]!.id}:plate`;
    const word = review.verdict!;
    const zh = await translator('zh-CN');

    const before = render(
      zh,
      <MissingItems c={c} word={word} photos={[photo(slot, RETURNED_AT)]} />,
    );
    expect(before.match(/data-done="false"/g)).toHaveLength(3);
    expect(before).toContain(`href="/cases/${c.id}/evidence#slot=${encodeURIComponent(slot)}"`);
    expect(before).toContain(`href="/cases/${c.id}/parties"`);
    expect(before).toContain(`href="/cases/${c.id}/liability"`);
    expect(before).toContain('aria-label="去补拍：车辆 B 号牌"');

    const after = render(
      zh,
      <MissingItems c={c} word={word} photos={[photo(slot, '2026-11-27T10:20:00.000Z')]} />,
    );
    expect(after).toMatch(new RegExp(`data-key="${slot}" data-done="true">.*?已补充`));
    expect(after.match(/data-done="false"/g)).toHaveLength(2);
  });

  it('names a fact by its question once the catalog is loaded', async () => {
    const { c } = aReturnedCase();
    const { loadLiabilityCatalog } = await import('../../domain/liability');
    const target = missingTarget(
      c,
      { kind: 'fact', key: 'same_lane_same_dir' },
      loadLiabilityCatalog(),
    );
    const zh = await translator('zh-CN');
    expect(missingWords(target, zh.t, 'zh-CN')).toBe('两车是否同车道同向行驶？');
    expect(fixHref(c.id, target)).toBe(`/cases/${c.id}/liability`);
    const field = missingTarget(c, { kind: 'field', key: 'occurredAt' });
    expect(missingWords(field, zh.t, 'zh-CN')).toBe('事故发生时间');
    expect(fixHref(c.id, field)).toBe(`/cases/${c.id}`);
  });
});

describe('the squad’s amended liability', () => {
  const REASON = '复核监控：A车未保持安全距离';
  const amendment = { liability: { A: 'primary', B: 'secondary' }, reason: REASON } as const;

  /** A signed rear-end case (B full), returned by the squad's amendment and pulled. */
  function anAmendedCase(): { c: CaseRecord; review: CaseReview } {
    const signed = signedByBoth(noticed(), RETURNED_AT);
    const c: CaseRecord = {
      ...signed,
      state: 'returned',
      transitions: [
        ...signed.transitions,
        { from: 'signed', to: 'submitted', at: RETURNED_AT },
        { from: 'submitted', to: 'synced', at: RETURNED_AT },
        { from: 'synced', to: 'returned', at: RETURNED_AT, reason: REASON },
      ],
    };
    const change: SquadChange = {
      cursor: '12',
      caseId: c.id,
      kind: 'amended',
      at: RETURNED_AT,
      note: REASON,
      amendment,
    };
    return { c, review: recordSquadWord(undefined, change, c, PULLED_AT)! };
  }

  const withServices = (node: React.ReactNode) => (
    <ServicesProvider services={{} as Services}>{node}</ServicesProvider>
  );

  it('is first on the list with the squad’s reason', async () => {
    const { c, review } = anAmendedCase();
    const html = render(await translator('zh-CN'), <SquadLine c={c} review={review} />);
    expect(html).toContain('data-standing="amended"');
    expect(html).toContain('事故中队改判');
    expect(html).toContain(`原因：${REASON}`);
  });

  it('shows the squad’s determination per vehicle, the reason, new signatures, and the one button', async () => {
    const { c, review } = anAmendedCase();
    const zh = render(
      await translator('zh-CN'),
      withServices(<AmendedNotice c={c} word={review.verdict!} />),
    );
    expect(zh).toContain('data-applied="false"');
    expect(zh).toContain(`改判原因：${REASON}`);
    expect(zh).toContain('车辆 A（川A12340）：主要责任');
    expect(zh).toContain('车辆 B（川A12341）：次要责任');
    expect(zh).toContain('重新签名');
    expect(zh).toContain('采用中队改判，重新告知当事人');
    const english = render(
      await translator('en'),
      withServices(<AmendedNotice c={c} word={review.verdict!} />),
    );
    expect(english).toContain('Vehicle A (川A12340): Primary liability');
    expect(english).toContain('Adopt the squad’s determination and notify the parties again');
  });

  it('once adopted, says so and leads to the notices instead of offering it again', async () => {
    const { c, review } = anAmendedCase();
    const adoptedAt = '2026-11-27T10:20:00.000Z';
    const adopted = must(
      applySquadAmendment(
        c,
        amendment,
        { supersededSha256: sha(determinationBytes(c)) },
        adoptedAt,
      ),
    );
    expect(squadStanding(review, adopted)).toBe('amended');
    const html = render(
      await translator('zh-CN'),
      <AmendedNotice c={adopted} word={review.verdict!} />,
    );
    expect(html).toContain('data-applied="true"');
    expect(html).toContain('已采用中队改判');
    expect(html).toContain(`href="/cases/${c.id}/notices"`);
    expect(html).not.toContain('采用中队改判，重新告知当事人');
  });
});

const STATION_AT = '2026-12-07T04:30:00.000Z';
const DETERMINATION: OfficerDetermination = {
  by: { id: '0190a000-0000-7000-8000-0000000000a1', name: '张伟' },
  at: STATION_AT,
  liability: { A: 'primary', B: 'secondary' },
  reason: 'A 车未保持安全距离',
  basis: [{ law: '《中华人民共和国道路交通安全法》', article: '第四十三条' }],
  decision: 'correct',
  note: 'B 车号牌应为川A12342',
};

function handedOver(): CaseRecord {
  return aCase()
    .withVehicles(2)
    .with({
      state: 'synced',
      handover: {
        by: { id: DETERMINATION.by.id, name: '赵敏' },
        at: STATION_AT,
        to: null,
        note: '',
      },
    })
    .build();
}

const word = (c: CaseRecord) =>
  recordSquadWord(
    undefined,
    {
      cursor: '3',
      caseId: c.id,
      kind: 'station-confirmed',
      at: STATION_AT,
      determination: DETERMINATION,
    },
    c,
    STATION_AT,
  )!.officer!;

const renderNotice = (i18n: I18n, c: CaseRecord) =>
  renderToStaticMarkup(
    <ServicesProvider services={{} as Services}>
      <I18nextProvider i18n={i18n}>
        <OfficerNotice c={c} word={word(c)} />
      </I18nextProvider>
    </ServicesProvider>,
  );

const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the officer’s determination at the station', () => {
  it.each([
    [
      'zh-CN',
      [
        '民警已认定责任',
        '认定民警：张伟',
        'A 车 川A12340：主要责任',
        'B 车 川A12341：次要责任',
        '认定理由：A 车未保持安全距离',
        '依据：《中华人民共和国道路交通安全法》第四十三条',
        '民警更正了：B 车号牌应为川A12342',
        '劝导站不能更改',
        '向当事人宣读告知',
      ],
    ],
    [
      'en',
      [
        'An officer determined liability',
        'Determined by officer 张伟',
        'Vehicle A 川A12340: Primary liability',
        'Reason: A 车未保持安全距离',
        'Basis: 《中华人民共和国道路交通安全法》第四十三条',
        'the station cannot change it',
        'Read the notices to the parties',
      ],
    ],
  ] as const)('waits to be read to the parties (%s)', async (lng, words) => {
    const html = renderNotice(await translator(lng), handedOver());
    expect(html).toContain('data-adopted="false"');
    expect(html).toContain('<button');
    for (const w of words) expect(plain(html)).toContain(w);
  });

  it('once adopted, leads to the notices and offers nothing to adopt again', async () => {
    const c = handedOver();
    const adopted = must(adoptOfficerDetermination(c, DETERMINATION, STATION_AT));
    const html = renderNotice(await translator('zh-CN'), adopted);
    expect(html).toContain('data-adopted="true"');
    expect(html).toContain(`href="/cases/${c.id}/notices"`);
    expect(html).not.toContain('<button');
  });
});
