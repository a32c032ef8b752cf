/**
 * Sessions: an opaque random bearer token (32 bytes, base64url) given to the
 * client once; the database keeps only its SHA-256, so a leaked database does
 * not leak live sessions. A session ends at its expiry, at logout, or when the
 * account is disabled or its password reset.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../../src/contracts/route';
import type { Database } from '../db/schema';
import { sha256Hex } from '../hash';
import { precompiled, type Param } from '../db/precompiled';

/** Who is calling, as the policy module sees it. Derived from the token only. */
export interface Session {
  sessionId: string;
  userId: string;
  username: string;
  role: Role;
  unitId: string | null;
  /** The brigade of the user's unit (reviewers see their brigade). */
  brigadeId: string | null;
  insurerId: string | null;
  expiresAt: string;
}

export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  at: Date,
  ttlMs = DEFAULT_SESSION_TTL_MS,
): Promise<{ token: string; expiresAt: string; sessionId: string }> {
  const token = randomBytes(32).toString('base64url');
  const sessionId = randomUUID();
  const expiresAt = new Date(at.getTime() + ttlMs).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: sessionId,
      token_hash: sha256Hex(token),
      user_id: userId,
      created_at: at.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  return { token, expiresAt, sessionId };
}

/** Every authenticated request looks its session up: precompiled (db/precompiled.ts). */
const sessionRow = precompiled((db: Kysely<Database>, p: Param<'tokenHash'>) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .select([
      'sessions.id as sessionId',
      'sessions.expires_at as expiresAt',
      'sessions.revoked_at as revokedAt',
      'users.id as userId',
      'users.username as username',
      'users.role as role',
      'users.unit_id as unitId',
      'users.insurer_id as insurerId',
      'users.disabled_at as disabledAt',
      'units.brigade_id as brigadeId',
    ])
    .where('sessions.token_hash', '=', p('tokenHash')),
);

/** The live session for a token, or undefined (unknown, expired, revoked, or the user disabled). */
export async function sessionForToken(
  db: Kysely<Database>,
  token: string,
  at: Date,
): Promise<Session | undefined> {
  const row = await sessionRow.first(db, { tokenHash: sha256Hex(token) });
  if (!row || row.revokedAt !== null || row.disabledAt !== null) return undefined;
  if (Date.parse(row.expiresAt) <= at.getTime()) return undefined;
  return {
    sessionId: row.sessionId,
    userId: row.userId,
    username: row.username,
    role: row.role as Role,
    unitId: row.unitId,
    brigadeId: row.brigadeId,
    insurerId: row.insurerId,
    expiresAt: row.expiresAt,
  };
}

export async function revokeSession(
  db: Kysely<Database>,
  sessionId: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at.toISOString() })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}
