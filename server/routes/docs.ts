/** GET /api/openapi.json and GET /api/docs: the API described by its own contracts. */
import type { FastifyPluginAsync } from 'fastify';
import { API_ROUTES } from '../../src/contracts/routes';
import { buildOpenApi, openApiHtml } from '../openapi';

export interface DocsOptions {
  version: string;
}

export const docsRoutes: FastifyPluginAsync<DocsOptions> = async (app, { version }) => {
  const doc = buildOpenApi(API_ROUTES, version);
  const html = openApiHtml(doc);
  app.get('/api/openapi.json', async (_request, reply) => {
    void reply.header('cache-control', 'no-cache');
    return doc;
  });
  app.get('/api/docs', async (_request, reply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html),
  );
};
