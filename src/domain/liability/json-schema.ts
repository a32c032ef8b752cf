/**
 * The facts schema as JSON Schema (draft 2020-12): the published, stable
 * input contract in docs/liability-facts.schema.json. Written by
 * scripts/export-liability-schema.ts; json-schema.test.ts fails if the
 * committed file drifts from the zod schema.
 */
import * as z from 'zod/mini';
import { LiabilityFacts } from './facts.schema';

/** Where the committed JSON Schema lives, relative to the repository root. */
export const LIABILITY_FACTS_SCHEMA_PATH = 'docs/liability-facts.schema.json';

/** The JSON Schema of {@link LiabilityFacts}, with a stable `$id` and title. */
export function liabilityFactsJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(LiabilityFacts, { target: 'draft-2020-12', io: 'input' });
  return {
    $id: 'https://kuaichu.local/schemas/liability-facts.schema.json',
    title: 'Kuaichu liability facts',
    description:
      'What the officer observed at a minor motor-vehicle crash, in the input format of the liability engine (npm run liability). See docs/liability.md.',
    ...generated,
  };
}
