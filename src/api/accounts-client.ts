/**
 * The brigade administrator's calls for accounts, units and phones
 * (src/contracts/admin.ts, devices.ts): every answer parsed with its route's
 * schema, every failure a classified `ApiFailure` carrying the server's code
 * (`username_taken`, `weak_password`, `unit_name_taken`, `last_admin` …).
 */
import {
  AdminUser,
  UnitList,
  UserList,
  type ChangeRoleRequest,
  type CreateUnitRequest,
  type CreateUserRequest,
} from '../contracts/admin';
import { Unit } from '../contracts/auth';
import { Device, DeviceList, RevealedRecoveryCode } from '../contracts/devices';
import { request, type HttpConfig } from './http';
import { success, type ApiResult } from './result';

export interface AccountsApi {
  listUsers(token: string): Promise<ApiResult<UserList>>;
  createUser(token: string, body: CreateUserRequest): Promise<ApiResult<AdminUser>>;
  /** Disables the account and ends its sessions (409 `cannot_disable_self`, `last_admin`). */
  disableUser(token: string, userId: string): Promise<ApiResult<AdminUser>>;
  enableUser(token: string, userId: string): Promise<ApiResult<AdminUser>>;
  /** Another role with its unit or insurer; the user's sessions end (409 `cannot_change_own_role`). */
  changeRole(token: string, userId: string, body: ChangeRoleRequest): Promise<ApiResult<AdminUser>>;
  /** A new password; every session of the user ends. */
  resetPassword(token: string, userId: string, password: string): Promise<ApiResult<undefined>>;
  listUnits(token: string): Promise<ApiResult<UnitList>>;
  createUnit(token: string, body: CreateUnitRequest): Promise<ApiResult<Unit>>;
  /** Every phone enrolled in the brigade's accounts. */
  listDevices(token: string): Promise<ApiResult<DeviceList>>;
  /** The phone's next sync is refused; revoking twice changes nothing. */
  revokeDevice(token: string, deviceId: string): Promise<ApiResult<Device>>;
  /** The phone's recovery code in force, for the supervisor to read out; the reason is audited. */
  revealRecoveryCode(
    token: string,
    deviceId: string,
    reason: string,
  ): Promise<ApiResult<RevealedRecoveryCode>>;
}

const seg = encodeURIComponent;

export function createAccountsApiClient(config: HttpConfig): AccountsApi {
  const userAction = (token: string, userId: string, verb: 'disable' | 'enable') =>
    request(config, {
      method: 'POST',
      path: `/api/admin/users/${seg(userId)}/${verb}`,
      token,
      schema: AdminUser,
    });
  return {
    listUsers: (token) =>
      request(config, { method: 'GET', path: '/api/admin/users', token, schema: UserList }),
    createUser: (token, body) =>
      request(config, {
        method: 'POST',
        path: '/api/admin/users',
        token,
        body,
        schema: AdminUser,
        ok: [201],
      }),
    disableUser: (token, userId) => userAction(token, userId, 'disable'),
    enableUser: (token, userId) => userAction(token, userId, 'enable'),
    changeRole: (token, userId, body) =>
      request(config, {
        method: 'POST',
        path: `/api/admin/users/${seg(userId)}/role`,
        token,
        body,
        schema: AdminUser,
      }),
    resetPassword: (token, userId, password) =>
      request(config, {
        method: 'POST',
        path: `/api/admin/users/${seg(userId)}/password`,
        token,
        body: { password },
        ok: [204],
      }).then((r) => (r.ok ? success(undefined) : r)),
    listUnits: (token) =>
      request(config, { method: 'GET', path: '/api/admin/units', token, schema: UnitList }),
    createUnit: (token, body) =>
      request(config, {
        method: 'POST',
        path: '/api/admin/units',
        token,
        body,
        schema: Unit,
        ok: [201],
      }),
    listDevices: (token) =>
      request(config, { method: 'GET', path: '/api/devices', token, schema: DeviceList }),
    revokeDevice: (token, deviceId) =>
      request(config, {
        method: 'DELETE',
        path: `/api/devices/${seg(deviceId)}`,
        token,
        schema: Device,
      }),
    revealRecoveryCode: (token, deviceId, reason) =>
      request(config, {
        method: 'POST',
        path: `/api/admin/devices/${seg(deviceId)}/recovery-code/reveal`,
        token,
        body: { reason },
        schema: RevealedRecoveryCode,
      }),
  };
}
