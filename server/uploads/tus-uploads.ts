/**
 * Resumable photo uploads (tus 1.0.0, @tus/server + @tus/file-store) under
 * `/api/uploads/`. Officers upload their cases' photos and insurers the
 * photos of their assessments (assessment-uploads.ts: `claimId` instead of
 * `caseId`); an upload is visible only to its uploader (anyone else gets
 * tus's own 404). The client names the bytes in `Upload-Metadata` (`sha256`,
 * `caseId`). The bytes are written once and hashed as they arrive
 * (hashing-file-store.ts); when the last byte of a case photo arrives and its
 * hash is the one named, the tus file itself becomes the blob (one fsync, a
 * rename: `blobs.adopt`) — or is deleted when the store already holds those
 * bytes, so the same bytes are stored once however often they come — and a
 * `photos` row and an audit event are written. A mismatch is refused and the
 * file deleted. A PATCH at a stale offset gets tus's 409.
 *
 * The upload id is checked against its contract before tus sees it (tus
 * would take `<id>.json`, the file store's own metadata file, for an id),
 * and every method on an upload checks its owner: someone else's upload and
 * a missing one get the same 404. tus answers its refusals in plain text,
 * some of them (a fault inside the file store) with a server path: each is
 * turned into the API's {@link ErrorBody}, a fault into a bare 500.
 *
 * A POST may carry the upload's first bytes (creation-with-upload): one
 * request, not two, for a photo that fits in one chunk.
 *
 * Unfinished uploads stay in DATA_DIR/uploads until the client finishes or
 * terminates them, or until they are stale (upload-sweep.ts; the file
 * store's own expiry is off: it counts from creation, not from the last byte).
 *
 * Fastify must not read the body: a pass-through parser for
 * `application/offset+octet-stream`. A PATCH is served on the Node request
 * itself (tus-patch.ts: tus's steps and statuses, without its web-stream
 * round trip); every other method goes to tus as a web `Request`
 * (`handleWeb`). Either `Response` goes back through Fastify, with the
 * headers every answer carries.
 */
import { ReadableStream } from 'node:stream/web';
import { ERRORS, Server } from '@tus/server';
import type { Upload } from '@tus/utils';
import type { FastifyBaseLogger, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorBody } from '../../src/contracts/errors';
import { MAX_PHOTO_BYTES, TusIdParams, UploadMetadata } from '../../src/contracts/uploads';
import type { UploadRefusal, UploadStored } from '../../src/contracts/uploads';
import { appendAudit, recordAudit } from '../audit/audit-log';
import type { Authenticator } from '../auth/authenticate';
import { canTouchUpload, scopeFor } from '../auth/policy';
import type { Session } from '../auth/sessions';
import { BlobError, BlobStoreUnavailableError } from '../blobs/blob-store';
import type { BlobStore } from '../blobs/blob-store';
import { recordPhotoHolder } from '../cases/photo-holders';
import type { Db } from '../db/database';
import type { GroupCommitter } from '../db/group-commit';
import type { Database } from '../db/schema';
import { errorBody, parseInput, storageUnavailableBody } from '../errors';
import { acceptAssessmentUpload, jsonRefusal, storeAssessmentUpload } from './assessment-uploads';
import { patchUpload } from './tus-patch';
import type { UploadFolder } from './upload-sweep';

export interface UploadRoutesOptions {
  db: Db;
  blobs: BlobStore;
  auth: Authenticator;
  now: () => Date;
  /** The unfinished uploads (DATA_DIR/uploads): upload-sweep.ts `openUploadFolder`. */
  folder: UploadFolder;
  /** A finished photo's rows commit with concurrent writes (db/group-commit.ts). */
  commits: GroupCommitter<Database>;
  maxBytes?: number;
}

/** What a tus hook knows of the request it runs for. */
interface TusCall {
  session: Session;
  log: FastifyBaseLogger;
}

/** The API's code for each refusal tus words itself (404 and 410 read as "no such upload"). */
const TUS_REFUSAL_CODES: Record<number, UploadRefusal | 'not_found'> = {
  400: 'invalid_tus_request',
  403: 'invalid_tus_request',
  404: 'not_found',
  409: 'upload_offset_conflict',
  410: 'not_found',
  412: 'tus_version_unsupported',
  413: 'upload_too_large',
};

/** tus's plain-text refusal as {@link ErrorBody}; ours (already JSON) pass unchanged. */
function refusalBody(status: number, text: string): ErrorBody {
  if (status >= 500 && status !== 503) {
    return errorBody('internal', 'Something went wrong on the server.');
  }
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: tus's own words, which name headers and never a path below 500.
  }
  const message = text.trim() || 'The upload request was refused.';
  return errorBody(TUS_REFUSAL_CODES[status] ?? 'invalid_tus_request', message);
}

/**
 * The raw request as a web `Request` for tus, its body streamed, not read
 * (`ReadableStream.from` moves a chunk per read; `Readable.toWeb` is slower).
 * `withBody: false`: the headers only, without those of a body (the
 * creation half of a creation-with-upload POST).
 */
function webRequestOf(request: FastifyRequest, withBody = true): Request {
  const headers = new Headers();
  const raw = request.raw.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? '';
    if (!withBody && /^content-(type|length)$/i.test(name)) continue;
    headers.append(name, raw[i + 1] ?? '');
  }
  const hasBody = withBody && (request.method === 'POST' || request.method === 'PATCH');
  return new Request(new URL(request.url, 'http://kuaichu.invalid'), {
    method: request.method,
    headers,
    ...(hasBody && {
      body: ReadableStream.from(request.raw) as globalThis.ReadableStream<Uint8Array>,
      duplex: 'half',
    }),
  });
}

/** A POST carrying the upload's first bytes (tus creation-with-upload). */
const carriesBytes = (request: FastifyRequest) =>
  request.method === 'POST' &&
  request.headers['content-type'] === 'application/offset+octet-stream';

export const uploadRoutes: FastifyPluginAsync<UploadRoutesOptions> = async (app, opts) => {
  const { db, blobs, auth, now } = opts;
  const maxBytes = opts.maxBytes ?? MAX_PHOTO_BYTES;
  const calls = new WeakMap<Request, TusCall>();
  const callOf = (req: Request): TusCall => {
    const call = calls.get(req);
    // The Fastify handler authenticates before tus runs; reaching here without one is a bug.
    if (!call) throw new Error('tus hook without a session');
    return call;
  };
  const sessionOf = (req: Request): Session => callOf(req).session;
  const { datastore, locker } = opts.folder;

  const stored = (body: UploadStored) => ({
    status_code: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

  const finishAssessment = async (session: Session, upload: Upload) => {
    const file = datastore.pathOf(upload.id);
    const done = { session, metadata: upload.metadata, uploadId: upload.id, file, at: now() };
    try {
      return stored(await storeAssessmentUpload(db, blobs, done));
    } finally {
      await datastore.remove(upload.id).catch(() => undefined);
    }
  };

  const finish = async (session: Session, upload: Upload) => {
    if (session.role === 'insurer') return finishAssessment(session, upload);
    const meta = UploadMetadata.parse(upload.metadata);
    const at = now();
    try {
      const size = upload.offset;
      const sha256 = await datastore.sha256Of(upload.id, size);
      if (sha256 !== meta.sha256) {
        throw new BlobError('hash_mismatch', `bytes hash to ${sha256}, expected ${meta.sha256}`);
      }
      const put = await blobs.adopt({ path: datastore.pathOf(upload.id), sha256, size });
      // One transaction, one commit (shared with concurrent writes): the photo row, its holder and the audit event.
      await opts.commits.run(async (trx) => {
        await trx
          .insertInto('photos')
          .values({
            sha256: put.sha256,
            case_id: meta.caseId,
            byte_length: put.size,
            uploaded_by: session.userId,
            uploaded_at: at.toISOString(),
          })
          .onConflict((oc) => oc.columns(['sha256', 'case_id']).doNothing())
          .execute();
        await recordPhotoHolder(trx, session, put.sha256, at);
        await appendAudit(trx, at, {
          actor: session.userId,
          action: 'photo.stored',
          subject: put.sha256,
          details: {
            caseId: meta.caseId,
            size: put.size,
            created: put.created,
            uploadId: upload.id,
          },
        });
      });
      return stored({ sha256: put.sha256, byteLength: put.size, created: put.created });
    } catch (error) {
      if (!(error instanceof BlobError) || error.reason !== 'hash_mismatch') throw error;
      await recordAudit(db, at, {
        actor: session.userId,
        action: 'photo.refused',
        subject: meta.sha256,
        details: {
          reason: 'photo_hash_mismatch',
          caseId: meta.caseId,
          uploadId: upload.id,
          detail: error.message,
        },
      });
      throw jsonRefusal(
        460,
        'photo_hash_mismatch',
        `The uploaded bytes do not hash to ${meta.sha256}; upload the photo again.`,
      );
    } finally {
      // Stored or refused, this upload is done: a retry starts a new one.
      await datastore.forget(upload.id).catch(() => undefined);
    }
  };

  /** A tus error (or a fault) as tus answers it: statuses ≥ 500 logged, the blob store's absence a 503. */
  const errorAnswer = (log: FastifyBaseLogger | undefined, error: unknown) => {
    if (error instanceof BlobStoreUnavailableError) {
      log?.error(`upload not stored: ${error.message}`);
      return { status_code: 503, body: JSON.stringify(storageUnavailableBody()) };
    }
    const known = error as { status_code?: number; body?: string };
    const status = known.status_code ?? 500;
    if (status >= 500) log?.error({ err: error }, 'upload failed');
    return { status_code: status, body: known.body ?? '' };
  };

  // One lock per upload, shared by tus's methods, our PATCH (tus-patch.ts) and the sweep.
  const lockDrainMs = 3000;
  const tus = new Server({
    path: '/api/uploads',
    datastore,
    locker,
    lockDrainTimeout: lockDrainMs,
    relativeLocation: true,
    maxSize: maxBytes,
    async onUploadCreate(req, upload) {
      const session = sessionOf(req);
      if (session.role === 'insurer') {
        await acceptAssessmentUpload(db, session, upload.metadata, upload.size);
        return { metadata: { ...upload.metadata, uploaderId: session.userId } };
      }
      const meta = UploadMetadata.safeParse(upload.metadata ?? {});
      if (!meta.success) {
        const fields = meta.error.issues.map((i) => i.path.join('.')).join(', ');
        throw jsonRefusal(
          400,
          'invalid_upload_metadata',
          `Upload-Metadata needs sha256 and caseId (bad: ${fields}).`,
        );
      }
      if (!upload.size)
        throw jsonRefusal(400, 'invalid_upload_length', 'A photo has a known, non-zero length.');
      return { metadata: { ...upload.metadata, uploaderId: session.userId } };
    },
    async onIncomingRequest(req, id) {
      if (req.method === 'POST') return;
      const upload = await datastore.getUpload(id).catch(() => undefined);
      if (!upload || !canTouchUpload(scopeFor(sessionOf(req)), upload.metadata?.['uploaderId'])) {
        throw ERRORS.FILE_NOT_FOUND;
      }
    },
    // A POST carrying the whole photo (creation-with-upload) finishes here.
    onUploadFinish: (req, upload) => finish(sessionOf(req), upload),
    // Only logs (and answers 503 when the blob store is down): the answer is
    // mapped to the error shape once tus has returned it.
    onResponseError(req, error) {
      const mapped = errorAnswer(calls.get(req)?.log, error);
      return mapped.status_code === 503 ? mapped : undefined;
    },
  });

  /** A PATCH, on the Node request (tus-patch.ts): tus's answers, without its web-stream round trip. */
  const patch = async (request: FastifyRequest, id: string, session: Session, creation = false) => {
    try {
      return await patchUpload(
        request.raw,
        id,
        {
          datastore,
          locker,
          lockDrainMs,
          mayTouch: (upload) => canTouchUpload(scopeFor(session), upload.metadata?.['uploaderId']),
          finish: (upload) => finish(session, upload),
        },
        creation,
      );
    } catch (error) {
      const { status_code, body } = errorAnswer(request.log, error);
      return new Response(body, { status: status_code, headers: { 'Tus-Resumable': '1.0.0' } });
    }
  };

  /**
   * Creation with upload: tus makes the upload from the POST's headers, then
   * its bytes are written as a PATCH at offset 0 would be — one request for a
   * photo that fits in one chunk. The answer is tus's 201 (its `Location`),
   * with the new `Upload-Offset` and, once the last byte is in, the stored
   * photo's receipt as its body.
   */
  const createWithBytes = async (request: FastifyRequest, session: Session) => {
    const req = webRequestOf(request, false);
    calls.set(req, { session, log: request.log });
    const created = await tus.handleWeb(req);
    const id = created.headers.get('location')?.split('/').pop();
    if (created.status !== 201 || id === undefined) return created;
    const written = await patch(request, id, session, true);
    if (written.status >= 300) return written;
    const headers = new Headers(created.headers);
    headers.set('Upload-Offset', written.headers.get('upload-offset') ?? '0');
    const receipt = written.status === 200 ? await written.text() : null;
    if (receipt !== null) headers.set('Content-Type', 'application/json');
    return new Response(receipt, { status: 201, headers });
  };

  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) =>
    done(null),
  );

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    let response: Response;
    if (request.method === 'OPTIONS') response = await tus.handleWeb(webRequestOf(request));
    else {
      const session = await auth.require(request, ['officer', 'station', 'insurer']);
      const id =
        request.method === 'POST'
          ? undefined
          : parseInput(TusIdParams, request.params, 'params').id;
      if (request.method === 'PATCH' && id !== undefined)
        response = await patch(request, id, session);
      else if (carriesBytes(request)) response = await createWithBytes(request, session);
      else {
        const req = webRequestOf(request);
        calls.set(req, { session, log: request.log });
        response = await tus.handleWeb(req);
      }
    }
    if (response.status < 400) return reply.send(response);
    for (const [name, value] of response.headers) {
      if (name !== 'content-type' && name !== 'content-length') void reply.header(name, value);
    }
    return reply
      .code(response.status)
      .type('application/json; charset=utf-8')
      .send(refusalBody(response.status, await response.text()));
  };
  const methods = ['POST', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS'];
  app.route({ method: methods, url: '/api/uploads', handler: handle });
  app.route({ method: methods, url: '/api/uploads/:id', handler: handle });
};
