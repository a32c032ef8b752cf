/** Live views of cases on the device, shared by every screen that shows one. */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseReview } from '../domain';
import {
  listCases,
  listPhotos,
  readCase,
  readReview,
  readReviews,
  type CaseList,
} from '../storage';
import { useServices } from './ServicesContext';
import { officerOf, splitByOfficer, type OfficerView } from './officer-view';
import { useSession } from './useSession';

export interface OfficerCaseList extends CaseList {
  /** Cases of other officers on a shared phone: counted, never listed. */
  others: OfficerView<unknown>['others'];
}

/**
 * The cases of the officer signed in on this phone (and unclaimed ones);
 * undefined while the cases or the session load.
 */
export function useCaseList(): OfficerCaseList | undefined {
  const { db } = useServices();
  const session = useSession();
  const list = useLiveQuery(() => listCases(db), [db]);
  const officerId = session && officerOf(session)?.id;
  return useMemo(() => {
    if (!list || !session) return undefined;
    const { mine, others } = splitByOfficer(list.cases, officerId);
    return { cases: mine, unreadable: list.unreadable, others };
  }, [list, session, officerId]);
}

export function useCase(id: string) {
  const { db } = useServices();
  return useLiveQuery(() => readCase(db, id), [db, id]);
}

export function usePhotos(caseId: string) {
  const { db } = useServices();
  return useLiveQuery(() => listPhotos(db, caseId), [db, caseId]);
}

/** What the accident squad said about each case on the phone (read offline), by case id. */
export function useCaseReviews(): ReadonlyMap<string, CaseReview> | undefined {
  const { db } = useServices();
  return useLiveQuery(() => readReviews(db), [db]);
}

/** What the accident squad said about one case: null when nothing yet, undefined while it loads. */
export function useCaseReview(caseId: string): CaseReview | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (await readReview(db, caseId)) ?? null, [db, caseId]);
}
