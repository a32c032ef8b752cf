/**
 * GET /api/station/officers, GET /api/station/handovers, POST
 * /api/cases/:id/confirm (server/cases/station-confirm.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import { IdParams } from '../../src/contracts/route';
import {
  StationConfirmRequest,
  type BrigadeOfficers,
  type HandedOverList,
  type StationConfirmation,
} from '../../src/contracts/station';
import { brigadeOfficers, confirmStationCase, handedOverCases } from '../cases/station-confirm';
import { parseInput } from '../errors';
import { sessionRoute, type RouteDeps } from './contract-route';

export const stationRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, auth, now }) => {
  sessionRoute(
    app,
    auth,
    'station.officers',
    async (_request, _reply, session): Promise<BrigadeOfficers> => ({
      officers: session.brigadeId ? await brigadeOfficers(db, session.brigadeId) : [],
    }),
  );

  sessionRoute(
    app,
    auth,
    'station.handovers',
    async (_request, _reply, session): Promise<HandedOverList> => ({
      items: session.brigadeId ? await handedOverCases(db, session.brigadeId) : [],
    }),
  );

  sessionRoute(
    app,
    auth,
    'station.confirm',
    async (request, _reply, session): Promise<StationConfirmation> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const body = parseInput(StationConfirmRequest, request.body, 'body');
      return confirmStationCase(db, session, id, body, now());
    },
  );
};
