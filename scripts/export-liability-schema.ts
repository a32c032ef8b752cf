/**
 * Writes docs/liability-facts.schema.json from the zod facts schema:
 * `npx tsx scripts/export-liability-schema.ts`. The domain test
 * json-schema.test.ts fails when the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  LIABILITY_FACTS_SCHEMA_PATH,
  liabilityFactsJsonSchema,
} from '../src/domain/liability/json-schema';

/** The file's exact text: two-space JSON with a trailing newline. */
export function liabilityFactsSchemaText(): string {
  return `${JSON.stringify(liabilityFactsJsonSchema(), null, 2)}\n`;
}

const root = fileURLToPath(new URL('..', import.meta.url));

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = `${root}${LIABILITY_FACTS_SCHEMA_PATH}`;
  writeFileSync(target, liabilityFactsSchemaText());
  console.log(`wrote ${LIABILITY_FACTS_SCHEMA_PATH}`);
}
