/**
 * The determination PDF as a person sees it: made by the app's own code from a
 * case with real names and plates, rendered by MuPDF and poppler, every glyph
 * compared with the system's Noto Sans CJK SC (tests/pdf/see-pdf.ts).
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { aCase, testId } from '../../tests/builders/case.builder';
import { aRearEndDraft } from '../../tests/builders/liability.builder';
import { pdfImages, pdfText, seePdf } from '../../tests/pdf/see-pdf';
import {
  determinationBytes,
  factsFromDraft,
  markNoticesRead,
  placeCaseVehicles,
  proposeLiability,
  rotateSketchVehicle,
  setSketchImpact,
  setSketchRoad,
  recordRefusal,
  recordSignature,
  requiredShots,
  type CaseRecord,
  type PhotoMeta,
  type Result,
} from '../domain';
import { adoptOfficerDetermination } from '../domain/case/station-determination';
import { loadLiabilityCatalog } from '../domain/liability/catalog';
import { documentLabels, documentModel, type DocLang, type DocOptions } from './document-model';
import { makeDeterminationPdf } from './determination-pdf';
import { documentWords } from './words';

const FONT = new Uint8Array(readFileSync('public/fonts/NotoSansSC-kuaichu-subset.otf'));
const OUT = mkdtempSync(join(tmpdir(), 'kuaichu-determination-'));
const T0 = '2026-11-27T02:00:00.000Z';
const T1 = '2026-11-27T02:20:00.000Z';
const PLACE = '呼和浩特市新城区兴安北路与海拉尔东街交叉口';
const HASH = 'ab'.repeat(32);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

function must<T>(r: Result<T, string>): T {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

const ID_WANG = '150102198003150018';
const ID_LI = '15010219850620002X';

/** 李秀英 (蒙A12345) ran into the back of 王建国 (蒙K·D12345, new energy). */
function aRearEndCase(): CaseRecord {
  const [a, b, pa, pb] = [testId(), testId(), testId(), testId()];
  return aCase(T0)
    .with({
      state: 'scene-cleared',
      occurredAt: '2026-11-27T01:48:00.000Z',
      officer: { id: testId(), name: '赵志刚' },
      location: { address: PLACE, road: '兴安北路' },
      vehicles: [
        { id: a, label: 'A', plate: '蒙K·D12345', damagedParts: ['车尾'] },
        { id: b, label: 'B', plate: '蒙A12345', damagedParts: ['车头'] },
      ],
      parties: [
        {
          id: pa,
          kind: 'driver',
          vehicleId: a,
          name: '王建国',
          idNumber: ID_WANG,
          phone: '13904711234',
          compulsoryInsurance: { insurer: '中国人保', policyNumber: 'PDZA202615010000123' },
          commercialInsurance: { insurer: '平安产险', policyNumber: 'PDAA202615010000456' },
        },
        {
          id: pb,
          kind: 'driver',
          vehicleId: b,
          name: '李秀英',
          idNumber: ID_LI,
          compulsoryInsurance: { insurer: '太平洋产险', policyNumber: 'ASHH202615010000789' },
        },
      ],
    })
    .build();
}

/** Proposed, notices read, 王建国 signs with an objection, 李秀英 refuses. */
function aSignedCase(): CaseRecord {
  const c = aRearEndCase();
  const facts = must(factsFromDraft(aRearEndDraft(c), true));
  const proposed = must(proposeLiability(c, loadLiabilityCatalog(), facts, T0)).case;
  const read = must(markNoticesRead(proposed, T1));
  const contentSha256 = createHash('sha256').update(determinationBytes(read)).digest('hex');
  const [wang, li] = read.parties;
  if (!wang || !li) throw new Error('two drivers');
  const signed = must(
    recordSignature(
      read,
      { partyId: wang.id, contentSha256, image: SIGNATURE, objection: '对方未保持安全距离' },
      T1,
    ),
  );
  return must(
    recordRefusal(signed, { partyId: li.id, contentSha256, reason: '认为前车突然刹车' }, T1),
  );
}

/** A 240 × 80 PNG with a wavy stroke: a signature as the pad makes it (not square, unlike the QR). */
function aSignaturePng(): string {
  const [w, h] = [240, 80];
  const rows = Buffer.alloc((w * 4 + 1) * h);
  for (let x = 0; x < w; x++) {
    const y = Math.round(h / 2 + (h / 3) * Math.sin(x / 15));
    rows.writeUInt32BE(0x000000ff, y * (w * 4 + 1) + 1 + x * 4);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}
const SIGNATURE = aSignaturePng();

function photo(c: CaseRecord, slot: string, n: number): PhotoMeta {
  const sha = n.toString(16).padStart(64, '0');
  return {
    schemaVersion: 1,
    sha256: sha,
    originalSha256: sha,
    caseId: c.id,
    slot,
    takenAt: T0,
    byteLength: 1000,
    width: 2048,
    height: 1536,
    mimeType: 'image/jpeg',
  };
}

async function makePdf(c: CaseRecord, photos: PhotoMeta[], langs: DocLang[], name: string) {
  const o: DocOptions = { langs, officerUnit: '呼和浩特市公安局交通管理支队新城区大队' };
  const { bytes } = await makeDeterminationPdf(
    documentModel(c, photos, o),
    documentLabels(o),
    HASH,
    `kuaichu:determination?case=${c.caseNumber}`,
    FONT,
  );
  const path = join(OUT, `${name}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

/** The text without any white space: pdftotext breaks lines where the PDF wraps them. */
const squeeze = (s: string) => s.replace(/\s+/g, '').replace(/’/g, "'");

/**
 * The PDF rendered by MuPDF and poppler, with no renderer error and every
 * glyph the reference glyph of its character; its text, squeezed.
 */
function seenText(path: string): string {
  const sight = seePdf(path);
  expect(sight.rendererErrors).toEqual([]);
  expect(sight.wrongGlyphs.map((g) => g.char)).toEqual([]);
  expect(sight.popplerMisses.map((m) => m.char)).toEqual([]);
  return squeeze(sight.pageText.join(''));
}

describe('the determination PDF', () => {
  it('draws every character of the names, plates and every fixed phrase with its real outline', async () => {
    // given a signed case (an objection, a refusal), its photos, printed bilingual
    const c = aSignedCase();
    const shots = requiredShots(c);
    const photos = [photo(c, shots[0]?.slot ?? '', 1), photo(c, 'extra', 2)];
    const path = await makePdf(c, photos, ['zh', 'en'], 'signed-bilingual');

    // when MuPDF and poppler render it
    const sight = seePdf(path);

    // then no renderer complains and every glyph is the reference glyph of its character
    expect(sight.rendererErrors).toEqual([]);
    expect(sight.wrongGlyphs.map((g) => `${g.char} (${g.iou.toFixed(2)})`)).toEqual([]);
    expect(sight.popplerMisses.map((m) => `${m.char} p${m.page}`)).toEqual([]);
    // and every phrase of the document is among what was drawn
    const text = squeeze(sight.pageText.join(''));
    const labels = documentLabels({ langs: ['zh', 'en'] });
    const phrases = [
      ...['李秀英', '王建国', '蒙A12345', '蒙K·D12345', ID_WANG, ID_LI, 'PDZA202615010000123'],
      ...['ASHH202615010000789', '中国人保', '平安产险', '赵志刚', '13904711234', HASH],
      ...['呼和浩特市公安局交通管理支队新城区大队', '对方未保持安全距离', '认为前车突然刹车'],
      ...['全部责任', 'Full liability', '无责任', 'No liability', '现场全景（后方）'],
      ...['Scene overview from behind', '补充照片', 'Additional photo'],
      ...['title', 'caseNumber', 'place', 'occurredAt', 'arrivedAt', 'officer', 'vehicles']
        .concat(['vehicle', 'driver', 'idNumber', 'phone', 'compulsory', 'commercial'])
        .concat(['policyNumber', 'liability', 'explanation', 'basis', 'rights', 'photos'])
        .concat(['signatures', 'flagged', 'manifest', 'catalog'])
        .flatMap((k) => labels[k] ?? [`(no label ${k})`]),
      ...(labels['refusedNote'] ?? []).map((s) => s.replace('{{reason}}', '认为前车突然刹车')),
      ...(labels['objectionNote'] ?? []).map((s) => s.replace('{{reason}}', '对方未保持安全距离')),
    ];
    expect(phrases.filter((p) => !text.includes(squeeze(p)))).toEqual([]);
    // the place once
    expect(text.split(PLACE)).toHaveLength(2);
  }, 60_000);

  it('says what was not recorded or not done, in the reader’s language only', async () => {
    // given a case with no time of the accident, no officer, no liability, no photos
    const { occurredAt: _time, officer: _officer, ...rest } = aRearEndCase();
    const c: CaseRecord = rest;
    const path = await makePdf(c, [], ['zh'], 'empty-zh');

    // when it is rendered, every glyph right, the gaps are said in Chinese only
    const text = seenText(path);
    for (const phrase of [
      '事故时间：未记录',
      '本案尚未拟定责任。',
      '证据照片（SHA-256）无',
      '未签字',
    ])
      expect(text).toContain(phrase);
    expect(text).not.toContain(squeeze(documentWords.zh.officer));
    expect(text).not.toMatch(/Time of the accident|Not recorded|Liability|Signatures/);
  }, 60_000);

  it('names the officer who determined a rural station’s case remotely, with his reason and article', async () => {
    // given a case the station handed over and the officer determined from afar
    const handedOver: CaseRecord = {
      ...aRearEndCase(),
      state: 'submitted',
      handover: { by: { id: testId(), name: '赵敏' }, at: T0, to: null, note: '双方无争议' },
    };
    const [a, b] = handedOver.vehicles.map((v) => v.label);
    const c = must(
      adoptOfficerDetermination(
        handedOver,
        {
          by: { id: testId(), name: '张卫东' },
          at: T1,
          liability: { [a ?? 'A']: 'full', [b ?? 'B']: 'none' },
          reason: '后车未与前车保持足以采取紧急制动措施的安全距离',
          basis: [{ law: '《中华人民共和国道路交通安全法》', article: '第四十三条' }],
          decision: 'confirm',
          note: '',
        },
        T1,
      ),
    );
    const path = await makePdf(c, [], ['zh'], 'station-remote');

    // when it is rendered, every glyph right, the officer, his reason and the article are there
    const text = seenText(path);
    for (const phrase of [
      '张卫东',
      '后车未与前车保持足以采取紧急制动措施的安全距离',
      '《中华人民共和国道路交通安全法》',
      '第四十三条',
      '全部责任',
    ])
      expect(text).toContain(squeeze(phrase));
    // whoever the case names as its captor (赵志刚 here) does not sign it off: the officer does
    expect(text).not.toContain('赵志刚');
  }, 60_000);

  it('prints in English for an English reader, without the Chinese labels', async () => {
    const c = aSignedCase();
    const text = squeeze(pdfText(await makePdf(c, [], ['en'], 'signed-en')).join(''));
    expect(text).toContain(squeeze('Time of the accident'));
    expect(text).toContain(squeeze('Road Traffic Accident Determination (Simplified Procedure)'));
    expect(text).not.toMatch(/事故时间|道路交通事故认定书|全部责任/);
    // names and plates are as recorded
    expect(text).toContain('李秀英');
  }, 30_000);

  it('keeps the QR code with the signatures: the last page has them both', async () => {
    // given documents long enough to need two pages
    const c = aSignedCase();
    const photos = requiredShots(c).map((s, i) => photo(c, s.slot, i + 1));
    for (const langs of [['zh', 'en'], ['zh']] satisfies DocLang[][]) {
      const path = await makePdf(c, photos, langs, `long-${langs.join('-')}`);
      const pages = pdfText(path);
      const last = squeeze(pages.at(-1) ?? '');
      // then the QR (the only square image) is on the last page, beside the signatures
      const qr = pdfImages(path).filter((i) => i.width === i.height);
      expect(qr.map((i) => i.page)).toEqual([pages.length]);
      expect(pages.length).toBeGreaterThan(1);
      expect(last).toContain('王建国');
      expect(last).toContain('李秀英');
      expect(last).toContain(HASH);
      expect(last).toContain(squeeze(documentWords.zh.signatures));
    }
  }, 30_000);

  it('draws the collision sketch as vector paths, the vehicles lettered, and says it in words', async () => {
    // given a crossroads, A from the south, B from the west turned to head south-east,
    // the impact in the middle
    const c0 = aRearEndCase();
    let c = must(setSketchRoad(c0, { template: 'crossroads', lanes: 2 }, T0));
    c = must(placeCaseVehicles(c, T0));
    c = must(rotateSketchVehicle(c, c0.vehicles[1]?.id ?? '', 45, T0));
    c = must(setSketchImpact(c, { x: 0.5, y: 0.5 }, T0));
    const path = await makePdf(c, [], ['zh', 'en'], 'sketch');

    // when it is rendered, and its drawing traced
    const sight = seePdf(path);
    const trace = execFileSync('mutool', ['draw', '-F', 'trace', '-o', '-', path], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });

    // then the heading, the letters and the sentences are on the page in both languages
    expect(sight.rendererErrors).toEqual([]);
    expect(sight.wrongGlyphs.map((g) => g.char)).toEqual([]);
    expect(sight.popplerMisses.map((m) => `${m.char} p${m.page}`)).toEqual([]);
    const text = squeeze(sight.pageText.join(''));
    for (const phrase of ['现场草图', 'Collision sketch', '十字路口，每向2条车道'])
      expect(text).toContain(squeeze(phrase));
    expect(text).toContain('A位于南侧，朝北行驶');
    expect(text).toContain(squeeze('B on the west side, heading south-east'));
    expect(text).toContain('碰撞点位于中央');
    // and it is drawn, not pasted as a picture: two vehicle bodies and the red cross as paths
    expect(pdfImages(path).filter((i) => i.width !== i.height)).toEqual([]); // the QR only
    expect(trace.match(/<fill_path[^>]*color="0?\.78 0?\.86 0?\.97"/g)).toHaveLength(2);
    expect(trace).toMatch(/<stroke_path[^>]*color="0?\.8 0?\.1 0?\.1"/);
  }, 60_000);
});
