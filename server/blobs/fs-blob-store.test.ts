import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support';
import { blobStoreContract, bytesOf, sha256Of } from './blob-store-contract';
import { createFsBlobStore } from './fs-blob-store';
import type { FsBlobStore } from './fs-blob-store';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

blobStoreContract('file', async () => {
  const dir = await makeTempDir();
  const root = path.join(dir, 'blobs');
  const store = await createFsBlobStore(root);
  return {
    store,
    corrupt: (sha256, bytes) => fs.writeFile(store.pathOf(sha256), bytes),
    quarantined: async () =>
      (await filesUnder(path.join(root, 'quarantine'))).map((f) => path.basename(f)),
    leftovers: () => filesUnder(path.join(root, 'tmp')),
    close: () => fs.rm(dir, { recursive: true, force: true }),
  };
});

describe('fs blob store: its layout on disk', () => {
  let dir: string;
  let store: FsBlobStore;

  beforeEach(async () => {
    dir = await makeTempDir();
    store = await createFsBlobStore(path.join(dir, 'blobs'));
  });

  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('keeps a blob under its SHA-256, sharded by prefix, and nothing else', async () => {
    const photo = bytesOf('jpeg bytes of a dented bumper');
    const hash = sha256Of(photo);

    await store.put(photo);
    await store.put(photo);

    expect(store.pathOf(hash)).toBe(
      path.join(dir, 'blobs', 'sha256', hash.slice(0, 2), hash.slice(2, 4), hash),
    );
    expect(await filesUnder(path.join(dir, 'blobs'))).toEqual([store.pathOf(hash)]);
  });

  it('adopts a file by rename: the same inode, no copy', async () => {
    const photo = bytesOf('a tus upload, hashed as it arrived');
    const hash = sha256Of(photo);
    const file = path.join(dir, 'upload-1');
    await fs.writeFile(file, photo);
    const inode = (await fs.stat(file)).ino;

    await store.adopt({ path: file, sha256: hash, size: photo.byteLength });

    expect((await fs.stat(store.pathOf(hash))).ino).toBe(inode);
  });
});
