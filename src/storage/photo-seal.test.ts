import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { aCase } from '../../tests/builders/case.builder';
import { aPhoto } from '../../tests/builders/photo.builder';
import { useFreshIndexedDb } from '../../tests/setup/fresh-db';
import { sha256Hex } from '../platform/hash/sha256';
import { saveCase } from './cases-repo';
import { createDb } from './db';
import { exportUnsent } from './export';
import { attachPhotoKeys } from './photo-seal';
import { readPhotoBlob, savePhoto } from './photos-repo';
import {
  PHONE_SEALED_TABLES,
  sealedTables,
  VaultLockedError,
  type KeyChain,
} from './sealed-tables';

beforeEach(useFreshIndexedDb);

const T = '2026-11-27T02:10:00.000Z';
const KEY = { id: 'officer-a', raw: new Uint8Array(32).fill(9) };

function phone() {
  const keys: KeyChain & { isOpen: boolean } = {
    isOpen: true,
    sealing: () => true,
    active: () => (keys.isOpen ? KEY : null),
    open: (id: string) => (keys.isOpen && id === KEY.id ? KEY.raw : null),
  };
  const db = createDb('photo-seal-test');
  db.use(sealedTables(PHONE_SEALED_TABLES, keys));
  attachPhotoKeys(db, keys);
  return { db, keys };
}

/** A test photo whose bytes start as a JPEG does. */
async function aJpeg(caseId: string) {
  const photo = await aPhoto(caseId, 'sealed photo');
  photo.bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  const sha256 = await sha256Hex(photo.bytes);
  return {
    ...photo,
    blob: new Blob([photo.bytes], { type: 'image/jpeg' }),
    meta: { ...photo.meta, sha256 },
  };
}

async function rawPhotoBytes(): Promise<Uint8Array[]> {
  const raw = new Dexie('photo-seal-test');
  await raw.open();
  const rows = (await raw.table('photos').toArray()) as { blob: Blob }[];
  raw.close();
  return Promise.all(rows.map(async (r) => new Uint8Array(await r.blob.arrayBuffer())));
}

const startsAsJpeg = (bytes: Uint8Array) =>
  bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

describe('photo bytes at rest', () => {
  it('stores them sealed, reads them back whole, and exports them in the clear for the file', async () => {
    const { db } = phone();
    const c = aCase().withVehicles(1).build();
    await saveCase(db, c, T);
    const photo = await aJpeg(c.id);
    await savePhoto(db, photo, T);

    const [stored] = await rawPhotoBytes();
    expect(startsAsJpeg(stored!)).toBe(false);
    expect(stored!.byteLength).toBe(photo.bytes.byteLength + 29);
    const read = await readPhotoBlob(db, photo.meta.sha256);
    expect(new Uint8Array(await read!.arrayBuffer())).toEqual(photo.bytes);
    const { bundle, leftOut } = await exportUnsent(db, { at: T, appVersion: 'test' });
    expect(leftOut).toEqual([]);
    expect(bundle.cases[0]?.photos.map((p) => p.meta.sha256)).toEqual([photo.meta.sha256]);
    db.close();
  });

  it('gives nothing while locked, and refuses to store a photo then', async () => {
    const { db, keys } = phone();
    const c = aCase().withVehicles(1).build();
    await saveCase(db, c, T);
    const photo = await aJpeg(c.id);
    await savePhoto(db, photo, T);
    keys.isOpen = false;
    expect(await readPhotoBlob(db, photo.meta.sha256)).toBeNull();
    const another = await aPhoto(c.id, 'another', { slot: 'damage' });
    expect(await savePhoto(db, another, T).catch((e: unknown) => e)).toBeInstanceOf(
      VaultLockedError,
    );
    expect((await rawPhotoBytes()).length).toBe(1);
    db.close();
  });
});
