/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me. */
import type { FastifyPluginAsync } from 'fastify';
import { LoginRequest } from '../../src/contracts/auth';
import type { LoginResponse, MeResponse } from '../../src/contracts/auth';
import { recordAudit } from '../audit/audit-log';
import { profileOf } from '../auth/accounts';
import type { Authenticator } from '../auth/authenticate';
import { burnPasswordCheck, verifyPassword } from '../auth/passwords';
import type { LoginLimiter } from '../auth/rate-limit';
import { createSession, revokeSession } from '../auth/sessions';
import { phoneLockOf } from '../brigade-settings';
import type { Db } from '../db/database';
import { HttpError, parseInput } from '../errors';
import { publicRoute, sessionRoute } from './contract-route';

export interface AuthRoutesOptions {
  db: Db;
  auth: Authenticator;
  now: () => Date;
  sessionTtlMs: number;
  limiter: LoginLimiter;
}

export const authRoutes: FastifyPluginAsync<AuthRoutesOptions> = async (app, opts) => {
  const { db, auth, now, limiter } = opts;

  publicRoute(app, 'auth.login', async (request): Promise<LoginResponse> => {
    const { username, password } = parseInput(LoginRequest, request.body, 'body');
    const attempt = { account: username.toLowerCase(), address: request.ip };
    const at = now();
    const wait = await limiter.retryAfterSeconds(attempt, at.getTime());
    if (wait > 0) {
      const error = new HttpError(
        429,
        'rate_limited',
        `Too many failed sign-ins. Try again in ${wait} s.`,
      );
      error.headers['retry-after'] = String(wait);
      throw error;
    }
    const user = await db
      .selectFrom('users')
      .select(['id', 'password_hash', 'disabled_at'])
      .where('username', '=', username.toLowerCase())
      .executeTakeFirst();
    const good = user
      ? await verifyPassword(password, user.password_hash)
      : (await burnPasswordCheck(password), false);
    if (!user || !good || user.disabled_at !== null) {
      await limiter.recordFailure(attempt, at.getTime());
      await recordAudit(db, at, {
        actor: user?.id ?? 'anonymous',
        action: 'auth.login_failed',
        subject: username.slice(0, 64),
        details: {
          ip: request.ip,
          reason: !user ? 'unknown_user' : !good ? 'bad_password' : 'disabled',
        },
      });
      throw new HttpError(
        401,
        'bad_credentials',
        'Wrong username or password, or the account is disabled.',
      );
    }
    await limiter.recordSuccess(attempt);
    const session = await createSession(db, user.id, at, opts.sessionTtlMs);
    await recordAudit(db, at, {
      actor: user.id,
      action: 'auth.login',
      subject: user.id,
      details: { ip: request.ip, sessionId: session.sessionId },
    });
    const profile = await profileOf(db, user.id);
    const phoneLock = await phoneLockOf(db, profile.unit?.brigadeId ?? null);
    return {
      token: session.token,
      expiresAt: session.expiresAt,
      user: profile,
      ...(phoneLock && { phoneLock }),
    };
  });

  sessionRoute(app, auth, 'auth.logout', async (_request, reply, session) => {
    const at = now();
    await revokeSession(db, session.sessionId, at);
    await recordAudit(db, at, {
      actor: session.userId,
      action: 'auth.logout',
      subject: session.userId,
    });
    return reply.code(204).send();
  });

  sessionRoute(app, auth, 'auth.me', async (_request, reply, session): Promise<MeResponse> => {
    void reply.header('cache-control', 'no-store');
    return { user: await profileOf(db, session.userId), session: { expiresAt: session.expiresAt } };
  });
};
