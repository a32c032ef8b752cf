/**
 * Encryption at rest (issue 18): on a phone that seals, the officer's screens
 * show only once his key is open — the lock screen asks for his PIN, or, if
 * he has none on this phone yet, he sets one (online once). Signed out, the
 * screens show what is not sealed (a sealed row reads as locked, kept).
 * With his key open and the server in reach, his keyring gets a supervisor's
 * recovery code when it holds none (src/services/recovery-renewal.ts).
 * When his brigade requires a PIN (its lock settings, given at sign-in and
 * renewed by each pull), an
 * officer without one on this phone sets it before any other screen; the
 * idle lock takes the brigade's minutes.
 */
import type { ReactNode } from 'react';
import { lockPolicyOf, pinRequiredOf } from '../domain/device/lock';
import { useShellT } from '../ui/i18n/shell-words';
import { useSession } from '../services/useSession';
import {
  useHasKeyring,
  useIdleLock,
  useRecoveryRenewal,
  useVaultView,
} from '../services/useVaultView';
import { LockScreen, PinSetupScreen } from './routes';

export const PIN_PATH = '/pin';

export function VaultGate({ path, children }: { path: string; children: ReactNode }) {
  const { t } = useShellT();
  const view = useVaultView();
  const session = useSession();
  const active = session && session.kind !== 'signed-out' ? session.session : null;
  const officerId = active ? active.user.id : null;
  const lock = active?.phoneLock;
  const pinRequired = active !== null && pinRequiredOf(lock, active.user.role);
  // Read only on a phone that seals, or must: every screen change mounts the gate anew.
  const hasKeyring = useHasKeyring(view.sealing || pinRequired ? officerId : null);
  const idleMinutes = lockPolicyOf(lock).idleMinutes;
  useIdleLock(idleMinutes);
  useRecoveryRenewal(view.openFor !== null && view.openFor === officerId ? officerId : null);
  if (path === PIN_PATH) return <PinSetupScreen idleMinutes={idleMinutes} />;
  if (officerId === null || view.openFor === officerId) return children;
  if (!view.sealing && !pinRequired) return children;
  if (hasKeyring === undefined) return <p role="status">{t('app.loading')}</p>;
  if (hasKeyring) return <LockScreen officerId={officerId} />;
  return <PinSetupScreen required={pinRequired} idleMinutes={idleMinutes} />;
}
