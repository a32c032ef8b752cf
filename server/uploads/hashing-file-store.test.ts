import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Upload } from '@tus/utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../test-support';
import { HashingFileStore } from './hashing-file-store';
import { stopHashingThread } from './off-thread-sha256';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const BYTES = Buffer.from('0123456789'.repeat(1000));
const ID = 'upload-1';

let dir: string;
let store: HashingFileStore;

beforeEach(async () => {
  dir = await makeTempDir();
  store = new HashingFileStore(dir);
  await store.create(new Upload({ id: ID, size: BYTES.byteLength, offset: 0 }));
});

afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

/** 3.5 MiB in the socket's 64 KiB chunks: several of the store's 1 MiB blocks. */
const BIG = Buffer.from(createHash('shake256', { outputLength: 3.5 * 1024 * 1024 }).digest());
const chunksOf = (bytes: Buffer, size = 64 * 1024) =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
    bytes.subarray(i * size, (i + 1) * size),
  );

const write = (s: HashingFileStore, from: number, to: number) =>
  s.write(Readable.from([BYTES.subarray(from, to)]), ID, from);

describe('HashingFileStore', () => {
  it('hashes the bytes as they are written, across PATCHes, without reading the file again', async () => {
    expect(await write(store, 0, 4000)).toBe(4000);
    expect(await write(store, 4000, BYTES.byteLength)).toBe(BYTES.byteLength);
    expect(await fs.readFile(store.pathOf(ID))).toEqual(BYTES);
    // Proof that the file is not read: damage it; the hash is still of what was written.
    await fs.writeFile(store.pathOf(ID), Buffer.alloc(BYTES.byteLength));
    expect(await store.sha256Of(ID, BYTES.byteLength)).toBe(sha256(BYTES));
  });

  it('hashes the file from disk when the running hash was lost (a restart between PATCHes)', async () => {
    await write(store, 0, 4000);
    const restarted = new HashingFileStore(dir);
    await write(restarted, 4000, BYTES.byteLength);
    expect(await restarted.sha256Of(ID, BYTES.byteLength)).toBe(sha256(BYTES));
  });

  it('writes and hashes an upload of several blocks, flushing it to the disk as it goes', async () => {
    await store.create(new Upload({ id: 'big', size: BIG.length, offset: 0 }));
    const probe = await fs.open(store.pathOf('big'));
    const datasync = vi.spyOn(
      Object.getPrototypeOf(probe) as { datasync(): Promise<void> },
      'datasync',
    );
    await probe.close();
    expect(await store.write(Readable.from(chunksOf(BIG)), 'big', 0)).toBe(BIG.length);
    expect((await fs.readFile(store.pathOf('big'))).equals(BIG)).toBe(true);
    // Flushed once per MiB written (at most one at a time), not all at the end.
    expect(datasync.mock.calls.length).toBeGreaterThanOrEqual(2);
    await fs.writeFile(store.pathOf('big'), '');
    expect(await store.sha256Of('big', BIG.length)).toBe(sha256(BIG));
  });

  it('hashes the file from disk when the hashing thread failed midway', async () => {
    await store.create(new Upload({ id: 'big', size: BIG.length, offset: 0 }));
    const half = 2 * 1024 * 1024;
    await store.write(Readable.from(chunksOf(BIG.subarray(0, half))), 'big', 0);
    await stopHashingThread();
    await store.write(Readable.from(chunksOf(BIG.subarray(half))), 'big', half);
    expect(await store.sha256Of('big', BIG.length)).toBe(sha256(BIG));
  });

  it('forgets an upload: its file, its metadata and its running hash', async () => {
    await write(store, 0, BYTES.byteLength);
    await store.forget(ID);
    expect(await fs.readdir(dir)).toEqual([]);
    await expect(store.getUpload(ID)).rejects.toMatchObject({ status_code: 404 });
  });

  it('refuses a path outside its folder', () => {
    expect(() => store.pathOf('../elsewhere')).toThrow();
    expect(path.dirname(store.pathOf(ID))).toBe(path.resolve(dir));
  });
});
