/**
 * The brigade's courteous script for a case's officer, as this phone keeps it
 * (src/sync/field-pack.ts); the project's starter until the phone fetched one.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { STARTER_SCRIPT, type CourtesyScript } from '../contracts/field-pack';
import { keptCourtesyScript } from '../sync/field-pack';
import { useServices } from './ServicesContext';

export function useCourtesyScript(officerId: string | undefined): CourtesyScript {
  const { db } = useServices();
  const kept = useLiveQuery(
    () => (officerId ? keptCourtesyScript(db, officerId) : STARTER_SCRIPT),
    [db, officerId],
  );
  return kept ?? STARTER_SCRIPT;
}
