/**
 * Officers' escrow keys (issue 18): made on first request, the same ever
 * after, handed only to the officer's own enrolled phone that is not revoked.
 */
import { randomBytes } from 'node:crypto';
import type { EscrowKey } from '../../src/contracts/devices';
import { recordAudit } from '../audit/audit-log';
import type { Db } from '../db/database';
import { HttpError } from '../errors';
import { notFound } from './policy';

export async function escrowKeyFor(
  db: Db,
  userId: string,
  deviceId: string,
  at: Date,
): Promise<EscrowKey> {
  const device = await db
    .selectFrom('devices')
    .select(['revoked_at'])
    .where('id', '=', deviceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!device) throw notFound('device');
  if (device.revoked_at !== null)
    throw new HttpError(403, 'device_revoked', 'This phone was revoked by an administrator.');
  await db
    .insertInto('escrow_keys')
    .values({
      user_id: userId,
      key_b64: randomBytes(32).toString('base64url'),
      created_at: at.toISOString(),
    })
    .onConflict((c) => c.column('user_id').doNothing())
    .execute();
  const row = await db
    .selectFrom('escrow_keys')
    .select('key_b64')
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  await recordAudit(db, at, {
    actor: userId,
    action: 'device.escrow_key_issued',
    subject: deviceId,
  });
  return { userId, key: row.key_b64 };
}
