import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support';
import { BlobError } from './blob-store';
import { createFsBlobStore } from './fs-blob-store';
import type { FsBlobStore } from './fs-blob-store';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (text: string) => new TextEncoder().encode(text);

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

let dir: string;
let store: FsBlobStore;

beforeEach(async () => {
  dir = await makeTempDir();
  store = await createFsBlobStore(path.join(dir, 'blobs'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('fs blob store', () => {
  it('stores bytes under their SHA-256, sharded by prefix, and reads them back', async () => {
    const photo = bytesOf('jpeg bytes of a dented bumper');
    const hash = sha256(photo);

    const put = await store.put(photo);

    expect(put).toEqual({ sha256: hash, size: photo.byteLength, created: true });
    expect(store.pathOf(hash)).toBe(
      path.join(dir, 'blobs', 'sha256', hash.slice(0, 2), hash.slice(2, 4), hash),
    );
    expect(await store.has(hash)).toBe(true);
    expect(await store.size(hash)).toBe(photo.byteLength);
    const stream = await store.get(hash);
    expect(stream && new Uint8Array(await readAll(stream))).toEqual(photo);
  });

  it('dedupes: the same bytes twice are stored once', async () => {
    const photo = bytesOf('same photo, uploaded again after a timeout');

    const first = await store.put(photo);
    const second = await store.put(Readable.from([photo.subarray(0, 5), photo.subarray(5)]));

    expect(second).toEqual({ ...first, created: false });
    expect(await filesUnder(path.join(dir, 'blobs'))).toEqual([store.pathOf(first.sha256)]);
  });

  it('accepts a stream of many chunks and hashes all of it', async () => {
    const chunks = Array.from({ length: 50 }, (_, i) => bytesOf(`chunk ${i};`));
    const whole = Buffer.concat(chunks);

    const put = await store.put(Readable.from(chunks));

    expect(put).toMatchObject({ sha256: sha256(whole), size: whole.byteLength, created: true });
  });

  it('refuses bytes that do not match the expected hash and keeps nothing', async () => {
    const expected = sha256(bytesOf('what the device hashed'));

    const put = store.put(bytesOf('what actually arrived'), { expectedSha256: expected });

    await expect(put).rejects.toBeInstanceOf(BlobError);
    await expect(put).rejects.toMatchObject({ reason: 'hash_mismatch' });
    expect(await filesUnder(path.join(dir, 'blobs'))).toEqual([]);
  });

  it('accepts bytes that match the expected hash', async () => {
    const photo = bytesOf('honest upload');
    const put = await store.put(photo, { expectedSha256: sha256(photo) });
    expect(put.created).toBe(true);
  });

  it('refuses more than maxBytes and keeps nothing', async () => {
    const put = store.put(Readable.from([bytesOf('12345'), bytesOf('67890')]), { maxBytes: 8 });

    await expect(put).rejects.toMatchObject({ reason: 'too_large' });
    expect(await filesUnder(path.join(dir, 'blobs'))).toEqual([]);
  });

  it('verify re-hashes the stored bytes and catches corruption', async () => {
    const { sha256: hash } = await store.put(bytesOf('evidence'));
    expect(await store.verify(hash)).toBe(true);

    await fs.writeFile(store.pathOf(hash), 'tampered');

    expect(await store.verify(hash)).toBe(false);
  });

  it('answers absent for a hash it does not hold', async () => {
    const missing = sha256(bytesOf('never stored'));
    expect(await store.has(missing)).toBe(false);
    expect(await store.size(missing)).toBeUndefined();
    expect(await store.get(missing)).toBeUndefined();
    expect(await store.verify(missing)).toBe(false);
  });

  it.each(['../../etc/passwd', 'ABCDEF'.padEnd(64, '0'), 'abc', `${'a'.repeat(64)}/x`])(
    'refuses %s as a name',
    async (name) => {
      await expect(store.has(name)).rejects.toMatchObject({ reason: 'invalid_hash' });
      await expect(store.put(bytesOf('x'), { expectedSha256: name })).rejects.toMatchObject({
        reason: 'invalid_hash',
      });
    },
  );
});

describe('adopting a file hashed while it was written', () => {
  it('moves the file under its hash without copying it, and a second copy is only deleted', async () => {
    const photo = bytesOf('a tus upload, hashed as it arrived');
    const hash = sha256(photo);
    const file = path.join(dir, 'upload-1');
    await fs.writeFile(file, photo);
    const inode = (await fs.stat(file)).ino;

    expect(await store.adopt({ path: file, sha256: hash, size: photo.byteLength })).toEqual({
      sha256: hash,
      size: photo.byteLength,
      created: true,
    });
    expect((await fs.stat(store.pathOf(hash))).ino).toBe(inode);
    await expect(fs.access(file)).rejects.toThrow();
    expect(await store.verify(hash)).toBe(true);

    const again = path.join(dir, 'upload-2');
    await fs.writeFile(again, photo);
    expect(await store.adopt({ path: again, sha256: hash, size: photo.byteLength })).toEqual({
      sha256: hash,
      size: photo.byteLength,
      created: false,
    });
    await expect(fs.access(again)).rejects.toThrow();
    expect(await filesUnder(path.join(dir, 'blobs'))).toEqual([store.pathOf(hash)]);
  });

  it('refuses a name that is not a SHA-256', async () => {
    const file = path.join(dir, 'upload-3');
    await fs.writeFile(file, 'x');
    await expect(store.adopt({ path: file, sha256: 'nope', size: 1 })).rejects.toBeInstanceOf(
      BlobError,
    );
  });
});
