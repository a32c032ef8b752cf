/**
 * The administrator's accounts, units and enrolled phones, read from the
 * server (never the phone's database) and changed only through the named
 * operations here, one at a time (a double click sends nothing more). A
 * refusal keeps the server's code (`username_taken`, `weak_password`, …) so
 * the screen can name the field at fault.
 */
import { useCallback } from 'react';
import type {
  AdminUser,
  BrigadeSettings,
  ChangeRoleRequest,
  CreateUnitRequest,
  CreateUserRequest,
} from '../contracts/admin';
import type { Insurer, Unit } from '../contracts/auth';
import type { Device, RevealedRecoveryCode } from '../contracts/devices';
import { useCall, useLoad, useOnce, type AdminResult, type Loaded } from './useWebhooks';

export interface Directory {
  users: readonly AdminUser[];
  units: readonly Unit[];
  insurers: readonly Insurer[];
  brigades: readonly BrigadeSettings[];
}

export interface AccountsView {
  directory: Loaded<Directory>;
  reload(): void;
  /** An operation is on its way: the buttons wait. */
  sending: boolean;
  createUser(body: CreateUserRequest): Promise<AdminResult<AdminUser>>;
  setDisabled(userId: string, disabled: boolean): Promise<AdminResult<AdminUser>>;
  changeRole(userId: string, body: ChangeRoleRequest): Promise<AdminResult<AdminUser>>;
  resetPassword(userId: string, password: string): Promise<AdminResult<undefined>>;
  createUnit(body: CreateUnitRequest): Promise<AdminResult<Unit>>;
}

function useDirectory() {
  const call = useCall();
  const load = useCallback(async (): Promise<AdminResult<Directory>> => {
    const [users, units, insurers, brigades] = await Promise.all([
      call((api, t) => api.listUsers(t)),
      call((api, t) => api.listUnits(t)),
      call((api, t) => api.listInsurers(t)),
      call((api, t) => api.listBrigades(t)),
    ]);
    if (!users.ok) return users;
    if (!units.ok) return units;
    if (!insurers.ok) return insurers;
    if (!brigades.ok) return brigades;
    return {
      ok: true,
      value: {
        users: users.value.users,
        units: units.value.units,
        insurers: insurers.value.insurers,
        brigades: brigades.value.brigades,
      },
    };
  }, [call]);
  return useLoad(load);
}

const upsert = <T extends { id: string }>(list: readonly T[], item: T): T[] =>
  list.some((x) => x.id === item.id)
    ? list.map((x) => (x.id === item.id ? item : x))
    : [...list, item];

export function useAccounts(): AccountsView {
  const { value, setValue, reload } = useDirectory();
  const { once, sending } = useOnce();
  const update = useCallback(
    (change: (d: Directory) => Directory) =>
      setValue((was) =>
        was.status === 'ready' ? { status: 'ready', value: change(was.value) } : was,
      ),
    [setValue],
  );
  const withUser = async (r: AdminResult<AdminUser>) => {
    if (r.ok) update((d) => ({ ...d, users: upsert(d.users, r.value) }));
    return r;
  };
  return {
    directory: value,
    reload,
    sending,
    createUser: async (body) => withUser(await once((api, t) => api.createUser(t, body))),
    setDisabled: async (userId, disabled) =>
      withUser(
        await once((api, t) => (disabled ? api.disableUser(t, userId) : api.enableUser(t, userId))),
      ),
    changeRole: async (userId, body) =>
      withUser(await once((api, t) => api.changeRole(t, userId, body))),
    resetPassword: (userId, password) => once((api, t) => api.resetPassword(t, userId, password)),
    createUnit: async (body) => {
      const r = await once((api, t) => api.createUnit(t, body));
      if (r.ok) update((d) => ({ ...d, units: upsert(d.units, r.value) }));
      return r;
    },
  };
}

/** A phone with the account it is enrolled for (undefined when the account list could not say). */
export interface DeviceOf {
  device: Device;
  owner: AdminUser | undefined;
}

export interface DevicesView {
  devices: Loaded<readonly DeviceOf[]>;
  reload(): void;
  sending: boolean;
  revoke(deviceId: string): Promise<AdminResult<Device>>;
  /** The phone's supervisor's recovery code in force, the reason audited (issue 18). */
  revealRecoveryCode(deviceId: string, reason: string): Promise<AdminResult<RevealedRecoveryCode>>;
}

export function useDevices(): DevicesView {
  const { call, once, sending } = useOnce();
  const load = useCallback(async (): Promise<AdminResult<DeviceOf[]>> => {
    const [devices, users] = await Promise.all([
      call((api, t) => api.listDevices(t)),
      call((api, t) => api.listUsers(t)),
    ]);
    if (!devices.ok) return devices;
    const owners = new Map(users.ok ? users.value.users.map((u) => [u.id, u]) : []);
    return {
      ok: true,
      value: devices.value.devices.map((device) => ({ device, owner: owners.get(device.userId) })),
    };
  }, [call]);
  const { value, setValue, reload } = useLoad(load);
  const revoke = async (deviceId: string) => {
    const r = await once((api, t) => api.revokeDevice(t, deviceId));
    if (r.ok) {
      setValue((was) =>
        was.status === 'ready'
          ? {
              status: 'ready',
              value: was.value.map((d) =>
                d.device.id === deviceId ? { ...d, device: r.value } : d,
              ),
            }
          : was,
      );
    }
    return r;
  };
  const revealRecoveryCode = (deviceId: string, reason: string) =>
    once((api, t) => api.revealRecoveryCode(t, deviceId, reason));
  return { devices: value, reload, sending, revoke, revealRecoveryCode };
}
