/**
 * A route's contract as data: method, path, who may call it, and the zod
 * schemas of its parameters, body and answers. The server registers its
 * handlers against these entries, the OpenAPI document is generated from
 * them, and a test calls every entry with every role's session.
 */
import * as z from 'zod/mini';

export const ROLES = ['officer', 'reviewer', 'insurer', 'admin', 'station'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Any zod schema (classic or mini). */
export type Schema = z.core.$ZodType;

export interface ResponseSpec {
  description: string;
  /** JSON body schema; absent for an empty body. */
  schema?: Schema;
  /** Media type when it is not JSON (the docs page). */
  mediaType?: string;
}

export interface RouteSpec {
  /** Stable id, `group.action`, used by tests and the OpenAPI operationId. */
  id: string;
  method: HttpMethod;
  /** Fastify-style path (`/api/cases/:id`); OpenAPI gets `{id}`. */
  path: string;
  summary: string;
  description?: string;
  /** `public`: no session needed. Otherwise the roles that may call it (others get 403). */
  access: 'public' | readonly Role[];
  /**
   * True when the route names one object in its path: an object outside the
   * session's scope answers 404, exactly as one that does not exist.
   */
  scoped: boolean;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** Request headers that matter (tus). */
  headers?: Readonly<Record<string, string>>;
  responses: Readonly<Record<number, ResponseSpec>>;
}

/** Identity helper that keeps the literal types of a route entry. */
export const defineRoute = <const R extends RouteSpec>(route: R): R => route;

/** A UUID path parameter named `id`. */
export const IdParams = z.object({ id: z.uuid() });
export type IdParams = z.infer<typeof IdParams>;
