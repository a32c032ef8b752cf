/**
 * Lays out text and images on A4 pages for the determination PDF: greedy line
 * breaking by width (Chinese and English alike), pages added as needed, a
 * block kept together on one page, and room at the right for the QR code.
 * Characters the font lacks are drawn as "□" and counted (never a crash).
 */
import type fontkit from '@pdf-lib/fontkit';
import { rgb, type PDFDocument, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import type { Words } from './document-model';

const PLACEHOLDER = '□';
const A4: [number, number] = [595.28, 841.89];
const QR_SIZE = 110;

type FontkitFont = ReturnType<typeof fontkit.create>;

export interface TextOptions {
  size?: number;
  indent?: number;
  gap?: number;
  grey?: boolean;
}

export class Writer {
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

  /** A drawing `height` high at the left margin: `draw` gets the page and its top-left corner. */
  drawing(height: number, draw: (page: PDFPage, x: number, top: number) => void) {
    this.room(height + 4);
    if (!this.measuring) draw(this.page, this.margin, this.y);
    this.y -= height + 4;
  }

  /** The font the document is written in (for labels drawn inside a drawing). */
  get pdfFont(): PDFFont {
    return this.font;
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
