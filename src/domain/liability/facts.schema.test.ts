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
