import { describe, expect, it } from 'vitest';
import { aCase, testId } from '../../../tests/builders/case.builder';
import type { CaseRecord } from '../case/case.schema';
import type { Party } from '../case/party.schema';
import { damageSlot, evidenceStatus, requiredShots } from './required-shots';

/** Vehicles A and B, each with a driver; A damaged at the front right, B at the rear. */
function twoCarCase(): CaseRecord {
  const c = aCase().withVehicles(2).build();
  const [a, b] = c.vehicles;
  if (a === undefined || b === undefined) throw new Error('builder gave no vehicles');
  const driver = (vehicleId: string, name: string): Party => ({
    id: testId(),
    kind: 'driver',
    vehicleId,
    name,
  });
  return {
    ...c,
    vehicles: [
      { ...a, plate: '川A12340', damagedParts: ['front-right', 'headlight-right'] },
      { ...b, plate: '川A12341', damagedParts: ['rear', 'rear', ' '] },
    ],
    parties: [driver(a.id, '张三'), driver(b.id, '李四')],
  };
}

function ids(c: CaseRecord) {
  const [a, b] = c.vehicles;
  const [p, q] = c.parties;
  if (a === undefined || b === undefined || p === undefined || q === undefined)
    throw new Error('incomplete');
  return { a: a.id, b: b.id, p: p.id, q: q.id };
}

describe('requiredShots', () => {
  it("lists the scene, each vehicle, each damaged part and each driver's documents", () => {
    const c = twoCarCase();
    const { a, b, p, q } = ids(c);
    expect(requiredShots(c).map((s) => [s.slot, s.hintKind])).toEqual([
      ['scene-behind', 'overview-behind'],
      ['scene-front', 'overview-front'],
      ['collision-point', 'collision-point'],
      [`vehicle:${a}:plate`, 'plate'],
      [`damage:${a}:front-right`, 'damage'],
      [`damage:${a}:headlight-right`, 'damage'],
      [`vehicle:${b}:plate`, 'plate'],
      [`damage:${b}:rear`, 'damage'],
      [`party:${p}:driving-licence`, 'document'],
      [`party:${p}:vehicle-licence`, 'document'],
      [`party:${p}:insurance`, 'document'],
      [`party:${q}:driving-licence`, 'document'],
      [`party:${q}:vehicle-licence`, 'document'],
      [`party:${q}:insurance`, 'document'],
    ]);
  });

  it('words titles and hints in both languages, naming the vehicle, part and party', () => {
    const c = twoCarCase();
    const { a, p } = ids(c);
    const shots = requiredShots(c);
    const find = (slot: string) => shots.find((s) => s.slot === slot);
    expect(find('scene-behind')?.hint.zh).toContain('3–5 米');
    expect(find('scene-front')?.hint.en).toContain('lane markings');
    expect(find(`vehicle:${a}:plate`)?.hint).toEqual({
      zh: '拍下整车，号牌须清晰可读（川A12340）',
      en: 'The whole vehicle with its plate readable (川A12340)',
    });
    expect(find(`damage:${a}:front-right`)?.title).toEqual({
      zh: '车辆 A 受损部位：右前角',
      en: 'Vehicle A damage: front right corner',
    });
    expect(find(`party:${p}:vehicle-licence`)?.title).toEqual({
      zh: '车辆 A 驾驶人 张三：行驶证',
      en: 'Driver of vehicle A 张三: vehicle licence',
    });
    for (const s of shots) expect(s.title.zh && s.title.en && s.hint.zh && s.hint.en).toBeTruthy();
  });

  it('asks a fixed-object party for a photo of the object, not for documents', () => {
    const c = twoCarCase();
    const keeper: Party = {
      id: testId(),
      kind: 'fixed-object',
      name: '',
      objectDescription: '护栏',
    };
    const shots = requiredShots({ ...c, parties: [...c.parties, keeper] });
    expect(shots.filter((s) => s.partyId === keeper.id)).toEqual([
      {
        slot: `object:${keeper.id}:damage`,
        hintKind: 'object-damage',
        title: { zh: '受损物体：护栏', en: 'Damaged object: 护栏' },
        hint: { zh: '拍下受损物体及其所在位置', en: 'The damaged object and where it stands' },
        partyId: keeper.id,
      },
    ]);
  });

  it('needs only the scene shots before any vehicle is recorded', () => {
    expect(requiredShots(aCase().build()).map((s) => s.slot)).toEqual([
      'scene-behind',
      'scene-front',
      'collision-point',
    ]);
  });

  it('keeps a free-text part in one slot token', () => {
    expect(damageSlot('v1', '左前门:把手')).toBe(
      'damage:v1:%E5%B7%A6%E5%89%8D%E9%97%A8%3A%E6%8A%8A%E6%89%8B',
    );
    expect(damageSlot('v1', 'front')).toBe('damage:v1:front');
  });
});

describe('evidenceStatus', () => {
  it('is incomplete with nothing taken, and lists every shot as missing', () => {
    const c = twoCarCase();
    const status = evidenceStatus(c, []);
    expect(status.complete).toBe(false);
    expect(status.missing).toEqual(status.required);
    expect(status.extra).toEqual([]);
  });

  it('completes when every required slot has a photo, whatever else was taken', () => {
    const c = twoCarCase();
    const photos = [
      ...requiredShots(c).map((s, i) => ({ slot: s.slot, sha256: `h${i}` })),
      { slot: 'extra', sha256: 'x1' },
      { slot: 'scene-behind', sha256: 'second-angle' },
    ];
    const status = evidenceStatus(c, photos);
    expect(status.complete).toBe(true);
    expect(status.missing).toEqual([]);
    expect(status.extra).toEqual([{ slot: 'extra', sha256: 'x1' }]);
  });

  it('names exactly what is missing', () => {
    const c = twoCarCase();
    const { b, q } = ids(c);
    const gone = new Set([`damage:${b}:rear`, `party:${q}:insurance`]);
    const photos = requiredShots(c)
      .filter((s) => !gone.has(s.slot))
      .map((s) => ({ slot: s.slot }));
    const status = evidenceStatus(c, photos);
    expect(status.complete).toBe(false);
    expect(status.missing.map((s) => s.slot)).toEqual([...gone]);
  });

  it("becomes incomplete again when a damaged part is added, and counts a removed vehicle's photo as extra", () => {
    const c = twoCarCase();
    const { a, b } = ids(c);
    const photos = requiredShots(c).map((s) => ({ slot: s.slot }));
    const withMore: CaseRecord = {
      ...c,
      vehicles: c.vehicles.map((v) =>
        v.id === a ? { ...v, damagedParts: [...v.damagedParts, 'bonnet'] } : v,
      ),
    };
    expect(evidenceStatus(withMore, photos).missing.map((s) => s.slot)).toEqual([
      `damage:${a}:bonnet`,
    ]);
    const withoutB: CaseRecord = { ...c, vehicles: c.vehicles.filter((v) => v.id !== b) };
    const status = evidenceStatus(withoutB, photos);
    expect(status.complete).toBe(true);
    expect(status.extra.map((p) => p.slot)).toEqual([`vehicle:${b}:plate`, `damage:${b}:rear`]);
  });
});
