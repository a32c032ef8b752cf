/**
 * @pdf-lib/fontkit 1.1.1 subsets CID-keyed CFF fonts (Noto Sans CJK) wrongly,
 * so readers draw many hanzi blank or as other glyphs while text extraction
 * stays perfect (issue 10). Three defects, each fixed here on the font object
 * pdf-lib gets, so nothing else of fontkit changes:
 *
 * 1. The subset's CFF header offSize is `cff.length` (undefined for CFF 1):
 *    readers reject the font (Hopding/pdf-lib#1232). 4 is valid.
 * 2. `CFFFont.fdForGlyph` searches FDSelect ranges with a broken binary search
 *    (`gid > next.first` instead of `>=`, and a wrong step): 26 of the 7,713
 *    glyphs of our subset get another Font DICT, hence another Private DICT
 *    and local subroutines, and their outlines break.
 * 3. `CFFSubset.subsetFontdict` gives each glyph the index of the Font DICT
 *    added *last* instead of its own, and records its local subroutines under
 *    that one too: as soon as two glyphs of different Font DICTs interleave,
 *    glyphs call subroutines their Font DICT no longer has ("broken file").
 *
 * The per-document subset stays small (~20 KB of font for a determination)
 * and uses the outlines of the precached font unchanged.
 */
import fontkit from '@pdf-lib/fontkit';

type FontkitFont = ReturnType<typeof fontkit.create>;

interface FdRange {
  first: number;
  fd: number;
}
interface FontDict {
  FontName?: unknown;
  Private?: { Subrs?: unknown[] } | null;
}
interface CffTable {
  version?: number;
  length?: number;
  isCIDFont?: boolean;
  topDict: {
    FDSelect?: { version: number; fds?: number[]; ranges?: FdRange[] };
    FDArray?: FontDict[];
  };
  fdForGlyph(gid: number): number | null;
}
interface CffSubset {
  glyphs: number[];
  cff: CffTable;
  font: { getGlyph(gid: number): { path: unknown; _usedSubrs?: Record<string, boolean> } };
  subsetSubrs(subrs: unknown[], used: Record<string, boolean>): unknown[];
  subsetFontdict(topDict: CffTable['topDict']): void;
}

/** The Font DICT of a glyph (FDSelect format 0, 3 or 4). */
function fdForGlyph(this: CffTable, gid: number): number | null {
  const select = this.topDict.FDSelect;
  if (!select) return null;
  if (select.version === 0) return select.fds?.[gid] ?? null;
  const ranges = select.ranges ?? [];
  // The last range starting at or before gid.
  let low = 0;
  let high = ranges.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((ranges[mid]?.first ?? Infinity) <= gid) low = mid;
    else high = mid - 1;
  }
  return ranges[low]?.fd ?? null;
}

/** The subset's Font DICTs: each used one once, each glyph pointing at its own. */
function subsetFontdict(this: CffSubset, topDict: CffTable['topDict']): void {
  const fdArray: FontDict[] = [];
  const fds: number[] = [];
  const usedSubrs: Record<string, boolean>[] = [];
  const newIndex = new Map<number, number>();
  for (const gid of this.glyphs) {
    const fd = this.cff.fdForGlyph(gid);
    if (fd == null) continue;
    let index = newIndex.get(fd);
    if (index === undefined) {
      index = fdArray.length;
      newIndex.set(fd, index);
      fdArray.push({ ...this.cff.topDict.FDArray?.[fd] });
      usedSubrs.push({});
    }
    fds.push(index);
    const glyph = this.font.getGlyph(gid);
    void glyph.path; // parsing the outline records the subroutines it calls
    Object.assign(usedSubrs[index] ?? {}, glyph._usedSubrs);
  }
  fdArray.forEach((dict, i) => {
    delete dict.FontName;
    if (dict.Private?.Subrs) {
      dict.Private = { ...dict.Private };
      dict.Private.Subrs = this.subsetSubrs(dict.Private.Subrs ?? [], usedSubrs[i] ?? {});
    }
  });
  topDict.FDArray = fdArray;
  topDict.FDSelect = { version: 0, fds };
}

function fixCidFont(font: FontkitFont): FontkitFont {
  const cff = (font as unknown as Record<string, CffTable | undefined>)['CFF '];
  if (!cff || (cff.version ?? 1) >= 2) return font;
  cff.length = 4;
  if (!cff.isCIDFont) return font;
  cff.fdForGlyph = fdForGlyph;
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    (subset as unknown as CffSubset).subsetFontdict = subsetFontdict;
    return subset;
  };
  return font;
}

/** fontkit for pdf-lib's `registerFontkit`, making valid subsets of CID-keyed CFF fonts. */
export const fixedFontkit: typeof fontkit = {
  ...fontkit,
  create: (buffer, postscriptName) => fixCidFont(fontkit.create(buffer, postscriptName)),
};
