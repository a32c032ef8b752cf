/**
 * /api/admin/insurers/:id/endpoints, /api/admin/endpoints/:id/…,
 * /api/admin/deliveries/:id/replay: an insurer's webhook endpoints, their
 * secrets and deliveries, for the admin role (server/webhooks/).
 */
import type { FastifyPluginAsync } from 'fastify';
import type * as z from 'zod/mini';
import { IdParams } from '../../src/contracts/route';
import {
  CreateEndpointRequest,
  DeliveryParams,
  DeliveryQuery,
  RotateSecretRequest,
  SetEndpointEnabledRequest,
} from '../../src/contracts/webhooks';
import type {
  DeliveryList,
  EndpointList,
  EndpointWithSecret,
  WebhookDelivery,
  WebhookEndpoint,
} from '../../src/contracts/webhooks';
import { parseInput } from '../errors';
import { listDeliveries, replayDelivery } from '../webhooks/delivery-admin';
import {
  DEFAULT_OVERLAP_HOURS,
  createEndpoint,
  listEndpoints,
  rotateSecret,
  setEndpointEnabled,
} from '../webhooks/endpoints';
import type { Resolver } from '../webhooks/endpoint-guard';
import { sessionRoute, type RouteDeps } from './contract-route';

export interface WebhookRoutesOptions extends RouteDeps {
  /** Runs the dispatcher at once (after a replay). */
  kick: () => void;
  /** The SSRF guard's resolver (tests pass one). */
  resolve?: Resolver | undefined;
}

export const webhookRoutes: FastifyPluginAsync<WebhookRoutesOptions> = async (
  app,
  { db, auth, now, kick, resolve },
) => {
  sessionRoute(
    app,
    auth,
    'webhooks.endpoints.list',
    async (request): Promise<z.infer<typeof EndpointList>> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      return { endpoints: await listEndpoints(db, id) };
    },
  );

  sessionRoute(
    app,
    auth,
    'webhooks.endpoints.create',
    async (request, reply, session): Promise<EndpointWithSecret> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const body = parseInput(CreateEndpointRequest, request.body, 'body');
      const created = await createEndpoint(db, id, body, {
        actor: session.userId,
        now: now(),
        resolve,
      });
      void reply.code(201);
      return created;
    },
  );

  sessionRoute(
    app,
    auth,
    'webhooks.endpoints.rotate',
    async (request, _reply, session): Promise<EndpointWithSecret> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const body = parseInput(RotateSecretRequest, request.body ?? {}, 'body');
      return rotateSecret(db, id, body.overlapHours ?? DEFAULT_OVERLAP_HOURS, {
        actor: session.userId,
        now: now(),
      });
    },
  );

  sessionRoute(
    app,
    auth,
    'webhooks.endpoints.enabled',
    async (request, _reply, session): Promise<WebhookEndpoint> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const { enabled } = parseInput(SetEndpointEnabledRequest, request.body, 'body');
      return setEndpointEnabled(db, id, enabled, { actor: session.userId, now: now() });
    },
  );

  sessionRoute(
    app,
    auth,
    'webhooks.deliveries.list',
    async (request): Promise<z.infer<typeof DeliveryList>> => {
      const { id } = parseInput(IdParams, request.params, 'params');
      const { state } = parseInput(DeliveryQuery, request.query, 'querystring');
      return { deliveries: await listDeliveries(db, id, state) };
    },
  );

  sessionRoute(
    app,
    auth,
    'webhooks.deliveries.replay',
    async (request, _reply, session): Promise<WebhookDelivery> => {
      const { id } = parseInput(DeliveryParams, request.params, 'params');
      const delivery = await replayDelivery(db, Number(id), { actor: session.userId, now: now() });
      kick();
      return delivery;
    },
  );
};
