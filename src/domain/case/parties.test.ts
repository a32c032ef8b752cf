import { describe, expect, it } from 'vitest';
import { aCase, testId } from '../../../tests/builders/case.builder';
import { validateCaseDraft } from '../identity/validate-case';
import { CaseRecord } from './case.schema';
import type { CaseState } from './case-state';
import {
  addFixedObject,
  addVehicle,
  driverOf,
  fixedObjectsOf,
  nextVehicleLabel,
  removeParty,
  removeVehicle,
  updateParty,
  updateVehicle,
  vehicleLabel,
  type PartiesResult,
} from './parties';

const AT = '2026-11-27T02:05:00.000Z';
const LATER = '2026-11-27T02:06:00.000Z';

/** The record of a result that must have succeeded. */
function valueOf(result: PartiesResult): CaseRecord {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return CaseRecord.parse(result.value);
}

function newIds() {
  return { vehicleId: testId(), driverId: testId() };
}

/** A case with `n` vehicles added through the operation, each with its driver. */
function caseWithVehicles(n: number): CaseRecord {
  let c = aCase().build();
  for (let i = 0; i < n; i += 1) c = valueOf(addVehicle(c, newIds(), AT));
  return c;
}

function inState(c: CaseRecord, state: CaseState): CaseRecord {
  return { ...c, state };
}

describe('vehicle labels', () => {
  it.each([
    [0, 'A'],
    [1, 'B'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('vehicle %i is %s', (n, label) => {
    expect(vehicleLabel(n)).toBe(label);
  });

  it('gives the first letter not in use', () => {
    expect(nextVehicleLabel([])).toBe('A');
    expect(nextVehicleLabel([{ label: 'A' }, { label: 'C' }])).toBe('B');
    expect(nextVehicleLabel([{ label: 'B' }, { label: 'A' }])).toBe('C');
  });
});

describe('addVehicle', () => {
  it('adds vehicles A, B, C, each with an empty driver party of its own', () => {
    // given an open case
    const c = aCase().build();
    const first = newIds();
    const second = newIds();
    const third = newIds();

    // when three vehicles are added
    const next = valueOf(
      addVehicle(valueOf(addVehicle(valueOf(addVehicle(c, first, AT)), second, AT)), third, LATER),
    );

    // then they are A, B, C, and each has its driver
    expect(next.vehicles.map((v) => [v.id, v.label])).toEqual([
      [first.vehicleId, 'A'],
      [second.vehicleId, 'B'],
      [third.vehicleId, 'C'],
    ]);
    expect(next.vehicles[0]).toEqual({
      id: first.vehicleId,
      label: 'A',
      plate: '',
      damagedParts: [],
    });
    expect(driverOf(next, second.vehicleId)).toEqual({
      id: second.driverId,
      kind: 'driver',
      vehicleId: second.vehicleId,
      name: '',
    });
    expect(next.parties).toHaveLength(3);
    expect(next.updatedAt).toBe(LATER);
  });

  it('does not change the case it was given', () => {
    const c = aCase().build();
    const before = structuredClone(c);
    addVehicle(c, newIds(), AT);
    expect(c).toEqual(before);
  });

  it('gives a removed vehicle’s letter to the next one, and keeps the others’', () => {
    // given A, B, C and B removed
    const c = caseWithVehicles(3);
    const b = c.vehicles[1];
    if (b === undefined) throw new Error('no vehicle B');
    const withoutB = valueOf(removeVehicle(c, b.id, AT));

    // when another vehicle is added
    const next = valueOf(addVehicle(withoutB, newIds(), AT));

    // then A and C keep their letters and the new one is B
    expect(next.vehicles.map((v) => v.label)).toEqual(['A', 'C', 'B']);
  });

  it('refuses an id that the case already uses', () => {
    const c = caseWithVehicles(1);
    const taken = c.vehicles[0]?.id ?? '';
    expect(addVehicle(c, { vehicleId: taken, driverId: testId() }, AT)).toMatchObject({
      ok: false,
      reason: 'duplicate-id',
    });
    const same = testId();
    expect(addVehicle(c, { vehicleId: same, driverId: same }, AT)).toMatchObject({
      ok: false,
      reason: 'duplicate-id',
    });
  });

  it('refuses once the case has left the scene', () => {
    const c = inState(aCase().build(), 'submitted');
    expect(addVehicle(c, newIds(), AT)).toEqual({
      ok: false,
      reason: 'not-editable',
      detail: 'submitted',
    });
  });
});

describe('updateVehicle', () => {
  it('changes only the vehicle named, and clears a field given as undefined', () => {
    // given two vehicles, A with a VIN
    const c = caseWithVehicles(2);
    const [a, b] = c.vehicles;
    if (a === undefined || b === undefined) throw new Error('no vehicles');
    const withVin = valueOf(updateVehicle(c, a.id, { vin: 'LSVAU2180N2123456' }, AT));

    // when A gets a plate, a type and damaged parts, and its VIN is cleared
    const next = valueOf(
      updateVehicle(
        withVin,
        a.id,
        {
          plate: '川A12345',
          plateType: 'small-blue',
          vehicleType: 'car',
          owner: '王五',
          damagedParts: ['rear', 'rear-bumper'],
          vin: undefined,
        },
        LATER,
      ),
    );

    // then A has them, the VIN key is gone, and B is unchanged
    expect(next.vehicles[0]).toEqual({
      id: a.id,
      label: 'A',
      plate: '川A12345',
      plateType: 'small-blue',
      vehicleType: 'car',
      owner: '王五',
      damagedParts: ['rear', 'rear-bumper'],
    });
    expect(Object.keys(next.vehicles[0] ?? {})).not.toContain('vin');
    expect(next.vehicles[1]).toEqual(b);
    expect(next.updatedAt).toBe(LATER);
  });

  it('keeps a wrong value as typed: the draft checks report it, saving never refuses it', () => {
    const c = caseWithVehicles(1);
    const a = c.vehicles[0];
    if (a === undefined) throw new Error('no vehicle');
    const next = valueOf(updateVehicle(c, a.id, { plate: '川A1234' }, AT));
    expect(next.vehicles[0]?.plate).toBe('川A1234');
    expect(validateCaseDraft(next).map((i) => i.reason)).toEqual(['plate.too-short']);
  });

  it('refuses an unknown vehicle, and any change once the case has left the scene', () => {
    const c = caseWithVehicles(1);
    const a = c.vehicles[0];
    if (a === undefined) throw new Error('no vehicle');
    expect(updateVehicle(c, testId(), { plate: '川A12345' }, AT)).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
    expect(updateVehicle(inState(c, 'synced'), a.id, { plate: '川A12345' }, AT)).toMatchObject({
      ok: false,
      reason: 'not-editable',
    });
  });
});

describe('removeVehicle', () => {
  it('removes the vehicle and its driver, and keeps everyone else', () => {
    // given A and B with drivers, and a guardrail
    const c = caseWithVehicles(2);
    const [a, b] = c.vehicles;
    if (a === undefined || b === undefined) throw new Error('no vehicles');
    const rail = testId();
    const withRail = valueOf(addFixedObject(c, rail, AT));

    // when A is removed
    const next = valueOf(removeVehicle(withRail, a.id, LATER));

    // then only B, B's driver and the guardrail remain
    expect(next.vehicles.map((v) => v.label)).toEqual(['B']);
    expect(next.parties.map((p) => p.id)).toEqual([driverOf(c, b.id)?.id, rail]);
    expect(next.updatedAt).toBe(LATER);
  });

  it.each<CaseState>(['signed', 'submitted', 'synced', 'closed'])(
    'refuses when the case is %s',
    (state) => {
      const c = caseWithVehicles(1);
      const a = c.vehicles[0];
      if (a === undefined) throw new Error('no vehicle');
      expect(removeVehicle(inState(c, state), a.id, AT)).toEqual({
        ok: false,
        reason: 'not-editable',
        detail: state,
      });
    },
  );

  // An escalated or returned case is still the officer's to complete.
  it.each<CaseState>(['opened', 'triaged', 'scene-cleared', 'escalated', 'returned'])(
    'allows it while the case is %s',
    (state) => {
      const c = caseWithVehicles(1);
      const a = c.vehicles[0];
      if (a === undefined) throw new Error('no vehicle');
      expect(valueOf(removeVehicle(inState(c, state), a.id, AT)).vehicles).toEqual([]);
    },
  );

  it('refuses an unknown vehicle', () => {
    expect(removeVehicle(caseWithVehicles(1), testId(), AT)).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
  });
});

describe('fixed objects and parties', () => {
  it('adds a fixed object as a party without a vehicle', () => {
    const id = testId();
    const next = valueOf(addFixedObject(caseWithVehicles(1), id, AT));
    expect(fixedObjectsOf(next)).toEqual([
      { id, kind: 'fixed-object', name: '', objectDescription: '' },
    ]);
    expect(next.vehicles).toHaveLength(1);
  });

  it('refuses a fixed object with a used id, or once the case has left the scene', () => {
    const c = caseWithVehicles(1);
    const driverId = c.parties[0]?.id ?? '';
    expect(addFixedObject(c, driverId, AT)).toMatchObject({ ok: false, reason: 'duplicate-id' });
    expect(addFixedObject(inState(c, 'signed'), testId(), AT)).toMatchObject({
      ok: false,
      reason: 'not-editable',
    });
  });

  it('updates a driver’s identity and insurance, and clears what is given as undefined', () => {
    // given vehicle A's driver with a commercial insurer
    const c = caseWithVehicles(1);
    const driver = c.parties[0];
    if (driver === undefined) throw new Error('no driver');
    const insured = valueOf(
      updateParty(c, driver.id, { commercialInsurance: { insurer: '阳光财险' } }, AT),
    );

    // when the officer fills in the driver and removes the commercial insurer
    const next = valueOf(
      updateParty(
        insured,
        driver.id,
        {
          name: '张三',
          idNumber: '11010519491231002X',
          licenceNumber: '11010519491231002X',
          phone: '13800138000',
          compulsoryInsurance: { insurer: '中国人保财险', policyNumber: 'PDZA202611000001' },
          commercialInsurance: undefined,
        },
        LATER,
      ),
    );

    // then the party has the fields, and kind and vehicle are untouched
    expect(next.parties[0]).toEqual({
      id: driver.id,
      kind: 'driver',
      vehicleId: driver.vehicleId,
      name: '张三',
      idNumber: '11010519491231002X',
      licenceNumber: '11010519491231002X',
      phone: '13800138000',
      compulsoryInsurance: { insurer: '中国人保财险', policyNumber: 'PDZA202611000001' },
    });
    expect(validateCaseDraft(next)).toEqual([]);
    expect(next.updatedAt).toBe(LATER);
  });

  it('keeps a wrong ID number as typed, and the draft checks name the field', () => {
    const c = caseWithVehicles(1);
    const driver = c.parties[0];
    if (driver === undefined) throw new Error('no driver');
    const next = valueOf(updateParty(c, driver.id, { idNumber: '110105194912310021' }, AT));
    expect(next.parties[0]?.idNumber).toBe('110105194912310021');
    const [issue] = validateCaseDraft(next);
    expect(issue?.path).toEqual(['parties', driver.id, 'idNumber']);
    expect(issue?.message.zh).toContain('身份证号码');
  });

  it('removes a fixed object, or a driver while the vehicle stays', () => {
    const c = caseWithVehicles(1);
    const rail = testId();
    const withRail = valueOf(addFixedObject(c, rail, AT));
    const driverId = c.parties[0]?.id ?? '';

    expect(valueOf(removeParty(withRail, rail, LATER)).parties.map((p) => p.id)).toEqual([
      driverId,
    ]);
    const noDriver = valueOf(removeParty(withRail, driverId, LATER));
    expect(noDriver.vehicles).toHaveLength(1);
    expect(noDriver.parties.map((p) => p.id)).toEqual([rail]);
  });

  it('refuses an unknown party, and any change once the case has left the scene', () => {
    const c = caseWithVehicles(1);
    const driverId = c.parties[0]?.id ?? '';
    expect(updateParty(c, testId(), { name: '张三' }, AT)).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
    expect(removeParty(c, testId(), AT)).toMatchObject({ ok: false, reason: 'not-found' });
    expect(updateParty(inState(c, 'submitted'), driverId, { name: '张三' }, AT)).toMatchObject({
      ok: false,
      reason: 'not-editable',
    });
    expect(removeParty(inState(c, 'submitted'), driverId, AT)).toMatchObject({
      ok: false,
      reason: 'not-editable',
    });
  });
});
