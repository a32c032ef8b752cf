/**
 * The built PWA, and the 404 policy for everything no route claims:
 *  - `/api/*` always answers a JSON 404 (a client must never parse index.html
 *    as an API answer);
 *  - a GET/HEAD that accepts text/html gets index.html (SPA navigation);
 *  - anything else (a missing script, image) is a plain 404.
 * Caching: Vite's hashed files under /assets are immutable; index.html, sw.js
 * and every other unhashed file revalidate on each load, so an update is seen.
 * Compression: the build writes `.br` and `.gz` siblings of every text file
 * (scripts/precompress.ts); `preCompressed` sends the one `Accept-Encoding`
 * allows, with `Content-Encoding` and `Vary: Accept-Encoding`, and the file
 * itself to a client that accepts neither. Nothing is compressed per request.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../errors';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export interface StaticOptions {
  /** Absolute folder of the built PWA. */
  root: string;
}

export const isApiPath = (url: string): boolean => /^\/api(?:[/?#]|$)/.test(url);

const wantsHtml = (request: FastifyRequest): boolean =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  (request.headers.accept ?? '').includes('text/html');

/** Registers static serving and the not-found handler on the root instance. */
export function registerStatic(app: FastifyInstance, { root }: StaticOptions): void {
  const hasBuild = fs.existsSync(path.join(root, 'index.html'));
  if (hasBuild) {
    void app.register(fastifyStatic, {
      root,
      cacheControl: false, // set below, per file
      dotfiles: 'ignore',
      preCompressed: true,
      setHeaders(reply, filePath) {
        const rel = path.relative(root, filePath).split(path.sep).join('/');
        void reply.header('cache-control', rel.startsWith('assets/') ? IMMUTABLE : REVALIDATE);
      },
    });
  } else {
    app.log.warn({ staticDir: root }, 'no built app (index.html missing): run `npm run build`');
  }

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (!isApiPath(request.url) && wantsHtml(request)) {
      if (hasBuild) return reply.header('cache-control', REVALIDATE).sendFile('index.html');
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('Kuaichu: the app is not built yet. Run `npm start` (it builds) or `npm run build`.');
    }
    return reply
      .code(404)
      .type('application/json; charset=utf-8')
      .send(errorBody('not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`));
  });
}
