/**
 * The brigade's field pack on this phone (src/contracts/field-pack.ts): fetched
 * at sign-in and, after a pull, when the kept one is older than
 * {@link FIELD_PACK_MAX_AGE_MS}; kept per officer in the sync values (a shared
 * phone may serve officers of two brigades) with the device time it came;
 * read on scene offline (the courteous script, the warning list). A phone
 * that never fetched one uses the starters.
 */
import type { Api } from '../api';
import { STARTER_LENIENT_LIST, type LenientList } from '../domain/lenient';
import type { TileSettings } from '../contracts/tile-source';
import {
  DEFAULT_VIDEO_RADIUS_M,
  FieldPack,
  STARTER_SCRIPT,
  type CourtesyScript,
} from '../contracts/field-pack';
import type { VideoUnit } from '../contracts/video';
import { readSyncValue, writeSyncValue, type KuaichuDb, type StoredSession } from '../storage';

export const fieldPackKey = (userId: string) => `fieldPack:${userId}`;
const fetchedKey = (userId: string) => `fieldPackAt:${userId}`;

/** A kept pack older than this is fetched again after the next pull. */
export const FIELD_PACK_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Fetches and keeps the pack (when `now` is given: only if the kept one is
 * older than the limit, or from a future clock). A failure leaves the kept
 * one: it is fetched again later.
 */
export async function refreshFieldPack(
  db: KuaichuDb,
  api: Pick<Api, 'getFieldPack'>,
  session: StoredSession,
  now?: number,
): Promise<boolean> {
  const userId = session.user.id;
  if (now !== undefined) {
    const at = Number(await readSyncValue(db, fetchedKey(userId)));
    if (at <= now && now - at < FIELD_PACK_MAX_AGE_MS) return false;
  }
  const answer = await api.getFieldPack(session.token);
  if (!answer.ok) return false;
  await writeSyncValue(db, fieldPackKey(userId), JSON.stringify(answer.value));
  await writeSyncValue(db, fetchedKey(userId), String(now ?? Date.now()));
  return true;
}

/** The pack kept for the officer, if one was kept and still parses. */
async function keptPack(db: KuaichuDb, userId: string): Promise<FieldPack | undefined> {
  const text = await readSyncValue(db, fieldPackKey(userId));
  if (text === undefined) return undefined;
  try {
    const pack = FieldPack.safeParse(JSON.parse(text));
    return pack.success ? pack.data : undefined;
  } catch {
    return undefined;
  }
}

/** The courteous script kept for the officer, or the starter. */
export async function keptCourtesyScript(db: KuaichuDb, userId: string): Promise<CourtesyScript> {
  return (await keptPack(db, userId))?.courtesyScript ?? STARTER_SCRIPT;
}

/**
 * The warning-instead-of-a-fine list (首违警告) kept for the officer, or the
 * starter (no region: nobody is told apart as out of town).
 */
export async function keptLenientList(db: KuaichuDb, userId: string): Promise<LenientList> {
  return (await keptPack(db, userId))?.lenientList ?? STARTER_LENIENT_LIST;
}

/** The brigade's map tile source kept for the officer, if the brigade set one. */
export async function keptTileSource(
  db: KuaichuDb,
  userId: string,
): Promise<TileSettings | undefined> {
  return (await keptPack(db, userId))?.tileSource?.source ?? undefined;
}

export interface VideoPack {
  videoUnits: readonly VideoUnit[];
  radiusM: number;
  /** False when the phone never fetched a pack with the brigade's units. */
  known: boolean;
}

/** The brigade's roadside video units and search radius kept for the officer. */
export async function keptVideoPack(db: KuaichuDb, userId: string): Promise<VideoPack> {
  const pack = await keptPack(db, userId);
  return {
    videoUnits: pack?.videoUnits ?? [],
    radiusM: pack?.videoRadiusM ?? DEFAULT_VIDEO_RADIUS_M,
    known: pack?.videoUnits !== undefined,
  };
}
