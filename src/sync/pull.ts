/**
 * The pull: after each drain, what others changed in the officer's scope
 * (`GET /api/changes?cursor=`), applied to the local cases — a case with
 * unsent local edits keeps them, and the server's change waits until they are
 * sent (src/storage/outbox-repo `applyServerChange`); on a shared phone,
 * another officer's cases are left for his own pull. The cursor is kept per
 * officer and advanced only after the page is applied. What the accident
 * squad said (a return with what to add, its amended liability, an approval,
 * a take-over) is kept beside each case with the device's time it arrived
 * (`now`). The first page also asks whether this phone is still enrolled:
 * `revokedAt` when an admin revoked it (issue 18); its answer carries the
 * brigade's lock settings for phones as they are now (`phoneLock`).
 */
import type { Api, ApiFailure } from '../api';
import type { PhoneLock } from '../contracts/auth';
import {
  applyServerChange,
  readSyncValue,
  writeSyncValue,
  type KeepSquadWord,
  type KuaichuDb,
  type StoredSession,
} from '../storage';
import { deviceKey } from './device';

/** Pages per pull; the rest comes next drain. */
const MAX_PAGES = 20;

export const cursorKey = (userId: string) => `pullCursor:${userId}`;

export interface PullSummary {
  applied: number;
  deferred: number;
  /** When an admin revoked this phone, if the server says so (issue 18). */
  revokedAt?: string;
  /** The brigade's lock settings for phones as the server has them now. */
  phoneLock?: PhoneLock;
}

export async function pullChanges(
  db: KuaichuDb,
  api: Api,
  session: StoredSession,
  now: () => string,
): Promise<{ ok: true; value: PullSummary } | { ok: false; failure: ApiFailure }> {
  const summary: PullSummary = { applied: 0, deferred: 0 };
  // Loaded with the first pull rather than the first screen, which stays light.
  const { recordSquadWord } = await import('../domain/review/squad-word');
  let cursor = await readSyncValue(db, cursorKey(session.user.id));
  // The phone's enrolment, asked about on the first page: a revoked phone learns it here
  // even when it has nothing to send.
  let deviceId = await readSyncValue(db, deviceKey(session.user.id));
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await api.getChanges(session.token, cursor, deviceId);
    if (!answer.ok) return answer;
    const device = answer.value.device;
    if (device?.status === 'revoked') summary.revokedAt = device.revokedAt;
    if (answer.value.phoneLock) summary.phoneLock = answer.value.phoneLock;
    deviceId = undefined;
    for (const change of answer.value.changes) {
      const keepWord: KeepSquadWord = (kept, c) => recordSquadWord(kept, change, c, now());
      const outcome = await applyServerChange(db, change, { officerId: session.user.id }, keepWord);
      if (outcome === 'applied') summary.applied += 1;
      if (outcome === 'deferred') summary.deferred += 1;
    }
    cursor = answer.value.nextCursor;
    await writeSyncValue(db, cursorKey(session.user.id), cursor);
    if (!answer.value.more) break;
  }
  return { ok: true, value: summary };
}
