import { describe, expect, it } from 'vitest';
import { aCase, testId } from '../../../tests/builders/case.builder';
import type { PhotoMeta } from '../case/photo.schema';
import { diffFromNothing, diffVersions } from './diff';
import { pathLabel } from './diff-labels';

const photo = (sha: string, slot = 'scene-behind'): PhotoMeta => ({
  schemaVersion: 1,
  sha256: sha.repeat(64),
  originalSha256: 'f'.repeat(64),
  caseId: testId(),
  slot,
  takenAt: '2026-11-27T02:10:00.000Z',
  byteLength: 10,
  width: 10,
  height: 10,
  mimeType: 'image/jpeg',
});

describe('diffVersions', () => {
  const base = aCase().withVehicles(2).build();

  it('finds nothing between a version and itself', () => {
    const v = { case: base, photos: [photo('a')] };
    expect(diffVersions(v, structuredClone(v))).toEqual({
      changes: [],
      photosAdded: [],
      photosRemoved: [],
    });
  });

  it('names a changed field with its values before and after, in words', () => {
    const after = structuredClone(base);
    after.location.address = 'G318 国道 K124';
    after.vehicles[1]!.plate = '川A99999';
    after.updatedAt = '2026-11-27T03:00:00.000Z';
    const { changes } = diffVersions({ case: base, photos: [] }, { case: after, photos: [] });
    expect(changes).toEqual([
      {
        path: 'location.address',
        label: { zh: '事故地点', en: 'Address' },
        before: 'G318 国道 K123+400',
        after: 'G318 国道 K124',
      },
      {
        path: 'vehicles.1.plate',
        label: { zh: '车辆 B 号牌', en: 'Vehicle B plate' },
        before: '川A12341',
        after: '川A99999',
      },
    ]);
  });

  it('pairs vehicles by id: removing the first is one removal, not every vehicle changed', () => {
    const after = { ...base, vehicles: [base.vehicles[1]!] };
    const { changes } = diffVersions({ case: base, photos: [] }, { case: after, photos: [] });
    expect(changes.every((c) => c.path.startsWith('vehicles.0.'))).toBe(true);
    expect(changes.every((c) => c.after === undefined)).toBe(true);
    expect(changes.find((c) => c.path === 'vehicles.0.plate')).toMatchObject({
      before: '川A12340',
      label: { en: 'Vehicle A plate' },
    });
  });

  it('lists a new field without a value before', () => {
    const after = { ...base, occurredAt: '2026-11-27T01:50:00.000Z' };
    const { changes } = diffVersions({ case: base, photos: [] }, { case: after, photos: [] });
    expect(changes).toEqual([
      {
        path: 'occurredAt',
        label: { zh: '事故发生时间', en: 'Accident time' },
        after: '2026-11-27T01:50:00.000Z',
      },
    ]);
    expect('before' in changes[0]!).toBe(false);
  });

  it('lists the photos added and removed by their hash', () => {
    const a = photo('a');
    const b = photo('b');
    const c = photo('c', 'collision-point');
    const d = diffVersions({ case: base, photos: [a, b] }, { case: base, photos: [b, c] });
    expect(d.photosAdded).toEqual([c]);
    expect(d.photosRemoved).toEqual([a]);
  });

  it('shortens long texts such as a signature image', () => {
    const after = { ...base, notes: 'x'.repeat(500) };
    const { changes } = diffVersions({ case: base, photos: [] }, { case: after, photos: [] });
    expect(String(changes[0]?.after)).toHaveLength(121);
  });

  it('reads a first version as everything added', () => {
    const d = diffFromNothing({ case: base, photos: [photo('a')] });
    expect(d.photosAdded).toHaveLength(1);
    expect(d.changes.find((c) => c.path === 'caseNumber')).toMatchObject({
      after: base.caseNumber,
    });
    expect(d.changes.every((c) => c.before === undefined)).toBe(true);
  });
});

describe('pathLabel', () => {
  const c = aCase().withVehicles(1).build();

  it.each([
    ['liability.proposal.A', '拟定责任 车辆 A'],
    ['liability.signatures.0.reason', '第 1 个签字 理由'],
    ['vehicles.0', '车辆 A'],
    ['location.kmPost', '公里桩'],
    ['sketch.vehicles.0.angle', '现场草图'],
  ])('words %s', (path, zh) => {
    expect(pathLabel(path, c)?.zh).toBe(zh);
  });

  it('leaves an unknown path without words', () => {
    expect(pathLabel('something.else', c)).toBeUndefined();
  });
});
