import { describe, expect, it } from 'vitest';
import { aCase } from '../../../tests/builders/case.builder';
import { TEXT_LIMITS } from '../text';
import { CaseRecord } from './case.schema';

const issuesOf = (value: unknown) => {
  const parsed = CaseRecord.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
};

const withParty = (name: string) => {
  const c = aCase().withVehicles(1).build();
  return {
    ...c,
    parties: [
      { id: c.vehicles[0]!.id, kind: 'driver' as const, vehicleId: c.vehicles[0]!.id, name },
    ],
  };
};

describe('CaseRecord text fields', () => {
  it('refuses notes over the limit, naming the field', () => {
    expect(
      issuesOf(
        aCase()
          .with({ notes: 'x'.repeat(2 * 1024 * 1024) })
          .build(),
      ),
    ).toEqual(['notes']);
    expect(
      issuesOf(
        aCase()
          .with({ notes: 'x'.repeat(TEXT_LIMITS.notes) })
          .build(),
      ),
    ).toEqual([]);
  });

  it('keeps line breaks and tabs in the notes but refuses NUL and other controls', () => {
    expect(issuesOf(aCase().with({ notes: '第一行\n第二行\r\n\t缩进' }).build())).toEqual([]);
    expect(issuesOf(aCase().with({ notes: 'a\u0000b' }).build())).toEqual(['notes']);
    expect(issuesOf(aCase().with({ notes: 'a\u001bb' }).build())).toEqual(['notes']);
  });

  it('refuses a control character, even a line break, in a one-line field', () => {
    expect(issuesOf(withParty('张\u0000三'))).toEqual(['parties.0.name']);
    expect(issuesOf(withParty('张\n三'))).toEqual(['parties.0.name']);
    const c = aCase().withVehicles(1).build();
    expect(issuesOf({ ...c, vehicles: [{ ...c.vehicles[0], plate: '川A\u000012345' }] })).toEqual([
      'vehicles.0.plate',
    ]);
    expect(issuesOf({ ...c, location: { address: 'G318\u007f' } })).toEqual(['location.address']);
  });

  it('refuses a party name longer than a name, and a plate longer than a code', () => {
    expect(issuesOf(withParty('张'.repeat(TEXT_LIMITS.name + 1)))).toEqual(['parties.0.name']);
    const c = aCase().withVehicles(1).build();
    expect(
      issuesOf({ ...c, vehicles: [{ ...c.vehicles[0], plate: 'A'.repeat(TEXT_LIMITS.code + 1) }] }),
    ).toEqual(['vehicles.0.plate']);
  });

  it('refuses ill-formed text (a lone surrogate)', () => {
    expect(issuesOf(aCase().with({ notes: 'a\ud800' }).build())).toEqual(['notes']);
  });
});
