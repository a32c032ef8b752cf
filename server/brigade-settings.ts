/** A brigade's settings for insurers and its five-fast targets: read, and changed by an admin (audited). */
import type { PhoneLock } from '../src/contracts/auth';
import type {
  BrigadeSettings,
  BrigadeSettingsRequest,
  FiveFastTargetsChange,
} from '../src/contracts/admin';
import { FIVE_FASTS, type FastKey } from '../src/domain/metrics/five-fast';
import { STARTER_FIVE_FAST_TARGETS, type FiveFastTargets } from '../src/domain/metrics/targets';
import { appendAudit } from './audit/audit-log';
import { notFound } from './auth/policy';
import type { Db } from './db/database';

/** The column holding a fast's target (migration 0015). */
export const TARGET_COLUMN = {
  evidence: 'target_evidence_min',
  clearance: 'target_clearance_min',
  liability: 'target_liability_min',
  assessment: 'target_assessment_min',
  payout: 'target_payout_min',
} as const satisfies Record<FastKey, string>;

const columns = [
  'id',
  'name',
  'callback_minutes',
  'packets_on',
  'video_radius_m',
  'lock_idle_min',
  'offline_limit_h',
  'pin_required',
  ...Object.values(TARGET_COLUMN),
] as const;

type TargetRow = Record<(typeof TARGET_COLUMN)[FastKey], number>;

type LockRow = { lock_idle_min: number; offline_limit_h: number; pin_required: number };

const lockOfRow = (r: LockRow): PhoneLock => ({
  idleMinutes: r.lock_idle_min,
  offlineLimitHours: r.offline_limit_h,
  pinRequired: r.pin_required === 1,
});

/** The brigade's lock settings for its officers' phones; undefined for no (or an unknown) brigade. */
export async function phoneLockOf(
  db: Db,
  brigadeId: string | null,
): Promise<PhoneLock | undefined> {
  if (!brigadeId) return undefined;
  const row = await db
    .selectFrom('brigades')
    .select(['lock_idle_min', 'offline_limit_h', 'pin_required'])
    .where('id', '=', brigadeId)
    .executeTakeFirst();
  return row && lockOfRow(row);
}

const lockColumns = (lock: Partial<PhoneLock> | undefined) => ({
  ...(lock?.idleMinutes !== undefined && { lock_idle_min: lock.idleMinutes }),
  ...(lock?.offlineLimitHours !== undefined && { offline_limit_h: lock.offlineLimitHours }),
  ...(lock?.pinRequired !== undefined && { pin_required: lock.pinRequired ? 1 : 0 }),
});

const targetsOf = (r: TargetRow): FiveFastTargets => ({
  evidence: r.target_evidence_min,
  clearance: r.target_clearance_min,
  liability: r.target_liability_min,
  assessment: r.target_assessment_min,
  payout: r.target_payout_min,
});

const toSettings = (
  r: {
    id: string;
    name: string;
    callback_minutes: number;
    packets_on: string;
    video_radius_m: number;
  } & TargetRow &
    LockRow,
): BrigadeSettings => ({
  id: r.id,
  name: r.name,
  callbackMinutes: r.callback_minutes,
  packetsOn: r.packets_on === 'signed' ? 'signed' : 'review',
  videoRadiusM: r.video_radius_m,
  targets: targetsOf(r),
  phoneLock: lockOfRow(r),
});

export async function listBrigades(db: Db): Promise<BrigadeSettings[]> {
  const rows = await db.selectFrom('brigades').select(columns).orderBy('name').execute();
  return rows.map(toSettings);
}

/**
 * A brigade's five-fast targets and its call-back target, in minutes; the
 * starters (and the call-back's default) for a viewer without a brigade.
 */
export async function brigadeTargets(
  db: Db,
  brigadeId: string,
): Promise<FiveFastTargets & { callback: number }> {
  const row = await db
    .selectFrom('brigades')
    .select(['callback_minutes', ...Object.values(TARGET_COLUMN)])
    .where('id', '=', brigadeId)
    .executeTakeFirst();
  if (!row) return { ...STARTER_FIVE_FAST_TARGETS, callback: 10 };
  return { ...targetsOf(row), callback: row.callback_minutes };
}

const targetColumns = (targets: FiveFastTargetsChange | undefined) =>
  Object.fromEntries(
    FIVE_FASTS.flatMap((k) => (targets?.[k] === undefined ? [] : [[TARGET_COLUMN[k], targets[k]]])),
  ) as Partial<TargetRow>;

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
      ...targetColumns(change.targets),
      ...lockColumns(change.phoneLock),
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
