/**
 * The determination PDF as a person sees it: made by the app's own code from a
 * case with real names and plates, rendered by MuPDF and poppler, every glyph
 * compared with the system's Noto Sans CJK SC (tests/pdf/see-pdf.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { aCase, testId } from '../../../tests/builders/case.builder';
import { aRearEndDraft } from '../../../tests/builders/liability.builder';
import { seePdf } from '../../../tests/pdf/see-pdf';
import { factsFromDraft, proposeLiability, type CaseRecord } from '../../domain';
import { loadLiabilityCatalog } from '../../domain/liability/catalog';
import { documentModel } from './document-model';
import { liabilityMessages } from './messages';
import { makeDeterminationPdf } from './pdf';

const FONT = new Uint8Array(readFileSync('public/fonts/NotoSansSC-kuaichu-subset.otf'));
const T0 = '2026-11-27T02:00:00.000Z';

async function translators() {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'zh-CN',
    resources: {
      'zh-CN': { translation: liabilityMessages['zh-CN'] },
      en: { translation: liabilityMessages.en },
    },
    interpolation: { escapeValue: false },
  });
  return { zh: i18n.getFixedT('zh-CN'), en: i18n.getFixedT('en') };
}

/** 李秀英 (蒙A12345) ran into the back of 王建国 (蒙K·D12345, new energy). */
function aDeterminedCase(): CaseRecord {
  const [a, b, pa, pb] = [testId(), testId(), testId(), testId()];
  const c = aCase(T0)
    .with({
      state: 'scene-cleared',
      location: { address: '呼和浩特市新城区兴安北路与海拉尔东街交叉口' },
      vehicles: [
        { id: a, label: 'A', plate: '蒙K·D12345', damagedParts: ['车尾'] },
        { id: b, label: 'B', plate: '蒙A12345', damagedParts: ['车头'] },
      ],
      parties: [
        { id: pa, kind: 'driver', vehicleId: a, name: '王建国', idNumber: '150102198003150018' },
        { id: pb, kind: 'driver', vehicleId: b, name: '李秀英', idNumber: '15010219850620002X' },
      ],
    })
    .build();
  const facts = factsFromDraft(aRearEndDraft(c), true);
  if (!facts.ok) throw new Error(facts.reason);
  const r = proposeLiability(c, loadLiabilityCatalog(), facts.value, T0);
  if (!r.ok) throw new Error(r.reason);
  return r.value.case;
}

describe('the determination PDF', () => {
  it('draws every character of the names, plates and fixed phrases with its real outline', async () => {
    // given a determined case and the document made from it by the app's code
    const { zh, en } = await translators();
    const c = aDeterminedCase();
    const model = documentModel(c, [], zh, en);
    const labels: Record<string, { zh: string; en: string }> = {};
    for (const k of Object.keys(liabilityMessages['zh-CN'].document))
      labels[k] = { zh: zh(`document.${k}`), en: en(`document.${k}`) };
    const { bytes } = await makeDeterminationPdf(model, labels, 'ab'.repeat(32), 'qr', FONT);
    const path = join(process.env['TMPDIR'] ?? '/tmp', `${c.caseNumber}.pdf`);
    writeFileSync(path, bytes);

    // when MuPDF and poppler render it
    const sight = seePdf(path);

    // then no renderer complains, every glyph is the reference glyph of its character
    expect(sight.rendererErrors).toEqual([]);
    expect(sight.wrongGlyphs.map((g) => `${g.char} (${g.iou.toFixed(2)})`)).toEqual([]);
    expect(sight.popplerMisses.map((m) => `${m.char} p${m.page}`)).toEqual([]);
    // and the text a person reads is there
    const text = sight.pageText.join('\n');
    for (const words of [
      '李秀英',
      '王建国',
      '蒙A12345',
      '蒙K·D12345',
      '简易程序',
      '全部责任',
      '无责任',
    ])
      expect(text).toContain(words);
  });
});
