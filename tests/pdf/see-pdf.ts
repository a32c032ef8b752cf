/**
 * What a person sees in a PDF, checked without OCR by two independent
 * renderers (Debian `mupdf-tools` and `poppler-utils`):
 *
 * 1. `mutool draw` and `pdftoppm` render every page; anything they report on
 *    stderr (a broken embedded font: "FT_Load_Glyph … broken file") is kept.
 * 2. Every glyph MuPDF draws is rasterised from the font embedded in the PDF
 *    and compared with the glyph of the same character in the system's Noto
 *    Sans CJK SC (`fonts-noto-cjk`), laid out by MuPDF from an XHTML page that
 *    loads that font file. A blank, broken or wrong glyph does not match.
 * 3. poppler's rendering of each page is compared, glyph box by glyph box,
 *    with the page's text drawn at the same places in the reference font.
 *
 * Text extraction alone proves nothing here: a PDF whose font has broken
 * outlines still extracts perfectly (its ToUnicode map is fine).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const SYSTEM_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const SC_FACE = 2; // Noto Sans CJK SC in Debian's collection
const SCALE = 2; // 144 dpi

export interface GlyphCheck {
  font: string;
  gid: number;
  char: string;
  hasReference: boolean;
  /** Inked pixels of the embedded glyph and of the reference glyph, 48 px per em. */
  ink: number;
  refInk: number;
  /** Overlap of the two (intersection over union of inked pixels); 1 for two blanks. */
  iou: number;
}

export interface PlacedGlyphMiss {
  page: number;
  char: string;
  /** How well poppler's pixels match the reference glyph's in the glyph's box (0–1). */
  match: number;
}

export interface PdfSight {
  pageCount: number;
  /** Text of each page as poppler extracts it. */
  pageText: string[];
  /** Whatever `mutool draw` and `pdftoppm` reported while rendering. */
  rendererErrors: string[];
  glyphs: GlyphCheck[];
  /** Glyphs whose embedded outline is not the reference outline of their character. */
  wrongGlyphs: GlyphCheck[];
  /** Places where poppler drew something other than the reference glyph. */
  popplerMisses: PlacedGlyphMiss[];
  /** Folder with the renderings (`mupdf-N.png`, `poppler-N.pgm`, `ref-N.png`), kept when something is wrong. */
  dir: string;
}

/** The outline check's threshold: the same outline rasterised twice overlaps ~1. */
const SAME_OUTLINE = 0.9;
/** The same glyph drawn by poppler matches ~1 (anti-aliasing aside); a blank 0, another glyph far less. */
const SAME_PLACE = 0.8;

function run(cmd: string, args: string[]): { stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

/** MuPDF built without lcms says so on every run: not about the document. */
const harmless = (line: string) => line.trim() === '' || /ICC support is not available/.test(line);

/** One face of the system's CJK collection as a standalone font file (cached). */
function referenceFont(): string {
  const out = join(tmpdir(), `kuaichu-ref-NotoSansCJKsc-${SC_FACE}.otf`);
  if (existsSync(out)) return out;
  const ttc = readFileSync(SYSTEM_CJK);
  const dir = ttc.readUInt32BE(12 + 4 * SC_FACE);
  const numTables = ttc.readUInt16BE(dir + 4);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const rec = dir + 12 + 16 * i;
    return {
      tag: ttc.toString('latin1', rec, rec + 4),
      checksum: ttc.readUInt32BE(rec + 4),
      offset: ttc.readUInt32BE(rec + 8),
      length: ttc.readUInt32BE(rec + 12),
    };
  });
  const header = 12 + 16 * numTables;
  const font = Buffer.alloc(tables.reduce((n, t) => n + ((t.length + 3) & ~3), header));
  ttc.copy(font, 0, dir, dir + 12);
  let at = header;
  tables.forEach((t, i) => {
    const rec = 12 + 16 * i;
    font.write(t.tag, rec, 'latin1');
    font.writeUInt32BE(t.checksum, rec + 4);
    font.writeUInt32BE(at, rec + 8);
    font.writeUInt32BE(t.length, rec + 12);
    ttc.copy(font, at, t.offset, t.offset + t.length);
    at += (t.length + 3) & ~3;
  });
  const partial = `${out}.${process.pid}`;
  writeFileSync(partial, font);
  execFileSync('mv', [partial, out]);
  return out;
}

function referencePage(chars: string[], dir: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const path = join(dir, 'reference.xhtml');
  writeFileSync(
    path,
    `<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><style>
@font-face { font-family: "Reference"; src: url("${referenceFont()}"); }
body { font-family: "Reference"; font-size: 20pt; }
</style></head><body><p>${chars.map(esc).join(' ')}</p></body></html>`,
  );
  return path;
}

interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** An 8-bit greyscale PNG as MuPDF writes it (colour type 0, no interlace). */
function readGrayPng(path: string): Gray {
  const png = readFileSync(path);
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 0 || data[12] !== 0)
        throw new Error(`${path}: not 8-bit grey without interlace`);
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (width + 1)];
    for (let x = 0; x < width; x++) {
      const v = raw[y * (width + 1) + 1 + x] ?? 0;
      const a = x > 0 ? (pixels[y * width + x - 1] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * width + x] ?? 0) : 0;
      const c = x > 0 && y > 0 ? (pixels[(y - 1) * width + x - 1] ?? 0) : 0;
      const pa = Math.abs(b - c);
      const pb = Math.abs(a - c);
      const pc = Math.abs(a + b - 2 * c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter ?? 0] ?? 0;
      pixels[y * width + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, pixels };
}

/** A binary PGM (P5, maxval 255) as pdftoppm -gray writes it. */
function readPgm(path: string): Gray {
  const buf = readFileSync(path);
  const fields: string[] = [];
  let at = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[at] ?? 32))) at++;
    let tok = '';
    while (!/\s/.test(String.fromCharCode(buf[at] ?? 32)))
      tok += String.fromCharCode(buf[at++] ?? 32);
    fields.push(tok);
  }
  const [magic, w, h] = fields;
  if (magic !== 'P5') throw new Error(`${path}: not a binary PGM`);
  const width = Number(w);
  const height = Number(h);
  return { width, height, pixels: new Uint8Array(buf.subarray(at + 1, at + 1 + width * height)) };
}

/**
 * Ink: darker than `level`. The reference is drawn black (ink below 128); what
 * the renderer drew counts from a light grey on, as text may be grey and thin
 * strokes anti-alias light.
 */
const inked = (g: Gray, x: number, y: number, level = 128) =>
  x >= 0 && y >= 0 && x < g.width && y < g.height && (g.pixels[y * g.width + x] ?? 255) < level;
const SEEN_INK = 224;

/** Whether `g` has ink at (x, y) or next to it: renderers anti-alias edges differently. */
function inkNear(g: Gray, x: number, y: number, level = 128): boolean {
  for (let dy = -1; dy <= 1; dy++)
    for (let dx = -1; dx <= 1; dx++) if (inked(g, x + dx, y + dy, level)) return true;
  return false;
}

/**
 * How well what a renderer drew (`seen`) matches the reference in a box: the
 * share of the reference's ink that has ink near it, and of the drawn ink that
 * has reference ink near it — the lower of the two, at the best of the offsets
 * up to one pixel (renderers round glyph origins differently). ~1 for the same
 * glyph, 0 for a blank, low for another glyph.
 */
function boxMatch(seen: Gray, ref: Gray, x0: number, y0: number, x1: number, y1: number) {
  let refInk = 0;
  let best = 0;
  for (let ox = -1; ox <= 1; ox++) {
    for (let oy = -1; oy <= 1; oy++) {
      let refFound = 0;
      let ink = 0;
      let inkExpected = 0;
      refInk = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          if (inked(ref, x, y)) {
            refInk++;
            if (inkNear(seen, x + ox, y + oy, SEEN_INK)) refFound++;
          }
          if (inked(seen, x + ox, y + oy, SEEN_INK)) {
            ink++;
            if (inkNear(ref, x, y)) inkExpected++;
          }
        }
      }
      const recall = refInk === 0 ? 1 : refFound / refInk;
      const precision = ink === 0 ? 1 : inkExpected / ink;
      best = Math.max(best, Math.min(recall, precision));
    }
  }
  return { refInk, match: best };
}

interface MupdfReport {
  glyphs: {
    font: string;
    gid: number;
    unicode: number;
    hasReference: boolean;
    ink: number;
    refInk: number;
    iou: number;
  }[];
  pages: {
    reference: string;
    placements: { unicode: number; x: number; y: number; size: number; advance: number }[];
  }[];
}

/** The text of each page as poppler extracts it. */
export function pdfText(pdfPath: string): string[] {
  return run('pdftotext', ['-layout', pdfPath, '-']).stdout.split('\f').slice(0, -1);
}

/** The images of the PDF with their page and size in pixels (poppler's `pdfimages -list`). */
export function pdfImages(pdfPath: string): { page: number; width: number; height: number }[] {
  return run('pdfimages', ['-list', pdfPath])
    .stdout.split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length > 4 && f[2] === 'image')
    .map((f) => ({ page: Number(f[0]), width: Number(f[3]), height: Number(f[4]) }));
}

/** Renders the PDF with MuPDF and poppler and compares every glyph with the reference font. */
export function seePdf(pdfPath: string): PdfSight {
  const dir = mkdtempSync(join(tmpdir(), 'kuaichu-pdf-'));
  const rendererErrors: string[] = [];
  const keep = (tool: string, stderr: string) =>
    rendererErrors.push(
      ...stderr
        .split('\n')
        .filter((l) => !harmless(l))
        .map((l) => `${tool}: ${l}`),
    );

  keep(
    'mutool draw',
    run('mutool', ['draw', '-q', '-r', '96', '-o', join(dir, 'mupdf-%d.png'), pdfPath]).stderr,
  );
  keep(
    'pdftoppm',
    run('pdftoppm', ['-r', String(72 * SCALE), '-gray', pdfPath, join(dir, 'poppler')]).stderr,
  );
  const pageText = pdfText(pdfPath);

  const chars = [...new Set(pageText.join('').replace(/\s/g, ''))];
  const mutool = run('mutool', [
    'run',
    join(HERE, 'glyphs.mujs'),
    pdfPath,
    referencePage(chars, dir),
    String(SCALE),
    dir,
  ]);
  keep('mutool run', mutool.stderr);
  const report = JSON.parse(mutool.stdout) as MupdfReport;

  const glyphs: GlyphCheck[] = report.glyphs.map(({ unicode, ...g }) => ({
    ...g,
    char: String.fromCodePoint(unicode),
  }));
  const wrongGlyphs = glyphs.filter((g) => !g.hasReference || g.iou < SAME_OUTLINE);

  const popplerPages = readdirSync(dir)
    .filter((f) => f.startsWith('poppler') && f.endsWith('.pgm'))
    .sort((a, b) => Number(a.match(/(\d+)\.pgm$/)?.[1]) - Number(b.match(/(\d+)\.pgm$/)?.[1]));
  const popplerMisses: PlacedGlyphMiss[] = [];
  report.pages.forEach((page, i) => {
    const file = popplerPages[i];
    if (!file) {
      popplerMisses.push({ page: i + 1, char: '(page not rendered by poppler)', match: 0 });
      return;
    }
    const seen = readPgm(join(dir, file));
    const ref = readGrayPng(page.reference);
    for (const g of page.placements) {
      if (/\s/u.test(String.fromCodePoint(g.unicode))) continue;
      const x0 = Math.floor(g.x);
      const x1 = Math.ceil(g.x + g.advance * g.size);
      const y0 = Math.floor(g.y - 0.9 * g.size);
      const y1 = Math.ceil(g.y + 0.2 * g.size);
      const { refInk, match } = boxMatch(seen, ref, x0, y0, x1, y1);
      if (refInk > 0 && match < SAME_PLACE)
        popplerMisses.push({ page: i + 1, char: String.fromCodePoint(g.unicode), match });
    }
  });

  const clean = rendererErrors.length + wrongGlyphs.length + popplerMisses.length === 0;
  // The renderings stay for a look when something is wrong, and only then.
  if (clean) rmSync(dir, { recursive: true, force: true });
  return {
    pageCount: report.pages.length,
    pageText,
    rendererErrors,
    glyphs,
    wrongGlyphs,
    popplerMisses,
    dir,
  };
}
