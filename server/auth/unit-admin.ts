/**
 * The admin's screens' writes beside those of accounts.ts: a new unit in a
 * brigade (its name unique there, so officers and the dashboard can tell
 * units apart), a new insurer company (its code unique), a disabled account
 * enabled again, and an account's role
 * (with its unit or insurer) changed. Each is audited in the same
 * transaction as the change.
 */
import type { Kysely } from 'kysely';
import type { AdminUser, ChangeRoleRequest } from '../../src/contracts/admin';
import type { Insurer, Unit, UnitKind } from '../../src/contracts/auth';
import { appendAudit } from '../audit/audit-log';
import type { Database } from '../db/schema';
import {
  AccountError,
  adminUserOf,
  checkAffiliation,
  createInsurer,
  createUnit,
  requireAnotherAdmin,
  requireUser,
  revokeAllSessions,
} from './accounts';

type Db = Kysely<Database>;

export interface NewUnit {
  brigadeId: string;
  name: string;
  kind: UnitKind;
}

export async function addUnit(db: Db, input: NewUnit, actor: string, at: Date): Promise<Unit> {
  return db.transaction().execute(async (trx) => {
    const brigade = await trx
      .selectFrom('brigades')
      .select('id')
      .where('id', '=', input.brigadeId)
      .executeTakeFirst();
    if (!brigade) throw new AccountError('unknown_brigade', `no brigade ${input.brigadeId}`);
    const taken = await trx
      .selectFrom('units')
      .select('id')
      .where('brigade_id', '=', input.brigadeId)
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (taken) {
      throw new AccountError('unit_name_taken', `the brigade already has a unit ${input.name}`);
    }
    const unit = await createUnit(trx, input, at);
    await appendAudit(trx, at, {
      actor,
      action: 'unit.created',
      subject: unit.id,
      details: { ...unit },
    });
    return unit;
  });
}

/** A new insurer company, audited; its code is unique (policies name the insurer by it). */
export async function addInsurer(
  db: Db,
  input: { name: string; code: string },
  actor: string,
  at: Date,
): Promise<Insurer> {
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('insurers')
      .select('id')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (taken) {
      throw new AccountError('insurer_code_taken', `another insurer has the code ${input.code}`);
    }
    const insurer = await createInsurer(trx, input, at);
    await appendAudit(trx, at, {
      actor,
      action: 'insurer.created',
      subject: insurer.id,
      details: { ...insurer },
    });
    return insurer;
  });
}

/** Enables a disabled account (idempotent); its old sessions stay revoked. */
export async function enableUser(db: Db, id: string, actor: string, at: Date): Promise<AdminUser> {
  const user = await requireUser(db, id);
  if (!user.disabled_at) return adminUserOf(user);
  const now = at.toISOString();
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ disabled_at: null, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    await appendAudit(trx, at, { actor, action: 'user.enabled', subject: user.id });
    return adminUserOf({ ...user, disabled_at: null, updated_at: now });
  });
}

/**
 * Gives the account another role, with the unit or insurer that role needs
 * (checked as at creation). The account's sessions end: the new role applies
 * from its next sign-in. An admin may not change his own role, and the last
 * enabled admin keeps his. Changing nothing changes nothing (no audit).
 */
export async function changeRole(
  db: Db,
  id: string,
  change: ChangeRoleRequest,
  actor: string,
  at: Date,
): Promise<AdminUser> {
  const user = await requireUser(db, id);
  await checkAffiliation(db, change);
  const after = {
    role: change.role,
    unitId: change.unitId ?? null,
    insurerId: change.insurerId ?? null,
  };
  const before = { role: user.role, unitId: user.unit_id, insurerId: user.insurer_id };
  if (JSON.stringify(before) === JSON.stringify(after)) return adminUserOf(user);
  if (user.id === actor) {
    throw new AccountError('cannot_change_own_role', 'an admin cannot change his own role');
  }
  const now = at.toISOString();
  return db.transaction().execute(async (trx) => {
    if (user.role === 'admin' && change.role !== 'admin' && !user.disabled_at) {
      await requireAnotherAdmin(trx, user);
    }
    const row = { role: after.role, unit_id: after.unitId, insurer_id: after.insurerId };
    await trx
      .updateTable('users')
      .set({ ...row, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    await revokeAllSessions(trx, user.id, at);
    await appendAudit(trx, at, {
      actor,
      action: 'user.role_changed',
      subject: user.id,
      details: { before, after },
    });
    return adminUserOf({ ...user, ...row, updated_at: now });
  });
}
