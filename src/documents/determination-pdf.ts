/**
 * The determination as a PDF, with no network: pdf-lib with the Noto Sans SC
 * subset (public/fonts: the phone fetches it, precached by the service
 * worker; the server reads the same file from disk, `FONT_PATH`) subset again
 * per document (`subset: true`, through fontkit-cid-fix.ts), the signatures
 * as PNG and a QR code of the hash the document is sealed with. The phone
 * loads it only when the officer asks for the PDF; the server makes an
 * insurer's copy from its redacted view (`insurer-model.ts`).
 *
 * In the reader's language, or both (`model.langs`). The signatures, the hash
 * and the QR code are kept together on the last page, the QR beside the
 * signatures, so no page holds the QR alone.
 *
 * Same model, labels, font and `date`: same bytes (pdf-lib's font tag comes
 * from a fixed seed; the dates are the ones given).
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { supersededText, type DocLabels, type DocumentModel, type Words } from './document-model';
import { fixedFontkit } from './fontkit-cid-fix';
import { Writer, type TextOptions } from './pdf-writer';
import { drawSketch } from './sketch-pdf';
import type { LabelKey } from './words';

/** The CJK font, under public/ and at the site's root: one file for the phone and the server. */
export const FONT_PATH = 'fonts/NotoSansSC-kuaichu-subset.otf';

export interface PdfResult {
  bytes: Uint8Array;
  /** Characters replaced by the placeholder because the font lacks them. */
  missing: string[];
}

export interface PdfOptions {
  /** What the sealing hash is (default `manifest`: the determination content the parties signed). */
  sealLabel?: LabelKey;
  /** The document's creation date (default: now); give one for bytes that do not depend on the time. */
  date?: Date;
}

/** What every part of the document writes with: the writer and the labels in the document's languages. */
interface Parts {
  w: Writer;
  model: DocumentModel;
  labels: DocLabels;
  L: (key: string) => Words;
  /** A label in every language of the document, on one line. */
  lab: (key: string) => string;
  /** What follows a label: a full-width colon in Chinese. */
  colon: string;
  /** "label: value" on one line. */
  field: (key: string, value: string, o?: TextOptions) => void;
}

function parts(w: Writer, model: DocumentModel, labels: DocLabels): Parts {
  const L = (key: string): Words => labels[key] ?? [key];
  const lab = (key: string) => L(key).join(' ');
  const colon = model.langs[0] === 'zh' ? '：' : ': ';
  const field = (key: string, value: string, o?: TextOptions) =>
    w.text(`${lab(key)}${colon}${value}`, o);
  return { w, model, labels, L, lab, colon, field };
}

const fill = (words: Words, value: string, key = 'reason') =>
  words.map((x) => x.replace(`{{${key}}}`, value));

function writeHeader({ w, model, L, lab, field }: Parts) {
  L('title').forEach((t, i) =>
    w.text(t, i === 0 ? { size: 16, gap: 4 } : { size: 11, gap: 4, grey: true }),
  );
  if (model.copyFor) w.words(fill(L('insurerCopy'), model.copyFor, 'insurer'), { size: 9 });
  w.space(4);
  field('caseNumber', model.caseNumber, { size: 11 });
  field('place', model.place);
  field('occurredAt', model.occurredAt ?? lab('notRecorded'));
  field('arrivedAt', model.arrivedAt);
  if (model.officer)
    field('officer', [model.officer.name, model.officer.unit].filter(Boolean).join(' · '));
}

function writeParties({ w, model, lab, colon, field }: Parts) {
  w.heading(lab('vehicles'));
  for (const p of model.parties) {
    w.text(`${lab('vehicle')} ${p.label}  ${p.plate}`, { size: 11 });
    field('driver', p.name ?? lab('withheld'), { indent: 12 });
    if (p.idNumber) field('idNumber', p.idNumber, { indent: 12 });
    if (p.licenceNumber) field('licenceNumber', p.licenceNumber, { indent: 12 });
    if (p.phone) field('phone', p.phone, { indent: 12 });
    for (const i of p.insurance) {
      const policy = i.policyNumber ? `  ${lab('policyNumber')}${colon}${i.policyNumber}` : '';
      w.text(`${i.kind.join(' ')}${colon}${i.insurer}${policy}`, { indent: 12 });
    }
    w.space(3);
  }
}

function writeLiability({ w, model, L, lab, field }: Parts) {
  w.heading(lab('liability'));
  if (model.liability.length === 0) w.words(L('noDetermination'));
  for (const l of model.liability) w.text(`${l.label}: ${l.level.join(' / ')}`, { size: 11 });
  if (model.override) {
    field('override', model.override.levels.join(' / '));
    field('overrideReason', model.override.reason);
    if (model.proposal) field('proposal', model.proposal.join(' / '), { grey: true });
  }
  if (model.overridden) w.words(L('overridden'));
  w.heading(lab('explanation'));
  model.findings.forEach((f, i) => {
    f.explanation.forEach((e, j) =>
      w.text(j === 0 ? `${i + 1}. ${e}` : e, { indent: j === 0 ? 0 : 12, grey: j > 0 }),
    );
    field('basis', f.basis.join('; '), { indent: f.explanation.length > 0 ? 12 : 0 });
    w.space(3);
  });
  w.words(L('rights'), { size: 9 });
}

/** The sketch, its drawing and its sentences kept together on one page. */
async function writeSketch({ w, model }: Parts) {
  const sketch = model.sketch;
  if (!sketch) return;
  const size = 220;
  await w.together(async () => {
    w.heading(sketch.title.join(' '));
    w.drawing(size, (page, x, top) => drawSketch(page, w.pdfFont, sketch, { x, top, size }));
    for (const line of sketch.lines) w.words(line, { size: 9 });
    w.words(sketch.legend, { size: 8 });
  });
}

function writePhotos({ w, model, L, lab }: Parts) {
  w.heading(lab('photos'));
  if (model.photos.length === 0) w.words(L('noPhotos'));
  for (const p of model.photos) {
    w.text(p.title.join(' / '), { size: 9, gap: 1 });
    w.text(p.sha256, { size: 7, indent: 12, gap: 2, grey: true });
  }
}

async function writeSignature({ w, L }: Parts, s: DocumentModel['signatures'][number]) {
  w.text(`${s.label}  ${s.name}  ${s.at ?? ''}`);
  if (s.kind === 'signed' && s.image) await w.image(s.image, 180, 60, 12);
  else if (s.kind === 'signed') w.words(L('signed'), { indent: 12 });
  if (s.kind === 'refused' && s.reason === undefined) w.words(L('refused'), { indent: 12 });
  else if (s.kind === 'refused') w.words(fill(L('refusedNote'), s.reason ?? ''), { indent: 12 });
  else if (s.reason) w.words(fill(L('objectionNote'), s.reason), { indent: 12 });
  if (s.kind === 'missing') w.words(L('notSigned'), { indent: 12 });
}

/** What seals the document: its hash under its label, and the QR code carrying it. */
interface Seal {
  label: LabelKey;
  sha256: string;
  qr: string;
}

/** The signatures beside the QR code, kept together on one page with the sealing hash. */
async function writeClosing(part: Parts, seal: Seal) {
  const { w, model, labels, L, lab, field } = part;
  await w.together(async () => {
    w.heading(lab('signatures'));
    const bottom = await w.beside(seal.qr);
    for (const s of model.signatures) await writeSignature(part, s);
    if (model.flagged) field('flagged', model.flagged);
    if (model.amended) w.words(L('amended'), { size: 9 });
    if (model.superseded.length > 0) {
      w.text(lab('superseded'), { size: 9 });
      for (const a of model.superseded) {
        for (const line of supersededText(labels, a)) w.words([line], { size: 8, indent: 12 });
      }
    }
    w.space(4);
    w.text(lab(seal.label), { size: 9 });
    w.text(seal.sha256, { size: 8 });
    if (model.catalogVersion) field('catalog', model.catalogVersion, { size: 9 });
    w.endBeside(bottom);
  });
}

/** Builds the PDF sealed with `sha256` (and `qrText` in its QR code); `fontBytes` is the subset CJK font. */
export async function makeDeterminationPdf(
  model: DocumentModel,
  labels: DocLabels,
  sha256: string,
  qrText: string,
  fontBytes: Uint8Array,
  options: PdfOptions = {},
): Promise<PdfResult> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fixedFontkit);
  const font = await pdf.embedFont(fontBytes, { subset: true });
  const glyphs = fontkit.create(fontBytes as unknown as Parameters<typeof fontkit.create>[0]);
  const w = new Writer(pdf, font, glyphs);
  const part = parts(w, model, labels);

  pdf.setTitle(`${part.L('title')[0]} ${model.caseNumber}`);
  pdf.setSubject(`${part.L('title').join(' / ')} — ${model.caseNumber}`);
  pdf.setKeywords([model.caseNumber, sha256]);
  pdf.setLanguage(model.langs[0] === 'zh' ? 'zh-CN' : 'en');
  pdf.setCreator('Kuaichu 快处');
  pdf.setProducer('Kuaichu 快处 (pdf-lib)');
  const date = options.date ?? new Date();
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);

  writeHeader(part);
  writeParties(part);
  writeLiability(part);
  await writeSketch(part);
  writePhotos(part);
  const qr = await QRCode.toDataURL(qrText, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  await writeClosing(part, { label: options.sealLabel ?? 'manifest', sha256, qr });

  const bytes = await pdf.save({ useObjectStreams: false });
  return { bytes, missing: [...w.missing] };
}
