/**
 * Supervisors' recovery codes (issue 18, migration 0021). The officer's
 * phone asks for one when it sets a PIN and after spending one; the duty
 * supervisor (an admin) reads the one in force out over a voice call, each
 * reveal audited with his reason. Codes are 16 digits: 15 from the CSPRNG
 * and a Luhn check digit (src/domain/device/recovery-code.ts argues the
 * figures). The code is held in clear, as the escrow keys are: the server
 * must be able to read it out.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { IssuedRecoveryCode, RevealedRecoveryCode } from '../../src/contracts/devices';
import { recoveryCodeFrom } from '../../src/domain/device/recovery-code';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/database';
import { HttpError } from '../errors';
import { notFound } from './policy';

const revoked = () =>
  new HttpError(403, 'device_revoked', 'This phone was revoked by an administrator.');

function randomCode(): string {
  return recoveryCodeFrom(Array.from({ length: 15 }, () => randomInt(10)).join(''));
}

/**
 * A new code for the officer's own phone; the one in force is replaced, and
 * the one the phone says it spent (if it is this phone's) is marked used.
 */
export async function issueRecoveryCode(
  db: Db,
  input: { userId: string; deviceId: string; spentCodeId?: string | undefined },
  at: Date,
): Promise<IssuedRecoveryCode> {
  const device = await db
    .selectFrom('devices')
    .select(['revoked_at'])
    .where('id', '=', input.deviceId)
    .where('user_id', '=', input.userId)
    .executeTakeFirst();
  if (!device) throw notFound('device');
  if (device.revoked_at !== null) throw revoked();
  const now = at.toISOString();
  const issued = { codeId: randomUUID(), code: randomCode(), issuedAt: now };
  await db.transaction().execute(async (trx) => {
    const mine = (q: typeof trx) =>
      q
        .updateTable('recovery_codes')
        .where('device_id', '=', input.deviceId)
        .where('user_id', '=', input.userId);
    if (input.spentCodeId)
      await mine(trx)
        .set({ used_at: now })
        .where('id', '=', input.spentCodeId)
        .where('used_at', 'is', null)
        .execute();
    await mine(trx)
      .set({ replaced_at: now })
      .where('used_at', 'is', null)
      .where('replaced_at', 'is', null)
      .execute();
    await trx
      .insertInto('recovery_codes')
      .values({
        id: issued.codeId,
        user_id: input.userId,
        device_id: input.deviceId,
        code: issued.code,
        issued_at: now,
        used_at: null,
        replaced_at: null,
      })
      .execute();
    await appendAudit(trx, at, {
      actor: input.userId,
      action: 'device.recovery_code_issued',
      subject: input.deviceId,
      details: { codeId: issued.codeId, spentCodeId: input.spentCodeId ?? null },
    });
  });
  return issued;
}

/** The code in force of a phone, for the supervisor, with his reason audited. */
export async function revealRecoveryCode(
  db: Db,
  input: { adminId: string; deviceId: string; reason: string },
  at: Date,
): Promise<RevealedRecoveryCode> {
  const device = await db
    .selectFrom('devices')
    .select(['user_id', 'revoked_at'])
    .where('id', '=', input.deviceId)
    .executeTakeFirst();
  if (!device) throw notFound('device');
  if (device.revoked_at !== null) throw revoked();
  const row = await db
    .selectFrom('recovery_codes')
    .select(['id', 'code', 'issued_at'])
    .where('device_id', '=', input.deviceId)
    .where('user_id', '=', device.user_id)
    .where('used_at', 'is', null)
    .where('replaced_at', 'is', null)
    .orderBy('issued_at', 'desc')
    .executeTakeFirst();
  if (!row)
    throw new HttpError(404, 'no_recovery_code', 'This phone has no recovery code in force.');
  await db.transaction().execute((trx) =>
    appendAudit(trx, at, {
      actor: input.adminId,
      action: 'device.recovery_code_revealed',
      subject: input.deviceId,
      details: { codeId: row.id, officer: device.user_id, reason: input.reason.trim() },
    }),
  );
  return {
    codeId: row.id,
    code: row.code,
    issuedAt: row.issued_at,
    deviceId: input.deviceId,
    userId: device.user_id,
  };
}
