/**
 * Whose cases the screens show (RELIABILITY.md D8: on a shared phone an
 * officer sees and sends only his own cases and those nobody has claimed yet).
 */
import { caseBelongsTo, type CaseOfficer, type CaseRecord } from '../domain';
import type { SessionState } from '../storage/session';

/**
 * The officer whose cases this phone shows: the one signed in, also after his
 * shift ended (capture goes on); none when signed out.
 */
export function officerOf(state: SessionState): CaseOfficer | undefined {
  if (state.kind === 'signed-out') return undefined;
  return { id: state.session.user.id, name: state.session.user.displayName };
}

export interface OfficerView<T> {
  /** The officer's cases and unclaimed ones. */
  mine: T[];
  /** How many cases of other officers wait on this phone, and their names. */
  others: { count: number; names: string[] };
}

/** Splits cases into what the officer may see and a count of the rest. */
export function splitByOfficer<T extends Pick<CaseRecord, 'officer'>>(
  cases: readonly T[],
  officerId: string | undefined,
): OfficerView<T> {
  const mine: T[] = [];
  const names = new Set<string>();
  let count = 0;
  for (const c of cases) {
    if (caseBelongsTo(c, officerId)) mine.push(c);
    else {
      count++;
      if (c.officer) names.add(c.officer.name);
    }
  }
  return { mine, others: { count, names: [...names] } };
}
