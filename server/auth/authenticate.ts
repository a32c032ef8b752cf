/**
 * Turns `Authorization: Bearer <token>` into a {@link Session}, or a 401 in
 * the common error shape. Routes call `auth.require(request, roles)` first
 * thing; nothing else reads the header.
 */
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../src/contracts/route';
import type { Db } from '../db/database';
import { HttpError } from '../errors';
import { requireRole } from './policy';
import { sessionForToken } from './sessions';
import type { Session } from './sessions';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

export interface Authenticator {
  /** The caller's session (401 without one, 403 when its role is not in `roles`). */
  require(request: FastifyRequest, roles: readonly Role[]): Promise<Session>;
}

export function unauthenticated(message = 'Sign in first.'): HttpError {
  const error = new HttpError(401, 'unauthenticated', message);
  error.headers['www-authenticate'] = 'Bearer';
  return error;
}

export function createAuthenticator(db: Db, now: () => Date): Authenticator {
  const cache = new WeakMap<FastifyRequest, Session>();
  return {
    async require(request, roles) {
      let session = cache.get(request);
      if (!session) {
        const match = BEARER.exec(request.headers.authorization ?? '');
        if (!match?.[1]) throw unauthenticated();
        session = await sessionForToken(db, match[1], now());
        if (!session) throw unauthenticated('The session expired or was revoked: sign in again.');
        cache.set(request, session);
      }
      requireRole(session, roles);
      return session;
    },
  };
}
