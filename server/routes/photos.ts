/**
 * HEAD /api/photos/:sha256: whether the officer's unit holds these bytes, so
 * a device skips uploading what its unit sent before. Bytes another unit
 * uploaded do not count (photo-holders.ts): the answer matches the receipt.
 *
 * GET /api/cases/:id/photos/:sha256: one photo of a case, for whoever may
 * read the case — an insurer only the photos its packet lists. The photo must
 * be named by a stored version of the case and held for the case's unit;
 * anything else is 404, as absent. Every read is audited (`photo.read`).
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { CasePhotoParams, PhotoParams } from '../../src/contracts/uploads';
import type { CaseManifest } from '../../src/domain/manifest/manifest.schema';
import { recordAudit } from '../audit/audit-log';
import { caseInScopeOr404, notFound, scopeFor } from '../auth/policy';
import type { BlobStore } from '../blobs/blob-store';
import { packetPhotos } from '../cases/packets';
import { heldByUnit } from '../cases/photo-holders';
import type { Db } from '../db/database';
import { parseInput } from '../errors';
import { sessionRoute, type RouteDeps } from './contract-route';

export interface PhotoRoutesOptions extends RouteDeps {
  blobs: BlobStore;
}

/** Every photo any stored version of the case names. */
async function versionPhotos(db: Db, caseId: string): Promise<string[]> {
  const versions = await db
    .selectFrom('case_versions')
    .select('manifest')
    .where('case_id', '=', caseId)
    .execute();
  return versions.flatMap((v) =>
    (JSON.parse(v.manifest) as CaseManifest).photos.map((p) => p.sha256),
  );
}

export const photoRoutes: FastifyPluginAsync<PhotoRoutesOptions> = async (
  app,
  { db, blobs, auth, now },
) => {
  sessionRoute(app, auth, 'photos.head', async (request, reply, session) => {
    const { sha256 } = parseInput(PhotoParams, request.params, 'params');
    const ours = await heldByUnit(db, session.unitId, [sha256]);
    const size = ours.has(sha256) ? await blobs.size(sha256) : undefined;
    void reply.header('cache-control', 'no-store');
    if (size === undefined) return reply.code(404).send();
    return reply.code(200).header('content-length', String(size)).send();
  });

  sessionRoute(app, auth, 'photos.get', async (request, reply, session) => {
    const { id, sha256 } = parseInput(CasePhotoParams, request.params, 'params');
    const scope = scopeFor(session);
    const row = await caseInScopeOr404(db, scope, id);
    const listed =
      scope.kind === 'insurer'
        ? await packetPhotos({ db, blobs }, row, scope.insurerId)
        : await versionPhotos(db, id);
    const held = await heldByUnit(db, row.unit_id, [sha256]);
    const size = listed.includes(sha256) && held.has(sha256) ? await blobs.size(sha256) : undefined;
    const bytes = size === undefined ? undefined : await blobs.get(sha256);
    if (!bytes || size === undefined) throw notFound('photo');
    await recordAudit(db, now(), {
      actor: session.userId,
      action: 'photo.read',
      subject: sha256,
      details: { caseId: id, role: session.role },
    });
    return sendPhoto(reply, bytes, size);
  });
};

/** A photo's bytes, never cached by a shared cache. */
export const sendPhoto = (
  reply: FastifyReply,
  bytes: unknown,
  size: number,
  mediaType = 'image/jpeg',
) =>
  reply
    .code(200)
    .header('content-type', mediaType)
    .header('content-length', String(size))
    .header('cache-control', 'private, no-store')
    .send(bytes);
