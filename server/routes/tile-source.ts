/** GET and PUT /api/admin/brigades/:id/tile-source: the brigade's map tile source. */
import type { FastifyPluginAsync } from 'fastify';
import { IdParams } from '../../src/contracts/route';
import { TileSettings, type BrigadeTileSource } from '../../src/contracts/tile-source';
import { parseInput } from '../errors';
import { readTileSource, saveTileSource } from '../tile-source';
import { sessionRoute, type RouteDeps } from './contract-route';

export interface TileSourceRoutesOptions extends RouteDeps {
  /** The CSP host sources the pages may load tiles from (config `tileHosts`). */
  tileHosts: readonly string[];
}

export const tileSourceRoutes: FastifyPluginAsync<TileSourceRoutesOptions> = async (
  app,
  { db, auth, now, tileHosts },
) => {
  sessionRoute(
    app,
    auth,
    'admin.brigades.tiles.get',
    async (request): Promise<BrigadeTileSource> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      return readTileSource(db, id);
    },
  );

  sessionRoute(
    app,
    auth,
    'admin.brigades.tiles.set',
    async (request, _reply, session): Promise<BrigadeTileSource> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const source = parseInput(TileSettings, request.body, 'body');
      return saveTileSource(
        db,
        { actor: session.userId, brigadeId: id, source, allowed: tileHosts },
        now(),
      );
    },
  );
};
