import { describe, expect, it } from 'vitest';
import { aCase, testId } from '../../../tests/builders/case.builder';
import type { CaseRecord } from '../case/case.schema';
import type { Party } from '../case/party.schema';
import type { Vehicle } from '../case/vehicle.schema';
import { validateCaseDraft } from './validate-case';

const ARRIVED = '2026-11-27T02:00:00.000Z';

function driver(vehicleId: string, patch: Partial<Party> = {}): Party {
  return {
    id: testId(),
    kind: 'driver',
    vehicleId,
    name: '张三',
    idNumber: '11010519491231002X',
    licenceNumber: '11010519491231002X',
    phone: '13800138000',
    ...patch,
  };
}

/** Two vehicles with good plates and a fully filled-in driver each. */
function goodCase(): CaseRecord {
  const c = aCase(ARRIVED).withVehicles(2).build();
  const [a, b] = c.vehicles;
  if (a === undefined || b === undefined) throw new Error('builder gave no vehicles');
  return {
    ...c,
    vehicles: [
      { ...a, plate: '京A12345', plateType: 'small-blue', vin: '1M8GDM9AXKP042788' },
      { ...b, plate: '粤B·D12345', plateType: 'new-energy-small' },
    ],
    parties: [
      driver(a.id),
      driver(b.id, {
        name: '李四',
        idNumber: '110101199003074477',
        licenceNumber: '110101199003074477',
        phone: '+86 139 0000 0000',
      }),
    ],
  };
}

describe('validateCaseDraft', () => {
  it('never reports an empty field: a draft always saves', () => {
    const c = goodCase();
    const emptied: CaseRecord = {
      ...c,
      vehicles: c.vehicles.map((v) => ({ ...v, plate: '', vin: undefined })),
      parties: c.parties.map((p) => ({
        ...p,
        name: '',
        idNumber: '',
        licenceNumber: undefined,
        phone: '',
      })),
    };
    expect(validateCaseDraft(emptied)).toEqual([]);
  });

  it('finds nothing wrong in a complete, correct case', () => {
    expect(validateCaseDraft(goodCase())).toEqual([]);
  });

  it('names a nameless driver by the vehicle he drove, a fixed object’s keeper by his place', () => {
    const c = goodCase();
    const [p] = c.parties;
    if (p === undefined) throw new Error('no party');
    const keeper: Party = {
      id: testId(),
      kind: 'fixed-object',
      name: '',
      objectDescription: '护栏',
      phone: '1380013800',
    };
    const nameless = { ...p, name: ' ', phone: '1380013800' };
    const issues = validateCaseDraft({ ...c, parties: [nameless, c.parties[1]!, keeper] });
    expect(issues.map((i) => [i.field, i.reason, i.subject.en])).toEqual([
      ['phone', 'phone.too-short', 'Driver of vehicle A'],
      ['phone', 'phone.too-short', 'Party 3'],
    ]);
  });

  it.each([
    ['vehicle', 'plate', '京A1234O', 'plate.letter-i-or-o'],
    ['vehicle', 'vin', '1M8GDM9A1KP042788', 'vin.bad-check-digit'],
    ['party', 'idNumber', '110105194912310021', 'id.bad-check-digit'],
    ['party', 'licenceNumber', 'A1234567', 'licence.unknown-format'],
    ['party', 'phone', '12800138000', 'phone.bad-prefix'],
  ] as const)('reports a wrong %s %s (%s) as %s', (kind, key, value, reason) => {
    const c = goodCase();
    const [v] = c.vehicles;
    const [p] = c.parties;
    if (v === undefined || p === undefined) throw new Error('builder gave no data');
    const edited: CaseRecord =
      kind === 'vehicle'
        ? { ...c, vehicles: [{ ...v, [key]: value }, ...c.vehicles.slice(1)] }
        : { ...c, parties: [{ ...p, [key]: value }, ...c.parties.slice(1)] };
    const issues = validateCaseDraft(edited);
    const id = kind === 'vehicle' ? v.id : p.id;
    expect(issues.map((i) => [i.path, i.reason])).toEqual([
      [[kind === 'vehicle' ? 'vehicles' : 'parties', id, key], reason],
    ]);
    expect(issues[0]?.message.zh.length).toBeGreaterThan(0);
  });

  it('flags a plate that does not fit the declared plate type', () => {
    const c = goodCase();
    const [a, b] = c.vehicles;
    if (a === undefined || b === undefined) throw new Error('no vehicles');
    const issues = validateCaseDraft({ ...c, vehicles: [a, { ...b, plateType: 'small-blue' }] });
    expect(issues.map((i) => i.reason)).toEqual(['plate.type-mismatch']);
    expect(issues[0]?.message.zh).toContain('小型汽车号牌');
  });

  it('flags a six-character serial unless the plate type says temporary', () => {
    const c = goodCase();
    const [a, b] = c.vehicles;
    if (a === undefined || b === undefined) throw new Error('no vehicles');
    const typed = (plateType: Vehicle['plateType']) =>
      validateCaseDraft({ ...c, vehicles: [{ ...a, plate: '蒙J123456', plateType }, b] });
    expect(typed(undefined).map((i) => [i.path, i.reason])).toEqual([
      [['vehicles', a.id, 'plate'], 'plate.temporary-needs-type'],
    ]);
    expect(typed(undefined)[0]?.message.zh).toContain('临时行驶车号牌');
    expect(typed('temporary')).toEqual([]);
  });

  it('flags a mainland licence number that differs from the ID number', () => {
    const c = goodCase();
    const [p] = c.parties;
    if (p === undefined) throw new Error('no party');
    const issues = validateCaseDraft({
      ...c,
      parties: [{ ...p, licenceNumber: '110101199003074477' }, ...c.parties.slice(1)],
    });
    expect(issues.map((i) => [i.field, i.reason])).toEqual([
      ['licence-number', 'licence.differs-from-id'],
    ]);
  });

  it('checks birth dates against the local date of arrival unless told otherwise', () => {
    // Born 2026-11-28 (Beijing): after a 2026-11-27 arrival, but fine on 2026-11-29.
    const c = goodCase();
    const [p] = c.parties;
    if (p === undefined) throw new Error('no party');
    const born = '110105202611280012';
    const edited = {
      ...c,
      parties: [{ ...p, idNumber: born, licenceNumber: born }, ...c.parties.slice(1)],
    };
    expect(validateCaseDraft(edited).map((i) => i.reason)).toEqual([
      'id.future-birth-date',
      'licence.future-birth-date',
    ]);
    expect(validateCaseDraft(edited, { today: '2026-11-29' })).toEqual([]);
  });
});
