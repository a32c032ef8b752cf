/**
 * Schema migration of the liability facts. Version 2 only adds to version 1
 * (every field of 1 keeps its meaning), so a v1 record becomes v2 by its
 * version number alone. The migration is a read-time view: a stored v1
 * record is never rewritten, because the facts are part of the determination
 * the parties signed (src/domain/case/determination.ts); see docs/liability.md.
 */
import type { LiabilityFacts } from './facts.schema';
import type { LiabilityFactsV2 } from './facts-v2.schema';
import { LIABILITY_FACTS_V2 } from './facts-v2.schema';

/** The facts as version 2; a v2 record is returned as it is. */
export function migrateFacts(facts: LiabilityFacts): LiabilityFactsV2 {
  if (facts.schemaVersion === LIABILITY_FACTS_V2) return facts;
  return { ...facts, schemaVersion: LIABILITY_FACTS_V2 };
}
