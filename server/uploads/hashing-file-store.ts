/**
 * The tus file store, hashing the bytes as they arrive, so a finished upload
 * is never read again: its SHA-256 is known when the last byte is written,
 * and the file itself becomes the blob (blobs.adopt: fsync, rename). The
 * hashing runs on a thread of its own (off-thread-sha256.ts), and the bytes
 * are flushed to the disk every MiB while the upload goes on, so the fsync
 * that makes a finished upload durable has only its last bytes to write.
 *
 * Each PATCH's bytes are written through one pipeline (hash, then the file)
 * with a large buffer, replacing the file store's own `write`, whose small
 * buffers pause the socket after every chunk. Each upload's running hash
 * lives in memory beside the offset it covers. A PATCH that starts where the
 * hash ends extends it; any other case — a server
 * restart between PATCHes, a write that failed midway (the bytes hashed may
 * then differ from the bytes on disk) — drops it, and {@link sha256Of} reads
 * the file once to hash it. A request cut by the client ends its write
 * gracefully (tus ends the stream), so the hash still covers exactly what was
 * written and the upload resumes without a re-read.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { ERRORS, FileKvStore } from '@tus/utils';
import type { KvStore, Upload } from '@tus/utils';
import { RunningSha256, sharedBlock } from './off-thread-sha256';
import { receivedBytes } from './young-buffers';

/** A PATCH's bytes on their way to the file: one block each. */
const BLOCK_BYTES = 1024 * 1024;

/** Blocks kept for the next PATCHes (more concurrent PATCHes allocate more, and drop them). */
const SPARE_BLOCKS = 8;
const spareBlocks: Buffer[] = [];

/**
 * Written bytes flushed to the disk while the upload goes on: the fsync that
 * makes a finished upload durable then has only the last of them to write.
 */
const SYNC_EVERY_BYTES = 1024 * 1024;

const takeBlock = (): Buffer => spareBlocks.pop() ?? sharedBlock(BLOCK_BYTES);
const giveBlock = (block: Buffer) => {
  if (spareBlocks.length < SPARE_BLOCKS) spareBlocks.push(block);
};

interface RunningHash {
  hash: RunningSha256;
  /** Bytes covered: always from byte 0 of the upload. */
  offset: number;
}

/**
 * The uploads' `<id>.json` files, kept in memory too once read or written:
 * an upload's length and metadata never change after creation, and every
 * PATCH reads them (its owner, its length). Another process sharing the
 * folder may delete an upload this one still remembers; its file is gone
 * then, and the file store answers that (tus's 410) from its `stat`.
 */
class RememberedKvStore implements KvStore<Upload> {
  readonly #known = new Map<string, Upload>();
  readonly #files: FileKvStore<Upload>;

  constructor(directory: string) {
    this.#files = new FileKvStore(directory);
  }

  async get(key: string): Promise<Upload | undefined> {
    const known = this.#known.get(key) ?? (await this.#files.get(key));
    if (known) this.#known.set(key, known);
    return known && structuredClone(known);
  }

  async set(key: string, value: Upload): Promise<void> {
    await this.#files.set(key, value);
    this.#known.set(key, JSON.parse(JSON.stringify(value)) as Upload);
  }

  async delete(key: string): Promise<void> {
    this.#known.delete(key);
    await this.#files.delete(key);
  }

  list(): Promise<string[]> {
    return this.#files.list();
  }
}

export class HashingFileStore extends FileStore {
  readonly #hashes = new Map<string, RunningHash>();

  constructor(directory: string) {
    super({ directory, configstore: new RememberedKvStore(directory) });
  }

  /** The upload's bytes on disk (they become the blob by rename). */
  pathOf(id: string): string {
    const file = path.resolve(this.directory, id);
    if (path.dirname(file) !== path.resolve(this.directory)) throw new Error('bad upload id');
    return file;
  }

  /**
   * As the file store's, without its `mkdir` of the folder on every upload
   * (made when the store starts; again here only if it went missing).
   */
  override async create(upload: Upload): Promise<Upload> {
    const file = this.pathOf(upload.id);
    await fs.writeFile(file, '').catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await fs.mkdir(this.directory, { recursive: true });
      await fs.writeFile(file, '');
    });
    await this.configstore.set(upload.id, upload);
    upload.storage = { type: 'file', path: file };
    return upload;
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    return this.receive(readable, id, offset, Number.POSITIVE_INFINITY);
  }

  /**
   * Writes a PATCH's bytes at `offset`, hashing them on the way; answers the
   * new offset. Bytes past `size` (the upload's declared length) are refused
   * with tus's 413, as its own stream limiter does; the bytes before them
   * are written.
   *
   * Each chunk from the socket is copied into a block (a pool of 1 MiB
   * blocks in shared memory, kept for the process), hashed there by the
   * hashing thread and written from there, one write at a time of whatever
   * has come since the last; a full block is reused once it is written and
   * hashed. The socket's chunks are then garbage
   * at once: queued for the disk instead, they outlived the young
   * generation's collections and each 5 MB upload cost a full collection of
   * the server's heap (BENCHMARKS.md, ingest); young-buffers.ts frees them.
   */
  async receive(
    source: Readable | AsyncIterable<Buffer>,
    id: string,
    offset: number,
    size: number,
  ): Promise<number> {
    const known = this.#hashes.get(id);
    const running =
      known?.offset === offset
        ? known
        : offset === 0
          ? { hash: new RunningSha256(), offset: 0 }
          : undefined;
    this.#hashes.delete(id);
    if (known && known !== running) known.hash.drop();
    const room = size - offset;
    const file = await fs.open(this.pathOf(id), 'r+').catch(() => {
      throw ERRORS.FILE_WRITE_ERROR;
    });
    const block = takeBlock();
    /** Bytes in `block`, and how many of them are handed to the disk. */
    let filled = 0;
    let handed = 0;
    /** Bytes handed to the disk in all (written or being written). */
    let flushed = 0;
    let writing: Promise<void> | undefined;
    let failed = false;
    /** Bytes written since the last flush to the disk began, and that flush. */
    let unsynced = 0;
    let syncing: Promise<void> | undefined;
    /** Whether the running hash still covers every byte written (its thread may fail). */
    let hashed = running !== undefined;
    const hashSettled = async () => {
      if (hashed) await running?.hash.settled().catch(() => void (hashed = false));
    };
    // One write at a time, of whatever has come since the last one began:
    // bytes reach the disk as they arrive (a HEAD sees them, a crash keeps
    // them), and while a write is under way the chunks behind it gather.
    const pump = () => {
      if (writing || handed === filled) return;
      const [from, length, at] = [handed, filled - handed, offset + flushed];
      handed = filled;
      flushed += length;
      writing = file
        .write(block, from, length, at)
        .then(
          () => {
            unsynced += length;
            if (syncing || unsynced < SYNC_EVERY_BYTES) return;
            unsynced = 0;
            syncing = file.datasync().then(
              () => void (syncing = undefined),
              () => void (syncing = undefined),
            );
          },
          () => void (failed = true),
        )
        .finally(() => {
          writing = undefined;
          pump();
        });
    };
    const drain = async () => {
      while (writing || handed < filled) {
        pump();
        await writing;
      }
    };
    let tooLong = false;
    try {
      // Each chunk goes on as it came: a request cut midway keeps every byte
      // that arrived (the client resumes from there), none held back here.
      for await (const chunk of source) {
        if (flushed + (filled - handed) + chunk.byteLength > room) {
          tooLong = true;
          break;
        }
        let from = 0;
        while (from < chunk.byteLength) {
          const copied = chunk.copy(block, filled, from);
          if (hashed) running?.hash.update(block, filled, copied);
          from += copied;
          filled += copied;
          if (filled === BLOCK_BYTES) {
            // Full: once it is all on disk and hashed, it fills again from its start.
            await drain();
            await hashSettled();
            filled = handed = 0;
          }
        }
        pump();
      }
    } catch {
      failed = true;
    } finally {
      await drain();
      await hashSettled();
      await syncing;
      await file.close().catch(() => undefined);
      giveBlock(block);
      receivedBytes(flushed);
    }
    if (running && hashed && !tooLong && !failed) {
      this.#hashes.set(id, { hash: running.hash, offset: offset + flushed });
    } else running?.hash.drop();
    // As @tus/file-store: the PATCH fails; the bytes that reached the file stay.
    if (tooLong) throw ERRORS.ERR_MAX_SIZE_EXCEEDED;
    if (failed) throw ERRORS.FILE_WRITE_ERROR;
    return offset + flushed;
  }

  /**
   * The SHA-256 of a finished upload of `size` bytes: from the running hash
   * when it covers the whole file, else read from disk once.
   */
  async sha256Of(id: string, size: number): Promise<string> {
    const running = this.#hashes.get(id);
    this.#hashes.delete(id);
    if (running?.offset === size) {
      const hex = await running.hash.digest().catch(() => undefined);
      if (hex !== undefined) return hex;
    } else running?.hash.drop();
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(this.pathOf(id), { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
    }
    return hash.digest('hex');
  }

  /** Forgets an upload whose file was moved or deleted: its metadata file and running hash. */
  async forget(id: string): Promise<void> {
    this.#hashes.get(id)?.hash.drop();
    this.#hashes.delete(id);
    await fs.rm(this.pathOf(id), { force: true });
    await this.configstore.delete(id);
  }

  /**
   * Deletes whatever is left of an upload (its bytes, its metadata file, its
   * running hash), however little of it exists: the sweep of stale uploads.
   */
  async discard(id: string): Promise<void> {
    this.#hashes.get(id)?.hash.drop();
    this.#hashes.delete(id);
    await fs.rm(this.pathOf(id), { force: true });
    await this.configstore.delete(id).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  override async remove(id: string): Promise<void> {
    this.#hashes.get(id)?.hash.drop();
    this.#hashes.delete(id);
    return super.remove(id);
  }
}
