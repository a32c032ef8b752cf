/**
 * The sync invariants over generated histories (harness H5/H6, small):
 * random sequences of capture, edit, going offline and online, server errors
 * and drains, against the real in-process server. After every step: nothing
 * shown as sent that the server lacks, and never fewer unsent cases than the
 * server is missing. At the end, with the link back: one server case per id,
 * every held photo hash-verified, and the unsent count equal to what the
 * server is missing — zero.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Api, ApiFailure } from '../api';
import { caseBytes } from '../domain/manifest';
import { countUnsent, listCases, listPhotos, updateCase } from '../storage';
import { openSyncWorld, type SyncWorld } from '../../tests/faults/sync-world';
import { readCaseStatuses } from './status';
import { sha256 } from './submission';

type Step =
  | { kind: 'capture'; photos: number }
  | { kind: 'edit'; pick: number }
  | { kind: 'offline' }
  | { kind: 'online' }
  | { kind: 'server-error'; status: 500 | 502 | 503; on: 'PUT /api/cases/' | 'POST /api/uploads' }
  | { kind: 'ack' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('capture' as const), photos: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(10) }),
  fc.constant({ kind: 'offline' as const }),
  fc.constant({ kind: 'online' as const }),
  fc.record({
    kind: fc.constant('server-error' as const),
    status: fc.constantFrom(500 as const, 502 as const, 503 as const),
    on: fc.constantFrom('PUT /api/cases/' as const, 'POST /api/uploads' as const),
  }),
  fc.constant({ kind: 'ack' as const }),
);

/** An API whose link can be cut: offline, every call fails as the network would. */
function switchable(api: Api, link: { up: boolean }): Api {
  const down = { ok: false as const, failure: { kind: 'network' } as ApiFailure };
  const guard =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    (...a: A): Promise<R> =>
      link.up ? f(...a) : Promise.resolve(down as R);
  return {
    login: guard(api.login),
    logout: guard(api.logout),
    enrolDevice: guard(api.enrolDevice),
    headPhoto: guard(api.headPhoto),
    uploadPhoto: guard(api.uploadPhoto),
    putCase: guard(api.putCase),
    getCase: guard(api.getCase),
    getChanges: guard(api.getChanges),
    getFieldPack: guard(api.getFieldPack),
  };
}

/** Cases whose current content (case + photos) the server does not fully hold. */
async function serverMissing(w: SyncWorld): Promise<Set<string>> {
  const missing = new Set<string>();
  for (const c of (await listCases(w.db)).cases) {
    const server = await w.server.current(c.id);
    const photos = (await listPhotos(w.db, c.id)).map((p) => p.sha256);
    const holds =
      server !== undefined &&
      server.caseSha256 === (await sha256(caseBytes(c))) &&
      [...new Set(photos)].sort().join() === [...server.photos].sort().join() &&
      (await Promise.all(photos.map((p) => w.server.holdsBlob(p)))).every(Boolean);
    if (!holds) missing.add(c.id);
  }
  return missing;
}

async function checkHonesty(w: SyncWorld): Promise<void> {
  const missing = await serverMissing(w);
  for (const [caseId, status] of await readCaseStatuses(w.db, w.runner.getState())) {
    if (status.kind === 'sent') expect(missing.has(caseId), `${caseId} shown as sent`).toBe(false);
  }
  expect((await countUnsent(w.db)).cases).toBeGreaterThanOrEqual(missing.size);
}

/** Drains and fires due timers until nothing waits (bounded). */
async function settle(w: SyncWorld): Promise<void> {
  await w.runner.drainNow('send-now');
  for (let i = 0; i < 12 && w.clock.nextTimerAt() !== undefined; i++) {
    w.clock.advance(w.clock.nextTimerAt()! - w.clock.now());
    await w.runner.idle();
  }
}

describe('sync invariants over random histories', () => {
  it('hold after every step, and the phone and server agree once the link is back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const link = { up: true };
        const w = await openSyncWorld({ wrapApi: (api) => switchable(api, link) });
        try {
          const ids: string[] = [];
          for (const s of steps) {
            w.clock.advance(10_000);
            const at = new Date(w.clock.now()).toISOString();
            switch (s.kind) {
              case 'capture':
                ids.push((await w.capture(s.photos)).record.id);
                break;
              case 'edit':
                if (ids.length > 0) {
                  const id = ids[s.pick % ids.length]!;
                  await updateCase(w.db, id, (c) => ({ ...c, notes: `${c.notes}+` }), at);
                }
                break;
              case 'offline':
                link.up = false;
                break;
              case 'online':
                link.up = true;
                await w.runner.drainNow('online');
                break;
              case 'server-error':
                w.proxy.set({ fault: { mode: 'status', status: s.status }, match: s.on, times: 1 });
                break;
              case 'ack':
                await w.runner.drainNow('send-now');
                break;
            }
            await checkHonesty(w);
          }

          link.up = true;
          w.proxy.set();
          await settle(w);

          expect(await w.server.caseIds()).toEqual([...ids].sort());
          for (const id of ids) {
            const versions = (await w.server.versions(id)).map((v) => v.version);
            expect(versions).toEqual(versions.map((_, i) => i + 1));
          }
          for (const r of await w.db.receipts.toArray()) {
            for (const sha of r.receipt.photos.held) {
              expect(await w.server.blobVerifies(sha)).toBe(true);
            }
          }
          expect((await serverMissing(w)).size).toBe(0);
          expect((await countUnsent(w.db)).cases).toBe(0);
          await checkHonesty(w);
        } finally {
          await w.close();
        }
      }),
      { numRuns: 20, endOnFailure: true },
    );
  }, 120_000);
});
