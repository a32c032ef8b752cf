/** The sync engine: see README.md. */
export { createSyncRunner, type SyncDeps, type SyncRunner } from './runner';
export type { SyncError, SyncPhase, SyncProgress, SyncState } from './state';
export { systemClock, manualClock, type SyncClock, type ManualClock } from './clock';
export { signIn, signOut, ensureDevice, type SignInResult } from './device';
export { deviceLabelOf } from './device-label';
export {
  deriveCaseStatus,
  readCaseStatus,
  readCaseStatuses,
  readOutboxTotals,
  type CaseSyncStatus,
  type OutboxTotals,
} from './status';
export {
  wireSyncTriggers,
  browserTriggerEnv,
  requestBackgroundSync,
  isDrainMessage,
  OUTBOX_SYNC_TAG,
  type TriggerEnv,
} from './triggers';
export { pullChanges } from './pull';
