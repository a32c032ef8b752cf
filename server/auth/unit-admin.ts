/**
 * The admin's screens' writes beside those of accounts.ts: a new unit in a
 * brigade (its name unique there, so officers and the dashboard can tell
 * units apart), and a disabled account enabled again. Each is audited in the
 * same transaction as the change.
 */
import type { Kysely } from 'kysely';
import type { AdminUser } from '../../src/contracts/admin';
import type { Unit, UnitKind } from '../../src/contracts/auth';
import { appendAudit } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { AccountError, adminUserOf, createUnit, requireUser } from './accounts';

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
