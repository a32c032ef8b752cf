/**
 * GET /api/health: the server is up and its database answers. Monitors and
 * the e2e runner poll it; a failing database gives 503 with the same shape
 * of error as every other route.
 */
import type { FastifyPluginAsync } from 'fastify';
import { pingDatabase } from '../db/database';
import type { Db } from '../db/database';
import { HttpError } from '../errors';

export interface HealthBody {
  status: 'ok';
  version: string;
  /** Server clock, ISO 8601: lets a device notice its own clock is off. */
  time: string;
  db: 'ok';
}

export interface HealthOptions {
  db: Db;
  version: string;
  now: () => Date;
}

export const healthRoutes: FastifyPluginAsync<HealthOptions> = async (
  app,
  { db, version, now },
) => {
  app.get('/api/health', async (request, reply): Promise<HealthBody> => {
    try {
      await pingDatabase(db);
    } catch (error) {
      request.log.error({ err: error }, 'health: database ping failed');
      throw new HttpError(503, 'db_unavailable', 'The database is not answering.');
    }
    void reply.header('cache-control', 'no-store');
    return { status: 'ok', version, time: now().toISOString(), db: 'ok' };
  });
};
