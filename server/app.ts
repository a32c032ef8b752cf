/**
 * Builds the Fastify instance without listening, so tests drive it with
 * `app.inject` and main.ts owns the socket. Everything the routes need comes
 * in through `deps`; nothing here opens files or reads the environment.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { createAuthenticator } from './auth/authenticate';
import type { ScryptCost } from './auth/passwords';
import { createLoginLimiter } from './auth/rate-limit';
import type { LoginLimiter } from './auth/rate-limit';
import { DEFAULT_SESSION_TTL_MS } from './auth/sessions';
import type { BlobStore } from './blobs/blob-store';
import { DEFAULT_TILE_HOSTS } from './config';
import type { ServerConfig } from './config';
import { registerApiCompression } from './compression';
import type { Db } from './db/database';
import { handleClientError, handleError, shuttingDown } from './errors';
import { adminRoutes } from './routes/admin';
import { fieldPackRoutes } from './routes/field-pack';
import { tileSourceRoutes } from './routes/tile-source';
import { videoRoutes } from './routes/video';
import { auditRoutes } from './routes/audit';
import { dashboardRoutes } from './routes/dashboard';
import { claimRoutes } from './routes/claims';
import { authRoutes } from './routes/auth';
import { caseRoutes } from './routes/cases';
import { changeRoutes } from './routes/changes';
import { deviceRoutes } from './routes/devices';
import { docsRoutes } from './routes/docs';
import { healthRoutes } from './routes/health';
import { packetRoutes } from './routes/packets';
import { partyConfirmationRoutes } from './routes/party-confirmations';
import { photoRoutes } from './routes/photos';
import { reviewRoutes } from './routes/review';
import { stationRoutes } from './routes/station';
import { webhookRoutes } from './routes/webhooks';
import { registerStatic } from './routes/static';
import { inlineScriptHashes, registerSecurityHeaders } from './security-headers';
import { uploadRoutes } from './uploads/tus-uploads';
import { openUploadFolder, type UploadFolder } from './uploads/upload-sweep';
import { createGroupCommitter } from './db/group-commit';
import type { GroupCommitter } from './db/group-commit';
import type { Database } from './db/schema';
import { createDispatcher } from './webhooks/dispatcher';
import type { Dispatcher, DispatcherOptions } from './webhooks/dispatcher';

export interface AppDeps {
  db: Db;
  blobs: BlobStore;
  version: string;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** Fastify logger option; default: pino at config.logLevel. Tests pass false. */
  logger?: FastifyServerOptions['logger'];
  /** Login failure counter; default: per address and per account, in the database (auth/rate-limit.ts). */
  loginLimiter?: LoginLimiter;
  /** Refused party confirmations (counted like failed sign-ins, under `confirm:` keys). */
  confirmLimiter?: LoginLimiter;
  /** Password hashing cost for accounts made through the API (tests lower it). */
  scryptCost?: ScryptCost;
  /** The webhook dispatcher's ports (fetch, resolver, random) and timings; tests pass fakes. */
  webhooks?: Omit<DispatcherOptions, 'db' | 'now'>;
  /** Group commit of concurrent writes (db/group-commit.ts); the bench passes its own to read its stats. */
  commits?: GroupCommitter<Database>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The webhook dispatcher (webhooks/dispatcher.ts): made here, started by
     * main.ts (`start()`), stopped by `close()`; `kick()` after committing an event.
     */
    webhooks: Dispatcher;
    /** The unfinished uploads (uploads/upload-sweep.ts): main.ts sweeps the stale ones. */
    uploads: UploadFolder;
  }
}

export type AppConfig = Pick<ServerConfig, 'staticDir' | 'logLevel' | 'uploadDir'> &
  Partial<
    Pick<
      ServerConfig,
      'sessionTtlMs' | 'trustProxy' | 'tileHosts' | 'webhookTimeoutMs' | 'webhookPollMs'
    >
  >;

/** Case bodies carry every party, vehicle and photo's metadata: allow 4 MB of JSON. */
const JSON_BODY_LIMIT = 4 * 1024 * 1024;

/** A number of proxies as the hop test Fastify runs (its types take no number). */
const trustProxyOption = (trust: ServerConfig['trustProxy']) =>
  typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;

export function buildApp(config: AppConfig, deps: AppDeps): FastifyInstance {
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    // Photos arrive by tus (streamed, not parsed); JSON bodies stay small.
    bodyLimit: JSON_BODY_LIMIT,
    // Every refusal, Fastify's own included, answers in the one error shape:
    // router errors (bad percent-encoding, a too-long id), malformed HTTP, and
    // requests that arrive while closing (Fastify's built-in 503 has its own body).
    frameworkErrors: handleError,
    clientErrorHandler: handleClientError,
    return503OnClosing: false,
    trustProxy: trustProxyOption(config.trustProxy ?? false),
  });
  app.setErrorHandler(handleError);
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', (_request, _reply, done) => {
    done(closing ? shuttingDown() : undefined);
  });
  const tileHosts = config.tileHosts ?? DEFAULT_TILE_HOSTS;
  registerSecurityHeaders(app, { tileHosts, scriptHashes: servedScriptHashes(config.staticDir) });
  registerApiCompression(app);

  const { db, blobs } = deps;
  const now = deps.now ?? (() => new Date());
  const auth = createAuthenticator(db, now);
  const commits = deps.commits ?? createGroupCommitter(db);
  void app.register(healthRoutes, { db, version: deps.version, now });
  void app.register(docsRoutes, { version: deps.version });
  void app.register(authRoutes, {
    db,
    auth,
    now,
    sessionTtlMs: config.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    limiter: deps.loginLimiter ?? createLoginLimiter(db),
  });
  const webhooks = createDispatcher({
    db,
    now,
    timeoutMs: config.webhookTimeoutMs,
    pollMs: config.webhookPollMs,
    onError: (error) => app.log.error({ err: error }, 'webhook dispatch failed'),
    ...deps.webhooks,
  });
  app.decorate('webhooks', webhooks);
  app.addHook('onClose', () => webhooks.stop());
  void app.register(deviceRoutes, { db, auth, now });
  void app.register(photoRoutes, { db, blobs, auth, now });
  const uploads = openUploadFolder(config.uploadDir);
  app.decorate('uploads', uploads);
  void app.register(uploadRoutes, { db, blobs, auth, now, folder: uploads, commits });
  void app.register(caseRoutes, {
    db,
    blobs,
    auth,
    now,
    kick: () => webhooks.kick(),
    commits,
  });
  void app.register(changeRoutes, { db, auth });
  void app.register(partyConfirmationRoutes, {
    db,
    now,
    limiter: deps.confirmLimiter ?? createLoginLimiter(db),
  });
  void app.register(reviewRoutes, { db, blobs, auth, now });
  void app.register(packetRoutes, { db, blobs, auth, now });
  void app.register(claimRoutes, { db, auth, now });
  void app.register(stationRoutes, { db, auth, now });
  void app.register(adminRoutes, { db, auth, now, scryptCost: deps.scryptCost });
  void app.register(fieldPackRoutes, { db, auth, now });
  void app.register(tileSourceRoutes, { db, auth, now, tileHosts });
  void app.register(videoRoutes, { db, auth, now });
  void app.register(auditRoutes, { db, auth });
  void app.register(dashboardRoutes, { db, auth, now });
  void app.register(webhookRoutes, {
    db,
    auth,
    now,
    kick: () => webhooks.kick(),
    resolve: deps.webhooks?.resolve,
  });
  registerStatic(app, { root: config.staticDir });
  return app;
}

/** The CSP hashes of the built index.html's inline scripts (none without a build). */
function servedScriptHashes(staticDir: string): string[] {
  try {
    return inlineScriptHashes(readFileSync(path.join(staticDir, 'index.html'), 'utf8'));
  } catch {
    return [];
  }
}
