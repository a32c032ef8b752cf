/**
 * The engine's refusal of the facts (`vehicles.1.action: required; …`, made
 * in English by src/domain/liability/fact-errors.ts) in the screen's
 * language: each problem with its field in the questions' words.
 */
import type { TFunction } from 'i18next';

/** The field in words: the vehicle by its label, the impact by its number. */
function fieldText(t: TFunction, path: string, labels: readonly string[]): string {
  const [head, index, ...rest] = path.split('.');
  const tail = rest.length > 0 ? ` ${rest.join('.')}` : '';
  const n = Number(index);
  if (head === 'vehicles' && Number.isInteger(n))
    return t('liability.factError.vehicle', { label: labels[n] ?? n + 1 }) + tail;
  if (head === 'impacts' && Number.isInteger(n)) return t('liability.impact', { n: n + 1 }) + tail;
  if (head === 'place') return t('liability.place') + (index === undefined ? '' : ` ${index}`);
  return path;
}

/** The words for a problem, by the shape of the English one. */
function problemText(t: TFunction, words: string): string {
  if (words === 'required') return t('liability.factError.required');
  if (words === 'unknown key') return t('liability.factError.unknownKey');
  if (words.startsWith('expected')) return t('liability.factError.notAllowed');
  if (/^(at least|at most|exactly)/.test(words)) return t('liability.factError.bound');
  return t('liability.factError.invalid');
}

/** One line per problem, e.g. "车辆 B action：必填". */
export function factErrorText(t: TFunction, detail: string, labels: readonly string[]): string[] {
  return detail
    .split('; ')
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(': ');
      const path = at < 0 ? '' : line.slice(0, at);
      const words = at < 0 ? line : line.slice(at + 2);
      return t('liability.factError.line', {
        field: fieldText(t, path, labels),
        problem: problemText(t, words),
      });
    });
}
