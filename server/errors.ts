/**
 * One error shape for every API response: `{ error: { code, message, fields? } }`
 * (the schema is `ErrorBody` in src/contracts/errors.ts). Routes throw
 * {@link HttpError} (or let zod / Fastify validation throw); the handler maps
 * everything else to a 500 whose details go to the log, never to the client.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod/mini';
import type { ErrorBody, FieldProblem } from '../src/contracts/errors';
import { TEXT_MESSAGES, isWellFormed } from '../src/domain/text';
import { BlobStoreUnavailableError } from './blobs/blob-store';

export type { ErrorBody, FieldProblem };

/** An error a route means to show the client, with a stable snake_case code. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  /** Response headers to add (e.g. `Retry-After` on a 429). */
  headers: Record<string, string> = {};
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldProblem[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const errorBody = (
  code: string,
  message: string,
  fields?: FieldProblem[],
  details?: Record<string, unknown>,
): ErrorBody => ({
  error: { code, message, ...(fields ? { fields } : {}), ...(details ? { details } : {}) },
});

/**
 * Parses one part of a request with its contract schema; a refusal is a 400
 * whose field paths start with the part (`body.case.id`, `querystring.cursor`).
 */
// zod/mini ships without message texts ("Invalid input"); the server answers
// API clients in English, so it loads zod's English messages once.
z.config(z.locales.en());

export function parseInput<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  part: 'body' | 'params' | 'querystring' | 'headers',
): z.core.output<S> {
  const illFormed = wellFormedShallow(value, 0) ? [] : illFormedPaths(value);
  if (illFormed.length > 0) {
    const fields = illFormed.map((at) => ({
      path: [part, ...at].join('.'),
      message: TEXT_MESSAGES.illFormed,
    }));
    throw new HttpError(400, 'validation_failed', 'The request is not valid.', fields);
  }
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new HttpError(400, 'validation_failed', 'The request is not valid.', fields);
}

/** A place in the input, linked to its parent so a deep walk copies no paths. */
interface At {
  key: string;
  parent: At | undefined;
}

const pathOf = (at: At | undefined): string[] => {
  const path: string[] = [];
  for (let a = at; a; a = a.parent) path.push(a.key);
  return path.reverse();
};

/** Most nesting the quick check below recurses into; deeper input takes the walk without recursion. */
const QUICK_DEPTH = 64;

/**
 * True when every string (value or key) in `value` is well-formed and it
 * nests at most QUICK_DEPTH deep: the common case, checked without building
 * any path (the walk below, which names the places, runs only otherwise).
 */
function wellFormedShallow(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return isWellFormed(value);
  if (typeof value !== 'object' || value === null) return true;
  if (depth >= QUICK_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!wellFormedShallow(item, depth + 1)) return false;
    return true;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    if (!isWellFormed(key) || !wellFormedShallow(record[key], depth + 1)) return false;
  }
  return true;
}

/**
 * Where a request holds a string (value or key) with no UTF-8 form: such text
 * would be stored as other bytes than were hashed, so it is refused here, for
 * every route, before any schema sees it. Walks without recursion: JSON may
 * nest deeper than the stack.
 */
function illFormedPaths(value: unknown): string[][] {
  const found: (At | undefined)[] = [];
  const stack: { value: unknown; at: At | undefined }[] = [{ value, at: undefined }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value: v, at } = item;
    if (typeof v === 'string') {
      if (!isWellFormed(v)) found.push(at);
    } else if (typeof v === 'object' && v !== null) {
      for (const [key, child] of Object.entries(v)) {
        const here = { key, parent: at };
        if (!isWellFormed(key)) found.push(here);
        stack.push({ value: child, at: here });
      }
    }
  }
  return found.reverse().map(pathOf);
}

interface AjvIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Fastify's own schema validation (ajv) errors → field list. */
function ajvFields(context: string | undefined, issues: AjvIssue[]): FieldProblem[] {
  return issues.map((issue) => {
    const missing = issue.params?.['missingProperty'];
    const segments = (issue.instancePath ?? '').split('/').filter(Boolean);
    if (typeof missing === 'string') segments.push(missing);
    return {
      path: [context ?? 'request', ...segments].join('.'),
      message: issue.message ?? 'is invalid',
    };
  });
}

function zodFields(error: z.core.$ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

interface ErrorLike {
  statusCode?: unknown;
  code?: unknown;
  message?: unknown;
  validation?: AjvIssue[];
  validationContext?: string;
}

/**
 * Fastify's and its plugins' own refusals whose status, code or message does
 * not say it plainly (their messages echo the path back).
 */
const FRAMEWORK_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'uri_too_long',
    message: 'A part of the path is longer than any id the server knows.',
  },
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'bad_url',
    message: 'The path is not valid percent-encoded UTF-8.',
  },
  // @fastify/static: a path that cannot name a file (too long, a NUL byte …) is simply not there.
  FST_STATIC_FORBIDDEN_PATH: { status: 404, code: 'not_found', message: 'No such file.' },
};

/** The 503 answered while the blob store (an S3 bucket) cannot be reached: nothing was stored. */
export const storageUnavailableBody = (): ErrorBody =>
  errorBody(new BlobStoreUnavailableError().code, BlobStoreUnavailableError.publicMessage);

/** Classifies any thrown value into a status and a body safe to send. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof BlobStoreUnavailableError)
    return { status: 503, body: storageUnavailableBody() };
  if (error instanceof HttpError) {
    return {
      status: error.statusCode,
      body: errorBody(error.code, error.message, error.fields, error.details),
    };
  }
  if (error instanceof z.core.$ZodError) {
    return {
      status: 400,
      body: errorBody('validation_failed', 'The request is not valid.', zodFields(error)),
    };
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  if (Array.isArray(e.validation)) {
    const fields = ajvFields(e.validationContext, e.validation);
    return {
      status: 400,
      body: errorBody('validation_failed', 'The request is not valid.', fields),
    };
  }
  const framework = typeof e.code === 'string' ? FRAMEWORK_ERRORS[e.code] : undefined;
  if (framework)
    return { status: framework.status, body: errorBody(framework.code, framework.message) };
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) {
    // Fastify's client errors (bad JSON, body too large, wrong media type) carry safe messages.
    const code = typeof e.code === 'string' ? e.code.toLowerCase() : 'bad_request';
    const message = typeof e.message === 'string' ? e.message : 'Bad request.';
    return { status, body: errorBody(code, message) };
  }
  return { status: 500, body: errorBody('internal', 'Something went wrong on the server.') };
}

/** Fastify error handler: log server faults with their stack, answer with {@link ErrorBody}. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = toErrorResponse(error);
  if (error instanceof HttpError) void reply.headers(error.headers);
  // The store's one line says it all (which store, what failed): no stack.
  if (error instanceof BlobStoreUnavailableError) request.log.error(error.message);
  else if (status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: body.error.code, status }, 'request refused');
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** The 503 for a request that arrives while the server shuts down. */
export const shuttingDown = (): HttpError =>
  new HttpError(503, 'shutting_down', 'The server is shutting down; try again in a moment.');

/**
 * Node's `clientError` (a request that is not HTTP, headers too large, a
 * timeout): no request object exists, so the answer is written to the socket.
 */
export function handleClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout', 'The request took too long to arrive.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'The request headers are too large.']
        : [400, 'bad_request', 'The request is not valid HTTP.'];
  const body = JSON.stringify(errorBody(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
