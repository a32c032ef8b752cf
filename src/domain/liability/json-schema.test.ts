// The committed JSON Schema cannot drift from the zod schema.
import { describe, expect, it } from 'vitest';
import committed from '../../../docs/liability-facts.schema.json';
import { liabilityFactsJsonSchema } from './json-schema';

describe('docs/liability-facts.schema.json', () => {
  it('equals what the zod schema exports now (run: npx tsx scripts/export-liability-schema.ts)', () => {
    expect(committed).toEqual(liabilityFactsJsonSchema());
  });

  it('describes the officer vocabulary, not scenario names', () => {
    const text = JSON.stringify(committed);
    expect(text).toContain('"going-straight"');
    expect(text).not.toContain('rear-end-same-lane');
  });
});
