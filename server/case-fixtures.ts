/** Test data for case routes: a two-vehicle case whose drivers are insured by X and Y. Test-only. */
import type { CaseRecord } from '../src/domain/case/case.schema';
import type { PhotoMeta } from '../src/domain/case/photo.schema';
import { randomUUID } from 'node:crypto';
import { openCase } from '../src/domain/case/case';
import { makePhoto } from './test-device';

export interface CaseFixture {
  record: CaseRecord;
  photos: { bytes: Buffer; meta: PhotoMeta }[];
}

/** Vehicle A's driver insured (compulsory) by Insurer X, vehicle B's (commercial) by code INSY. */
export function insuredCase(seed = 'case', photoCount = 2): CaseFixture {
  const id = randomUUID();
  const [a, b] = [randomUUID(), randomUUID()];
  const record: CaseRecord = {
    ...openCase({
      id,
      arrivedAt: '2026-11-27T02:00:00.000Z',
      caseNumber: `KC20261127-${id.slice(-6).toUpperCase()}`,
      location: { address: 'G318 国道 K123+400' },
    }),
    vehicles: [
      { id: a, label: 'A', plate: '川A12340', damagedParts: ['front-bumper'] },
      { id: b, label: 'B', plate: '川A12341', damagedParts: [] },
    ],
    parties: [
      {
        id: randomUUID(),
        kind: 'driver',
        vehicleId: a,
        name: '张三',
        compulsoryInsurance: { insurer: ' insurer x ' },
      },
      {
        id: randomUUID(),
        kind: 'driver',
        vehicleId: b,
        name: '李四',
        commercialInsurance: { insurer: 'INSY' },
      },
    ],
  };
  const photos = Array.from({ length: photoCount }, (_, i) =>
    makePhoto(record.id, `${seed}-${record.id}-${i}`, i === 0 ? 'overview' : `extra-${i}`),
  );
  return { record, photos };
}
