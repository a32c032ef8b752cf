/**
 * The brigade's warning-instead-of-a-fine list (首违警告) for a case's
 * officer, as this phone keeps it (src/sync/field-pack.ts); the project's
 * starter, with no region, until the phone fetched one.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { STARTER_LENIENT_LIST, type LenientList } from '../domain/lenient';
import { keptLenientList } from '../sync/field-pack';
import { useServices } from './ServicesContext';

export function useLenientList(officerId: string | undefined): LenientList {
  const { db } = useServices();
  const kept = useLiveQuery(
    () => (officerId ? keptLenientList(db, officerId) : STARTER_LENIENT_LIST),
    [db, officerId],
  );
  return kept ?? STARTER_LENIENT_LIST;
}
