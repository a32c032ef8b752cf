/**
 * The tus file store, hashing the bytes as they arrive, so a finished upload
 * is never read again: its SHA-256 is known when the last byte is written,
 * and the file itself becomes the blob (blobs.adopt: fsync, rename).
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
import type { Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { ERRORS, FileKvStore } from '@tus/utils';
import type { KvStore, Upload } from '@tus/utils';

/**
 * Bytes a PATCH may hold in memory on their way to the file (the streams'
 * default, 16 KiB, pauses the socket after every chunk until it is written).
 */
const BUFFERED_BYTES = 4 * 1024 * 1024;

interface RunningHash {
  hash: Hash;
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

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    return this.receive(readable, id, offset, Number.POSITIVE_INFINITY);
  }

  /**
   * Writes a PATCH's bytes at `offset`, hashing them on the way; answers the
   * new offset. Bytes past `size` (the upload's declared length) are refused
   * with tus's 413, as its own stream limiter does.
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
          ? { hash: createHash('sha256'), offset: 0 }
          : undefined;
    this.#hashes.delete(id);
    let seen = 0;
    let tooLong = false;
    const room = size - offset;
    // Each chunk goes on as it came: a request cut midway keeps every byte
    // that arrived (the client resumes from there), none held back here.
    const counting = new Transform({
      highWaterMark: BUFFERED_BYTES,
      transform(chunk: Buffer, _encoding, done) {
        if (seen + chunk.byteLength > room) {
          tooLong = true;
          done(new Error('past the upload length'));
          return;
        }
        running?.hash.update(chunk);
        seen += chunk.byteLength;
        done(null, chunk);
      },
    });
    // A large buffer: the socket is read while earlier chunks are written,
    // and chunks that queue up meanwhile go to disk in one writev.
    const file = createWriteStream(this.pathOf(id), {
      flags: 'r+',
      start: offset,
      highWaterMark: BUFFERED_BYTES,
    });
    try {
      await pipeline(source, counting, file);
    } catch {
      // As @tus/file-store: the PATCH fails; the bytes that reached the file stay.
      throw tooLong ? ERRORS.ERR_MAX_SIZE_EXCEEDED : ERRORS.FILE_WRITE_ERROR;
    }
    if (running) this.#hashes.set(id, { hash: running.hash, offset: offset + seen });
    return offset + seen;
  }

  /**
   * The SHA-256 of a finished upload of `size` bytes: from the running hash
   * when it covers the whole file, else read from disk once.
   */
  async sha256Of(id: string, size: number): Promise<string> {
    const running = this.#hashes.get(id);
    this.#hashes.delete(id);
    if (running?.offset === size) return running.hash.digest('hex');
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(this.pathOf(id), { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
    }
    return hash.digest('hex');
  }

  /** Forgets an upload whose file was moved or deleted: its metadata file and running hash. */
  async forget(id: string): Promise<void> {
    this.#hashes.delete(id);
    await fs.rm(this.pathOf(id), { force: true });
    await this.configstore.delete(id);
  }

  override async remove(id: string): Promise<void> {
    this.#hashes.delete(id);
    return super.remove(id);
  }
}
