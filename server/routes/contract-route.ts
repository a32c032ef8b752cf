/**
 * Registers a handler against its contract in src/contracts/routes.ts: the
 * method and path come from the contract, and for a non-public route the
 * session is checked (401 / 403) before the handler runs. Handlers parse
 * their inputs with the contract's schemas through `parseInput`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { routeSpec } from '../../src/contracts/routes';
import type { Authenticator } from '../auth/authenticate';
import type { Session } from '../auth/sessions';
import type { Db } from '../db/database';

/** What a route plugin over the database and sessions is given. */
export interface RouteDeps {
  db: Db;
  auth: Authenticator;
  now: () => Date;
}

type Handler<S> = (request: FastifyRequest, reply: FastifyReply, session: S) => Promise<unknown>;

export function publicRoute(app: FastifyInstance, id: string, handler: Handler<undefined>): void {
  const spec = routeSpec(id);
  if (spec.access !== 'public') throw new Error(`${id} is not public in its contract`);
  app.route({
    method: spec.method,
    url: spec.path,
    handler: (req, reply) => handler(req, reply, undefined),
  });
}

export function sessionRoute(
  app: FastifyInstance,
  auth: Authenticator,
  id: string,
  handler: Handler<Session>,
): void {
  const spec = routeSpec(id);
  const roles = spec.access;
  if (roles === 'public') throw new Error(`${id} is public in its contract`);
  app.route({
    method: spec.method,
    url: spec.path,
    handler: async (request, reply) => handler(request, reply, await auth.require(request, roles)),
  });
}
