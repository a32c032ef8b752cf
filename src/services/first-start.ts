/**
 * A phone's first start: when the page opens at `/` signed out with no case
 * database yet, the case list is surely empty, and says so at React's first
 * commit rather than once the database's code has loaded (the empty list's
 * line is the first screen's largest text). Read before the first render
 * (main.tsx); forgotten at the first other path, where a case, or a sign-in,
 * can be made.
 */

/** The case database's name (storage/db.ts `DB_NAME`; not imported: Dexie is not in the first chunk). */
export const CASE_DB_NAME = 'kuaichu';

let empty = false;

/** Whether the case list is known to be empty before the database is read. */
export const noCasesAtStart = (): boolean => empty;

export function forgetNoCasesAtStart(): void {
  empty = false;
}

/**
 * Looks for the case database (`indexedDB.databases()`); the list is known
 * empty only when it surely is not there. Any doubt (no such method, an
 * error) leaves it unknown: the frame's loading line shows instead.
 */
export async function readNoCasesAtStart(
  idb: Pick<IDBFactory, 'databases'> | undefined,
  signedOut: Promise<boolean>,
): Promise<void> {
  try {
    const [databases, out] = await Promise.all([idb?.databases(), signedOut]);
    empty = out && databases !== undefined && !databases.some((d) => d.name === CASE_DB_NAME);
  } catch {
    empty = false;
  }
}
