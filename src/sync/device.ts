/**
 * Signing in and the phone's enrolment. At the first sign-in of an officer on
 * this phone the device key pair is made (if it is not there yet) and its
 * public half enrolled for that officer; the server's device id is kept in
 * the database (`device:<userId>`) and named in every manifest.
 */
import type { Api, ApiResult } from '../api';
import type { ClockIds } from '../platform/clock-ids/port';
import { webClockIds } from '../platform/clock-ids/web';
import type { DeviceKeys } from '../platform/device-keys/port';
import { refreshFieldPack } from './field-pack';
import { refreshStationOfficers } from './station-officers';
import { capturesCases } from '../domain/case/station-role';
import {
  claimUnclaimed,
  deleteSyncValue,
  readSyncValue,
  writeSyncValue,
  VaultLockedError,
  type KuaichuDb,
  type SessionStore,
  type StoredSession,
} from '../storage';

export interface DeviceDeps {
  db: KuaichuDb;
  api: Api;
  keys: DeviceKeys;
}

export const deviceKey = (userId: string) => `device:${userId}`;

/** The enrolled device id for the session's officer, enrolling this phone if needed. */
export async function ensureDevice(
  deps: DeviceDeps,
  session: StoredSession,
  label = 'Kuaichu phone',
): Promise<ApiResult<string>> {
  const known = await readSyncValue(deps.db, deviceKey(session.user.id));
  if (known) return { ok: true, value: known };
  const publicKeyJwk = await deps.keys.ensure();
  const enrolled = await deps.api.enrolDevice(session.token, { publicKeyJwk, label });
  if (!enrolled.ok) return enrolled;
  await writeSyncValue(deps.db, deviceKey(session.user.id), enrolled.value.deviceId);
  return { ok: true, value: enrolled.value.deviceId };
}

/** Forgets the device id (the server no longer knows it): the next send enrols again. */
export async function forgetDevice(db: KuaichuDb, userId: string): Promise<void> {
  await deleteSyncValue(db, deviceKey(userId));
}

export type SignInResult =
  /** `deviceId` is null for a reviewer, insurer or admin: only officers enrol a phone. */
  | { ok: true; session: StoredSession; deviceId: string | null }
  | {
      ok: false;
      stage: 'login' | 'enrol';
      failure: Extract<ApiResult<never>, { ok: false }>['failure'];
    };

/** Whether a session may do the officer's part: send cases, pull, enrol this phone (an officer or a station). */
export const isOfficerSession = (session: StoredSession): boolean =>
  capturesCases(session.user.role);

/**
 * Signs the user in (online) and stores the session for the shift. For an
 * officer it also claims the cases captured while nobody was signed in and
 * makes sure this phone is enrolled; the runner resumes held sending on its
 * own (it listens to the session store); claiming comes first, so those cases
 * go in that drain. A reviewer, insurer or admin neither claims nor enrols
 * (the server allows enrolment to officers only). The claim is stamped by
 * `clock` (the platform's clock port; the web clock when not given).
 */
export async function signIn(
  deps: DeviceDeps & {
    session: SessionStore;
    clock?: Pick<ClockIds, 'now'>;
    /**
     * Once the phone is enrolled: opens the officer's sealed data on a phone
     * that seals (encryption at rest, with his escrow key).
     */
    afterEnrol?: (session: StoredSession, deviceId: string) => Promise<unknown>;
  },
  credentials: { username: string; password: string },
  label?: string,
): Promise<SignInResult> {
  const login = await deps.api.login(credentials);
  if (!login.ok) return { ok: false, stage: 'login', failure: login.failure };
  const { user } = login.value;
  if (!capturesCases(user.role)) {
    return { ok: true, session: await deps.session.signIn(login.value), deviceId: null };
  }
  const now = (deps.clock ?? webClockIds).now();
  const claim = () => claimUnclaimed(deps.db, { id: user.id, name: user.displayName }, now);
  // On a phone that seals, a claim waits for the officer's key (opened below).
  const claimed = await claim().then(
    () => true,
    (e: unknown) => {
      if (e instanceof VaultLockedError) return false;
      throw e;
    },
  );
  const session = await deps.session.signIn(login.value);
  const device = await ensureDevice(deps, session, label);
  if (!device.ok) return { ok: false, stage: 'enrol', failure: device.failure };
  await deps.afterEnrol?.(session, device.value);
  if (!claimed) await claim().catch(() => undefined);
  // The brigade's script before the officer drives out of signal; the next pull fetches it again.
  await refreshFieldPack(deps.db, deps.api, session);
  // A station names an officer at hand-over, offline too.
  await refreshStationOfficers(deps.db, deps.api, session);
  return { ok: true, session, deviceId: device.value };
}

/**
 * Signs out: forgets the token, then tells the server (best effort — offline
 * it simply expires). In that order, a request still in flight that the
 * server answers 401 after the logout finds the phone signed out already, and
 * is not taken for the server ending a session that is still signed in.
 * Cases are never deleted; the answer says how many wait, so the UI warns
 * before and after.
 */
export async function signOut(deps: {
  db: KuaichuDb;
  api: Api;
  session: SessionStore;
}): Promise<{ unsentCases: number }> {
  const state = await deps.session.state();
  const signedOut = await deps.session.signOut(deps.db);
  if (state.kind !== 'signed-out') await deps.api.logout(state.session.token);
  return signedOut;
}
