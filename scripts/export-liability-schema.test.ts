// The committed docs/liability-facts.schema.json is byte-for-byte what the exporter writes now.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIABILITY_FACTS_SCHEMA_PATH } from '../src/domain/liability/json-schema';
import { liabilityFactsSchemaText } from './export-liability-schema';

describe('scripts/export-liability-schema.ts', () => {
  it('has written the current schema (run it again if this fails)', () => {
    const committed = readFileSync(
      join(import.meta.dirname, '..', LIABILITY_FACTS_SCHEMA_PATH),
      'utf8',
    );
    expect(committed).toBe(liabilityFactsSchemaText());
  });
});
