/**
 * The supervisor's recovery code on the phone (issue 18): trying one on the
 * lock screen offline, recovering with it under a new PIN, and — online,
 * with the officer's key open — fetching a new one when his keyring holds
 * none (just after setting a PIN, or after spending one: the server is then
 * told which code was spent).
 */
import { issueRecoveryCode } from '../api';
import { ensureDevice } from '../sync';
import { useServices } from './ServicesContext';
import type { useSync } from './SyncContext';
import type { IssueRecoveryCode, RecoveryTry } from './vault-session';

type IssuerDeps = Pick<ReturnType<typeof useServices>, 'db' | 'platform'> & {
  sync: NonNullable<ReturnType<typeof useSync>>;
};

/** Asks the server for a new code for `officerId`'s phone while he is the one signed in. */
export function recoveryIssuer(
  { db, platform, sync }: IssuerDeps,
  officerId: string,
  live: () => boolean = () => true,
): IssueRecoveryCode {
  return async (spentCodeId) => {
    const session = await sync.session.active();
    if (!live() || session?.user.id !== officerId) return null;
    const device = await ensureDevice({ db, api: sync.api, keys: platform.deviceKeys }, session);
    if (!device.ok) return null;
    const issued = await issueRecoveryCode(
      { baseUrl: '' },
      session.token,
      device.value,
      spentCodeId,
    );
    return issued.ok ? issued.value : null;
  };
}

export interface RecoveryActions {
  /** Whether the code opens the officer's key; a wrong one counts like a wrong PIN. */
  tryCode(officerId: string, code: string): Promise<RecoveryTry | null>;
  /** The code opens the key under the new PIN and is spent; the phone opens. */
  recover(officerId: string, code: string, newPin: string): Promise<RecoveryTry | null>;
}

export function useRecoveryActions(): RecoveryActions {
  const { vault } = useServices();
  return {
    tryCode: async (officerId, code) => (vault ? vault.tryRecoveryCode(officerId, code) : null),
    recover: async (officerId, code, newPin) =>
      vault ? vault.recoverWithCode(officerId, code, newPin) : null,
  };
}
