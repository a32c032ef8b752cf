/**
 * What a reviewer can ask the officer to add when returning a case, item by
 * item: a shot of the guided list (by slot), a field of the case (by path),
 * a fact given to the liability engine. Each item carries its words: a shot's
 * own bilingual title, or a message key with its values.
 */
import type { MissingItem } from '../../contracts/review';
import type { BilingualText, CaseRecord, Party } from '../../domain';
import { requiredShots } from '../../domain';

export type ItemLabel =
  { text: BilingualText } | { key: string; values?: Readonly<Record<string, string>> };

export interface ReturnChoice {
  item: MissingItem;
  label: ItemLabel;
}

export interface ReturnChoices {
  shots: ReturnChoice[];
  fields: ReturnChoice[];
  facts: ReturnChoice[];
}

/** Every item of the case a return may name, grouped. */
export function returnChoices(c: CaseRecord): ReturnChoices {
  return {
    shots: requiredShots(c).map((s) => ({
      item: { kind: 'shot', key: s.slot },
      label: { text: s.title },
    })),
    fields: fieldChoices(c),
    facts: factChoices(c),
  };
}

const field = (key: string, label: string, values?: Record<string, string>): ReturnChoice => ({
  item: { kind: 'field', key },
  label: values ? { key: `review.field.${label}`, values } : { key: `review.field.${label}` },
});

function who(p: Party, i: number): string {
  const name = p.name.trim();
  if (name !== '') return name;
  return p.objectDescription?.trim() || `#${i + 1}`;
}

function fieldChoices(c: CaseRecord): ReturnChoice[] {
  const out = [
    field('location.address', 'location.address'),
    field('location.kmPost', 'location.kmPost'),
    field('occurredAt', 'occurredAt'),
  ];
  c.vehicles.forEach((v, i) => out.push(field(`vehicles.${i}.plate`, 'plate', { label: v.label })));
  c.parties.forEach((p, i) => {
    const values = { who: who(p, i) };
    out.push(field(`parties.${i}.name`, 'partyName', values));
    if (p.kind === 'fixed-object') return;
    out.push(
      field(`parties.${i}.idNumber`, 'partyId', values),
      field(`parties.${i}.licenceNumber`, 'partyLicence', values),
      field(`parties.${i}.phone`, 'partyPhone', values),
      field(`parties.${i}.compulsoryInsurance`, 'insurance', values),
    );
  });
  return out;
}

const fact = (key: string, label: string, values?: Record<string, string>): ReturnChoice => ({
  item: { kind: 'fact', key },
  label: values ? { key: `review.fact.${label}`, values } : { key: `review.fact.${label}` },
});

/** The facts the engine was given (none when liability was not yet proposed). */
function factChoices(c: CaseRecord): ReturnChoice[] {
  const facts = c.liability?.facts;
  if (!facts) return [];
  const out = [fact('place', 'place')];
  for (const v of facts.vehicles) {
    out.push(
      fact(`vehicles.${v.id}.action`, 'action', { label: v.id }),
      fact(`vehicles.${v.id}.signal`, 'signal', { label: v.id }),
    );
  }
  out.push(fact('impacts', 'impacts'));
  for (const a of facts.answers ?? []) {
    const key = `answers.${a.questionId}${a.vehicleId ? `.${a.vehicleId}` : ''}`;
    out.push(fact(key, 'answer', { id: a.questionId }));
  }
  return out;
}

/** Why a return cannot go yet: nothing ticked and no note. */
export function returnProblem(missing: readonly MissingItem[], note: string): 'empty' | null {
  return missing.length === 0 && note.trim() === '' ? 'empty' : null;
}

/** The words of a missing item named in a past return (history), from the case's choices. */
export function labelOfMissing(item: MissingItem, choices: ReturnChoices): ItemLabel {
  const all = [...choices.shots, ...choices.fields, ...choices.facts];
  const found = all.find((c) => c.item.kind === item.kind && c.item.key === item.key);
  return found?.label ?? { text: { zh: item.key, en: item.key } };
}
