/**
 * What an item of a return is about, in the case's own terms, and which
 * screen the officer fixes it on: a shot by its title in the guided list, a
 * field by the vehicle or party it belongs to and its name, a fact by the
 * liability question it answers. The words of field names are the UI's; the
 * rest comes from the case and the catalogs.
 */
import type { CaseRecord } from '../case/case.schema';
import type { BilingualText } from '../identity/check-result';
import { requiredShots } from '../evidence/required-shots';
import type { LiabilityCatalog } from '../liability/catalog.schema';
import type { MissingKind } from './squad-word';

/** The screen where an item is fixed. */
export type FixScreen = 'evidence' | 'parties' | 'case' | 'location' | 'liability';

/** Whose field it is: a vehicle (by label), a driver (by his vehicle's label) or a fixed object (1-based). */
export type FieldOwner =
  | { kind: 'vehicle'; label: string }
  | { kind: 'driver'; vehicleLabel: string | undefined; name: string }
  | { kind: 'fixed-object'; n: number };

export type MissingTarget =
  | { kind: 'shot'; key: string; screen: 'evidence'; title?: BilingualText }
  | { kind: 'field'; key: string; screen: FixScreen; owner?: FieldOwner; field: string }
  | { kind: 'fact'; key: string; screen: 'liability'; question?: BilingualText };

/**
 * An item resolved against the case (and, for facts, the liability catalog:
 * passed in, as it is large and only the screens that name facts load it).
 */
export function missingTarget(
  c: CaseRecord,
  item: { kind: MissingKind; key: string },
  catalog?: LiabilityCatalog,
): MissingTarget {
  if (item.kind === 'shot') {
    const title = requiredShots(c).find((s) => s.slot === item.key)?.title;
    return title
      ? { kind: 'shot', key: item.key, screen: 'evidence', title }
      : { kind: 'shot', key: item.key, screen: 'evidence' };
  }
  if (item.kind === 'fact') {
    const question = catalog && factQuestion(catalog, item.key);
    return question
      ? { kind: 'fact', key: item.key, screen: 'liability', question }
      : { kind: 'fact', key: item.key, screen: 'liability' };
  }
  return { kind: 'field', key: item.key, ...fieldPlace(c, item.key) };
}

function fieldPlace(
  c: CaseRecord,
  path: string,
): { screen: FixScreen; owner?: FieldOwner; field: string } {
  const [head = '', index = '', ...rest] = path.split('.');
  const field = rest.join('.');
  if (head === 'vehicles') {
    const v = c.vehicles[Number(index)];
    return v
      ? { screen: 'parties', owner: { kind: 'vehicle', label: v.label }, field }
      : { screen: 'parties', field };
  }
  if (head === 'parties') {
    const p = c.parties[Number(index)];
    return p
      ? { screen: 'parties', owner: partyOwner(c, p.id), field }
      : { screen: 'parties', field };
  }
  if (head === 'location') {
    const what = [index, ...rest].join('.');
    return { screen: what.startsWith('point') ? 'location' : 'case', field: `location.${what}` };
  }
  if (head === 'liability') return { screen: 'liability', field: path };
  return { screen: 'case', field: path };
}

function partyOwner(c: CaseRecord, partyId: string): FieldOwner | undefined {
  const p = c.parties.find((x) => x.id === partyId);
  if (!p) return undefined;
  if (p.kind === 'fixed-object') {
    const n = c.parties.filter((x) => x.kind === 'fixed-object').findIndex((x) => x.id === p.id);
    return { kind: 'fixed-object', n: n + 1 };
  }
  const vehicleLabel = c.vehicles.find((v) => v.id === p.vehicleId)?.label;
  return { kind: 'driver', vehicleLabel, name: p.name.trim() };
}

/** The question a liability fact answers: a scenario's officer question, or an escalation rule's check. */
export function factQuestion(catalog: LiabilityCatalog, id: string): BilingualText | undefined {
  for (const s of catalog.scenarios) {
    const q = s.officer_questions.find((x) => x.id === id);
    if (q) return { zh: q.zh, en: q.en };
  }
  const rule = catalog.escalationRules.find((r) => r.id === id);
  return rule ? { zh: rule.check_question.zh, en: rule.check_question.en } : undefined;
}
