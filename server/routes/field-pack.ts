/**
 * GET /api/field-pack (an officer's or reviewer's brigade's pack, for the
 * phone to keep offline); GET and PUT /api/admin/brigades/:id/courtesy-script
 * and /api/admin/brigades/:id/lenient-list.
 */
import type { FastifyPluginAsync } from 'fastify';
import {
  CourtesyScriptText,
  type CourtesyScript,
  type FieldPack,
} from '../../src/contracts/field-pack';
import { IdParams } from '../../src/contracts/route';
import { LenientListBody, type LenientList } from '../../src/domain/lenient';
import { parseInput } from '../errors';
import {
  fieldPackOf,
  readCourtesyScript,
  readLenientList,
  saveCourtesyScript,
  saveLenientList,
} from '../field-pack';
import { sessionRoute, type RouteDeps } from './contract-route';

export const fieldPackRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, auth, now }) => {
  sessionRoute(
    app,
    auth,
    'field-pack.get',
    async (_request, reply, session): Promise<FieldPack> => {
      void reply.header('cache-control', 'no-store');
      return fieldPackOf(db, session.brigadeId);
    },
  );

  sessionRoute(app, auth, 'admin.brigades.script.get', async (request): Promise<CourtesyScript> => {
    const { id } = parseInput(IdParams, request.params, 'params');
    return readCourtesyScript(db, id);
  });

  sessionRoute(
    app,
    auth,
    'admin.brigades.script.set',
    async (request, _reply, session): Promise<CourtesyScript> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const text = parseInput(CourtesyScriptText, request.body, 'body');
      return saveCourtesyScript(db, session.userId, id, text, now());
    },
  );

  sessionRoute(app, auth, 'admin.brigades.lenient.get', async (request): Promise<LenientList> => {
    const { id } = parseInput(IdParams, request.params, 'params');
    return readLenientList(db, id);
  });

  sessionRoute(
    app,
    auth,
    'admin.brigades.lenient.set',
    async (request, _reply, session): Promise<LenientList> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const body = parseInput(LenientListBody, request.body, 'body');
      return saveLenientList(db, session.userId, id, body, now());
    },
  );
};
