#!/usr/bin/env node
/**
 * Makes the CJK font the determination PDF embeds, offline on the phone:
 * Noto Sans CJK SC (face 2 of Debian's NotoSansCJK-Regular.ttc) subset to
 *   - printable ASCII, Latin-1 punctuation, general and CJK punctuation,
 *     full-width forms, a few symbols (□ is the PDF's placeholder);
 *   - GB 2312: its 6,763 hanzi and its non-hanzi symbols;
 *   - every character of the app's zh-CN messages and the liability and
 *     triage catalogues (so nothing the app itself prints falls outside).
 * Writes public/fonts/NotoSansSC-kuaichu-subset.otf and public/fonts/OFL.txt.
 *
 *   node scripts/make-cjk-font.mjs [path/to/NotoSansCJK-Regular.ttc]
 *
 * Needs the fonts-noto-cjk package (Debian); the output is committed, so CI
 * and the build never need it.
 */
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = process.argv[2] ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const FACE = 2; // Noto Sans CJK SC
const OUT = join(root, 'public/fonts/NotoSansSC-kuaichu-subset.otf');
const LICENCE_SOURCE = '/usr/share/doc/fonts-noto-cjk/copyright';
const LICENCE_OUT = join(root, 'public/fonts/OFL.txt');

/** One face of a TrueType/OpenType collection as a standalone SFNT. */
function extractFace(ttc, index) {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') return ttc;
  const count = ttc.readUInt32BE(8);
  if (index >= count) throw new Error(`the collection has ${count} faces, not ${index + 1}`);
  const dir = ttc.readUInt32BE(12 + 4 * index);
  const numTables = ttc.readUInt16BE(dir + 4);
  const tables = [];
  for (let i = 0; i < numTables; i++) {
    const rec = dir + 12 + 16 * i;
    tables.push({
      tag: ttc.toString('latin1', rec, rec + 4),
      checksum: ttc.readUInt32BE(rec + 4),
      offset: ttc.readUInt32BE(rec + 8),
      length: ttc.readUInt32BE(rec + 12),
    });
  }
  const headerSize = 12 + 16 * numTables;
  let size = headerSize;
  for (const t of tables) size += (t.length + 3) & ~3;
  const out = Buffer.alloc(size);
  ttc.copy(out, 0, dir, dir + 12); // sfnt version, numTables, search fields
  let at = headerSize;
  tables.forEach((t, i) => {
    const rec = 12 + 16 * i;
    out.write(t.tag, rec, 'latin1');
    out.writeUInt32BE(t.checksum, rec + 4);
    out.writeUInt32BE(at, rec + 8);
    out.writeUInt32BE(t.length, rec + 12);
    ttc.copy(out, at, t.offset, t.offset + t.length);
    at += (t.length + 3) & ~3;
  });
  return out;
}

/** Every character GB 2312 encodes (rows 1–9 symbols, rows 16–87 hanzi). */
function gb2312() {
  const decoder = new TextDecoder('gbk', { fatal: false });
  const symbols = [];
  const hanzi = [];
  for (let hi = 0xa1; hi <= 0xf7; hi++) {
    if (hi > 0xa9 && hi < 0xb0) continue;
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = decoder.decode(Uint8Array.of(hi, lo));
      const cp = ch.codePointAt(0) ?? 0xfffd;
      if (ch.length !== 1 || cp === 0xfffd || (cp >= 0xe000 && cp <= 0xf8ff)) continue;
      if (hi >= 0xb0) {
        if (cp >= 0x4e00 && cp <= 0x9fff) hanzi.push(ch);
      } else symbols.push(ch);
    }
  }
  return { symbols, hanzi };
}

function range(from, to) {
  let s = '';
  for (let cp = from; cp <= to; cp++) s += String.fromCodePoint(cp);
  return s;
}

/** Files whose characters the app prints in Chinese. */
function appTextFiles() {
  const files = [
    'src/ui/i18n/zh-CN.ts',
    'src/domain/liability/catalog/scenarios.json',
    'src/domain/liability/catalog/escalation-rules.json',
    'src/domain/liability/catalog/overlay.json',
    'src/domain/triage/escalation-rules.json',
    'src/domain/evidence/required-shots.ts',
    'src/domain/evidence/damaged-part.ts',
    'src/domain/identity/messages.ts',
  ];
  const features = join(root, 'src/features');
  for (const dir of readdirSync(features)) {
    const walk = (d) => {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (name === 'messages.ts') files.push(p.slice(root.length + 1));
      }
    };
    walk(join(features, dir));
  }
  return files.filter((f) => {
    try {
      return statSync(join(root, f)).isFile();
    } catch {
      return false;
    }
  });
}

const { symbols, hanzi } = gb2312();
const appText = appTextFiles()
  .map((f) => readFileSync(join(root, f), 'utf8'))
  .join('');
const appChars = [...new Set(appText)].filter((c) => (c.codePointAt(0) ?? 0) >= 0x80);
const text = [
  range(0x20, 0x7e),
  range(0xa0, 0xff),
  range(0x2010, 0x2027), // dashes, quotes, bullets, ellipsis
  range(0x2030, 0x203b),
  '←↑→↓√×÷±°℃№■□▲△○●◎◇◆★☆※',
  range(0x3000, 0x303f), // CJK symbols and punctuation
  range(0xff01, 0xff5e), // full-width forms
  range(0x2460, 0x2473), // ① … ⑳
  symbols.join(''),
  hanzi.join(''),
  appChars.join(''),
].join('');
const chars = [...new Set(text)];

const face = extractFace(readFileSync(SOURCE), FACE);
const subset = await subsetFont(face, chars.join(''), {
  targetFormat: 'sfnt',
  noHinting: true,
  keepFeatures: [], // the PDF needs no layout features; keeps the file small
});
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, subset);

const copyright = readFileSync(LICENCE_SOURCE, 'utf8');
const start = copyright.indexOf(' SIL OPEN FONT LICENSE Version 1.1');
const end = copyright.indexOf('\nLicense:', start);
const ofl = copyright
  .slice(start, end === -1 ? undefined : end)
  .split('\n')
  .map((l) => (l.trim() === '.' ? '' : l.replace(/^ /, '')))
  .join('\n')
  .trim();
writeFileSync(
  LICENCE_OUT,
  'Noto Sans CJK SC (subset for Kuaichu: NotoSansSC-kuaichu-subset.otf)\n' +
    'Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name "Source"\n' +
    '(upstream LICENSE); Debian lists Copyright 2010-2012, Google Corporation. License: SIL-1.1.\n' +
    'Subset made by scripts/make-cjk-font.mjs from Debian fonts-noto-cjk; the original is at\n' +
    'https://github.com/notofonts/noto-cjk\n\n' +
    `${ofl}\n`,
);

const hanziInApp = appChars.filter((c) => /\p{Script=Han}/u.test(c));
const outsideGb = hanziInApp.filter((c) => !hanzi.includes(c));
console.log(
  `${OUT.slice(root.length + 1)}: ${(subset.length / 1024 / 1024).toFixed(2)} MB, ` +
    `${chars.length} characters (GB 2312: ${hanzi.length} hanzi + ${symbols.length} symbols; ` +
    `app text: ${appChars.length}, of which ${outsideGb.length} hanzi outside GB 2312: ${outsideGb.join('')})`,
);
