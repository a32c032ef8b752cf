import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HEADROOM_BYTES, type PhotoMeta } from '../domain';
import { sha256Hex } from '../platform/hash/sha256';
import { aCase } from '../../tests/builders/case.builder';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { saveCase, readCase } from './cases-repo';
import { createDb, type KuaichuDb } from './db';
import { listPhotos, PhotoNotSavedError, readPhotoBlob, savePhoto } from './photos-repo';

const T0 = '2026-11-27T02:00:00.000Z';
let db: KuaichuDb;

beforeEach(() => {
  useFreshIndexedDb();
  db = createDb();
});

async function aPhoto(caseId: string, content: string): Promise<{ meta: PhotoMeta; blob: Blob }> {
  const bytes = new TextEncoder().encode(content);
  const sha256 = await sha256Hex(bytes);
  return {
    blob: new Blob([bytes], { type: 'image/jpeg' }),
    meta: {
      schemaVersion: 1,
      sha256,
      originalSha256: sha256,
      caseId,
      slot: 'scene-behind',
      takenAt: T0,
      byteLength: bytes.byteLength,
      width: 10,
      height: 10,
      mimeType: 'image/jpeg',
    },
  };
}

describe('savePhoto', () => {
  it('stores the photo with its outbox entry and the case change in one go', async () => {
    const c = aCase(T0).build();
    await saveCase(db, c, T0);
    const photo = await aPhoto(c.id, 'jpeg bytes');
    await savePhoto(db, { ...photo, changeCase: (x) => ({ ...x, notes: 'with photo' }) }, T0);
    expect(await listPhotos(db, c.id)).toEqual([photo.meta]);
    expect(await (await readPhotoBlob(db, photo.meta.sha256))?.text()).toBe('jpeg bytes');
    expect(await db.outbox.get(`photo:${photo.meta.sha256}`)).toMatchObject({ caseId: c.id });
    expect(await readCase(db, c.id)).toMatchObject({ value: { notes: 'with photo' } });
  });

  it('stores the same bytes once however often they are saved', async () => {
    const c = aCase(T0).build();
    await saveCase(db, c, T0);
    const photo = await aPhoto(c.id, 'same');
    await savePhoto(db, photo, T0);
    await savePhoto(db, photo, T0);
    expect(await db.photos.count()).toBe(1);
    expect(await db.outbox.where('kind').equals('photo').count()).toBe(1);
  });

  it('keeps one image that fills two shots under both, sending its bytes once', async () => {
    const c = aCase(T0).build();
    await saveCase(db, c, T0);
    const photo = await aPhoto(c.id, 'both licences on one photo');
    await savePhoto(db, photo, T0);
    await savePhoto(db, { ...photo, meta: { ...photo.meta, slot: 'collision-point' } }, T0);
    expect((await listPhotos(db, c.id)).map((p) => p.slot).sort()).toEqual([
      'collision-point',
      'scene-behind',
    ]);
    expect(await db.outbox.where('kind').equals('photo').count()).toBe(1);
  });

  it('refuses bytes that do not match the hash, leaving nothing behind', async () => {
    const c = aCase(T0).build();
    await saveCase(db, c, T0);
    const photo = await aPhoto(c.id, 'original');
    const tampered = { ...photo, blob: new Blob(['truncated'], { type: 'image/jpeg' }) };
    await expect(savePhoto(db, tampered, T0)).rejects.toBeInstanceOf(PhotoNotSavedError);
    expect(await db.photos.count()).toBe(0);
    expect(await db.outbox.get(`photo:${photo.meta.sha256}`)).toBeUndefined();
    expect(await readCase(db, c.id)).toEqual({ found: true, value: c });
  });

  it('rolls the photo back when its case change fails', async () => {
    const photo = await aPhoto('0190a000-0000-7000-8000-0000000000ff', 'orphan');
    await expect(savePhoto(db, { ...photo, changeCase: (x) => x }, T0)).rejects.toThrow(
      /not found/,
    );
    expect(await db.photos.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('savePhoto keeps the headroom free', () => {
  it('first probes room for the photo plus the headroom, alone, and deletes the probe', async () => {
    const c = aCase(T0).build();
    await saveCase(db, c, T0);
    const photo = await aPhoto(c.id, 'jpeg bytes');
    const order: string[] = [];
    const put = db.scratch.put.bind(db.scratch);
    vi.spyOn(db.scratch, 'put').mockImplementation((row, key) => {
      const alone = Dexie.currentTransaction === null;
      order.push(`probe of ${row.blob.size} bytes${alone ? ', alone' : ''}`);
      return put(row, key);
    });
    const putPhoto = db.photos.put.bind(db.photos);
    vi.spyOn(db.photos, 'put').mockImplementation((row, key) => {
      order.push('photo');
      return putPhoto(row, key);
    });
    await savePhoto(db, photo, T0);
    expect(order).toEqual([`probe of ${photo.blob.size + HEADROOM_BYTES} bytes, alone`, 'photo']);
    expect(await db.scratch.count()).toBe(0);
    expect(await listPhotos(db, c.id)).toEqual([photo.meta]);
  });

  it('refuses the photo whole when the probe does not fit (as Chromium fails a Blob on a full disk)', async () => {
    const c = aCase(T0).build();
    await saveCase(db, c, T0);
    const photo = await aPhoto(c.id, 'the photo that would fill the disk');
    vi.spyOn(db.scratch, 'put').mockRejectedValue(
      new DOMException('Failed to write blobs (IOError)', 'DataError'),
    );
    await expect(
      savePhoto(db, { ...photo, changeCase: (x) => ({ ...x, notes: 'with photo' }) }, T0),
    ).rejects.toThrow(/Failed to write blobs/);
    expect(await db.photos.count()).toBe(0);
    expect(await db.outbox.get(`photo:${photo.meta.sha256}`)).toBeUndefined();
    expect(await readCase(db, c.id)).toEqual({ found: true, value: c });
    expect(await db.scratch.count()).toBe(0);
  });
});
