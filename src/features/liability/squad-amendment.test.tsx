// The accident squad's amended determination, once the officer adopted it:
// the liability screen shows it in force and does not offer to re-run the
// engine on the officer's earlier answers; the determination document names
// the determination it supersedes with the squad's reason. Rendered to HTML
// in Node.
import i18next, { type i18n as I18n } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  must,
  noticed,
  proposed,
  sha256HexSync as sha,
  signedByBoth,
} from '../../../tests/builders/liability.builder';
import {
  applySquadAmendment,
  determinationBytes,
  markNoticesRead,
  openAmendment,
  transitionCase,
  type CaseRecord,
  type CaseState,
} from '../../domain';
import { ServicesProvider, type Services } from '../../services/ServicesContext';
import { en } from '../../ui/i18n/en';
import { zhCN } from '../../ui/i18n/zh-CN';
import {
  documentLabels,
  documentModel,
  supersededText,
  type DocOptions,
} from '../../documents/document-model';
import { Liability } from './LiabilityScreen';
import { liabilityMessages } from './messages';

const T3 = '2026-11-27T02:40:00.000Z';
const T4 = '2026-11-27T03:00:00.000Z';
const T5 = '2026-11-27T03:10:00.000Z';
const REASON = '复核监控：A车未保持安全距离';

let i18n: I18n;
beforeAll(async () => {
  i18n = i18next.createInstance().use(initReactI18next);
  await i18n.init({
    lng: 'zh-CN',
    resources: {
      'zh-CN': { translation: { ...zhCN, ...liabilityMessages['zh-CN'] } },
      en: { translation: { ...en, ...liabilityMessages.en } },
    },
    interpolation: { escapeValue: false },
  });
});

const signAll = signedByBoth;

const move = (c: CaseRecord, ...states: CaseState[]): CaseRecord =>
  states.reduce((x, to) => must(transitionCase(x, to, T3)), c);

/** The officer's rear-end case (B full) signed and sent, amended by the squad: A primary, B secondary. */
function adopted(): { before: CaseRecord; after: CaseRecord } {
  const before = move(signAll(noticed(), T3), 'submitted', 'synced', 'returned');
  const amendment = { liability: { A: 'primary', B: 'secondary' }, reason: REASON } as const;
  const after = must(
    applySquadAmendment(
      before,
      amendment,
      { supersededSha256: sha(determinationBytes(before)) },
      T4,
    ),
  );
  return { before, after };
}

const services = {} as Services;
const render = (c: CaseRecord) =>
  renderToStaticMarkup(
    <ServicesProvider services={services}>
      <I18nextProvider i18n={i18n}>
        <Liability c={c} />
      </I18nextProvider>
    </ServicesProvider>,
  );

describe('the liability screen after the squad’s amendment is adopted', () => {
  it('shows the squad’s determination in force, without the questions or a new proposal', () => {
    const html = render(adopted().after);
    expect(html).toContain('data-testid="squad-in-force"');
    expect(html).toContain('事故中队改判的认定');
    expect(html).toContain('A 主要责任，B 次要责任');
    expect(html).toContain(`原因：${REASON}`);
    // The stored proposal with the squad's override, nothing to change it with.
    expect(html).toContain('data-testid="stored-proposal"');
    expect(html).toContain(REASON);
    expect(html).not.toContain('data-testid="liability-outcome"');
    expect(html).not.toContain('确认拟定责任');
    expect(html).not.toContain('重新拟定');
    expect(html).not.toContain('保存改定');
  });

  it('stays so once the parties sign again, and ends with the officer’s own amendment', () => {
    const resigned = signAll(must(markNoticesRead(adopted().after, T5)), T5);
    expect(render(resigned)).toContain('data-testid="squad-in-force"');
    const own = must(
      openAmendment(
        resigned,
        { reason: '号牌录入错误', supersededSha256: sha(determinationBytes(resigned)) },
        T5,
      ),
    );
    const html = render(own);
    expect(html).not.toContain('data-testid="squad-in-force"');
    expect(html).toContain('data-testid="liability-outcome"');
  });

  it('is the officer’s own screen on a case the squad has not amended', () => {
    const html = render(proposed());
    expect(html).not.toContain('data-testid="squad-in-force"');
    expect(html).toContain('data-testid="liability-outcome"');
  });
});

describe('the determination document after the squad’s amendment', () => {
  it('states the squad’s liability and lists the superseded determination with the squad’s reason', () => {
    const { before, after } = adopted();
    const resigned = signAll(must(markNoticesRead(after, T5)), T5);
    const o: DocOptions = { langs: ['zh', 'en'] };

    const model = documentModel(resigned, [], o);

    expect(model.liability.map((l) => [l.label, l.level[0]])).toEqual([
      ['A', '主要责任'],
      ['B', '次要责任'],
    ]);
    expect(model.override?.reason).toBe(REASON);
    expect(model.superseded).toHaveLength(1);
    expect(model.superseded[0]).toMatchObject({
      reason: REASON,
      sha256: sha(determinationBytes(before)),
      signatures: 2,
    });
    const [zh, english] = supersededText(documentLabels(o), model.superseded[0]!);
    expect(zh).toContain(REASON);
    expect(english).toContain(REASON);
  });
});
