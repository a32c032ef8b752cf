/**
 * Administration of accounts and configuration (admin role only; the same
 * operations exist as `npm run admin -- …` for the console).
 */
import * as z from 'zod/mini';
import { line } from '../domain/text';
import { Insurer, Unit, Username } from './auth';
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

export const ResetPasswordRequest = z.object({ password: Password });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

export const UserList = z.object({ users: z.array(AdminUser) });
export type UserList = z.infer<typeof UserList>;
export const UnitList = z.object({ units: z.array(Unit) });
export type UnitList = z.infer<typeof UnitList>;
export const InsurerList = z.object({ insurers: z.array(Insurer) });
export type InsurerList = z.infer<typeof InsurerList>;

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
    responses: { 200: { description: 'Disabled', schema: AdminUser } },
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
    responses: { 204: { description: 'Changed' } },
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
    id: 'admin.insurers.list',
    method: 'GET',
    path: '/api/admin/insurers',
    summary: 'Insurer companies',
    access: ['admin'],
    scoped: false,
    responses: { 200: { description: 'Insurers', schema: InsurerList } },
  }),
] as const;
