// Bad input is refused with a message naming the field; bad fixtures are
// named for their defect.
import { describe, expect, it } from 'vitest';
import { parseLiabilityFacts } from './facts.schema';

interface BadFixture {
  defect: string;
  expectedField: string;
  facts: unknown;
}

const bad = Object.entries(
  import.meta.glob('../../../tests/fixtures/liability/bad/*.json', {
    eager: true,
    import: 'default',
  }),
).map(([path, value]): [string, BadFixture] => [
  path.split('/').pop() ?? path,
  value as BadFixture,
]);

describe('parseLiabilityFacts', () => {
  it('has bad fixtures to check', () => {
    expect(bad.length).toBeGreaterThanOrEqual(5);
  });

  it.each(bad)('refuses %s, naming the field', (_name, fixture) => {
    const result = parseLiabilityFacts(fixture.facts);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.detail).toContain(`${fixture.expectedField}:`);
  });

  it('accepts a minimal record', () => {
    const result = parseLiabilityFacts({
      schemaVersion: 1,
      place: { kind: 'car-park' },
      vehicles: [
        { id: 'A', action: 'reversing' },
        { id: 'B', action: 'parked' },
      ],
      impacts: [{ striking: 'A', struck: 'B' }],
    });
    expect(result.ok).toBe(true);
  });
});

describe('the refusal detail', () => {
  const record = (vehicles: unknown[]) => ({
    schemaVersion: 1,
    place: { kind: 'road-section' },
    vehicles,
    impacts: [{ striking: 'B', struck: 'A' }],
  });
  const detailOf = (input: unknown): string => {
    const result = parseLiabilityFacts(input);
    if (result.ok) throw new Error('refusal expected');
    return result.detail ?? '';
  };

  it('names an unknown key in its path, each one', () => {
    const detail = detailOf({
      ...record([
        { id: 'A', action: 'slowing', passdStopLine: false },
        { id: 'B', action: 'going-straight' },
      ]),
      extra: 1,
    });
    expect(detail.split('; ')).toEqual([
      'vehicles.0.passdStopLine: unknown key',
      'extra: unknown key',
    ]);
  });

  it('says "required" for a missing required field', () => {
    expect(detailOf(record([{ id: 'A', action: 'slowing' }, { id: 'B' }]))).toBe(
      'vehicles.1.action: required',
    );
    expect(detailOf({ schemaVersion: 1 }).split('; ')).toEqual([
      'place: required',
      'vehicles: required',
      'impacts: required',
    ]);
  });

  it('lists the allowed values and bounds, never "Invalid input" and never the value given', () => {
    const detail = detailOf({
      ...record([
        { id: 'A', action: 'hovering' },
        { id: 'B', action: 'going-straight', heading: 7 },
      ]),
      schemaVersion: 9,
      place: { kind: 'road-section', motorLanesThisWay: 40 },
    });
    expect(detail.split('; ')).toEqual([
      'schemaVersion: expected one of 1|2',
      'place.motorLanesThisWay: at most 12',
      expect.stringMatching(/^vehicles\.0\.action: expected one of "going-straight"\|"slowing"\|/),
      expect.stringMatching(/^vehicles\.1\.heading: expected one of "N"\|"E"\|"S"\|"W"$/),
    ]);
    expect(detail).not.toContain('Invalid input');
    expect(detail).not.toContain('hovering');
    expect(detailOf(record([]))).toContain('vehicles: at least 1 item;');
  });

  it("keeps the cross-field checks' own words", () => {
    expect(
      detailOf(
        record([
          { id: 'A', action: 'slowing' },
          { id: 'A', action: 'going-straight' },
        ]),
      ),
    ).toContain('vehicles.1.id: duplicate vehicle id "A"');
  });
});
