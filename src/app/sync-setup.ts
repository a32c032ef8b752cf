/**
 * The sync side, loaded after the first screen is up (it is not needed to
 * show cases, and keeps tus and the runner out of the first chunk).
 */
import { createApiClient } from '../api';
import type { Services } from '../services/ServicesContext';
import type { SyncServices } from '../services/SyncContext';
import { onRegained } from '../ui/useOnline';
import { watchOutbox, type KuaichuDb } from '../storage';
import {
  createSyncRunner,
  deviceLabelOf,
  requestBackgroundSync,
  systemClock,
  wireSyncTriggers,
} from '../sync';

export function startSync({ db, platform, session, vault }: Services): SyncServices {
  const api = createApiClient({ baseUrl: '' });
  const runner = createSyncRunner({
    db,
    api,
    session,
    clock: systemClock,
    random: Math.random,
    keys: platform.deviceKeys,
    deviceLabel: deviceLabelOf(navigator.userAgent),
    lockedFor: (officerId) =>
      vault !== undefined && vault.sealing() && vault.open(officerId) === null,
  });
  runner.start();
  // Unlocked: what waited is sent at once.
  vault?.subscribe(() => {
    if (vault.state().kind === 'open') void runner.drainNow('unlocked');
  });
  wireSyncTriggers(runner);
  // The link back without an `online` event (reachability.ts): a fresh start too.
  onRegained(() => void runner.drainNow('online'));
  drainOnSave(db, runner);
  return { api, session, runner };
}

/** Whenever the outbox changes, try to send (and ask for a Background Sync wake-up). */
function drainOnSave(db: KuaichuDb, runner: SyncServices['runner']): void {
  let last = -1;
  watchOutbox(db, ({ entries, revisions }) => {
    if (revisions === last) return;
    last = revisions;
    if (entries === 0) return;
    void runner.drainNow('saved');
    if ('serviceWorker' in navigator)
      void navigator.serviceWorker.ready.then(requestBackgroundSync);
  });
}
