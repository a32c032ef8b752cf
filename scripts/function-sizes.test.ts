// The size limits of docs/ARCHITECTURE.md and STYLE.md rule 8, held: a change
// that grows a screen function past them, or a source file past 400 lines,
// fails here with the offenders named (`npx tsx scripts/function-sizes.ts`
// lists the largest).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionSizes, lineCount, LIMITS, measure, percentile } from './function-sizes';

const root = join(import.meta.dirname, '..');

describe('function sizes in src/features', () => {
  const { functions } = measure(root, ['src/features']);
  const sizes = functions.map((f) => f.lines);

  it(`keeps 90 % of the functions within ${LIMITS.p90} lines`, () => {
    expect(percentile(sizes, 90)).toBeLessThanOrEqual(LIMITS.p90);
  });

  it(`has no function over ${LIMITS.max} lines`, () => {
    const over = functions
      .filter((f) => f.lines > LIMITS.max)
      .map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`);
    expect(over).toEqual([]);
  });
});

describe('file sizes in src', () => {
  // Data (the liability catalog, the triage rules) is JSON and not counted.
  const { files } = measure(root, ['src'], /\.(ts|tsx|css)$/);

  it(`has no source file over ${LIMITS.fileLines} lines`, () => {
    const over = files
      .filter((f) => f.lines > LIMITS.fileLines)
      .map((f) => `${f.file} (${f.lines} lines)`);
    expect(over).toEqual([]);
  });
});

describe('the measure', () => {
  it('counts each function from its first line to its last, nested ones on their own', () => {
    const text = [
      'export function outer() {', // 1
      '  const inner = () => {', // 2
      '    return 1;', // 3
      '  };', // 4
      '  return inner();', // 5
      '}', // 6
      'class A { m() { return 2; } }', // 7
    ].join('\n');
    expect(functionSizes('x.ts', text).map((f) => [f.name, f.line, f.lines])).toEqual([
      ['outer', 1, 6],
      ['inner', 2, 3],
      ['m', 7, 1],
    ]);
  });

  it('reads TSX, and counts lines as an editor does', () => {
    const tsx = 'export const C = () => (\n  <p>hi</p>\n);\n';
    expect(functionSizes('c.tsx', tsx)).toEqual([{ file: 'c.tsx', name: 'C', line: 1, lines: 3 }]);
    expect(lineCount(tsx)).toBe(3);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount('')).toBe(0);
  });

  it('takes the nearest-rank percentile', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([], 90)).toBe(0);
  });
});
