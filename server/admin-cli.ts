/**
 * `npm run admin -- <command> [options]`: accounts and configuration from
 * the console, and the audit-chain check. Runs against the database of the
 * current configuration (DATA_DIR / DATABASE_URL). Every change is audited
 * with the actor `cli:<command>`.
 *
 *   create-brigade  --name N
 *   create-unit     --brigade ID|NAME --name N --kind patrol-squad|accident-squad|rural-station
 *   create-insurer  --name N --code C
 *   create-user     --username U --role officer|reviewer|insurer|admin
 *                   [--unit ID|NAME] [--insurer ID|CODE|NAME] --password P [--display-name D]
 *   reset-password  --username U --password P
 *   disable         --username U
 *   list            (users, units, insurers)
 *   verify-audit    (the audit chain and every stored case version and photo;
 *                   exit 1 and every break when anything is broken)
 */
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { Password } from '../src/contracts/admin';
import { UnitKind, Username } from '../src/contracts/auth';
import { Role } from '../src/contracts/route';
import { recordAudit, verifyAuditChain } from './audit/audit-log';
import { verifyStoredEvidence } from './audit/evidence';
import {
  AccountError,
  createBrigade,
  createUser,
  disableUser,
  listInsurers,
  listUnits,
  listUsers,
  resetPassword,
} from './auth/accounts';
import type { ScryptCost } from './auth/passwords';
import { addInsurer, addUnit } from './auth/unit-admin';
import type { BlobStore } from './blobs/blob-store';
import type { Database } from './db/schema';

export interface AdminIo {
  db: Kysely<Database>;
  /** The photo store, for verify-audit's re-check of stored evidence. */
  blobs: BlobStore;
  now: () => Date;
  out: (line: string) => void;
  err: (line: string) => void;
  scryptCost?: ScryptCost;
}

class UsageError extends Error {}

const OPTIONS = {
  name: { type: 'string' },
  brigade: { type: 'string' },
  kind: { type: 'string' },
  code: { type: 'string' },
  username: { type: 'string' },
  role: { type: 'string' },
  unit: { type: 'string' },
  insurer: { type: 'string' },
  password: { type: 'string' },
  'display-name': { type: 'string' },
} as const;

export const USAGE = `Usage: npm run admin -- <command> [options]
  create-brigade  --name N
  create-unit     --brigade ID|NAME --name N --kind patrol-squad|accident-squad|rural-station
  create-insurer  --name N --code C
  create-user     --username U --role officer|reviewer|insurer|admin [--unit ID|NAME] [--insurer ID|CODE|NAME] --password P [--display-name D]
  reset-password  --username U --password P
  disable         --username U
  list
  verify-audit`;

function need(values: Record<string, string | undefined>, name: string): string {
  const value = values[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

function valid<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  value: string,
  name: string,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new UsageError(`--${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** Runs one command; answers the process exit code. */
export async function runAdmin(argv: string[], io: AdminIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const { values } = parseArgs({ args: rest, options: OPTIONS, strict: true });
    const actor = `cli:${command ?? ''}`;
    const at = io.now();
    switch (command) {
      case 'create-brigade': {
        const id = await createBrigade(io.db, need(values, 'name'), at);
        await recordAudit(io.db, at, {
          actor,
          action: 'brigade.created',
          subject: id,
          details: { name: values.name },
        });
        io.out(`brigade ${id} ${values.name}`);
        return 0;
      }
      case 'create-unit': {
        const ref = need(values, 'brigade');
        const brigade = await io.db
          .selectFrom('brigades')
          .select('id')
          .where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)]))
          .executeTakeFirst();
        if (!brigade) throw new UsageError(`no brigade ${ref}`);
        const kind = valid(UnitKind, need(values, 'kind'), 'kind');
        const unit = await addUnit(
          io.db,
          { brigadeId: brigade.id, name: need(values, 'name'), kind },
          actor,
          at,
        );
        io.out(`unit ${unit.id} ${unit.name} (${unit.kind})`);
        return 0;
      }
      case 'create-insurer': {
        const insurer = await addInsurer(
          io.db,
          { name: need(values, 'name'), code: need(values, 'code') },
          actor,
          at,
        );
        io.out(`insurer ${insurer.id} ${insurer.name} (${insurer.code})`);
        return 0;
      }
      case 'create-user': {
        const username = valid(Username, need(values, 'username'), 'username');
        const role = valid(Role, need(values, 'role'), 'role');
        const password = valid(Password, need(values, 'password'), 'password');
        const unitId = values.unit ? await unitRef(io.db, values.unit) : undefined;
        const insurerId = values.insurer ? await insurerRef(io.db, values.insurer) : undefined;
        const user = await createUser(
          io.db,
          {
            username,
            role,
            password,
            unitId,
            insurerId,
            displayName: values['display-name'] ?? username,
          },
          actor,
          at,
          io.scryptCost,
        );
        io.out(`user ${user.id} ${user.username} (${user.role})`);
        return 0;
      }
      case 'reset-password': {
        const password = valid(Password, need(values, 'password'), 'password');
        const user = await resetPassword(
          io.db,
          need(values, 'username'),
          password,
          actor,
          at,
          io.scryptCost,
        );
        io.out(`password reset for ${user.username}; sessions revoked`);
        return 0;
      }
      case 'disable': {
        const user = await disableUser(io.db, need(values, 'username'), actor, at);
        io.out(`${user.username} disabled; sessions revoked`);
        return 0;
      }
      case 'list': {
        for (const u of await listUsers(io.db)) {
          io.out(
            `user     ${u.id} ${u.username.padEnd(16)} ${u.role.padEnd(8)} ${u.unitId ?? u.insurerId ?? '-'}${u.disabled ? ' DISABLED' : ''}`,
          );
        }
        for (const u of await listUnits(io.db)) io.out(`unit     ${u.id} ${u.name} (${u.kind})`);
        for (const i of await listInsurers(io.db)) io.out(`insurer  ${i.id} ${i.name} (${i.code})`);
        return 0;
      }
      case 'verify-audit':
        return await verifyAudit(io);
      default:
        throw new UsageError(command ? `unknown command ${command}` : 'no command');
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof AccountError ||
      (error instanceof TypeError && 'code' in error)
    ) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The audit chain and the stored evidence (audit/evidence.ts): every break, one a line. */
async function verifyAudit(io: AdminIo): Promise<number> {
  const chain = await verifyAuditChain(io.db);
  const evidence = await verifyStoredEvidence(io.db, io.blobs);
  const breaks = [
    ...(chain.ok ? [] : chain.breaks).map(
      (b) => `BROKEN at event ${b.at} (${b.reason}): ${b.message}`,
    ),
    ...evidence.breaks.map(
      (b) => `BROKEN at case ${b.caseId} version ${b.version} (${b.reason}): ${b.message}`,
    ),
  ];
  const checked = `${chain.count} events, ${plural(evidence.versions, 'case version')} and ${plural(evidence.photos, 'photo')}`;
  if (breaks.length === 0) {
    io.out(`stored evidence intact: ${checked} re-checked`);
    io.out(
      `audit chain intact: ${chain.count} events; head hash ${chain.headHash} (record it outside this database)`,
    );
    return 0;
  }
  for (const line of breaks) io.err(line);
  io.err(`audit BROKEN: ${plural(breaks.length, 'break')} in ${checked}`);
  return 1;
}

async function unitRef(db: Kysely<Database>, ref: string): Promise<string> {
  const unit = await db
    .selectFrom('units')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)]))
    .executeTakeFirst();
  if (!unit) throw new UsageError(`no unit ${ref}`);
  return unit.id;
}

async function insurerRef(db: Kysely<Database>, ref: string): Promise<string> {
  const insurer = await db
    .selectFrom('insurers')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', ref), eb('code', '=', ref), eb('name', '=', ref)]))
    .executeTakeFirst();
  if (!insurer) throw new UsageError(`no insurer ${ref}`);
  return insurer.id;
}
