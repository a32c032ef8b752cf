// The draft → facts mapping of the schema-2 questions: who struck whom not
// known, a fixed object as the struck party, a vehicle's action per impact.
import { describe, expect, it } from 'vitest';
import { aRearEndDraft, clearedCase, must } from '../../../tests/builders/liability.builder';
import { evaluateLiability, loadLiabilityCatalog } from '../liability';
import type { CaseRecord } from './case.schema';
import { factsFromDraft } from './liability-facts';
import { fitLiabilityDraft } from './liability-draft';
import type { LiabilityDraft } from './liability-record.schema';

const catalog = loadLiabilityCatalog();
const GUARDRAIL = '01JF0000000000000000000G01';

/** A case of one vehicle, A, and a guardrail (a party without a vehicle). */
function guardrailCase(): CaseRecord {
  const c = clearedCase();
  const [a] = c.vehicles;
  if (!a) throw new Error('no vehicle');
  const driver = c.parties.find((p) => p.vehicleId === a.id);
  if (!driver) throw new Error('no driver');
  const guardrail = {
    id: GUARDRAIL,
    kind: 'fixed-object' as const,
    name: '',
    objectDescription: '护栏',
  };
  return { ...c, vehicles: [a], parties: [driver, guardrail] };
}

describe('who struck whom not known', () => {
  it('goes into the facts as whoStruck: unknown, and the engine does not guess a direction', () => {
    const draft: LiabilityDraft = {
      ...aRearEndDraft(clearedCase()),
      vehicles: [
        { id: 'A', action: 'changing-lanes' },
        { id: 'B', action: 'changing-lanes' },
      ],
      impacts: [{ striking: 'A', struck: 'B', whoStruck: 'unknown' }],
    };
    const facts = must(factsFromDraft(draft, true));
    expect(facts.impacts[0]).toEqual({ striking: 'A', struck: 'B', whoStruck: 'unknown' });
    const d = evaluateLiability(catalog, facts);
    expect(d.outcome === 'liability' && d.liability?.A !== d.liability?.B).toBe(false);
  });

  it('a recorded direction leaves whoStruck out', () => {
    const facts = must(factsFromDraft(aRearEndDraft(clearedCase()), true));
    expect(facts.impacts[0]).not.toHaveProperty('whoStruck');
  });
});

describe('a fixed object as the struck party', () => {
  it('the fitted draft carries the case’s fixed object, and an impact on it survives fitting', () => {
    const c = guardrailCase();
    const draft = { ...fitLiabilityDraft(c), impacts: [{ striking: 'A', struck: GUARDRAIL }] };
    const again = fitLiabilityDraft({
      ...c,
      liability: { schemaVersion: 1, signatures: [], draft },
    });
    expect(again.objects).toEqual([{ id: GUARDRAIL }]);
    expect(again.impacts).toEqual([{ striking: 'A', struck: GUARDRAIL }]);
  });

  it('asks the object’s kind, then the striking vehicle is fully liable and E12 escalates', () => {
    const c = guardrailCase();
    const draft: LiabilityDraft = {
      ...fitLiabilityDraft(c),
      placeKind: 'road-section',
      vehicles: [{ id: 'A', action: 'going-straight' }],
      impacts: [{ striking: 'A', struck: GUARDRAIL }],
    };
    const incomplete = factsFromDraft(draft, true);
    expect(incomplete.ok ? '' : incomplete.detail).toBe(`objects.${GUARDRAIL}.kind`);
    const facts = must(
      factsFromDraft({ ...draft, objects: [{ id: GUARDRAIL, kind: 'guardrail' }] }, true),
    );
    expect(facts.schemaVersion === 2 && facts.objects).toEqual([
      { id: GUARDRAIL, kind: 'guardrail' },
    ]);
    const d = evaluateLiability(catalog, facts);
    expect(d.outcome).toBe('escalate');
    expect(d.escalation?.ruleId).toBe('E12-public-facility-or-building-damage');
    expect(d.liabilityHint).toEqual({ A: 'full' });
  });

  it('an object no impact struck stays out of the facts', () => {
    const draft: LiabilityDraft = {
      ...aRearEndDraft(clearedCase()),
      objects: [{ id: GUARDRAIL, kind: 'guardrail' }],
    };
    const facts = must(factsFromDraft(draft, true));
    expect(facts).not.toHaveProperty('objects');
  });
});

describe('a vehicle’s action per impact', () => {
  const base: LiabilityDraft = {
    ...aRearEndDraft(clearedCase()),
    impacts: [
      {
        striking: 'B',
        struck: 'A',
        relation: 'same-lane',
        actions: [{ vehicleId: 'A', action: 'stopped-broken-down' }],
      },
      { striking: 'A', struck: 'B', actions: [{ vehicleId: 'A', action: 'slowing' }] },
    ],
  };

  it('with several impacts, only an action that differs from the vehicle’s own goes in', () => {
    const facts = must(factsFromDraft(base, true));
    expect(facts.schemaVersion === 2 && facts.impacts[0]?.actions).toEqual([
      { vehicleId: 'A', action: 'stopped-broken-down' },
    ]);
    expect(facts.impacts[1]).not.toHaveProperty('actions');
  });

  it('with a single impact, the per-impact action is not asked and not carried', () => {
    const facts = must(factsFromDraft({ ...base, impacts: base.impacts.slice(0, 1) }, true));
    expect(facts.impacts[0]).not.toHaveProperty('actions');
  });
});
