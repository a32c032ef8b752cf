import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '../src/contracts/routes';
import { openApiPath } from './openapi';
import { openTestWorld } from './test-world';
import type { TestWorld } from './test-world';

let w: TestWorld;

beforeAll(async () => {
  w = await openTestWorld();
});

afterAll(async () => {
  await w.close();
});

describe('OpenAPI', () => {
  it('serves a 3.1 document with every contract route, its schemas and its error answers', async () => {
    const res = await w.app.inject({ url: '/api/openapi.json' });

    expect(res.statusCode).toBe(200);
    const doc = res.json<{
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          { operationId: string; responses: Record<string, unknown>; requestBody?: unknown }
        >
      >;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    for (const route of API_ROUTES) {
      const op = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      expect(op?.operationId, route.id).toBe(route.id);
      if (route.access !== 'public')
        expect(Object.keys(op?.responses ?? {}), route.id).toContain('401');
      if (route.scoped) expect(Object.keys(op?.responses ?? {}), route.id).toContain('404');
      if (route.body) expect(op?.requestBody, route.id).toBeDefined();
    }
    const put = doc.paths['/api/cases/{id}']?.['put'];
    expect(JSON.stringify(put?.requestBody)).toContain('previousManifestHash');
    const action = JSON.stringify(doc.paths['/api/cases/{id}/actions']?.['post']?.requestBody);
    expect(action).toContain('"amend"');
    expect(action).toContain('"amendment"');
    const changes = JSON.stringify(doc.paths['/api/changes']?.['get']?.responses);
    expect(changes).toContain('"amended"');
    expect(changes).toContain('"amendment"');
  });

  it('describes what an insurer’s endpoint receives, one webhook per event type', async () => {
    const doc = (await w.app.inject({ url: '/api/openapi.json' })).json<{
      webhooks: Record<string, { post: { parameters: { name: string }[]; requestBody: unknown } }>;
    }>();

    expect(Object.keys(doc.webhooks)).toEqual([
      'packet.created',
      'packet.updated',
      'case.returned',
    ]);
    const created = doc.webhooks['packet.created']?.post;
    expect(created?.parameters.map((p) => p.name)).toEqual([
      'webhook-id',
      'webhook-timestamp',
      'webhook-signature',
    ]);
    expect(JSON.stringify(created?.requestBody)).toContain('packetVersion');
    expect(JSON.stringify(doc.webhooks['case.returned']?.post.requestBody)).toContain('packetId');
  });

  it('has a handler for every contract route', () => {
    for (const route of API_ROUTES) {
      expect(
        w.app.hasRoute({ method: route.method, url: route.path }),
        `${route.method} ${route.path}`,
      ).toBe(true);
    }
  });

  it('serves a browsable page without external scripts', async () => {
    const res = await w.app.inject({ url: '/api/docs' });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('PUT /api/cases/{id}');
    expect(res.body).toContain('WEBHOOK packet.created');
    expect(res.body).not.toMatch(/<script/i);
  });
});
