import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HEADROOM_BYTES } from '../domain';
import { aCase } from '../../tests/builders/case.builder';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { createDb, type KuaichuDb } from './db';
import { probeHeadroom, withHeadroom } from './headroom';

const T0 = '2026-11-27T02:00:00.000Z';
let db: KuaichuDb;

beforeEach(() => {
  useFreshIndexedDb();
  db = createDb();
});

const fullDisk = () => new DOMException('Failed to write blobs (IOError)', 'DataError');

/** Records each probe (its size, whether in a transaction of its own) and lets it through. */
function recordProbes(): { bytes: number; alone: boolean; blob: Blob }[] {
  const probes: { bytes: number; alone: boolean; blob: Blob }[] = [];
  const put = db.scratch.put.bind(db.scratch);
  vi.spyOn(db.scratch, 'put').mockImplementation((row, key) => {
    // Not inside another transaction: Dexie gives the put one of its own.
    const alone = Dexie.currentTransaction === null;
    probes.push({ bytes: row.blob.size, alone, blob: row.blob });
    return put(row, key);
  });
  return probes;
}

describe('withHeadroom', () => {
  it('probes the Blobs plus the headroom alone, deletes the probe, then writes', async () => {
    const c = aCase(T0).build();
    const probes = recordProbes();
    const write = vi.fn(() => db.cases.put(c));
    expect(await withHeadroom(db, 1_234_567, write)).toBe(c.id);
    expect(probes.map(({ bytes, alone }) => ({ bytes, alone }))).toEqual([
      { bytes: 1_234_567 + HEADROOM_BYTES, alone: true },
    ]);
    expect(write).toHaveBeenCalledOnce();
    expect(await db.cases.get(c.id)).toEqual(c);
    expect(await db.scratch.count()).toBe(0);
  });

  it('probes with random bytes, which no file system compresses', async () => {
    const probes = recordProbes();
    await withHeadroom(db, 5 * 1024 * 1024, () => Promise.resolve());
    const blob = probes[0]?.blob ?? new Blob();
    for (const at of [0, blob.size - 4096]) {
      const bytes = new Uint8Array(await blob.slice(at, at + 4096).arrayBuffer());
      expect(new Set(bytes).size).toBeGreaterThan(200);
    }
  });

  it('writes nothing when the probe does not fit', async () => {
    vi.spyOn(db.scratch, 'put').mockRejectedValue(fullDisk());
    const write = vi.fn(() => Promise.resolve());
    await expect(withHeadroom(db, 1000, write)).rejects.toThrow(/Failed to write blobs/);
    expect(write).not.toHaveBeenCalled();
    expect(await db.scratch.count()).toBe(0);
  });

  it('runs probes and writes one at a time, so two saves do not count the same room', async () => {
    const order: string[] = [];
    const put = db.scratch.put.bind(db.scratch);
    vi.spyOn(db.scratch, 'put').mockImplementation((row, key) => {
      order.push(`probe ${row.blob.size - HEADROOM_BYTES}`);
      return put(row, key);
    });
    const slowWrite = (n: number) => async () => {
      order.push(`write ${n} starts`);
      await new Promise((r) => setTimeout(r, 20));
      order.push(`write ${n} ends`);
    };
    await Promise.all([withHeadroom(db, 1, slowWrite(1)), withHeadroom(db, 2, slowWrite(2))]);
    expect(order).toEqual([
      'probe 1',
      'write 1 starts',
      'write 1 ends',
      'probe 2',
      'write 2 starts',
      'write 2 ends',
    ]);
  });

  it('goes on after a refused write', async () => {
    await expect(withHeadroom(db, 1, () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await withHeadroom(db, 1, () => Promise.resolve('next'))).toBe('next');
  });
});

describe('probeHeadroom', () => {
  it('is ok when the headroom can be written, and leaves nothing behind', async () => {
    const probes = recordProbes();
    expect(await probeHeadroom(db)).toEqual({ ok: true });
    expect(probes.map((p) => p.bytes)).toEqual([HEADROOM_BYTES]);
    expect(await db.scratch.count()).toBe(0);
  });

  it('clears probes an interrupted save left behind', async () => {
    await db.scratch.put({ key: 'probe:left', blob: new Blob([new Uint8Array(1024)]) });
    expect(await probeHeadroom(db)).toEqual({ ok: true });
    expect(await db.scratch.count()).toBe(0);
  });

  it('reports the error when the headroom cannot be written', async () => {
    vi.spyOn(db.scratch, 'put').mockRejectedValue(fullDisk());
    const probe = await probeHeadroom(db);
    expect(probe.ok).toBe(false);
    expect(!probe.ok && probe.error).toMatchObject({ message: /Failed to write blobs/ });
  });
});
