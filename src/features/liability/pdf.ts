/**
 * The determination as a PDF, made on the phone with no network: pdf-lib with
 * the Noto Sans SC subset (public/fonts, precached by the service worker)
 * subset again per document (`subset: true`, through fontkit-cid-fix.ts), the
 * signatures as PNG and a QR code of the determination hash (what the parties
 * signed). Loaded only when the officer asks for the PDF.
 *
 * In the reader's language, or both (`model.langs`). The signatures, the hash
 * and the QR code are kept together on the last page, the QR beside the
 * signatures, so no page holds the QR alone.
 *
 * Characters the font lacks are drawn as "□" and counted (never a crash).
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { supersededText, type DocLabels, type DocumentModel, type Words } from './document-model';
import { fixedFontkit } from './fontkit-cid-fix';

export const FONT_URL = `${import.meta.env.BASE_URL}fonts/NotoSansSC-kuaichu-subset.otf`;
const PLACEHOLDER = '□';
const A4: [number, number] = [595.28, 841.89];
const QR_SIZE = 110;

type FontkitFont = ReturnType<typeof fontkit.create>;

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

interface TextOptions {
  size?: number;
  indent?: number;
  gap?: number;
  grey?: boolean;
}

class Writer {
  private page: PDFPage;
  private y: number;
  readonly missing = new Set<string>();
  private readonly margin = 40;
  private readonly width: number;
  /** Room kept free at the right (for the QR code beside the signatures). */
  private rightInset = 0;
  /** While measuring, nothing is drawn and no page is added: only `y` moves. */
  private measuring = false;
  private readonly images = new Map<string, PDFImage>();

  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
    private readonly glyphs: FontkitFont,
  ) {
    this.page = pdf.addPage(A4);
    this.y = this.page.getHeight() - this.margin;
    this.width = this.page.getWidth() - 2 * this.margin;
  }

  /** The text with every character the font lacks replaced, and counted. */
  clean(text: string): string {
    let out = '';
    // The CJK font's ’ is full width: in English words it reads as a gap.
    for (const ch of text.replace(/[\r\n\t]+/g, ' ').replace(/(?<=[A-Za-z])’(?=[A-Za-z])/g, "'")) {
      const cp = ch.codePointAt(0) ?? 0;
      if (this.glyphs.hasGlyphForCodePoint(cp)) out += ch;
      else {
        this.missing.add(ch);
        out += PLACEHOLDER;
      }
    }
    return out;
  }

  private newPage() {
    this.page = this.pdf.addPage(A4);
    this.y = this.page.getHeight() - this.margin;
  }

  private room(height: number) {
    if (this.measuring || this.y - height >= this.margin) return;
    this.newPage();
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

  text(text: string, { size = 10, indent = 0, gap = 2, grey = false }: TextOptions = {}) {
    const width = this.width - indent - this.rightInset;
    for (const line of this.wrap(this.clean(text), size, width)) {
      this.room(size + gap);
      this.y -= size;
      if (!this.measuring)
        this.page.drawText(line, {
          x: this.margin + indent,
          y: this.y,
          size,
          font: this.font,
          color: grey ? rgb(0.3, 0.33, 0.37) : rgb(0, 0, 0),
        });
      this.y -= gap;
    }
  }

  /** Text in each language of the document: the reader's first, the other below in grey. */
  words(words: Words, options: TextOptions = {}) {
    words.forEach((w, i) => this.text(w, i === 0 ? options : { ...options, grey: true }));
  }

  heading(title: string) {
    this.space(6);
    this.text(title, { size: 12, gap: 4 });
    if (!this.measuring)
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

  private async embed(dataUrl: string): Promise<PDFImage> {
    const known = this.images.get(dataUrl);
    if (known) return known;
    const img = await this.pdf.embedPng(dataUrl);
    this.images.set(dataUrl, img);
    return img;
  }

  async image(dataUrl: string, maxW: number, maxH: number, indent = 0) {
    const img = await this.embed(dataUrl);
    const scale = Math.min(maxW / img.width, maxH / img.height, 1);
    const w = img.width * scale;
    const h = img.height * scale;
    this.room(h + 4);
    this.y -= h;
    if (!this.measuring)
      this.page.drawImage(img, { x: this.margin + indent, y: this.y, width: w, height: h });
    this.y -= 4;
  }

  /** Draws `block` on one page: on a new one when it does not fit in what is left. */
  async together(block: () => Promise<void>) {
    const top = this.y;
    this.measuring = true;
    await block();
    this.measuring = false;
    const height = top - this.y;
    this.y = top;
    if (this.y - height < this.margin) this.newPage();
    await block();
  }

  /** The QR code at the right of the lines that follow, until `endBeside`. */
  async beside(qrDataUrl: string): Promise<number> {
    const top = this.y;
    if (!this.measuring) {
      const img = await this.embed(qrDataUrl);
      this.page.drawImage(img, {
        x: this.margin + this.width - QR_SIZE,
        y: top - QR_SIZE,
        width: QR_SIZE,
        height: QR_SIZE,
      });
    }
    this.rightInset = QR_SIZE + 12;
    return top - QR_SIZE - 4;
  }

  endBeside(bottom: number) {
    this.rightInset = 0;
    this.y = Math.min(this.y, bottom);
  }
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

const fill = (words: Words, value: string) => words.map((x) => x.replace('{{reason}}', value));

function writeHeader({ w, model, L, lab, field }: Parts) {
  L('title').forEach((t, i) =>
    w.text(t, i === 0 ? { size: 16, gap: 4 } : { size: 11, gap: 4, grey: true }),
  );
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
    field('driver', p.name, { indent: 12 });
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
  w.heading(lab('explanation'));
  model.findings.forEach((f, i) => {
    f.explanation.forEach((e, j) =>
      w.text(j === 0 ? `${i + 1}. ${e}` : e, { indent: j === 0 ? 0 : 12, grey: j > 0 }),
    );
    field('basis', f.basis.join('; '), { indent: 12 });
    w.space(3);
  });
  w.words(L('rights'), { size: 9 });
}

function writePhotos({ w, model, L, lab }: Parts) {
  w.heading(lab('photos'));
  if (model.photos.length === 0) w.words(L('noPhotos'));
  for (const p of model.photos) {
    w.text(p.title.join(' / '), { size: 9, gap: 1 });
    w.text(p.sha256, { size: 7, indent: 12, gap: 2, grey: true });
  }
}

/** The signatures beside the QR code, kept together on one page with the manifest hash. */
async function writeClosing(part: Parts, determinationSha256: string, qr: string) {
  const { w, model, labels, L, lab, field } = part;
  await w.together(async () => {
    w.heading(lab('signatures'));
    const bottom = await w.beside(qr);
    for (const s of model.signatures) {
      w.text(`${s.label}  ${s.name}  ${s.at ?? ''}`);
      if (s.kind === 'signed' && s.image) await w.image(s.image, 180, 60, 12);
      if (s.kind === 'refused') w.words(fill(L('refusedNote'), s.reason ?? ''), { indent: 12 });
      else if (s.reason) w.words(fill(L('objectionNote'), s.reason), { indent: 12 });
      if (s.kind === 'missing') w.words(L('notSigned'), { indent: 12 });
    }
    if (model.flagged) field('flagged', model.flagged);
    if (model.superseded.length > 0) {
      w.text(lab('superseded'), { size: 9 });
      for (const a of model.superseded) {
        for (const line of supersededText(labels, a)) w.words([line], { size: 8, indent: 12 });
      }
    }
    w.space(4);
    w.text(lab('manifest'), { size: 9 });
    w.text(determinationSha256, { size: 8 });
    if (model.catalogVersion) field('catalog', model.catalogVersion, { size: 9 });
    w.endBeside(bottom);
  });
}

/** Builds the PDF; `fontBytes` is the subset CJK font. */
export async function makeDeterminationPdf(
  model: DocumentModel,
  labels: DocLabels,
  determinationSha256: string,
  qrText: string,
  fontBytes: Uint8Array,
): Promise<PdfResult> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fixedFontkit);
  const font = await pdf.embedFont(fontBytes, { subset: true });
  const glyphs = fontkit.create(fontBytes as unknown as Buffer);
  const w = new Writer(pdf, font, glyphs);
  const part = parts(w, model, labels);

  pdf.setTitle(`${part.L('title')[0]} ${model.caseNumber}`);
  pdf.setSubject(`${part.L('title').join(' / ')} — ${model.caseNumber}`);
  pdf.setKeywords([model.caseNumber, determinationSha256]);
  pdf.setLanguage(model.langs[0] === 'zh' ? 'zh-CN' : 'en');
  pdf.setCreator('Kuaichu 快处');
  pdf.setProducer('Kuaichu 快处 (pdf-lib)');

  writeHeader(part);
  writeParties(part);
  writeLiability(part);
  writePhotos(part);
  const qr = await QRCode.toDataURL(qrText, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  await writeClosing(part, determinationSha256, qr);

  const bytes = await pdf.save({ useObjectStreams: false });
  return { bytes, missing: [...w.missing] };
}
