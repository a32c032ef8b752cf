/**
 * Keeps a supervisor's recovery code in the open officer's keyring (issue 18):
 * asks the server for one when the keyring holds none — at once, on the
 * online event, and every 30 s (a link back sends no event); nothing is asked
 * while it holds one. Loaded only once a sealing phone's key is open
 * (useVaultView.ts `useRecoveryRenewal`): it brings the API client and the
 * sync code, which the first screen does not load.
 */
import { recoveryIssuer } from './useRecovery';
import type { Services } from './ServicesContext';
import type { SyncServices } from './SyncContext';

/** How often an open phone without a code asks again (a link back sends no event). */
const RENEW_EVERY_MS = 30_000;

/** Starts renewing for `officerId`; answers the stop. */
export function startRecoveryRenewal(
  { db, vault, platform }: Pick<Services, 'db' | 'vault' | 'platform'>,
  sync: SyncServices,
  officerId: string,
): () => void {
  if (!vault) return () => undefined;
  let live = true;
  const issue = recoveryIssuer({ db, platform, sync }, officerId, () => live);
  const renew = () => void vault.renewRecoveryCode(issue).catch(() => false);
  renew();
  const timer = setInterval(renew, RENEW_EVERY_MS);
  window.addEventListener('online', renew);
  return () => {
    live = false;
    clearInterval(timer);
    window.removeEventListener('online', renew);
  };
}
