/**
 * Administration of accounts and configuration (admin role only; the same
 * operations exist as `npm run admin -- …` for the console).
 */
import * as z from 'zod/mini';
import { FIVE_FASTS, type FastKey } from '../domain/metrics/five-fast';
import { FIVE_FAST_TARGET_MAX, FIVE_FAST_TARGET_MIN } from '../domain/metrics/targets';
import { line } from '../domain/text';
import { Insurer, PhoneLock, Unit, UnitKind, Username } from './auth';
import { IdParams, Role, defineRoute } from './route';

export const Password = z
  .string()
  .check(z.minLength(10, 'use at least 10 characters'), z.maxLength(256));

export const AdminUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  unitId: z.nullable(z.uuid()),
  insurerId: z.nullable(z.uuid()),
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type AdminUser = z.infer<typeof AdminUser>;

/**
 * The unit kinds each role works in (DOMAIN.md): a patrol officer on the road
 * or at a rural persuasion station, a reviewer in the accident squad.
 */
export const UNIT_KINDS_OF_ROLE: Readonly<Partial<Record<Role, readonly UnitKind[]>>> = {
  officer: ['patrol-squad', 'rural-station'],
  reviewer: ['accident-squad'],
  // A persuasion station's helper or an insurer's agent stationed there.
  station: ['rural-station'],
};

export const CreateUserRequest = z.object({
  username: Username,
  displayName: line(80).check(z.minLength(1)),
  role: Role,
  /** Required for officer and reviewer. */
  unitId: z.optional(z.uuid()),
  /** Required for insurer. */
  insurerId: z.optional(z.uuid()),
  password: Password,
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const CreateUnitRequest = z.object({
  brigadeId: z.uuid('choose a brigade'),
  name: line(60).check(z.minLength(1, 'required')),
  kind: UnitKind,
});
export type CreateUnitRequest = z.infer<typeof CreateUnitRequest>;

/** Another role for an account, with the unit (officer, reviewer) or insurer (insurer) it needs. */
export const ChangeRoleRequest = z.object({
  role: Role,
  unitId: z.optional(z.uuid('choose a unit')),
  insurerId: z.optional(z.uuid('choose an insurer')),
});
export type ChangeRoleRequest = z.infer<typeof ChangeRoleRequest>;

export const ResetPasswordRequest = z.object({ password: Password });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

export const UserList = z.object({ users: z.array(AdminUser) });
export type UserList = z.infer<typeof UserList>;
export const UnitList = z.object({ units: z.array(Unit) });
export type UnitList = z.infer<typeof UnitList>;
export const InsurerList = z.object({ insurers: z.array(Insurer) });

/**
 * A new insurer company: its full name, and the short code (capital letters,
 * digits, `-` or `_`, as PICC or PINGAN) the policies on a case name it by.
 */
export const CreateInsurerRequest = z.object({
  name: line(80).check(z.minLength(1, 'required')),
  code: z
    .string()
    .check(
      z.regex(/^[A-Z][A-Z0-9_-]{1,19}$/, 'use 2–20 capital letters, digits, - or _, e.g. PICC'),
    ),
});
export type CreateInsurerRequest = z.infer<typeof CreateInsurerRequest>;
export type InsurerList = z.infer<typeof InsurerList>;

/** A target in whole minutes, from 1 to the fast's maximum (src/domain/metrics/targets.ts). */
const targetMinutes = (k: FastKey) =>
  z
    .number('a number of minutes')
    .check(
      z.int('whole minutes'),
      z.gte(FIVE_FAST_TARGET_MIN, `at least ${FIVE_FAST_TARGET_MIN} minute`),
      z.lte(FIVE_FAST_TARGET_MAX[k], `at most ${FIVE_FAST_TARGET_MAX[k]} minutes`),
    );

const targetShape = <T extends z.core.$ZodType>(of: (k: FastKey) => T) =>
  Object.fromEntries(FIVE_FASTS.map((k) => [k, of(k)])) as Record<FastKey, T>;

/** The brigade's five-fast targets, minutes per fast (the dashboard counts what is over them). */
export const FiveFastTargets = z.object(targetShape(() => z.number()));
export type FiveFastTargets = z.infer<typeof FiveFastTargets>;

/** Any of the five-fast targets, each checked against its fast's bounds. */
export const FiveFastTargetsChange = z.object(targetShape((k) => z.optional(targetMinutes(k))));
export type FiveFastTargetsChange = z.infer<typeof FiveFastTargetsChange>;

/** How a brigade works with insurers: the call-back target and when packets go out. */
export const BrigadeSettings = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Minutes from a packet's delivery to the insurer's acknowledgement (the call-back target). */
  callbackMinutes: z.number(),
  /** `review`: a packet once the accident squad approved the case; `signed`: once the parties signed. */
  packetsOn: z.enum(['review', 'signed']),
  /** How far from a case its phones list roadside video units, in metres. */
  videoRadiusM: z.number(),
  /** Minutes per fast: evidence, clearance, liability from arrival; assessment from delivery; payout from the assessment. */
  targets: FiveFastTargets,
  /** Its officers' phones: idle lock, offline limit, whether a PIN is required. */
  phoneLock: PhoneLock,
});
export type BrigadeSettings = z.infer<typeof BrigadeSettings>;
export const BrigadeList = z.object({ brigades: z.array(BrigadeSettings) });
export type BrigadeList = z.infer<typeof BrigadeList>;
export const BrigadeSettingsRequest = z.object({
  callbackMinutes: z.optional(
    z
      .number()
      .check(
        z.int('whole minutes'),
        z.gte(1, 'at least 1 minute'),
        z.lte(1440, 'at most 1440 minutes (a day)'),
      ),
  ),
  packetsOn: z.optional(z.enum(['review', 'signed'], 'review or signed')),
  videoRadiusM: z.optional(
    z
      .number('a number of metres')
      .check(
        z.int('whole metres'),
        z.gte(100, 'at least 100 metres'),
        z.lte(20000, 'at most 20000 metres (20 km)'),
      ),
  ),
  /** The five-fast targets to change (the others stay). */
  targets: z.optional(FiveFastTargetsChange),
  /** The phones' lock settings to change (the others stay). */
  phoneLock: z.optional(z.partial(PhoneLock)),
});
export type BrigadeSettingsRequest = z.infer<typeof BrigadeSettingsRequest>;

export const adminRoutes = [
  defineRoute({
    id: 'admin.users.list',
    method: 'GET',
    path: '/api/admin/users',
    summary: 'Every user account',
    access: ['admin'],
    scoped: false,
    responses: { 200: { description: 'Users', schema: UserList } },
  }),
  defineRoute({
    id: 'admin.users.create',
    method: 'POST',
    path: '/api/admin/users',
    summary: 'Create a user (officer/reviewer need a unit, insurer an insurer)',
    access: ['admin'],
    scoped: false,
    body: CreateUserRequest,
    responses: {
      201: { description: 'Created', schema: AdminUser },
      400: {
        description:
          '`weak_password` (too few different characters, no letter, the username, a common one); `unit_kind_mismatch` (an officer belongs in a patrol squad or rural station, a reviewer in an accident squad)',
      },
      409: { description: '`username_taken`' },
    },
  }),
  defineRoute({
    id: 'admin.users.disable',
    method: 'POST',
    path: '/api/admin/users/:id/disable',
    summary: 'Disable a user and revoke every session',
    access: ['admin'],
    scoped: true,
    params: IdParams,
    responses: {
      200: { description: 'Disabled', schema: AdminUser },
      409: { description: '`cannot_disable_self`; `last_admin` (no other enabled admin)' },
    },
  }),
  defineRoute({
    id: 'admin.users.enable',
    method: 'POST',
    path: '/api/admin/users/:id/enable',
    summary: 'Enable a disabled user again (the old sessions stay revoked)',
    access: ['admin'],
    scoped: true,
    params: IdParams,
    responses: { 200: { description: 'Enabled', schema: AdminUser } },
  }),
  defineRoute({
    id: 'admin.users.role',
    method: 'POST',
    path: '/api/admin/users/:id/role',
    summary: 'Change a user’s role, with its unit or insurer (the user’s sessions end; audited)',
    access: ['admin'],
    scoped: true,
    params: IdParams,
    body: ChangeRoleRequest,
    responses: { 200: { description: 'The user with the new role', schema: AdminUser } },
  }),
  defineRoute({
    id: 'admin.users.password',
    method: 'POST',
    path: '/api/admin/users/:id/password',
    summary: 'Set a new password and revoke every session',
    access: ['admin'],
    scoped: true,
    params: IdParams,
    body: ResetPasswordRequest,
    responses: { 204: { description: 'Changed' }, 400: { description: '`weak_password`' } },
  }),
  defineRoute({
    id: 'admin.units.list',
    method: 'GET',
    path: '/api/admin/units',
    summary: 'Units (patrol squads, accident squads, rural stations)',
    access: ['admin'],
    scoped: false,
    responses: { 200: { description: 'Units', schema: UnitList } },
  }),
  defineRoute({
    id: 'admin.units.create',
    method: 'POST',
    path: '/api/admin/units',
    summary: 'Create a unit (patrol squad, accident squad or rural station) in a brigade',
    access: ['admin'],
    scoped: false,
    body: CreateUnitRequest,
    responses: {
      201: { description: 'Created', schema: Unit },
      400: { description: '`unknown_brigade`' },
      409: { description: '`unit_name_taken` (the brigade already has a unit of that name)' },
    },
  }),
  defineRoute({
    id: 'admin.insurers.list',
    method: 'GET',
    path: '/api/admin/insurers',
    summary: 'Insurer companies',
    access: ['admin'],
    scoped: false,
    responses: { 200: { description: 'Insurers', schema: InsurerList } },
  }),
  defineRoute({
    id: 'admin.insurers.create',
    method: 'POST',
    path: '/api/admin/insurers',
    summary: 'Add an insurer company (its name and the code policies name it by)',
    access: ['admin'],
    scoped: false,
    body: CreateInsurerRequest,
    responses: {
      201: { description: 'Created', schema: Insurer },
      409: { description: '`insurer_code_taken` (another insurer has that code)' },
    },
  }),
  defineRoute({
    id: 'admin.brigades.list',
    method: 'GET',
    path: '/api/admin/brigades',
    summary: 'Brigades with their settings for insurers (call-back target, when packets go out)',
    access: ['admin'],
    scoped: false,
    responses: { 200: { description: 'Brigades', schema: BrigadeList } },
  }),
  defineRoute({
    id: 'admin.brigades.settings',
    method: 'PATCH',
    path: '/api/admin/brigades/:id',
    summary: 'Change a brigade’s call-back target or when its packets go out',
    access: ['admin'],
    scoped: true,
    params: IdParams,
    body: BrigadeSettingsRequest,
    responses: { 200: { description: 'The brigade', schema: BrigadeSettings } },
  }),
] as const;
