import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bundleJsonParts, HEADROOM_BYTES, type CaseRecord } from '../domain';
import { aCase } from '../../tests/builders/case.builder';
import { aPhoto } from '../../tests/builders/photo.builder';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { readCase, saveCase } from './cases-repo';
import { createDb, type KuaichuDb } from './db';
import { exportUnsent, importBundle, importExportFile } from './export';
import { storeReceipt } from './outbox-repo';
import { listPhotos, readPhotoBlob, savePhoto } from './photos-repo';

const T0 = '2026-11-27T02:00:00.000Z';
const T1 = '2026-11-27T03:00:00.000Z';
const T2 = '2026-11-27T04:00:00.000Z';
const OPTIONS = { at: T1, appVersion: 'test-1' };

let a: KuaichuDb;
let b: KuaichuDb;

beforeEach(() => {
  useFreshIndexedDb();
  a = createDb('phone-a');
  b = createDb('phone-b');
});

/** A case with photos saved on `db`, as the app saves them. */
async function captured(db: KuaichuDb, seeds: string[], at = T0): Promise<CaseRecord> {
  const c = aCase(at).withVehicles(2).build();
  await saveCase(db, c, at);
  for (const [i, seed] of seeds.entries()) {
    const photo = await aPhoto(c.id, seed, { slot: `slot-${i}`, size: 3000 + i });
    await savePhoto(db, photo, at);
  }
  return c;
}

/** Everything on a device, for "nothing changed" checks. */
async function snapshot(db: KuaichuDb) {
  const photos = await db.photos.toArray();
  return {
    cases: await db.cases.toArray(),
    outbox: await db.outbox.toArray(),
    photos: await Promise.all(
      photos.map(async (p) => ({ ...p, blob: new Uint8Array(await p.blob.arrayBuffer()) })),
    ),
  };
}

async function fileText(db: KuaichuDb, scope?: 'all'): Promise<string> {
  const { bundle } = await exportUnsent(db, { ...OPTIONS, ...(scope ? { scope } : {}) });
  return bundleJsonParts(bundle).join('');
}

describe('exportUnsent', () => {
  it('takes the cases with anything unsent, with every photo, and leaves sent ones out', async () => {
    const unsent = await captured(a, ['u1', 'u2']);
    const sent = await captured(a, ['s1']);
    // A complete receipt clears the sent case's entries.
    const sentPhoto = (await listPhotos(a, sent.id))[0]!;
    await storeReceipt(
      a,
      {
        caseId: sent.id,
        manifestVersion: 1,
        manifestHash: '0'.repeat(64),
        receivedAt: T1,
        photos: { held: [sentPhoto.sha256], missing: [] },
        complete: true,
        flags: [],
      },
      1,
      T1,
    );
    const { bundle, leftOut, photoBytes } = await exportUnsent(a, OPTIONS);
    expect(bundle.cases.map((c) => c.case.id)).toEqual([unsent.id]);
    expect(bundle.cases[0]?.photos).toHaveLength(2);
    expect(photoBytes).toBe(3000 + 3001);
    expect(leftOut).toEqual([]);
    expect(bundle).toMatchObject({
      format: 'kuaichu-export',
      appVersion: 'test-1',
      scope: 'unsent',
    });
    const all = await exportUnsent(a, { ...OPTIONS, scope: 'all' });
    expect(all.bundle.cases.map((c) => c.case.id).sort()).toEqual([unsent.id, sent.id].sort());
  });

  it('on a shared phone takes only the officer’s own and unclaimed cases', async () => {
    const A = { id: '0190a000-0000-7000-8000-0000000000a1', name: '张警官' };
    const B = { id: '0190a000-0000-7000-8000-0000000000b2', name: '李警官' };
    const mine = aCase(T0).build();
    const theirs = aCase(T0).build();
    const unclaimed = aCase(T0).build();
    await saveCase(a, { ...mine, officer: B }, T0);
    await saveCase(a, { ...theirs, officer: A }, T0);
    await saveCase(a, unclaimed, T0);
    const ids = async (officerId: string | undefined) =>
      (await exportUnsent(a, { ...OPTIONS, onlyFor: { officerId } })).bundle.cases
        .map((c) => c.case.id)
        .sort();
    expect(await ids(B.id)).toEqual([mine.id, unclaimed.id].sort());
    expect(await ids(undefined)).toEqual([unclaimed.id]);
    expect((await exportUnsent(a, OPTIONS)).bundle.cases).toHaveLength(3);
  });

  it('leaves out a photo whose stored bytes are damaged, and says so', async () => {
    const c = await captured(a, ['good', 'bad']);
    const bad = (await a.photos.toArray()).find((p) => p.meta.slot === 'slot-1')!;
    await a.photos.update(bad.id, { blob: new Blob([new Uint8Array(15)]) });
    const { bundle, leftOut } = await exportUnsent(a, OPTIONS);
    expect(bundle.cases[0]?.photos.map((p) => p.meta.slot)).toEqual(['slot-0']);
    expect(leftOut).toEqual([{ caseId: c.id, reason: 'damaged-photo', sha256: bad.sha256 }]);
  });
});

describe('importBundle', () => {
  it('round trip: the same cases, byte-identical photos, and everything queued for sending', async () => {
    const one = await captured(a, ['p1', 'p2', 'p3']);
    const two = await captured(a, ['q1']);
    const result = await importExportFile(b, await fileText(a), T2);

    expect(result).toEqual({
      ok: true,
      value: { imported: [one.id, two.id], skipped: [], photos: 4, unverified: [] },
    });
    for (const c of [one, two]) {
      expect(await readCase(b, c.id)).toEqual({ found: true, value: c });
      const metas = await listPhotos(b, c.id);
      expect(metas).toEqual(await listPhotos(a, c.id));
      for (const m of metas) {
        const there = new Uint8Array(await (await readPhotoBlob(a, m.sha256))!.arrayBuffer());
        const here = new Uint8Array(await (await readPhotoBlob(b, m.sha256))!.arrayBuffer());
        expect(Buffer.from(here).equals(Buffer.from(there))).toBe(true);
      }
      const keys = (await b.outbox.where('caseId').equals(c.id).toArray()).map((e) => e.key);
      expect(keys.sort()).toEqual(
        [`case:${c.id}`, ...metas.map((m) => `photo:${m.sha256}`)].sort(),
      );
    }
    expect((await b.outbox.toArray()).every((e) => e.status === 'pending')).toBe(true);
  });

  it('refuses a tampered file and writes nothing', async () => {
    await captured(a, ['p1', 'p2']);
    const before = await snapshot(b);
    const { bundle } = await exportUnsent(a, OPTIONS);

    const edited = structuredClone(bundle);
    edited.cases[0]!.case.notes = 'written in after export';
    expect(await importBundle(b, edited, T2)).toMatchObject({
      ok: false,
      reason: 'checksum-mismatch',
    });

    const swapped = structuredClone(bundle);
    const photo = swapped.cases[0]!.photos[1]!;
    // One character changed: still base64 of the right length, other bytes.
    photo.dataBase64 = (photo.dataBase64[0] === 'A' ? 'B' : 'A') + photo.dataBase64.slice(1);
    expect(await importBundle(b, swapped, T2)).toMatchObject({
      ok: false,
      reason: 'photo-checksum-mismatch',
      photo: { number: 2, caseNumber: bundle.cases[0]!.case.caseNumber },
    });
    expect(await snapshot(b)).toEqual(before);
  });

  it('refuses a truncated file and writes nothing', async () => {
    await captured(a, ['p1']);
    const text = await fileText(a);
    for (const cut of [text.length - 1, Math.floor(text.length / 2), 10]) {
      expect(await importExportFile(b, text.slice(0, cut), T2)).toMatchObject({
        ok: false,
        reason: 'unreadable',
      });
    }
    expect(await importExportFile(b, '{"format":"something else"}', T2)).toMatchObject({
      ok: false,
      reason: 'not-an-export',
    });
    expect(await b.cases.count()).toBe(0);
    expect(await b.photos.count()).toBe(0);
    expect(await b.outbox.count()).toBe(0);
  });

  it('keeps a newer local case, reports it skipped, and still imports the rest', async () => {
    const shared = await captured(a, ['p1']);
    const other = await captured(a, ['q1']);
    const text = await fileText(a);
    // Phone B had the case already and edited it after the export.
    expect(await importExportFile(b, text, T1)).toMatchObject({ ok: true });
    await b.outbox.clear();
    const newer = { ...shared, notes: 'edited on phone B', updatedAt: T2 };
    await saveCase(b, newer, T2);
    await b.cases.delete(other.id);

    const result = await importExportFile(b, text, T2);
    expect(result).toEqual({
      ok: true,
      value: {
        imported: [other.id],
        skipped: [{ caseId: shared.id, caseNumber: shared.caseNumber, reason: 'local-newer' }],
        photos: 0,
        unverified: [],
      },
    });
    expect(await readCase(b, shared.id)).toEqual({ found: true, value: newer });
  });

  it('keeps a local copy of the same time with other content', async () => {
    const c = await captured(a, ['p1']);
    await saveCase(b, { ...c, notes: 'same time, other words' }, T0);
    const result = await importExportFile(b, await fileText(a), T2);
    expect(result).toMatchObject({
      ok: true,
      value: { imported: [], skipped: [{ caseId: c.id, reason: 'local-differs' }], photos: 0 },
    });
    expect(await b.photos.count()).toBe(0);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    await captured(a, ['p1', 'p2']);
    await captured(a, ['q1']);
    const text = await fileText(a);
    await importExportFile(b, text, T1);
    const after = await snapshot(b);

    const again = await importExportFile(b, text, T2);
    expect(again).toMatchObject({
      ok: true,
      value: { imported: [], photos: 0 },
    });
    expect(again.ok && again.value.skipped.map((s) => s.reason)).toEqual([
      'already-on-device',
      'already-on-device',
    ]);
    expect(await snapshot(b)).toEqual(after);
  });

  it('replaces an older local copy with the newer one from the file and never deletes a photo', async () => {
    const c = await captured(a, ['p1']);
    // Phone B holds an older version of the case with a photo A does not have.
    await saveCase(b, c, T0);
    const only = await aPhoto(c.id, 'only on B', { slot: 'extra' });
    await savePhoto(b, only, T0);
    const newer = { ...c, notes: 'finished on A', updatedAt: T1 };
    await saveCase(a, newer, T1);

    const result = await importExportFile(b, await fileText(a), T2);
    expect(result).toMatchObject({ ok: true, value: { imported: [c.id], photos: 1 } });
    expect(await readCase(b, c.id)).toEqual({ found: true, value: newer });
    expect((await listPhotos(b, c.id)).map((p) => p.sha256).sort()).toEqual(
      [only.meta.sha256, ...(await listPhotos(a, c.id)).map((p) => p.sha256)].sort(),
    );
  });

  it('writes new photo bytes only with room for them and the headroom; a case that does not fit is refused whole', async () => {
    const one = await captured(a, ['p1', 'p2']);
    const text = await fileText(a);
    const photoBytes = (await a.photos.toArray()).reduce((n, p) => n + p.blob.size, 0);
    const before = await snapshot(b);
    const probes: number[] = [];
    const put = b.scratch.put.bind(b.scratch);
    vi.spyOn(b.scratch, 'put')
      .mockImplementation((row, key) => {
        probes.push(row.blob.size);
        return put(row, key);
      })
      .mockRejectedValueOnce(new DOMException('Failed to write blobs (IOError)', 'DataError'));
    await expect(importExportFile(b, text, T2)).rejects.toThrow(/Failed to write blobs/);
    expect(await snapshot(b)).toEqual(before);

    expect(await importExportFile(b, text, T2)).toMatchObject({
      ok: true,
      value: { imported: [one.id] },
    });
    expect(probes).toEqual([photoBytes + HEADROOM_BYTES]);
    expect(await b.scratch.count()).toBe(0);
    // Again: nothing new to store, so no probe.
    await importExportFile(b, text, T2);
    expect(probes).toHaveLength(1);
  });
});
