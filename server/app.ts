/**
 * Builds the Fastify instance without listening, so tests drive it with
 * `app.inject` and main.ts owns the socket. Everything the routes need comes
 * in through `deps`; nothing here opens files or reads the environment.
 */
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { BlobStore } from './blobs/blob-store';
import type { ServerConfig } from './config';
import type { Db } from './db/database';
import { handleError } from './errors';
import { healthRoutes } from './routes/health';
import { registerStatic } from './routes/static';

export interface AppDeps {
  db: Db;
  blobs: BlobStore;
  version: string;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** Fastify logger option; default: pino at config.logLevel. Tests pass false. */
  logger?: FastifyServerOptions['logger'];
}

export type AppConfig = Pick<ServerConfig, 'staticDir' | 'logLevel'>;

export function buildApp(config: AppConfig, deps: AppDeps): FastifyInstance {
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    // Photos arrive by tus (streamed, not parsed); JSON bodies stay small.
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  });
  app.setErrorHandler(handleError);
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
  });

  void app.register(healthRoutes, {
    db: deps.db,
    version: deps.version,
    now: deps.now ?? (() => new Date()),
  });
  registerStatic(app, { root: config.staticDir });
  return app;
}
