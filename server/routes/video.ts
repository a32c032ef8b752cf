/**
 * A brigade's roadside video units (`/api/admin/brigades/:id/video-units`,
 * admin) and a case's footage requests (`/api/cases/:id/footage-requests`:
 * read and made by the case's officer or a reviewer of its brigade, answered
 * by a reviewer).
 */
import type { FastifyPluginAsync } from 'fastify';
import { IdParams } from '../../src/contracts/route';
import {
  FootageParams,
  FootageRequestInput,
  FootageResolution,
  VideoUnitChange,
  VideoUnitInput,
  VideoUnitParams,
} from '../../src/contracts/video';
import { parseInput } from '../errors';
import { listFootage, requestFootage, resolveFootage } from '../footage-requests';
import { addVideoUnit, changeVideoUnit, listVideoUnits } from '../video-units';
import { sessionRoute, type RouteDeps } from './contract-route';

export const videoRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, auth, now }) => {
  sessionRoute(app, auth, 'admin.videoUnits.list', async (request) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    return { videoUnits: await listVideoUnits(db, id) };
  });
  sessionRoute(app, auth, 'admin.videoUnits.create', async (request, reply, session) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const input = parseInput(VideoUnitInput, request.body, 'body');
    const unit = await addVideoUnit(db, session.userId, id, input, now());
    void reply.code(201);
    return unit;
  });
  sessionRoute(app, auth, 'admin.videoUnits.update', async (request, _reply, session) => {
    const { id, unitId } = parseInput(VideoUnitParams, request.params, 'params');
    const change = parseInput(VideoUnitChange, request.body, 'body');
    return changeVideoUnit(db, session.userId, { brigadeId: id, unitId }, change, now());
  });

  sessionRoute(app, auth, 'footage.list', async (request, reply, session) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    void reply.header('cache-control', 'no-store');
    return listFootage(db, session, id, now());
  });
  sessionRoute(app, auth, 'footage.create', async (request, reply, session) => {
    const { id } = parseInput(IdParams, request.params, 'params');
    const input = parseInput(FootageRequestInput, request.body, 'body');
    const made = await requestFootage(db, session, id, input, now());
    void reply.code(201);
    return made;
  });
  sessionRoute(app, auth, 'footage.resolve', async (request, _reply, session) => {
    const { id, requestId } = parseInput(FootageParams, request.params, 'params');
    const answer = parseInput(FootageResolution, request.body, 'body');
    return resolveFootage(db, session, { caseId: id, requestId }, answer, now());
  });
};
