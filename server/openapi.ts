/**
 * The OpenAPI 3.1 document, generated from the route contracts of
 * src/contracts with `z.toJSONSchema` (JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1). Nothing here is written by hand per route, so the document
 * cannot drift from what the handlers parse.
 */
import * as z from 'zod/mini';
import { COMMON_ERROR_CODES, ErrorBody } from '../src/contracts/errors';
import { ROLES } from '../src/contracts/route';
import type { RouteSpec, Schema } from '../src/contracts/route';
import { CaseReturnedEvent, PacketEvent } from '../src/contracts/webhooks';

type Json = Record<string, unknown>;

const ERROR_REF = { $ref: '#/components/schemas/ErrorBody' };

function jsonSchema(schema: Schema, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Json;
  delete out['$schema'];
  return out;
}

/** `/api/cases/:id` → `/api/cases/{id}`. */
export const openApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function parameters(route: RouteSpec): Json[] {
  const list: Json[] = [];
  const add = (schema: Schema | undefined, where: 'path' | 'query') => {
    if (!schema) return;
    const js = jsonSchema(schema, 'input');
    const props = (js['properties'] ?? {}) as Record<string, Json>;
    const required = new Set((js['required'] ?? []) as string[]);
    for (const [name, s] of Object.entries(props)) {
      list.push({ name, in: where, required: where === 'path' || required.has(name), schema: s });
    }
  };
  add(route.params, 'path');
  add(route.query, 'query');
  for (const [name, value] of Object.entries(route.headers ?? {})) {
    list.push({
      name,
      in: 'header',
      required: true,
      schema: { type: 'string' },
      description: value,
    });
  }
  return list;
}

function responses(route: RouteSpec): Json {
  const out: Json = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    const media = spec.mediaType ?? 'application/json';
    out[status] = spec.schema
      ? {
          description: spec.description,
          content: { [media]: { schema: jsonSchema(spec.schema, 'output') } },
        }
      : { description: spec.description };
  }
  const common = (status: number, description: string) => {
    if (!(status in out)) {
      out[String(status)] = { description, content: { 'application/json': { schema: ERROR_REF } } };
    }
  };
  if (route.params || route.query || route.body)
    common(400, '`validation_failed`: `fields` lists the inputs at fault');
  if (route.access !== 'public') {
    common(401, '`unauthenticated`: no session, or it expired or was revoked');
    if (route.access.length < ROLES.length)
      common(403, '`forbidden_role`: the role may not call this');
  }
  if (route.scoped) common(404, '`not_found`: absent or outside the session’s scope (same answer)');
  common(500, '`internal`: server fault (no details)');
  return out;
}

function operation(route: RouteSpec): Json {
  const roles =
    route.access === 'public'
      ? 'Public.'
      : `Roles: ${route.access.join(', ')}.${route.scoped ? ' Scoped: 404 outside the session’s scope.' : ''}`;
  const op: Json = {
    operationId: route.id,
    summary: route.summary,
    description: [route.description, roles].filter(Boolean).join('\n\n'),
    tags: [route.id.split('.')[0]],
    security: route.access === 'public' ? [] : [{ bearer: [] }],
    parameters: parameters(route),
    responses: responses(route),
  };
  if (route.body) {
    op['requestBody'] = {
      required: true,
      content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
    };
  }
  return op;
}

/**
 * OpenAPI 3.1 `webhooks`: what Kuaichu POSTs to an insurer's endpoint, one
 * entry per event type, with the Standard Webhooks headers (docs/insurers.md).
 */
function webhookOperations(): Record<string, Json> {
  const events: readonly [string, Schema, string][] = [
    ['packet.created', PacketEvent, 'A claim packet for a determined case'],
    ['packet.updated', PacketEvent, 'A packet replacing an earlier one (`data.supersedes`)'],
    [
      'case.returned',
      CaseReturnedEvent,
      'The case went back to the police; the packet no longer holds',
    ],
  ];
  const header = (name: string, description: string) => ({
    name,
    in: 'header',
    required: true,
    description,
    schema: { type: 'string' },
  });
  return Object.fromEntries(
    events.map(([type, schema, summary]) => [
      type,
      {
        post: {
          operationId: `webhook.${type}`,
          summary,
          parameters: [
            header('webhook-id', 'The message id: the same on every retry and replay; dedup by it'),
            header('webhook-timestamp', 'Seconds since the epoch, when this attempt was signed'),
            header(
              'webhook-signature',
              '`v1,<base64>`, space-separated (two during a secret rotation)',
            ),
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(schema, 'output') } },
          },
          responses: {
            '2XX': { description: 'Taken (answer within the timeout; work afterwards)' },
            '410': { description: 'Gone: the endpoint is disabled and nothing more is sent' },
            default: { description: 'Anything else is retried with backoff for three days' },
          },
        },
      },
    ]),
  );
}

/** The whole document for `routes`. */
export function buildOpenApi(routes: readonly RouteSpec[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kuaichu API',
      version,
      description:
        'Errors always have the shape `ErrorBody`. Common codes: ' +
        Object.entries(COMMON_ERROR_CODES)
          .map(([code, what]) => `\`${code}\` — ${what}`)
          .join('; '),
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    webhooks: webhookOperations(),
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Token from POST /api/auth/login' },
      },
      schemas: { ErrorBody: jsonSchema(ErrorBody, 'output') },
    },
  };
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A self-contained HTML page of the document (no scripts, works offline). */
export function openApiHtml(doc: Json): string {
  const section = (entries: Record<string, Record<string, Json>>, label?: string) =>
    Object.entries(entries).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        const detail = escapeHtml(JSON.stringify(op, null, 2));
        return `<details><summary><code>${label ?? method.toUpperCase()} ${escapeHtml(path)}</code> — ${escapeHtml(String(op['summary']))}</summary><pre>${detail}</pre></details>`;
      }),
    );
  const paths = doc['paths'] as Record<string, Record<string, Json>>;
  const webhooks = (doc['webhooks'] ?? {}) as Record<string, Record<string, Json>>;
  const sections = [
    ...section(paths),
    '<h2>Webhooks (POSTed to an insurer’s endpoint)</h2>',
    ...section(webhooks, 'WEBHOOK'),
  ];
  const info = doc['info'] as Json;
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Kuaichu API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}summary{cursor:pointer;padding:.3rem 0}pre{background:#f4f4f4;padding:.75rem;overflow:auto;font-size:12px}</style>
<h1>Kuaichu API <small>${escapeHtml(String(info['version']))}</small></h1>
<p>${escapeHtml(String(info['description']))}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
${sections.join('\n')}
</html>`;
}
