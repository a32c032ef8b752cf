/**
 * SHA-256 of an upload's bytes, computed on a worker thread while the event
 * loop goes on receiving them.
 *
 * Hashing 5 MB takes about 3.3 ms of CPU; on the event loop that is 3.3 ms
 * every other request waits, and most of a photo's receipt (BENCHMARKS.md,
 * uploads). The bytes are already copied into a block on their way to the
 * disk (hashing-file-store.ts); that block lives in shared memory, so the
 * worker reads the same bytes where they are: each update posts only a
 * range. The block is reused only once every range posted from it is hashed
 * ({@link RunningSha256.settled}).
 *
 * One worker serves the process, started at the first upload and keeping
 * the process alive only while an answer from it is awaited. Should it fail, every running hash fails with
 * it and the store hashes the finished file from disk instead — slower,
 * never wrong.
 */
import { Worker } from 'node:worker_threads';

// process.getBuiltinModule: the same in a CommonJS or an ES module evaluation.
const SOURCE = `
const { parentPort } = process.getBuiltinModule('node:worker_threads');
const { createHash } = process.getBuiltinModule('node:crypto');
const hashes = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'update') {
    let hash = hashes.get(m.id);
    if (!hash) hashes.set(m.id, (hash = createHash('sha256')));
    hash.update(new Uint8Array(m.memory, m.from, m.length));
    parentPort.postMessage({ id: m.id, seq: m.seq });
  } else if (m.op === 'digest') {
    const hash = hashes.get(m.id) ?? createHash('sha256');
    hashes.delete(m.id);
    parentPort.postMessage({ id: m.id, seq: m.seq, hex: hash.digest('hex') });
  } else hashes.delete(m.id);
});
`;

interface Reply {
  id: number;
  seq: number;
  hex?: string;
}

interface Pending {
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
let nextId = 1;
/** Answers awaited from the thread: while there are any, it keeps the process alive. */
let awaited = 0;
/** Per running hash: its messages waiting for the worker's answer, by sequence number. */
const pending = new Map<number, Map<number, Pending>>();

function failAll(error: Error) {
  worker = undefined;
  awaited = 0;
  for (const waiting of pending.values()) for (const p of waiting.values()) p.reject(error);
  pending.clear();
}

function started(): Worker {
  if (worker) return worker;
  const w = new Worker(SOURCE, { eval: true });
  w.on('message', (reply: Reply) => {
    if (--awaited === 0) w.unref();
    const waiting = pending.get(reply.id);
    const p = waiting?.get(reply.seq);
    waiting?.delete(reply.seq);
    p?.resolve(reply);
  });
  w.on('error', (error) => failAll(error));
  w.on('exit', () => failAll(new Error('the hashing thread stopped')));
  // Kept alive only while an answer is awaited (after the listeners: adding one refs it again).
  w.unref();
  worker = w;
  return w;
}

/** A block of memory the hashing thread can read: hand it to {@link RunningSha256.update}. */
export const sharedBlock = (bytes: number): Buffer => Buffer.from(new SharedArrayBuffer(bytes));

/** An upload's running SHA-256, on the hashing thread. */
export class RunningSha256 {
  readonly #id = nextId++;
  readonly #worker = started();
  #seq = 0;
  #last: Promise<unknown> = Promise.resolve();
  #failed: Error | undefined;

  constructor() {
    pending.set(this.#id, new Map());
  }

  #send(message: Record<string, unknown>): Promise<Reply> {
    if (this.#failed) return Promise.reject(this.#failed);
    const waiting = pending.get(this.#id);
    if (!waiting) return Promise.reject((this.#failed = new Error('the hashing thread stopped')));
    const seq = ++this.#seq;
    const reply = new Promise<Reply>((resolve, reject) => {
      waiting.set(seq, { resolve, reject });
    });
    reply.catch((error: Error) => void (this.#failed ??= error));
    if (awaited++ === 0) this.#worker.ref();
    this.#worker.postMessage({ ...message, id: this.#id, seq });
    this.#last = reply;
    return reply;
  }

  /**
   * Hashes `length` bytes of a block made by {@link sharedBlock}, from
   * `from`; those bytes must not change until {@link settled}.
   */
  update(block: Buffer, from: number, length: number): void {
    if (length === 0) return;
    const memory = block.buffer;
    if (!(memory instanceof SharedArrayBuffer)) throw new Error('not a shared block');
    void this.#send({ op: 'update', memory, from: block.byteOffset + from, length }).catch(
      () => undefined,
    );
  }

  /** Resolves once every update so far is hashed (the block may be reused); rejects if hashing failed. */
  async settled(): Promise<void> {
    await this.#last;
    if (this.#failed) throw this.#failed;
  }

  /** The hex digest of everything updated; the hash is finished. */
  async digest(): Promise<string> {
    const reply = await this.#send({ op: 'digest' });
    pending.delete(this.#id);
    if (reply.hex === undefined) throw new Error('no digest');
    return reply.hex;
  }

  /** Forgets the hash without a digest. */
  drop(): void {
    pending.delete(this.#id);
    if (!this.#failed) this.#worker.postMessage({ op: 'drop', id: this.#id });
    this.#failed ??= new Error('dropped');
  }
}

/** Stops the hashing thread (tests: every running hash fails, as if it had crashed). */
export async function stopHashingThread(): Promise<void> {
  const w = worker;
  if (!w) return;
  failAll(new Error('the hashing thread stopped'));
  await w.terminate();
}
