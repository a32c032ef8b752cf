/**
 * Frees an upload's socket buffers while they are young.
 *
 * Node reads a request body into a fresh 64 KiB buffer per socket read;
 * V8 frees such a buffer's memory only when a collection finds its
 * `Buffer` dead. A photo's buffers are a few small objects on the heap and
 * megabytes outside it, so the young generation never fills and no cheap
 * (scavenge) collection runs; the memory outside the heap grows instead
 * until V8 starts a full mark-compact of the whole heap — on the bench's
 * server, one every 2–3 uploads of 5 MB, 15–40 ms of the event loop each
 * (BENCHMARKS.md, ingest). A scavenge after every few MiB received frees
 * them young, in about a millisecond, off the request's path.
 *
 * The scavenge is V8's `gc({ type: 'minor' })`, reached without a command
 * line flag through a fresh context (`--expose-gc` set at run time applies
 * to contexts made after it; the app's own global gets no `gc`). Where that
 * is refused, nothing changes.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** Bytes received between two scavenges. */
export const SCAVENGE_EVERY_BYTES = 4 * 1024 * 1024;

type Collect = (options: { type: 'minor'; execution: 'async' }) => void;

let collect: Collect | undefined | null = null;
let received = 0;

function collector(): Collect | undefined {
  if (collect === null) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc: unknown = vm.runInNewContext('gc');
      collect = typeof gc === 'function' ? (gc as Collect) : undefined;
    } catch {
      collect = undefined;
    }
  }
  return collect;
}

/** Counts bytes a request body brought in; asks for a scavenge once enough have. */
export function receivedBytes(bytes: number): void {
  received += bytes;
  if (received < SCAVENGE_EVERY_BYTES) return;
  received = 0;
  collector()?.({ type: 'minor', execution: 'async' });
}
