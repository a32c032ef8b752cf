/**
 * Sign-in. `POST /api/auth/login` trades a username and password for an
 * opaque bearer token (sent as `Authorization: Bearer <token>`) that expires;
 * logout revokes it. Failed logins are rate-limited per username and address.
 */
import * as z from 'zod/mini';
import { IDLE_MINUTES_RANGE, OFFLINE_LIMIT_HOURS_RANGE } from '../domain/device/lock';
import { line } from '../domain/text';
import { ErrorBody } from './errors';
import { Role, defineRoute } from './route';

export const UnitKind = z.enum(['patrol-squad', 'accident-squad', 'rural-station']);
export type UnitKind = z.infer<typeof UnitKind>;

export const Unit = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: UnitKind,
  brigadeId: z.uuid(),
});
export type Unit = z.infer<typeof Unit>;

export const Insurer = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Short code, also matched against the insurer named on a party's policy. */
  code: z.string(),
});
export type Insurer = z.infer<typeof Insurer>;

export const Username = z
  .string()
  .check(
    z.regex(/^[a-z0-9._-]{3,32}$/, 'use 3–32 lower-case letters, digits, dot, dash or underscore'),
  );

export const LoginRequest = z.object({
  username: line(64).check(z.minLength(1)),
  password: z.string().check(z.minLength(1), z.maxLength(256)),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const UserProfile = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  /** Officers and reviewers belong to a unit; others have null. */
  unit: z.nullable(Unit),
  /** Insurer users belong to an insurer company; others have null. */
  insurer: z.nullable(Insurer),
});
export type UserProfile = z.infer<typeof UserProfile>;

const wholeIn = (unit: string, range: { min: number; max: number }) =>
  z
    .number(`a number of ${unit}`)
    .check(
      z.int(`whole ${unit}`),
      z.gte(range.min, `at least ${range.min} ${unit}`),
      z.lte(range.max, `at most ${range.max} ${unit}`),
    );

/** The brigade's lock settings for its officers' phones (src/domain/device/lock.ts `PhoneLock`). */
export const PhoneLock = z.object({
  /** Minutes without a touch before the app locks. */
  idleMinutes: wholeIn('minutes', IDLE_MINUTES_RANGE),
  /** Hours without reaching the server after which the phone opens no new case. */
  offlineLimitHours: wholeIn('hours', OFFLINE_LIMIT_HOURS_RANGE),
  /** The officer sets a PIN (and the phone seals what it keeps) before using the app. */
  pinRequired: z.boolean('true or false'),
});
export type PhoneLock = z.infer<typeof PhoneLock>;

export const LoginResponse = z.object({
  /** Opaque; send as `Authorization: Bearer <token>`. The server keeps only its hash. */
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: UserProfile,
  /** For a user of a brigade: its lock settings for phones, which the phone keeps for the shift. */
  phoneLock: z.optional(PhoneLock),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const MeResponse = z.object({
  user: UserProfile,
  session: z.object({ expiresAt: z.iso.datetime() }),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const authRoutes = [
  defineRoute({
    id: 'auth.login',
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Sign in: username and password for a session token',
    description:
      'Five failed attempts for one username from one address within 15 minutes answer 429 with Retry-After until the window passes.',
    access: 'public',
    scoped: false,
    body: LoginRequest,
    responses: {
      200: { description: 'Signed in', schema: LoginResponse },
      401: { description: '`bad_credentials` (also for a disabled account)', schema: ErrorBody },
      429: { description: '`rate_limited`', schema: ErrorBody },
    },
  }),
  defineRoute({
    id: 'auth.logout',
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Revoke this session',
    access: ['officer', 'station', 'reviewer', 'insurer', 'admin'],
    scoped: false,
    responses: { 204: { description: 'Revoked' } },
  }),
  defineRoute({
    id: 'auth.me',
    method: 'GET',
    path: '/api/auth/me',
    summary: 'Who this session belongs to',
    access: ['officer', 'station', 'reviewer', 'insurer', 'admin'],
    scoped: false,
    responses: { 200: { description: 'The signed-in user', schema: MeResponse } },
  }),
] as const;
