/**
 * Function and file sizes of the source, measured with the TypeScript
 * compiler's own parser: `npx tsx scripts/function-sizes.ts [folder …]`
 * prints every function of 40 lines or more, the p90 and the largest, and
 * every file over the file limit. `function-sizes.test.ts` holds src/ to the
 * limits (docs/ARCHITECTURE.md, "Small pieces").
 *
 * A function is every declaration, expression, arrow, method, accessor or
 * constructor with a body; its size is the lines from its first to its last
 * (comments before it not counted). A nested function counts on its own and
 * inside the one around it, as a reader meets it.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

export interface FunctionSize {
  file: string;
  name: string;
  line: number;
  lines: number;
}

export interface FileSize {
  file: string;
  lines: number;
}

/** What the test holds src/ to. */
export const LIMITS = {
  /** src/features: 90 % of the functions are at most this long… */
  p90: 40,
  /** …and none is longer than this. */
  max: 100,
  /** No source file in src/ is longer than this. */
  fileLines: 400,
} as const;

/** TypeScript: the files whose functions are measured. */
const SOURCE = /\.(ts|tsx)$/;

/** Every file under `dir` whose name matches (tests included), sorted. */
export function sourceFiles(dir: string, pattern: RegExp = SOURCE): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path, pattern));
    else if (pattern.test(entry)) out.push(path);
  }
  return out;
}

function nameOf(node: ts.Node, source: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name) return named.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) {
    return parent.name.getText(source);
  }
  if (ts.isCallExpression(parent)) {
    return `${parent.expression.getText(source).slice(0, 40)}(…)`;
  }
  return '(anonymous)';
}

const hasBody = (node: ts.Node): node is ts.FunctionLikeDeclaration =>
  (ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isConstructorDeclaration(node)) &&
  node.body !== undefined;

/** The functions of one source text. */
export function functionSizes(file: string, text: string): FunctionSize[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const out: FunctionSize[] = [];
  const visit = (node: ts.Node) => {
    if (hasBody(node)) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      out.push({ file, name: nameOf(node, source), line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The lines of a file as an editor counts them (a final newline ends the last). */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const lines = text.split('\n').length;
  return text.endsWith('\n') ? lines - 1 : lines;
}

/** The `p`-th percentile (nearest rank) of the sizes. */
export function percentile(sizes: readonly number[], p: number): number {
  if (sizes.length === 0) return 0;
  const sorted = [...sizes].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)] ?? 0;
}

export interface Report {
  functions: FunctionSize[];
  files: FileSize[];
}

/**
 * Measures the files under the folders whose names match `pattern` (paths in
 * the report relative to `root`); functions only in TypeScript files.
 */
export function measure(root: string, folders: readonly string[], pattern = SOURCE): Report {
  const functions: FunctionSize[] = [];
  const files: FileSize[] = [];
  for (const folder of folders) {
    for (const path of sourceFiles(join(root, folder), pattern)) {
      const text = readFileSync(path, 'utf8');
      const file = relative(root, path).split(sep).join('/');
      files.push({ file, lines: lineCount(text) });
      if (SOURCE.test(path)) functions.push(...functionSizes(file, text));
    }
  }
  return { functions, files };
}

function main(args: string[]) {
  const root = join(import.meta.dirname, '..');
  const folders = args.length > 0 ? args : ['src/features'];
  const { functions } = measure(root, folders);
  const { files } = measure(root, folders, /\.(ts|tsx|css)$/);
  const sizes = functions.map((f) => f.lines);
  const big = functions.filter((f) => f.lines >= LIMITS.p90).sort((a, b) => b.lines - a.lines);
  for (const f of big)
    console.log(`${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}`);
  console.log(
    `${functions.length} functions in ${folders.join(', ')}: p90 ${percentile(sizes, 90)} lines, ` +
      `max ${Math.max(0, ...sizes)}, ${sizes.filter((s) => s > 60).length} over 60`,
  );
  const long = files.filter((f) => f.lines > LIMITS.fileLines);
  for (const f of long) console.log(`file over ${LIMITS.fileLines} lines: ${f.file} (${f.lines})`);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main(process.argv.slice(2));
