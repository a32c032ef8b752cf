/**
 * The automatic steps of the on-scene flow: what the case's own data decides
 * without the officer ticking anything (e.g. evidence is complete when every
 * required shot has a photo).
 */
import { evidenceStatus } from '../evidence/required-shots';
import type { Instant } from '../ids';
import type { CaseRecord } from './case.schema';
import { transitionCase } from './case';

/** Applies every transition the case's data now warrants, stamped at `at`. */
export function advanceOnScene(
  c: CaseRecord,
  photos: readonly { readonly slot: string }[],
  at: Instant,
): CaseRecord {
  if (c.state === 'triaged' && evidenceStatus(c, photos).complete) {
    const r = transitionCase(c, 'evidence-complete', at);
    if (r.ok) return r.value;
  }
  return c;
}
