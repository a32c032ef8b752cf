/** GET /api/health and the API description routes. */
import * as z from 'zod/mini';
import { defineRoute } from './route';

export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  /** Server clock, ISO 8601: lets a device notice its own clock is off. */
  time: z.string(),
  db: z.literal('ok'),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const healthRoutes = [
  defineRoute({
    id: 'health.get',
    method: 'GET',
    path: '/api/health',
    summary: 'The server is up and its database answers',
    access: 'public',
    scoped: false,
    responses: {
      200: { description: 'Up', schema: HealthResponse },
      503: { description: 'Database not answering' },
    },
  }),
  defineRoute({
    id: 'docs.openapi',
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'This OpenAPI 3.1 document, generated from src/contracts',
    access: 'public',
    scoped: false,
    responses: { 200: { description: 'The OpenAPI document' } },
  }),
  defineRoute({
    id: 'docs.page',
    method: 'GET',
    path: '/api/docs',
    summary: 'A browsable page of the OpenAPI document (no external scripts)',
    access: 'public',
    scoped: false,
    responses: { 200: { description: 'HTML', mediaType: 'text/html' } },
  }),
] as const;
