/**
 * HEAD /api/photos/:sha256: whether the server holds these bytes, so a
 * device skips uploading what arrived before (from any case or officer:
 * asking needs the hash, and the hash needs the bytes, so this reveals
 * nothing the caller does not already have).
 */
import type { FastifyPluginAsync } from 'fastify';
import { PhotoParams } from '../../src/contracts/uploads';
import type { Authenticator } from '../auth/authenticate';
import type { BlobStore } from '../blobs/blob-store';
import { parseInput } from '../errors';
import { sessionRoute } from './contract-route';

export interface PhotoRoutesOptions {
  blobs: BlobStore;
  auth: Authenticator;
}

export const photoRoutes: FastifyPluginAsync<PhotoRoutesOptions> = async (app, { blobs, auth }) => {
  sessionRoute(app, auth, 'photos.head', async (request, reply) => {
    const { sha256 } = parseInput(PhotoParams, request.params, 'params');
    const size = await blobs.size(sha256);
    void reply.header('cache-control', 'no-store');
    if (size === undefined) return reply.code(404).send();
    return reply.code(200).header('content-length', String(size)).send();
  });
};
