import { describe, expect, it } from 'vitest';
import { proposed } from '../../../tests/builders/liability.builder';
import type { CaseRecord } from '../case/case.schema';
import {
  driverOrigin,
  isLenientEligible,
  lenientSuggestions,
  licenceOrigin,
  partyOrigin,
  plateOrigin,
} from './eligibility';
import { LenientList, LenientListBody, type LenientRegion } from './lenient-list.schema';
import { STARTER_LENIENT_ITEMS, STARTER_LENIENT_LIST } from './starter-list';

const REGION: LenientRegion = { platePrefixes: ['川A', '川G'], licenceAreaCodes: ['5101'] };
const LIST: LenientList = { ...STARTER_LENIENT_LIST, version: 3, region: REGION };

/** The proposed rear-end case (B ran into A: B full) with B's plate and licence as given. */
function rearEnd(plateB: string, licenceB?: string): CaseRecord {
  const c = proposed();
  const b = c.vehicles[1]!;
  return {
    ...c,
    vehicles: c.vehicles.map((v) => (v.id === b.id ? { ...v, plate: plateB } : v)),
    parties: c.parties.map((p) =>
      p.vehicleId === b.id ? { ...p, ...(licenceB && { licenceNumber: licenceB }) } : p,
    ),
  };
}
const partyB = (c: CaseRecord) => c.parties.find((p) => p.vehicleId === c.vehicles[1]!.id)!;
const partyA = (c: CaseRecord) => c.parties.find((p) => p.vehicleId === c.vehicles[0]!.id)!;

describe('out of town (plate and licence against the brigade’s region)', () => {
  it('reads a plate by its province and issuing letter, in any case and spacing', () => {
    expect(plateOrigin(REGION, '川A12345')).toBe('local');
    expect(plateOrigin(REGION, '川 g·12345')).toBe('local');
    expect(plateOrigin(REGION, '川B67890')).toBe('outside');
    expect(plateOrigin(REGION, '渝A12345')).toBe('outside');
    expect(plateOrigin({ ...REGION, platePrefixes: ['川'] }, '川B67890')).toBe('local');
  });

  it('cannot tell a plate without a province, nor anyone while the region is not set', () => {
    expect(plateOrigin(REGION, '')).toBe('unknown');
    expect(plateOrigin(REGION, undefined)).toBe('unknown');
    expect(plateOrigin(REGION, '使123456')).toBe('unknown');
    expect(plateOrigin(REGION, 'WJ12345')).toBe('unknown');
    expect(plateOrigin(STARTER_LENIENT_LIST.region, '渝A12345')).toBe('unknown');
    expect(licenceOrigin(STARTER_LENIENT_LIST.region, '110105194912310038')).toBe('unknown');
  });

  it('reads a licence number by its administrative-division code', () => {
    expect(licenceOrigin(REGION, '510104198001011234')).toBe('local');
    expect(licenceOrigin(REGION, ' 510104198001011234 ')).toBe('local');
    expect(licenceOrigin(REGION, '110105194912310038')).toBe('outside');
    expect(licenceOrigin(REGION, '51')).toBe('unknown');
    expect(licenceOrigin(REGION, 'A12345678')).toBe('unknown');
    expect(licenceOrigin({ ...REGION, licenceAreaCodes: ['51'] }, '511502199001011234')).toBe(
      'local',
    );
  });

  it('counts a driver out of town when either his plate or his licence is', () => {
    expect(driverOrigin(REGION, '川A12345', '510104198001011234')).toBe('local');
    expect(driverOrigin(REGION, '川B67890', '510104198001011234')).toBe('outside');
    expect(driverOrigin(REGION, '川A12345', '110105194912310038')).toBe('outside');
    expect(driverOrigin(REGION, '川A12345', undefined)).toBe('local');
    expect(driverOrigin(REGION, undefined, undefined)).toBe('unknown');
  });

  it('takes a party’s plate from his vehicle and his licence (or, without one, his ID number)', () => {
    const c = rearEnd('川A99999');
    const b = partyB(c);
    expect(partyOrigin(c, REGION, b)).toBe('local');
    expect(partyOrigin(c, REGION, { ...b, idNumber: '110105194912310038' })).toBe('outside');
    expect(
      partyOrigin(c, REGION, {
        ...b,
        idNumber: '110105194912310038',
        licenceNumber: '510104198001011234',
      }),
    ).toBe('local');
    expect(partyOrigin(c, REGION, { ...b, kind: 'fixed-object' })).toBe('unknown');
  });
});

describe('the warning suggestion', () => {
  it('suggests the listed violation a finding implies for the liable out-of-town driver only', () => {
    const c = rearEnd('川B67890');
    const s = lenientSuggestions(c, LIST);
    expect(s.map((x) => [x.partyId, x.item.id, x.source])).toEqual([
      [partyB(c).id, 'following-distance', 'finding'],
    ]);
    expect(s[0]?.item.basis).toEqual([{ law: '中华人民共和国道路交通安全法', article: '第43条' }]);
  });

  it('suggests nothing for a local driver, an unset region or a violation off the list', () => {
    expect(lenientSuggestions(rearEnd('川A67890'), LIST)).toEqual([]);
    expect(lenientSuggestions(rearEnd('川B67890'), STARTER_LENIENT_LIST)).toEqual([]);
    const offList = { ...LIST, items: LIST.items.filter((i) => i.id !== 'following-distance') };
    expect(lenientSuggestions(rearEnd('川B67890'), offList)).toEqual([]);
  });

  it('does not suggest for an out-of-town driver the findings hold not liable', () => {
    const c = rearEnd('川A67890');
    const a = partyA(c);
    const outsideA: CaseRecord = {
      ...c,
      vehicles: c.vehicles.map((v) => (v.id === a.vehicleId ? { ...v, plate: '渝A11111' } : v)),
    };
    expect(lenientSuggestions(outsideA, LIST)).toEqual([]);
  });

  it('adds what the officer recorded for an out-of-town driver, each once, and only listed items', () => {
    const c = rearEnd('川B67890');
    const b = partyB(c).id;
    const a = partyA(c).id;
    const s = lenientSuggestions(c, LIST, [
      { partyId: b, itemId: 'seat-belt' },
      { partyId: b, itemId: 'following-distance' },
      { partyId: b, itemId: 'not-on-the-list' },
      { partyId: a, itemId: 'seat-belt' },
    ]);
    expect(s.map((x) => `${x.item.id}/${x.source}`)).toEqual([
      'following-distance/finding',
      'seat-belt/officer',
    ]);
    expect(isLenientEligible(c, LIST, b, 'seat-belt')).toBe(true);
    expect(isLenientEligible(c, LIST, a, 'seat-belt')).toBe(false);
    expect(isLenientEligible(c, LIST, b, 'not-on-the-list')).toBe(false);
  });
});

describe('the starter list', () => {
  it('is a valid list with unique ids, every item with its basis in the road traffic law or its regulation', () => {
    expect(
      LenientListBody.safeParse({ region: REGION, items: STARTER_LENIENT_ITEMS }).success,
    ).toBe(true);
    expect(LenientList.safeParse(STARTER_LENIENT_LIST).success).toBe(true);
    for (const item of STARTER_LENIENT_ITEMS) {
      for (const b of item.basis) expect(b.law).toMatch(/^中华人民共和国道路交通安全法/);
    }
  });

  it('names only scenarios of the liability catalog', async () => {
    const { loadLiabilityCatalog } = await import('../liability/catalog');
    const ids = new Set(loadLiabilityCatalog().scenarios.map((s) => s.id));
    const named = STARTER_LENIENT_ITEMS.flatMap((i) => i.scenarios);
    expect(named.filter((s) => !ids.has(s))).toEqual([]);
  });

  it('refuses a list with two items of one id, naming the field', () => {
    const item = STARTER_LENIENT_ITEMS[0]!;
    const r = LenientListBody.safeParse({ region: REGION, items: [item, item] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['items']);
  });
});
