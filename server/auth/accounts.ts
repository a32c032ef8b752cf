/**
 * Brigades, units, insurers and user accounts: the writes the admin CLI, the
 * admin routes and the demo seed share. Refusals are {@link AccountError}s
 * with a typed reason; every change is audited by the caller's actor.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { UNIT_KINDS_OF_ROLE, type AdminUser } from '../../src/contracts/admin';
import type { Insurer, Unit, UnitKind, UserProfile } from '../../src/contracts/auth';
import type { Role } from '../../src/contracts/route';
import { appendAudit } from '../audit/audit-log';
import type { Database, UserRow } from '../db/schema';
import { passwordProblem } from './password-policy';
import { hashPassword } from './passwords';
import type { ScryptCost } from './passwords';
import { withArticle } from '../english';

export type AccountErrorReason =
  | 'username_taken'
  | 'unit_required'
  | 'insurer_required'
  | 'unknown_unit'
  | 'unknown_insurer'
  | 'unknown_user'
  | 'unexpected_affiliation'
  | 'unit_kind_mismatch'
  | 'weak_password'
  | 'cannot_disable_self'
  | 'cannot_change_own_role'
  | 'last_admin'
  | 'unknown_brigade'
  | 'unit_name_taken'
  | 'insurer_code_taken';

export class AccountError extends Error {
  override readonly name = 'AccountError';
  constructor(
    readonly reason: AccountErrorReason,
    message: string,
  ) {
    super(message);
  }
}

type Db = Kysely<Database>;

export async function createBrigade(db: Db, name: string, at: Date): Promise<string> {
  const id = randomUUID();
  await db.insertInto('brigades').values({ id, name, created_at: at.toISOString() }).execute();
  return id;
}

export async function createUnit(
  db: Db,
  input: { brigadeId: string; name: string; kind: UnitKind },
  at: Date,
): Promise<Unit> {
  const id = randomUUID();
  await db
    .insertInto('units')
    .values({
      id,
      brigade_id: input.brigadeId,
      name: input.name,
      kind: input.kind,
      created_at: at.toISOString(),
    })
    .execute();
  return { id, brigadeId: input.brigadeId, name: input.name, kind: input.kind };
}

export async function createInsurer(
  db: Db,
  input: { name: string; code: string },
  at: Date,
): Promise<Insurer> {
  const id = randomUUID();
  await db
    .insertInto('insurers')
    .values({ id, ...input, created_at: at.toISOString() })
    .execute();
  return { id, ...input };
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  unitId?: string | undefined;
  insurerId?: string | undefined;
  password: string;
}

function checkPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AccountError('weak_password', problem);
}

/** Checks the role's affiliation: officers and reviewers a unit of their kind, insurers an insurer, admins neither. */
export async function checkAffiliation(
  db: Db,
  user: Pick<NewUser, 'role' | 'unitId' | 'insurerId'>,
): Promise<void> {
  const needsUnit = user.role === 'officer' || user.role === 'reviewer' || user.role === 'station';
  const needsInsurer = user.role === 'insurer';
  if (needsUnit && !user.unitId)
    throw new AccountError('unit_required', `${withArticle(user.role)} belongs to a unit`);
  if (needsInsurer && !user.insurerId)
    throw new AccountError('insurer_required', 'an insurer user belongs to an insurer');
  if ((!needsUnit && user.unitId) || (!needsInsurer && user.insurerId)) {
    throw new AccountError(
      'unexpected_affiliation',
      `${withArticle(user.role)} has no ${user.unitId ? 'unit' : 'insurer'}`,
    );
  }
  if (user.unitId) {
    const unit = await db
      .selectFrom('units')
      .select('kind')
      .where('id', '=', user.unitId)
      .executeTakeFirst();
    if (!unit) throw new AccountError('unknown_unit', `no unit ${user.unitId}`);
    const kinds = UNIT_KINDS_OF_ROLE[user.role] ?? [];
    if (!kinds.includes(unit.kind as UnitKind)) {
      throw new AccountError(
        'unit_kind_mismatch',
        `${withArticle(user.role)} belongs in ${withArticle(kinds.join(' or '))}, not ${withArticle(unit.kind)}`,
      );
    }
  }
  if (
    user.insurerId &&
    !(await db
      .selectFrom('insurers')
      .select('id')
      .where('id', '=', user.insurerId)
      .executeTakeFirst())
  ) {
    throw new AccountError('unknown_insurer', `no insurer ${user.insurerId}`);
  }
}

export async function createUser(
  db: Db,
  user: NewUser,
  actor: string,
  at: Date,
  cost?: ScryptCost,
): Promise<AdminUser> {
  await checkAffiliation(db, user);
  checkPassword(user.password, user.username);
  const passwordHash = await hashPassword(user.password, cost);
  const id = randomUUID();
  const now = at.toISOString();
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', user.username)
      .executeTakeFirst();
    if (taken) throw new AccountError('username_taken', `username ${user.username} is taken`);
    await trx
      .insertInto('users')
      .values({
        id,
        username: user.username,
        display_name: user.displayName,
        role: user.role,
        unit_id: user.unitId ?? null,
        insurer_id: user.insurerId ?? null,
        password_hash: passwordHash,
        disabled_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, at, {
      actor,
      action: 'user.created',
      subject: id,
      details: {
        username: user.username,
        role: user.role,
        unitId: user.unitId ?? null,
        insurerId: user.insurerId ?? null,
      },
    });
    const row = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return adminUserOf(row);
  });
}

export function adminUserOf(row: UserRow): AdminUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    unitId: row.unit_id,
    insurerId: row.insurer_id,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
  };
}

export async function findUser(db: Db, idOrUsername: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrUsername), eb('username', '=', idOrUsername)]))
    .executeTakeFirst();
}

export async function requireUser(db: Db, idOrUsername: string): Promise<UserRow> {
  const row = await findUser(db, idOrUsername);
  if (!row) throw new AccountError('unknown_user', `no user ${idOrUsername}`);
  return row;
}

/** New password; every session of the user is revoked. */
export async function resetPassword(
  db: Db,
  idOrUsername: string,
  password: string,
  actor: string,
  at: Date,
  cost?: ScryptCost,
): Promise<AdminUser> {
  const user = await requireUser(db, idOrUsername);
  checkPassword(password, user.username);
  const hash = await hashPassword(password, cost);
  return db.transaction().execute(async (trx) => {
    const now = at.toISOString();
    await trx
      .updateTable('users')
      .set({ password_hash: hash, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    await revokeAllSessions(trx, user.id, at);
    await appendAudit(trx, at, { actor, action: 'user.password_reset', subject: user.id });
    return adminUserOf({ ...user, updated_at: now });
  });
}

/**
 * Disables the account and revokes every session (idempotent). An admin may
 * not disable himself, and nobody the last enabled admin: the brigade would
 * be left without anyone to manage accounts but the console.
 */
export async function disableUser(
  db: Db,
  idOrUsername: string,
  actor: string,
  at: Date,
): Promise<AdminUser> {
  const user = await requireUser(db, idOrUsername);
  if (user.disabled_at) return adminUserOf(user);
  if (user.id === actor)
    throw new AccountError('cannot_disable_self', 'an admin cannot disable his own account');
  return db.transaction().execute(async (trx) => {
    if (user.role === 'admin') await requireAnotherAdmin(trx, user);
    const now = at.toISOString();
    await trx
      .updateTable('users')
      .set({ disabled_at: now, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    await revokeAllSessions(trx, user.id, at);
    await appendAudit(trx, at, { actor, action: 'user.disabled', subject: user.id });
    return adminUserOf({ ...user, disabled_at: now, updated_at: now });
  });
}

/** Refuses to take the last enabled admin away: the brigade would have nobody to manage accounts. */
export async function requireAnotherAdmin(db: Db, user: UserRow): Promise<void> {
  const others = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .where('id', '!=', user.id)
    .executeTakeFirst();
  if (!others) {
    throw new AccountError('last_admin', `${user.username} is the last admin: add another first`);
  }
}

export async function revokeAllSessions(db: Db, userId: string, at: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at.toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function listUsers(db: Db): Promise<AdminUser[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(adminUserOf);
}

export async function listUnits(db: Db): Promise<Unit[]> {
  const rows = await db.selectFrom('units').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as UnitKind,
    brigadeId: r.brigade_id,
  }));
}

export async function listInsurers(db: Db): Promise<Insurer[]> {
  return db.selectFrom('insurers').select(['id', 'name', 'code']).orderBy('name').execute();
}

/** The profile a client shows: user, unit and insurer. */
export async function profileOf(db: Db, userId: string): Promise<UserProfile> {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const unit = user.unit_id
    ? ((await listUnits(db)).find((u) => u.id === user.unit_id) ?? null)
    : null;
  const insurer = user.insurer_id
    ? ((await db
        .selectFrom('insurers')
        .select(['id', 'name', 'code'])
        .where('id', '=', user.insurer_id)
        .executeTakeFirst()) ?? null)
    : null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role as Role,
    unit,
    insurer,
  };
}
