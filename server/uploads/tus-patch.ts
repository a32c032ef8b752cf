/**
 * tus PATCH, served on the Node request itself. `@tus/server` 2.4.5 reads
 * every body as a web stream (its `handle` wraps the Node request too) and
 * turns it back into a Node stream to write it; on a 5 MB photo that round
 * trip, and its second read of the upload's metadata per PATCH, cost more
 * than the write itself (BENCHMARKS.md, ingest). This does what its
 * `PatchHandler` does for our uploads, in its words and statuses: the
 * headers checked, the upload's lock (the same locker as the tus server's
 * other methods, so a PATCH waits for a HEAD or DELETE of the same upload,
 * and a PATCH stuck on a dead link is asked to stop after `lockDrainMs`),
 * 409 at a stale offset, 413 past the declared length, 204 with the new
 * `Upload-Offset`, or the finished upload's answer.
 *
 * A request the client cuts keeps every byte that arrived: the body ends
 * where the link dropped and the write finishes normally (hashed exactly as
 * written), so the upload resumes from there without re-reading the file.
 * Upload lengths are never deferred here (creation refuses them), so a PATCH
 * carrying `Upload-Length` is refused as tus refuses a second length.
 */
import type { IncomingMessage } from 'node:http';
import { ERRORS, TUS_RESUMABLE } from '@tus/server';
import type { Locker, Upload } from '@tus/utils';
import type { HashingFileStore } from './hashing-file-store';

export interface PatchDeps {
  datastore: HashingFileStore;
  locker: Locker;
  /** How long a PATCH holding the lock may go on after another request asks for it. */
  lockDrainMs: number;
  /** Whether the caller may touch this upload (else tus's own 404). */
  mayTouch: (upload: Upload) => boolean;
  /** A finished upload's answer (status, headers, JSON body). */
  finish: (
    upload: Upload,
  ) => Promise<{ status_code: number; headers: Record<string, string>; body: string }>;
}

/** The headers every tus answer carries (as `@tus/server` sets them). */
const TUS_HEADERS = { 'Tus-Resumable': TUS_RESUMABLE };

const isOffset = (value: string) => /^(0|[1-9]\d{0,15})$/.test(value);

/** The request's body until it ends, the link drops or `stop` fires: never an error. */
async function* untilCut(body: IncomingMessage, stop: AbortSignal): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of body) {
      yield chunk as Buffer;
      if (stop.aborted) return;
    }
  } catch {
    // The link dropped: what arrived is kept, the upload resumes from there.
  }
}

/**
 * Serves one PATCH; answers what to send (refusals as tus's own errors,
 * thrown). `creation`: the body of a creation-with-upload POST, written at
 * offset 0 of the upload that POST has just made (it carries no
 * `Upload-Offset`).
 */
export async function patchUpload(
  raw: IncomingMessage,
  id: string,
  deps: PatchDeps,
  creation = false,
): Promise<Response> {
  const header = (name: string) => {
    const value = raw.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  const resumable = header('tus-resumable');
  if (resumable === undefined) return answer(412, 'Tus-Resumable Required\n');
  const offsetText = creation ? '0' : header('upload-offset');
  const type = header('content-type');
  const invalid = [
    resumable !== TUS_RESUMABLE && 'tus-resumable',
    offsetText !== undefined && !isOffset(offsetText) && 'upload-offset',
    type !== undefined && type !== 'application/offset+octet-stream' && 'content-type',
  ].filter(Boolean);
  if (invalid.length > 0) return answer(400, `Invalid ${invalid.join(' ')}\n`);
  if (offsetText === undefined) throw ERRORS.MISSING_OFFSET;
  if (type === undefined) throw ERRORS.INVALID_CONTENT_TYPE;
  const offset = Number(offsetText);

  // The owner, before the lock: someone else's PATCH must not make the owner's stop.
  const known = await deps.datastore.configstore.get(id).catch(() => undefined);
  if (!known || !deps.mayTouch(known)) throw ERRORS.FILE_NOT_FOUND;

  const stop = new AbortController();
  const lock = deps.locker.newLock(id);
  let drain: ReturnType<typeof setTimeout> | undefined;
  await lock.lock(stop.signal, () => {
    drain ??= setTimeout(() => stop.abort(), deps.lockDrainMs);
  });
  let upload: Upload;
  try {
    // Read again under the lock: another PATCH may have moved the offset meanwhile.
    upload = await deps.datastore.getUpload(id);
    if (upload.offset !== offset) throw ERRORS.INVALID_OFFSET;
    if (!creation && header('upload-length') !== undefined) throw ERRORS.INVALID_LENGTH;
    const size = upload.size ?? 0;
    const length = header('content-length');
    if (length !== undefined && offset + Number(length) > size) throw ERRORS.ERR_SIZE_EXCEEDED;
    upload.offset = await deps.datastore.receive(untilCut(raw, stop.signal), id, offset, size);
  } finally {
    clearTimeout(drain);
    await lock.unlock();
  }
  // Asked to stop for another request (as tus: the offset reached, and the connection closed).
  const closing: Record<string, string> = stop.signal.aborted ? { Connection: 'close' } : {};
  if (upload.offset === upload.size) {
    const done = await deps.finish(upload);
    return answer(done.status_code, done.body, {
      'Upload-Offset': String(upload.offset),
      ...closing,
      ...done.headers,
    });
  }
  return answer(204, null, { 'Upload-Offset': String(upload.offset), ...closing });
}

function answer(status: number, body: string | null, headers: Record<string, string> = {}) {
  return new Response(status === 204 ? null : body, {
    status,
    headers: { ...TUS_HEADERS, ...headers },
  });
}
