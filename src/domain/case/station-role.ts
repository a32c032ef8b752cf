/**
 * Which roles capture cases, and which may determine liability (station.ts).
 * Imports nothing: the first route (the header, which screen a path shows)
 * reads it before zod or the database have loaded.
 */

/** The role of a rural station's account (a role of src/contracts/route.ts `ROLES`). */
export const STATION_ROLE = 'station';

/** Whether a role may determine liability: everyone who may touch a case but a station. */
export const mayDetermineLiability = (role: string): boolean => role !== STATION_ROLE;

/** Whether a role captures cases on a phone (the scene screens, the outbox). */
export const capturesCases = (role: string): boolean => role === 'officer' || role === STATION_ROLE;
