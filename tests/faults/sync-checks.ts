/**
 * Checks the sync tests share: requests the fault proxy saw, firing the
 * runner's timer, and "delivered" (one server case, every version in order,
 * an empty outbox, a complete receipt).
 */
import { expect } from 'vitest';
import type { SyncWorld } from './sync-world';

/** Requests the proxy passed with `method` to a path starting with `path`. */
export const count = (w: SyncWorld, method: string, path: string) =>
  w.proxy.log.filter((r) => r.method === method && r.path.startsWith(path)).length;

/** Fires the runner's timer (after the backoff it chose) and waits for the drain. */
export async function wakeUp(w: SyncWorld): Promise<number> {
  const at = w.clock.nextTimerAt();
  if (at === undefined) throw new Error('the runner set no timer');
  const waited = at - w.clock.now();
  w.clock.advance(waited);
  await w.runner.idle();
  return waited;
}

export async function expectDelivered(w: SyncWorld, caseId: string, versions = 1) {
  expect(await w.server.caseRows(caseId)).toBe(1);
  expect((await w.server.versions(caseId)).map((v) => v.version)).toEqual(
    Array.from({ length: versions }, (_, i) => i + 1),
  );
  expect(await w.db.outbox.where('caseId').equals(caseId).count()).toBe(0);
  expect((await w.db.receipts.get(caseId))?.receipt).toMatchObject({
    manifestVersion: versions,
    complete: true,
  });
}
