/** Test data for case routes: a two-vehicle case whose drivers are insured by X and Y. Test-only. */
import type { CaseRecord } from '../src/domain/case/case.schema';
import type { PhotoMeta } from '../src/domain/case/photo.schema';
import { aCase, testId } from '../tests/builders/case.builder';
import { makePhoto } from './test-device';

export interface CaseFixture {
  record: CaseRecord;
  photos: { bytes: Buffer; meta: PhotoMeta }[];
}

/** Vehicle A's driver insured (compulsory) by Insurer X, vehicle B's (commercial) by code INSY. */
export function insuredCase(seed = 'case', photoCount = 2): CaseFixture {
  const base = aCase().withVehicles(2).build();
  const [a, b] = base.vehicles;
  if (!a || !b) throw new Error('two vehicles expected');
  const record: CaseRecord = {
    ...base,
    parties: [
      { id: testId(), kind: 'driver', vehicleId: a.id, name: '张三', compulsoryInsurance: { insurer: ' insurer x ' } },
      { id: testId(), kind: 'driver', vehicleId: b.id, name: '李四', commercialInsurance: { insurer: 'INSY' } },
    ],
  };
  const photos = Array.from({ length: photoCount }, (_, i) => makePhoto(record.id, `${seed}-${record.id}-${i}`, i === 0 ? 'overview' : `extra-${i}`));
  return { record, photos };
}
