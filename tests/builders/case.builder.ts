/** Test data builders: `aCase().withVehicles(2).build()`. */
import { openCase, type CaseRecord, type Vehicle } from '../../src/domain';

let counter = 0;
/** A deterministic UUIDv7-shaped id for tests. */
export function testId(n = ++counter): string {
  const hex = n.toString(16).padStart(12, '0');
  return `0190a000-0000-7000-8000-${hex}`;
}

export class CaseBuilder {
  private record: CaseRecord;

  constructor(at = '2026-11-27T02:00:00.000Z') {
    const id = testId();
    this.record = openCase({
      id,
      arrivedAt: at,
      caseNumber: `KC20261127-${id.slice(-6).toUpperCase()}`,
      location: { address: 'G318 国道 K123+400' },
    });
  }

  withVehicles(n: number): this {
    const vehicles: Vehicle[] = Array.from({ length: n }, (_, i) => ({
      id: testId(),
      label: String.fromCharCode(65 + i),
      plate: `川A1234${i}`,
      damagedParts: [],
    }));
    this.record = { ...this.record, vehicles };
    return this;
  }

  with(patch: Partial<CaseRecord>): this {
    this.record = { ...this.record, ...patch };
    return this;
  }

  build(): CaseRecord {
    return structuredClone(this.record);
  }
}

export const aCase = (at?: string) => new CaseBuilder(at);
