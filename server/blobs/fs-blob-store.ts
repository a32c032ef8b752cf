/**
 * File-system blob store under `<root>/sha256/<ab>/<cd>/<hash>`. A put streams
 * into `<root>/tmp`, hashing as it goes, fsyncs, then renames into place —
 * so a crash leaves either nothing or the whole blob, never a torn one under
 * its final name. Sharding by prefix keeps directories small. `adopt` takes a
 * file already written and hashed elsewhere on the same disk (a finished tus
 * upload): one fsync and a rename, no copy. `quarantine` moves a blob to
 * `<root>/quarantine/<hash>.<ms>`: out of the store, kept for inspection.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { BlobError, isSha256Hex } from './blob-store';
import type {
  AdoptedFile,
  BlobSource,
  BlobStore,
  PutOptions,
  PutResult,
  Sha256Hex,
} from './blob-store';

export interface FsBlobStore extends BlobStore {
  readonly root: string;
  /** Where a blob lives (for tests and tooling). */
  pathOf(sha256: Sha256Hex): string;
}

/** Creates the store's folders and returns it. */
export async function createFsBlobStore(root: string): Promise<FsBlobStore> {
  const tmpDir = path.join(root, 'tmp');
  await fs.mkdir(tmpDir, { recursive: true });
  await fs.mkdir(path.join(root, 'sha256'), { recursive: true });

  const pathOf = (sha256: Sha256Hex): string => {
    if (!isSha256Hex(sha256)) {
      throw new BlobError('invalid_hash', `not a lower-case hex SHA-256: ${sha256.slice(0, 80)}`);
    }
    return path.join(root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  const statOf = async (sha256: Sha256Hex) => {
    try {
      return await fs.stat(pathOf(sha256));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };

  const store: FsBlobStore = {
    root,
    pathOf,
    async put(source: BlobSource, options: PutOptions = {}): Promise<PutResult> {
      if (options.expectedSha256 !== undefined) pathOf(options.expectedSha256); // validates
      const tmp = path.join(tmpDir, `${randomUUID()}.part`);
      try {
        const { sha256, size } = await writeHashed(tmp, source, options.maxBytes);
        if (options.expectedSha256 !== undefined && options.expectedSha256 !== sha256) {
          throw new BlobError(
            'hash_mismatch',
            `bytes hash to ${sha256}, expected ${options.expectedSha256}`,
          );
        }
        const final = pathOf(sha256);
        if (await exists(final)) return { sha256, size, created: false };
        await fs.mkdir(path.dirname(final), { recursive: true });
        // Two concurrent puts of the same bytes both rename here; the second
        // replaces identical bytes atomically, so no reader sees a gap.
        await fs.rename(tmp, final);
        await fsyncDir(path.dirname(final));
        return { sha256, size, created: true };
      } finally {
        await fs.rm(tmp, { force: true });
      }
    },
    async adopt(file: AdoptedFile): Promise<PutResult> {
      const final = pathOf(file.sha256);
      const { sha256, size } = file;
      let moved = false;
      try {
        if (await exists(final)) return { sha256, size, created: false };
        await syncFile(file.path);
        await fs.mkdir(path.dirname(final), { recursive: true });
        try {
          await fs.rename(file.path, final);
          moved = true;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
          // Another disk: copy through put, which hashes and refuses a mismatch.
          return await store.put(createReadStream(file.path), { expectedSha256: sha256 });
        }
        await fsyncDir(path.dirname(final));
        return { sha256, size, created: true };
      } finally {
        if (!moved) await fs.rm(file.path, { force: true });
      }
    },
    async has(sha256) {
      return (await statOf(sha256)) !== undefined;
    },
    async size(sha256) {
      return (await statOf(sha256))?.size;
    },
    async get(sha256): Promise<Readable | undefined> {
      if (!(await statOf(sha256))) return undefined;
      return createReadStream(pathOf(sha256));
    },
    async verify(sha256) {
      if (!(await statOf(sha256))) return false;
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(pathOf(sha256))) hash.update(chunk as Buffer);
      return hash.digest('hex') === sha256;
    },
    async *list() {
      const entries = await fs.readdir(path.join(root, 'sha256'), {
        recursive: true,
        withFileTypes: true,
      });
      for (const e of entries) if (e.isFile() && isSha256Hex(e.name)) yield e.name;
    },
    async quarantine(sha256) {
      const aside = path.join(root, 'quarantine', `${sha256}.${Date.now()}`);
      await fs.mkdir(path.dirname(aside), { recursive: true });
      try {
        await fs.rename(pathOf(sha256), aside);
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
      await fsyncDir(path.dirname(pathOf(sha256)));
      return true;
    },
  };
  return store;
}

async function writeHashed(
  file: string,
  source: BlobSource,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<{ sha256: Sha256Hex; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const handle = await fs.open(file, 'wx');
  try {
    const chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> =
      source instanceof Uint8Array ? [source] : source;
    for await (const chunk of chunks) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new BlobError('too_large', `blob exceeds ${maxBytes} bytes`);
      hash.update(chunk);
      await handle.write(chunk);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest('hex'), size };
}

async function syncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the rename itself durable; some platforms cannot open a directory, which is fine. */
async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: Windows and some file systems refuse to fsync a directory.
  } finally {
    await handle?.close();
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}
