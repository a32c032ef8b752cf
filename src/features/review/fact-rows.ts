/**
 * The engine's facts in words for the reviewer: each recorded fact as a
 * labelled row ("车辆 A 行为: 左转"), and words for a path inside the facts
 * (for the version differences). The words of place kinds, actions,
 * headings, signals and conditions are the liability bundle's
 * (`liability.actionKind.…`, from src/domain/liability/fact-words.ts), which
 * the reviewer's screens load; the rest are the review's own.
 */
import type { TFunction } from 'i18next';
import type { LiabilityFacts } from '../../domain/liability/facts.schema';

/** The liability bundle's table for each enum field of the facts. */
const SHARED: Readonly<Record<string, string>> = {
  action: 'liability.actionKind',
  heading: 'liability.headingKind',
  signal: 'liability.signalKind',
  conditions: 'liability.conditionKind',
};

/** A fact's value in words (`field` is the last part of its path); unknown values as they are. */
export function factValueText(t: TFunction, field: string, value: unknown, place = false): string {
  if (Array.isArray(value)) return value.map((v) => factValueText(t, field, v)).join('、');
  const s = String(value);
  const table = place && field === 'kind' ? 'liability.placeKind' : SHARED[field];
  if (table) return t(`${table}.${s}`, s);
  return t(`review.factValue.${s}`, s);
}

const field = (t: TFunction, name: string) => t(`review.factField.${name}`, name);

/** Words for a path inside the facts (`vehicles.0.signal` → "车辆 A 面对的信号"). */
export function factPathText(t: TFunction, path: string, facts?: LiabilityFacts): string {
  const parts = path.split('.');
  const [head, index] = parts;
  const rest = parts
    .slice(2)
    .map((p) => field(t, p))
    .join(' ');
  const n = Number(index);
  if (head === 'place') {
    return parts[1] === 'kind'
      ? t('review.factField.placeKind')
      : `${t('review.factField.place')} ${parts
          .slice(1)
          .map((p) => field(t, p))
          .join(' ')}`;
  }
  if (head === 'vehicles') {
    const id = facts?.vehicles[n]?.id ?? String(n + 1);
    return `${t('review.factField.vehicle', { id })} ${rest}`.trim();
  }
  if (head === 'impacts') return `${t('review.factField.impact', { n: n + 1 })} ${rest}`.trim();
  if (head === 'checks' && parts[1] === 'answers') {
    return t('review.factField.check', { id: parts.slice(2).join('.') });
  }
  if (head === 'answers') return t('review.factField.answers');
  return parts.map((p) => field(t, p)).join(' ');
}

/** Every recorded fact as [label, value] in words, in the order the officer gave them. */
export function factRows(t: TFunction, facts: LiabilityFacts): [string, string][] {
  const rows: [string, string][] = [];
  const walk = (prefix: string, o: object) => {
    for (const [k, v] of Object.entries(o) as [string, unknown][]) {
      if (k === 'id' || k === 'schemaVersion' || v === undefined || v === null) continue;
      const path = `${prefix}${k}`;
      if (typeof v === 'object' && !Array.isArray(v)) walk(`${path}.`, v);
      else rows.push([factPathText(t, path, facts), factValueText(t, k, v, prefix === 'place.')]);
    }
  };
  walk('place.', facts.place);
  facts.vehicles.forEach((v, i) => walk(`vehicles.${i}.`, v));
  facts.impacts.forEach((imp, i) => walk(`impacts.${i}.`, imp));
  if (facts.checks) walk('checks.', facts.checks);
  facts.answers?.forEach((a) => {
    const id = a.vehicleId ? `${a.questionId} (${a.vehicleId})` : a.questionId;
    rows.push([t('review.factField.question', { id }), factValueText(t, 'answer', a.value)]);
  });
  if (facts.localRules) walk('localRules.', facts.localRules);
  if (facts.noFaultConfirmed !== undefined) {
    rows.push([field(t, 'noFaultConfirmed'), factValueText(t, 'x', facts.noFaultConfirmed)]);
  }
  return rows;
}
