/**
 * Test-only: the BlobStore contract, one suite every implementation passes
 * (fs-blob-store.test.ts on a folder, s3-blob-store.test.ts on the s3rver
 * emulator). A harness gives the suite what only the implementation can do:
 * damage a stored blob behind the store's back, and list what the store
 * keeps aside (quarantine) or left behind (scratch files, stray objects).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, openTempServerFixture } from '../test-support';
import { BlobError } from './blob-store';
import type { BlobStore, Sha256Hex } from './blob-store';
import { scrubBlobs } from './scrub';

export interface BlobStoreHarness {
  store: BlobStore;
  /** Replaces a stored blob's bytes without the store (a disk fault, a bad overwrite). */
  corrupt(sha256: Sha256Hex, bytes: Uint8Array): Promise<void>;
  /** The names kept aside by `quarantine` (file or object names, each starting with its hash). */
  quarantined(): Promise<string[]>;
  /** Everything the store holds apart from its blobs and quarantine: should stay empty. */
  leftovers(): Promise<string[]>;
  close(): Promise<void>;
}

export const sha256Of = (bytes: Uint8Array): Sha256Hex =>
  createHash('sha256').update(bytes).digest('hex');
export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function listed(store: BlobStore): Promise<Sha256Hex[]> {
  const names: Sha256Hex[] = [];
  for await (const name of store.list()) names.push(name);
  return names.sort();
}

/** Registers the contract's tests for one implementation. */
export function blobStoreContract(kind: string, open: () => Promise<BlobStoreHarness>): void {
  let h: BlobStoreHarness;
  let store: BlobStore;
  let dir: string;

  beforeEach(async () => {
    h = await open();
    store = h.store;
    dir = await makeTempDir('kuaichu-adopt-');
  });

  afterEach(async () => {
    await h.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  describe(`${kind} blob store: the BlobStore contract`, () => {
    it('stores bytes under their SHA-256 and reads them back', async () => {
      const photo = bytesOf('jpeg bytes of a dented bumper');
      const hash = sha256Of(photo);

      expect(await store.put(photo)).toEqual({
        sha256: hash,
        size: photo.byteLength,
        created: true,
      });
      expect(await store.has(hash)).toBe(true);
      expect(await store.size(hash)).toBe(photo.byteLength);
      const stream = await store.get(hash);
      expect(stream && new Uint8Array(await readAll(stream))).toEqual(photo);
      expect(await listed(store)).toEqual([hash]);
      expect(await h.leftovers()).toEqual([]);
    });

    it('dedupes: the same bytes twice are stored once', async () => {
      const photo = bytesOf('same photo, uploaded again after a timeout');

      const first = await store.put(photo);
      const second = await store.put(Readable.from([photo.subarray(0, 5), photo.subarray(5)]));

      expect(second).toEqual({ ...first, created: false });
      expect(await listed(store)).toEqual([first.sha256]);
    });

    it('accepts a stream of many chunks and hashes all of it', async () => {
      const chunks = Array.from({ length: 50 }, (_, i) => bytesOf(`chunk ${i};`));
      const whole = Buffer.concat(chunks);

      const put = await store.put(Readable.from(chunks));

      expect(put).toMatchObject({ sha256: sha256Of(whole), size: whole.byteLength, created: true });
      const stream = await store.get(put.sha256);
      expect(stream && (await readAll(stream)).equals(whole)).toBe(true);
    });

    it('refuses bytes that do not match the expected hash and keeps nothing', async () => {
      const expected = sha256Of(bytesOf('what the device hashed'));

      const put = store.put(bytesOf('what actually arrived'), { expectedSha256: expected });

      await expect(put).rejects.toBeInstanceOf(BlobError);
      await expect(put).rejects.toMatchObject({ reason: 'hash_mismatch' });
      expect(await listed(store)).toEqual([]);
      expect(await h.leftovers()).toEqual([]);
    });

    it('accepts bytes that match the expected hash', async () => {
      const photo = bytesOf('honest upload');
      const put = await store.put(photo, { expectedSha256: sha256Of(photo) });
      expect(put.created).toBe(true);
    });

    it('refuses more than maxBytes and keeps nothing', async () => {
      const put = store.put(Readable.from([bytesOf('12345'), bytesOf('67890')]), { maxBytes: 8 });

      await expect(put).rejects.toMatchObject({ reason: 'too_large' });
      expect(await listed(store)).toEqual([]);
      expect(await h.leftovers()).toEqual([]);
    });

    it('verify re-hashes the stored bytes and catches corruption', async () => {
      const { sha256: hash } = await store.put(bytesOf('evidence'));
      expect(await store.verify(hash)).toBe(true);

      await h.corrupt(hash, bytesOf('tampered'));

      expect(await store.verify(hash)).toBe(false);
    });

    it('answers absent for a hash it does not hold', async () => {
      const missing = sha256Of(bytesOf('never stored'));
      expect(await store.has(missing)).toBe(false);
      expect(await store.size(missing)).toBeUndefined();
      expect(await store.get(missing)).toBeUndefined();
      expect(await store.verify(missing)).toBe(false);
      expect(await store.quarantine(missing)).toBe(false);
    });

    it.each(['../../etc/passwd', 'ABCDEF'.padEnd(64, '0'), 'abc', `${'a'.repeat(64)}/x`])(
      'refuses %s as a name',
      async (name) => {
        await expect(store.has(name)).rejects.toMatchObject({ reason: 'invalid_hash' });
        await expect(store.get(name)).rejects.toMatchObject({ reason: 'invalid_hash' });
        await expect(store.put(bytesOf('x'), { expectedSha256: name })).rejects.toMatchObject({
          reason: 'invalid_hash',
        });
      },
    );

    it('quarantine moves a blob aside: absent from then on, kept for inspection', async () => {
      const keep = await store.put(bytesOf('a sound photo'));
      const bad = await store.put(bytesOf('a photo about to be quarantined'));

      expect(await store.quarantine(bad.sha256)).toBe(true);

      expect(await store.has(bad.sha256)).toBe(false);
      expect(await store.get(bad.sha256)).toBeUndefined();
      expect(await listed(store)).toEqual([keep.sha256]);
      const aside = await h.quarantined();
      expect(aside).toHaveLength(1);
      expect(aside[0]?.startsWith(bad.sha256)).toBe(true);
    });
  });

  describe(`${kind} blob store: adopting a file hashed while it was written`, () => {
    it('takes the file under its hash, and a second copy is only deleted', async () => {
      const photo = bytesOf('a tus upload, hashed as it arrived');
      const hash = sha256Of(photo);
      const file = path.join(dir, 'upload-1');
      await fs.writeFile(file, photo);

      expect(await store.adopt({ path: file, sha256: hash, size: photo.byteLength })).toEqual({
        sha256: hash,
        size: photo.byteLength,
        created: true,
      });
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
      expect(await listed(store)).toEqual([hash]);
      expect(await h.leftovers()).toEqual([]);
    });

    it('refuses a name that is not a SHA-256', async () => {
      const file = path.join(dir, 'upload-3');
      await fs.writeFile(file, 'x');
      await expect(store.adopt({ path: file, sha256: 'nope', size: 1 })).rejects.toBeInstanceOf(
        BlobError,
      );
    });
  });

  describe(`${kind} blob store: the scrub`, () => {
    it('quarantines a corrupt blob, leaves sound ones, and audits it', async () => {
      const fx = await openTempServerFixture();
      try {
        const sound = await store.put(bytesOf('sound photo'));
        const bad = await store.put(bytesOf('photo on a failing disk'));
        await h.corrupt(bad.sha256, bytesOf('photo on a failing disk, flipped'));

        const result = await scrubBlobs({ db: fx.db, blobs: store, now: () => new Date() });

        expect(result).toEqual({ checked: 2, quarantined: [bad.sha256] });
        expect(await listed(store)).toEqual([sound.sha256]);
        expect((await h.quarantined()).map((name) => name.slice(0, 64))).toEqual([bad.sha256]);
        const events = await fx.db
          .selectFrom('audit_events')
          .select('subject')
          .where('action', '=', 'blob.quarantined')
          .execute();
        expect(events).toEqual([{ subject: bad.sha256 }]);
      } finally {
        await fx.cleanup();
      }
    });
  });
}
