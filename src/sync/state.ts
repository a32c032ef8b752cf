/** The runner's observable state, for the status bar and the outbox screen. */

export type SyncPhase = 'idle' | 'sending' | 'waiting' | 'held-auth' | 'offline';

export interface SyncProgress {
  caseId: string;
  part: 'photo' | 'case';
  /** The photo's hash when `part` is `photo`. */
  sha256?: string;
  bytesSent: number;
  bytesTotal: number;
  /**
   * The case's photos due in this drain: bytes already sent (this part's
   * included) and their total, so the outbox shows the case moving, not one
   * photo after another from 0.
   */
  caseBytesSent?: number;
  caseBytesTotal?: number;
}

export interface SyncError {
  reason: string;
  at: string;
  caseId?: string;
}

export interface SyncState {
  /**
   * - `idle`: nothing waits (or the runner is stopped);
   * - `sending`: a drain is under way (`current` says what moves);
   * - `waiting`: parts wait for their retry time (`nextWakeAt`);
   * - `offline`: the last drain could not reach the server (network, timeout, captive portal);
   *   it tries again at `nextWakeAt`, on `online`, on visibility, or on "Send now";
   * - `held-auth`: signed out, shift over, or the server ended the session: sending waits for sign-in.
   */
  phase: SyncPhase;
  current?: SyncProgress;
  nextWakeAt?: string;
  lastError?: SyncError;
  /** When the last drain finished. */
  lastDrainAt?: string;
}

export const INITIAL_SYNC_STATE: SyncState = { phase: 'idle' };
