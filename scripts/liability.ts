/**
 * `npm run liability -- <file.json>`: reads one facts record (or a fixture
 * wrapping one under `facts`, or an array of either), prints the decision(s)
 * as JSON on stdout. Exit 0 on success; 2 with a one-line message naming the
 * field on bad input (no stack trace).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateLiabilityInput, loadLiabilityCatalog } from '../src/domain/liability';

/** What the CLI would print and its exit code, without touching the process. */
export interface CliResult {
  readonly code: 0 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

const fail = (message: string): CliResult => ({ code: 2, stdout: '', stderr: `${message}\n` });

/** Runs the CLI on already-read file text; `name` is used in messages. */
export function runLiabilityText(text: string, name: string): CliResult {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return fail(`${name}: not valid JSON (${(error as Error).message})`);
  }
  const result = evaluateLiabilityInput(loadLiabilityCatalog(), input);
  if (!result.ok) return fail(`${name}: invalid facts: ${result.detail ?? result.reason}`);
  return { code: 0, stdout: `${JSON.stringify(result.value, null, 2)}\n`, stderr: '' };
}

/** Runs the CLI on the given arguments (the file paths after `--`). */
export function runLiabilityCli(args: readonly string[]): CliResult {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0)
    return fail('usage: npm run liability -- <facts.json>   (one facts record, or an array)');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return runLiabilityText(text, file);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = runLiabilityCli(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
