import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { API_ROUTES, routeSpec } from './routes';

describe('route contracts', () => {
  it('have unique ids and unique method + path pairs', () => {
    const ids = API_ROUTES.map((r) => r.id);
    const keys = API_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('declare a params schema naming exactly the path parameters', () => {
    for (const route of API_ROUTES) {
      const inPath = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]).sort();
      const schema = route.params ? (z.toJSONSchema(route.params) as { properties?: object }) : {};
      expect(Object.keys(schema.properties ?? {}).sort(), route.id).toEqual(inPath);
    }
  });

  it('give scoped routes an object to scope (a path parameter) and sessions to public-less routes', () => {
    for (const route of API_ROUTES) {
      if (route.scoped) expect(route.params, route.id).toBeDefined();
      if (route.access !== 'public') expect(route.access.length, route.id).toBeGreaterThan(0);
    }
  });

  it('throws for an unknown id', () => {
    expect(() => routeSpec('nope.nothing')).toThrow(/no route contract/);
  });
});
