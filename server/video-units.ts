/**
 * A brigade's roadside video units (src/contracts/video.ts): listed, added
 * and changed by an admin (each change audited in its transaction; a code is
 * unique in its brigade), and the units in use with the brigade's search
 * radius for its phones' field pack. Places are kept in integer microdegrees.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { VideoUnit, VideoUnitChange, VideoUnitInput } from '../src/contracts/video';
import { Facing } from '../src/domain/video/footage';
import { appendAudit } from './audit/audit-log';
import { notFound } from './auth/policy';
import type { Database, VideoUnitsTable } from './db/schema';
import type { Selectable } from 'kysely';
import { HttpError } from './errors';

type Db = Kysely<Database>;
type Row = Selectable<VideoUnitsTable>;

const e6 = (deg: number) => Math.round(deg * 1e6);

export const videoUnitOf = (r: Row): VideoUnit => ({
  id: r.id,
  brigadeId: r.brigade_id,
  code: r.code,
  name: r.name,
  latitude: r.lat_e6 / 1e6,
  longitude: r.lng_e6 / 1e6,
  // Written only through the schema; an unknown point reads as north rather than failing the list.
  facing: Facing.safeParse(r.facing).data ?? 'N',
  retentionDays: r.retention_days,
  active: r.active === 1,
  updatedAt: r.updated_at,
});

async function requireBrigade(db: Db, id: string): Promise<{ video_radius_m: number }> {
  const found = await db
    .selectFrom('brigades')
    .select('video_radius_m')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) throw notFound('brigade');
  return found;
}

export async function listVideoUnits(db: Db, brigadeId: string): Promise<VideoUnit[]> {
  await requireBrigade(db, brigadeId);
  const rows = await db
    .selectFrom('video_units')
    .selectAll()
    .where('brigade_id', '=', brigadeId)
    .orderBy('code')
    .execute();
  return rows.map(videoUnitOf);
}

/** The units in use and the radius, for the brigade's field pack. */
export async function videoPackOf(db: Db, brigadeId: string) {
  const { video_radius_m } = await requireBrigade(db, brigadeId);
  const rows = await db
    .selectFrom('video_units')
    .selectAll()
    .where('brigade_id', '=', brigadeId)
    .where('active', '=', 1)
    .orderBy('code')
    .execute();
  return { videoUnits: rows.map(videoUnitOf), videoRadiusM: video_radius_m };
}

async function refuseTakenCode(db: Db, brigadeId: string, code: string, self?: string) {
  let query = db
    .selectFrom('video_units')
    .select('id')
    .where('brigade_id', '=', brigadeId)
    .where('code', '=', code);
  if (self) query = query.where('id', '!=', self);
  if (await query.executeTakeFirst()) {
    throw new HttpError(409, 'code_taken', 'The brigade already has a video unit of that code.', [
      { path: 'body.code', message: 'already used by another unit of the brigade' },
    ]);
  }
}

const columnsOf = (input: VideoUnitInput) => ({
  code: input.code,
  name: input.name,
  lat_e6: e6(input.latitude),
  lng_e6: e6(input.longitude),
  facing: input.facing,
  retention_days: input.retentionDays,
});

export async function addVideoUnit(
  db: Db,
  actor: string,
  brigadeId: string,
  input: VideoUnitInput,
  at: Date,
): Promise<VideoUnit> {
  return db.transaction().execute(async (trx) => {
    await requireBrigade(trx, brigadeId);
    await refuseTakenCode(trx, brigadeId, input.code);
    const now = at.toISOString();
    const row: Row = {
      id: randomUUID(),
      brigade_id: brigadeId,
      ...columnsOf(input),
      active: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('video_units').values(row).execute();
    const unit = videoUnitOf(row);
    await appendAudit(trx, at, {
      actor,
      action: 'video_unit.created',
      subject: unit.id,
      details: { ...unit },
    });
    return unit;
  });
}

export async function changeVideoUnit(
  db: Db,
  actor: string,
  ids: { brigadeId: string; unitId: string },
  change: VideoUnitChange,
  at: Date,
): Promise<VideoUnit> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('video_units')
      .selectAll()
      .where('id', '=', ids.unitId)
      .where('brigade_id', '=', ids.brigadeId)
      .executeTakeFirst();
    if (!before) throw notFound('video unit');
    await refuseTakenCode(trx, ids.brigadeId, change.code, ids.unitId);
    const set = {
      ...columnsOf(change),
      active: change.active ? 1 : 0,
      updated_at: at.toISOString(),
    };
    await trx.updateTable('video_units').set(set).where('id', '=', ids.unitId).execute();
    const after = videoUnitOf({ ...before, ...set });
    await appendAudit(trx, at, {
      actor,
      action: 'video_unit.changed',
      subject: ids.unitId,
      details: { brigadeId: ids.brigadeId, before: videoUnitOf(before), after },
    });
    return after;
  });
}
