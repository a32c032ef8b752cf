/** A brigade's settings for insurers: read, and changed by an admin (audited). */
import type { BrigadeSettings, BrigadeSettingsRequest } from '../src/contracts/admin';
import { appendAudit } from './audit/audit-log';
import { notFound } from './auth/policy';
import type { Db } from './db/database';

const columns = ['id', 'name', 'callback_minutes', 'packets_on', 'video_radius_m'] as const;

const toSettings = (r: {
  id: string;
  name: string;
  callback_minutes: number;
  packets_on: string;
  video_radius_m: number;
}): BrigadeSettings => ({
  id: r.id,
  name: r.name,
  callbackMinutes: r.callback_minutes,
  packetsOn: r.packets_on === 'signed' ? 'signed' : 'review',
  videoRadiusM: r.video_radius_m,
});

export async function listBrigades(db: Db): Promise<BrigadeSettings[]> {
  const rows = await db.selectFrom('brigades').select(columns).orderBy('name').execute();
  return rows.map(toSettings);
}

export async function updateBrigade(
  db: Db,
  actor: string,
  id: string,
  change: BrigadeSettingsRequest,
  at: Date,
): Promise<BrigadeSettings> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('brigades')
      .select(columns)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound('brigade');
    const set = {
      ...(change.callbackMinutes !== undefined && { callback_minutes: change.callbackMinutes }),
      ...(change.packetsOn !== undefined && { packets_on: change.packetsOn }),
      ...(change.videoRadiusM !== undefined && { video_radius_m: change.videoRadiusM }),
    };
    if (Object.keys(set).length > 0)
      await trx.updateTable('brigades').set(set).where('id', '=', id).execute();
    const after = await trx
      .selectFrom('brigades')
      .select(columns)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await appendAudit(trx, at, {
      actor,
      action: 'brigade.settings',
      subject: id,
      details: { before: toSettings(before), after: toSettings(after) },
    });
    return toSettings(after);
  });
}
