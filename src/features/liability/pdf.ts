/**
 * The determination as a PDF, made on the phone with no network: pdf-lib with
 * the subset Noto Sans SC font (public/fonts, precached by the service worker)
 * embedded with `subset: true`, the signatures as PNG and a QR code of the
 * determination hash (what the parties signed). Loaded only when the officer
 * asks for the PDF.
 *
 * Characters the font lacks are drawn as "□" and counted (never a crash).
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { DocumentModel } from './document-model';
import { fixedFontkit } from './fontkit-cid-fix';

export const FONT_URL = `${import.meta.env.BASE_URL}fonts/NotoSansSC-kuaichu-subset.otf`;
const PLACEHOLDER = '□';

type FontkitFont = ReturnType<typeof fontkit.create>;

export interface PdfLabels {
  /** Section titles and captions: zh / en pairs. */
  [key: string]: { zh: string; en: string };
}

export interface PdfResult {
  bytes: Uint8Array;
  /** Characters replaced by the placeholder because the font lacks them. */
  missing: string[];
}

export async function loadFont(): Promise<Uint8Array> {
  const res = await fetch(FONT_URL);
  if (!res.ok) throw new Error(`font ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

class Writer {
  private page: PDFPage;
  private y: number;
  readonly missing = new Set<string>();
  private readonly margin = 40;
  private readonly width: number;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
    private readonly glyphs: FontkitFont,
  ) {
    this.page = pdf.addPage([595.28, 841.89]);
    this.y = this.page.getHeight() - this.margin;
    this.width = this.page.getWidth() - 2 * this.margin;
  }

  /** The text with every character the font lacks replaced, and counted. */
  clean(text: string): string {
    let out = '';
    for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
      const cp = ch.codePointAt(0) ?? 0;
      if (this.glyphs.hasGlyphForCodePoint(cp)) out += ch;
      else {
        this.missing.add(ch);
        out += PLACEHOLDER;
      }
    }
    return out;
  }

  private room(height: number) {
    if (this.y - height >= this.margin) return;
    this.page = this.pdf.addPage([595.28, 841.89]);
    this.y = this.page.getHeight() - this.margin;
  }

  /** Greedy line breaking by width: works for Chinese (no spaces) and English alike. */
  private wrap(text: string, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const token of text.match(/[A-Za-z0-9.,;:'"()\-/+&%#@]+\s*|\s+|./gu) ?? []) {
      const next = line + token;
      if (line !== '' && this.font.widthOfTextAtSize(next, size) > width) {
        lines.push(line.trimEnd());
        line = token.trimStart();
        while (this.font.widthOfTextAtSize(line, size) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && this.font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      } else line = next;
    }
    if (line.trim() !== '') lines.push(line.trimEnd());
    return lines;
  }

  text(text: string, { size = 10, indent = 0, gap = 2, grey = false } = {}) {
    const lines = this.wrap(this.clean(text), size, this.width - indent);
    for (const line of lines) {
      this.room(size + gap);
      this.y -= size;
      this.page.drawText(line, {
        x: this.margin + indent,
        y: this.y,
        size,
        font: this.font,
        color: grey ? rgb(0.35, 0.38, 0.42) : rgb(0, 0, 0),
      });
      this.y -= gap;
    }
  }

  heading(both: { zh: string; en: string }) {
    this.space(6);
    this.text(`${both.zh}  ${both.en}`, { size: 12, gap: 4 });
    this.page.drawLine({
      start: { x: this.margin, y: this.y },
      end: { x: this.margin + this.width, y: this.y },
      thickness: 0.5,
      color: rgb(0.6, 0.6, 0.6),
    });
    this.y -= 4;
  }

  space(h: number) {
    this.y -= h;
  }

  async image(dataUrl: string, maxW: number, maxH: number, indent = 0) {
    const img = await this.pdf.embedPng(dataUrl);
    const scale = Math.min(maxW / img.width, maxH / img.height, 1);
    const w = img.width * scale;
    const h = img.height * scale;
    this.room(h + 4);
    this.y -= h;
    this.page.drawImage(img, { x: this.margin + indent, y: this.y, width: w, height: h });
    this.y -= 4;
  }
}

/** Builds the PDF; `fontBytes` is the subset CJK font. */
export async function makeDeterminationPdf(
  model: DocumentModel,
  labels: PdfLabels,
  determinationSha256: string,
  qrText: string,
  fontBytes: Uint8Array,
): Promise<PdfResult> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fixedFontkit);
  const font = await pdf.embedFont(fontBytes, { subset: true });
  const glyphs = fontkit.create(fontBytes as unknown as Buffer);
  const w = new Writer(pdf, font, glyphs);
  const L = (key: string) => labels[key] ?? { zh: key, en: key };
  const both = (key: string, value: string) => `${L(key).zh} ${L(key).en}: ${value}`;

  pdf.setTitle(`${L('title').zh} ${model.caseNumber}`);
  pdf.setSubject(`${L('title').en} — ${model.caseNumber}`);
  pdf.setKeywords([model.caseNumber, determinationSha256]);
  pdf.setCreator('Kuaichu 快处');
  pdf.setProducer('Kuaichu 快处 (pdf-lib)');

  w.text(L('title').zh, { size: 16, gap: 4 });
  w.text(L('title').en, { size: 11, gap: 8, grey: true });
  w.text(both('caseNumber', model.caseNumber), { size: 11 });
  w.text(both('place', model.place));
  if (model.occurredAt) w.text(both('occurredAt', model.occurredAt));
  w.text(both('arrivedAt', model.arrivedAt));

  w.heading(L('vehicles'));
  for (const v of model.vehicles) {
    const extra = [v.phone, v.insurer].filter(Boolean).join(' · ');
    w.text(`${v.label}  ${v.plate}  ${v.driver}${extra ? `  ${extra}` : ''}`);
  }

  w.heading(L('liability'));
  for (const l of model.liability)
    w.text(`${l.label}: ${l.level.zh} / ${l.level.en}`, { size: 11 });
  if (model.override) {
    w.text(both('override', `${model.override.levels.zh} / ${model.override.levels.en}`));
    w.text(both('overrideReason', model.override.reason));
    if (model.proposal) w.text(both('proposal', model.proposal), { grey: true });
  }

  w.heading(L('explanation'));
  model.findings.forEach((f, i) => {
    w.text(`${i + 1}. ${f.explanation.zh}`);
    w.text(f.explanation.en, { indent: 12, grey: true });
    w.text(`${L('basis').zh} ${L('basis').en}: ${f.basis.join('; ')}`, { indent: 12 });
    w.space(3);
  });
  w.text(L('rights').zh, { size: 9 });
  w.text(L('rights').en, { size: 9, grey: true });

  w.heading(L('signatures'));
  for (const s of model.signatures) {
    w.text(`${s.label}  ${s.name}  ${s.at ?? ''}`);
    if (s.kind === 'signed' && s.image) await w.image(s.image, 180, 60, 12);
    if (s.kind === 'refused') {
      w.text(`${L('refusedNote').zh.replace('{{reason}}', s.reason ?? '')}`, { indent: 12 });
      w.text(`${L('refusedNote').en.replace('{{reason}}', s.reason ?? '')}`, {
        indent: 12,
        grey: true,
      });
    } else if (s.reason) w.text(both('objection', s.reason), { indent: 12 });
    if (s.kind === 'missing') w.text(`${L('notSigned').zh} ${L('notSigned').en}`, { indent: 12 });
  }
  if (model.flagged) w.text(both('flagged', model.flagged));

  w.heading(L('photos'));
  if (model.photos.length === 0) w.text(`${L('noPhotos').zh} ${L('noPhotos').en}`);
  for (const p of model.photos) w.text(`${p.sha256}  ${p.slot}`, { size: 7, gap: 1 });

  w.heading(L('manifest'));
  w.text(determinationSha256, { size: 9 });
  if (model.catalogVersion) w.text(both('catalog', model.catalogVersion), { size: 9 });
  const qr = await QRCode.toDataURL(qrText, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  await w.image(qr, 110, 110);

  const bytes = await pdf.save({ useObjectStreams: false });
  return { bytes, missing: [...w.missing] };
}
