/**
 * Resumable photo uploads (tus 1.0.0, @tus/server + @tus/file-store) under
 * `/api/uploads/`. Only officers upload, and an upload is visible only to
 * its uploader (anyone else gets tus's own 404). The client names the bytes
 * in `Upload-Metadata` (`sha256`, `caseId`); when the last byte arrives the
 * file is streamed into the content-addressed blob store, which hashes it
 * and refuses a mismatch — so the same bytes are stored once however often
 * they come — a `photos` row and an audit event are written, and the tus
 * file is deleted. A PATCH at a stale offset gets tus's 409.
 *
 * Unfinished uploads stay in DATA_DIR/uploads until the client finishes or
 * terminates them (the file store's expiry is off because it would stat a
 * finished upload after we moved it; sweeping stale ones is left to ops).
 *
 * Fastify must not read the body: a pass-through parser for
 * `application/offset+octet-stream`, then `reply.hijack()` hands the raw
 * request and response to tus (TOOLCHAIN.md).
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import type { Upload } from '@tus/utils';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_PHOTO_BYTES, UploadMetadata } from '../../src/contracts/uploads';
import type { UploadStored } from '../../src/contracts/uploads';
import { recordAudit } from '../audit/audit-log';
import type { Authenticator } from '../auth/authenticate';
import { canTouchUpload, scopeFor } from '../auth/policy';
import type { Session } from '../auth/sessions';
import { BlobError } from '../blobs/blob-store';
import type { BlobStore } from '../blobs/blob-store';
import { recordPhotoHolder } from '../cases/photo-holders';
import type { Db } from '../db/database';
import { errorBody } from '../errors';

export interface UploadRoutesOptions {
  db: Db;
  blobs: BlobStore;
  auth: Authenticator;
  now: () => Date;
  /** Folder for unfinished uploads (DATA_DIR/uploads). */
  uploadDir: string;
  maxBytes?: number;
}

/** tus's hooks get a srvx request; the Node request underneath is where our session is kept. */
interface TusRequest {
  runtime?: { node?: { req?: object } };
  method: string;
}

/** What tus sends when the upload does not exist: used for others' uploads too. */
const TUS_NOT_FOUND = { status_code: 404, body: 'The file for this url was not found\n' };

const jsonRefusal = (status: number, code: string, message: string) => ({
  status_code: status,
  body: JSON.stringify(errorBody(code, message)),
});

export const uploadRoutes: FastifyPluginAsync<UploadRoutesOptions> = async (app, opts) => {
  const { db, blobs, auth, now } = opts;
  const maxBytes = opts.maxBytes ?? MAX_PHOTO_BYTES;
  const sessions = new WeakMap<object, Session>();
  const sessionOf = (req: TusRequest): Session => {
    const raw = req.runtime?.node?.req;
    const session = raw && sessions.get(raw);
    // The Fastify handler authenticates before tus runs; reaching here without one is a bug.
    if (!session) throw { status_code: 500, body: 'no session\n' };
    return session;
  };
  const datastore = new FileStore({ directory: opts.uploadDir });

  const finish = async (req: TusRequest, upload: Upload) => {
    const session = sessionOf(req);
    const meta = UploadMetadata.parse(upload.metadata);
    const file = path.join(opts.uploadDir, upload.id);
    const at = now();
    try {
      const put = await blobs.put(createReadStream(file, { highWaterMark: 1024 * 1024 }), {
        expectedSha256: meta.sha256,
        maxBytes,
      });
      await db
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
      await recordPhotoHolder(db, session, put.sha256, at);
      await recordAudit(db, at, {
        actor: session.userId,
        action: 'photo.stored',
        subject: put.sha256,
        details: { caseId: meta.caseId, size: put.size, created: put.created, uploadId: upload.id },
      });
      const stored: UploadStored = {
        sha256: put.sha256,
        byteLength: put.size,
        created: put.created,
      };
      return {
        status_code: 200,
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(stored),
      };
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
      await datastore.remove(upload.id).catch(() => undefined);
    }
  };

  const tus = new Server({
    path: '/api/uploads',
    datastore,
    relativeLocation: true,
    maxSize: maxBytes,
    async onUploadCreate(req, upload) {
      const session = sessionOf(req);
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
      if (upload && !canTouchUpload(scopeFor(sessionOf(req)), upload.metadata?.['uploaderId'])) {
        throw TUS_NOT_FOUND;
      }
    },
    onUploadFinish: finish,
  });

  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) =>
    done(null),
  );

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'OPTIONS')
      sessions.set(request.raw, await auth.require(request, ['officer']));
    reply.hijack();
    await tus.handle(request.raw, reply.raw);
  };
  const methods = ['POST', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS'];
  app.route({ method: methods, url: '/api/uploads', handler: handle });
  app.route({ method: methods, url: '/api/uploads/:id', handler: handle });
};
