import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Upload } from '@tus/utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support';
import { HashingFileStore } from './hashing-file-store';

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
  await fs.rm(dir, { recursive: true, force: true });
});

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
