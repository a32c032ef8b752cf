/**
 * Whether the accident squad's word kept on the phone (squad-word.ts) still
 * waits for the officer — a return, or the squad's amended liability — and
 * the case list's order (those cases first). Where a case stands in words is
 * squad-word.ts `squadStanding`, loaded with the screens that show it.
 */
import type { CaseRecord } from '../case/case.schema';
import type { CaseReview } from './squad-word';

/**
 * True while a return waits for the officer: the latest verdict is a return
 * (or the squad's amendment of the liability) and the case has not been
 * handed back since it arrived (resubmitted, or signed again after an
 * amendment).
 */
export function awaitsOfficer(review: CaseReview | undefined, c: CaseRecord): boolean {
  const verdict = review?.verdict;
  if (verdict?.kind !== 'returned' && verdict?.kind !== 'amended') return false;
  return !c.transitions.some(
    (t) => (t.to === 'submitted' || t.to === 'signed') && t.at >= verdict.receivedAt,
  );
}

/**
 * The case list's order: cases waiting for the officer after a return first
 * (however old), the rest after them; each group keeps the order it came in.
 */
export function returnedFirst<C extends CaseRecord>(
  cases: readonly C[],
  reviews: ReadonlyMap<string, CaseReview>,
): C[] {
  const waiting = cases.filter((c) => awaitsOfficer(reviews.get(c.id), c));
  return [...waiting, ...cases.filter((c) => !waiting.includes(c))];
}
