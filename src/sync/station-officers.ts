/**
 * A rural station's list of the brigade's officers (`GET /api/station/officers`),
 * kept on the phone per account in the sync values: the hand-over names one
 * of them offline. Fetched at sign-in and after each pull, as the field pack
 * is (field-pack.ts); a failure leaves the kept list.
 */
import type { Api } from '../api';
import { BrigadeOfficers, type BrigadeOfficer } from '../contracts/station';
import { readSyncValue, writeSyncValue, type KuaichuDb, type StoredSession } from '../storage';

export const stationOfficersKey = (userId: string) => `stationOfficers:${userId}`;

/** Fetches and keeps the list for a station's session; anyone else's does nothing. */
export async function refreshStationOfficers(
  db: KuaichuDb,
  api: Pick<Api, 'getStationOfficers'>,
  session: StoredSession,
): Promise<boolean> {
  if (session.user.role !== 'station' || !api.getStationOfficers) return false;
  const answer = await api.getStationOfficers(session.token);
  if (!answer.ok) return false;
  await writeSyncValue(db, stationOfficersKey(session.user.id), JSON.stringify(answer.value));
  return true;
}

/** The list kept for the account (empty when none was kept, or it no longer parses). */
export async function keptStationOfficers(
  db: KuaichuDb,
  userId: string,
): Promise<BrigadeOfficer[]> {
  const text = await readSyncValue(db, stationOfficersKey(userId));
  if (text === undefined) return [];
  try {
    const kept = BrigadeOfficers.safeParse(JSON.parse(text));
    return kept.success ? kept.data.officers : [];
  } catch {
    return [];
  }
}
