/**
 * The liability facts as accepted at every boundary: schema version 1 or 2,
 * told apart by `schemaVersion`. New records are written as version 2
 * (`LIABILITY_FACTS_SCHEMA_VERSION`); a stored version-1 record is kept as it
 * was (it may be part of what the parties signed) and read through
 * `migrateFacts` (migrate.ts). The engine decides on version 2.
 *
 * This schema is the stable input contract: it is exported as JSON Schema to
 * docs/liability-facts.schema.json (scripts/export-liability-schema.ts).
 */
import * as z from 'zod/mini';
import type { Result } from '../result';
import { ok, refuse } from '../result';
import { describeFactIssues } from './fact-errors';
import { LIABILITY_FACTS_V1, LiabilityFactsV1 } from './facts-v1.schema';
import { LIABILITY_FACTS_V2, LiabilityFactsV2 } from './facts-v2.schema';

export * from './facts-v1.schema';
export * from './facts-v2.schema';

/** The version new records are written in. */
export const LIABILITY_FACTS_SCHEMA_VERSION = LIABILITY_FACTS_V2;

/** The facts of one case, version 1 or 2; see docs/liability.md for examples. */
export const LiabilityFacts = z.discriminatedUnion('schemaVersion', [
  LiabilityFactsV1,
  LiabilityFactsV2,
]);
export type LiabilityFacts = z.infer<typeof LiabilityFacts>;

/** Why facts were refused, with the field path (e.g. `vehicles.0.action`). */
export type FactsRefusal = 'invalid-facts';

const VERSIONS = [LIABILITY_FACTS_V1, LIABILITY_FACTS_V2];

/**
 * Parses untrusted input (either version); the refusal's detail names the
 * offending field. Anything not marked version 1 is checked against the
 * newest version, so a record with a wrong version still hears about every
 * other field (`schemaVersion: expected one of 1|2`, then the rest).
 */
export function parseLiabilityFacts(input: unknown): Result<LiabilityFacts, FactsRefusal> {
  const v1 =
    typeof input === 'object' &&
    input !== null &&
    (input as { schemaVersion?: unknown }).schemaVersion === LIABILITY_FACTS_V1;
  // reportInput: a missing field (no input) then reads "required".
  const parsed = (v1 ? LiabilityFactsV1 : LiabilityFactsV2).safeParse(input, { reportInput: true });
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((issue) =>
    issue.code === 'invalid_value' && issue.path.join('.') === 'schemaVersion'
      ? { ...issue, values: VERSIONS }
      : issue,
  );
  return refuse('invalid-facts', describeFactIssues(issues).join('; '));
}
