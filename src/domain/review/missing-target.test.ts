import { describe, expect, it } from 'vitest';
import { aCase, testId } from '../../../tests/builders/case.builder';
import type { CaseRecord } from '../case/case.schema';
import { loadLiabilityCatalog } from '../liability';
import { factQuestion, missingTarget } from './missing-target';

const catalog = loadLiabilityCatalog();

function twoVehiclesAndAGuardrail(): CaseRecord {
  const c = aCase().withVehicles(2).build();
  const [a, b] = c.vehicles;
  return {
    ...c,
    parties: [
      { id: testId(), kind: 'driver', vehicleId: b!.id, name: ' 李娜 ' },
      { id: testId(), kind: 'driver', vehicleId: a!.id, name: '赵敏' },
      { id: testId(), kind: 'fixed-object', name: '', objectDescription: '护栏' },
    ],
  };
}

describe('missingTarget', () => {
  it('names a shot by its title in the guided list, fixed on the evidence screen', () => {
    const c = twoVehiclesAndAGuardrail();
    const slot = `vehicle:${c.vehicles[1]!.id}:plate`;
    expect(missingTarget(c, { kind: 'shot', key: slot })).toEqual({
      kind: 'shot',
      key: slot,
      screen: 'evidence',
      title: { zh: '车辆 B 号牌', en: 'Vehicle B: plate' },
    });
    expect(missingTarget(c, { kind: 'shot', key: 'scene-behind' })).toMatchObject({
      title: { zh: '现场全景（后方）' },
    });
    // A slot the case no longer has (a removed vehicle's): named by its key alone.
    expect(missingTarget(c, { kind: 'shot', key: 'vehicle:gone:plate' })).toEqual({
      kind: 'shot',
      key: 'vehicle:gone:plate',
      screen: 'evidence',
    });
  });

  it('places a field with its vehicle, driver or fixed object, on the screen that edits it', () => {
    const c = twoVehiclesAndAGuardrail();
    expect(missingTarget(c, { kind: 'field', key: 'vehicles.1.plate' })).toEqual({
      kind: 'field',
      key: 'vehicles.1.plate',
      screen: 'parties',
      owner: { kind: 'vehicle', label: 'B' },
      field: 'plate',
    });
    expect(missingTarget(c, { kind: 'field', key: 'parties.0.phone' })).toMatchObject({
      screen: 'parties',
      owner: { kind: 'driver', vehicleLabel: 'B', name: '李娜' },
      field: 'phone',
    });
    expect(missingTarget(c, { kind: 'field', key: 'parties.2.objectDescription' })).toMatchObject({
      owner: { kind: 'fixed-object', n: 1 },
      field: 'objectDescription',
    });
    expect(missingTarget(c, { kind: 'field', key: 'location.address' })).toMatchObject({
      screen: 'case',
      field: 'location.address',
    });
    expect(missingTarget(c, { kind: 'field', key: 'location.point' })).toMatchObject({
      screen: 'location',
    });
    expect(missingTarget(c, { kind: 'field', key: 'occurredAt' })).toMatchObject({
      screen: 'case',
      field: 'occurredAt',
    });
    expect(missingTarget(c, { kind: 'field', key: 'vehicles.9.vin' })).toEqual({
      kind: 'field',
      key: 'vehicles.9.vin',
      screen: 'parties',
      field: 'vin',
    });
  });

  it('names a fact by its liability question, when the catalog is given', () => {
    const c = aCase().build();
    expect(missingTarget(c, { kind: 'fact', key: 'same_lane_same_dir' }, catalog)).toEqual({
      kind: 'fact',
      key: 'same_lane_same_dir',
      screen: 'liability',
      question: {
        zh: '两车是否同车道同向行驶？',
        en: 'Were both vehicles in the same lane, same direction?',
      },
    });
    expect(missingTarget(c, { kind: 'fact', key: 'same_lane_same_dir' })).toEqual({
      kind: 'fact',
      key: 'same_lane_same_dir',
      screen: 'liability',
    });
  });
});

describe('factQuestion', () => {
  it('finds scenario questions and escalation checks; nothing for an unknown id', () => {
    expect(factQuestion(catalog, 'E01-death')).toEqual({
      zh: '是否有人员死亡？',
      en: 'Has anyone died?',
    });
    expect(factQuestion(catalog, 'no_such_question')).toBeUndefined();
  });
});
