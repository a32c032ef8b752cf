import fs from 'node:fs/promises';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { buildApp } from './app';
import { HttpError, parseInput } from './errors';
import { IMMUTABLE, REVALIDATE } from './routes/static';
import { openTempServerFixture } from './test-support';
import type { TempServerFixture } from './test-support';

const NOW = new Date('2026-11-27T09:30:00.000Z');
const INDEX_HTML = '<!doctype html><title>Kuaichu test shell</title>';

let fx: TempServerFixture;
let staticDir: string;
let app: FastifyInstance;

async function writeBuild(dir: string): Promise<void> {
  await fs.mkdir(path.join(dir, 'assets'), { recursive: true });
  await fs.writeFile(path.join(dir, 'index.html'), INDEX_HTML);
  await fs.writeFile(path.join(dir, 'sw.js'), 'self.addEventListener("install", () => {});');
  await fs.writeFile(path.join(dir, 'assets', 'index-Ab12Cd34.js'), 'console.log(1);');
}

function makeApp(dir = staticDir): FastifyInstance {
  return buildApp(
    { staticDir: dir, logLevel: 'silent', uploadDir: path.join(fx.dir, 'uploads') },
    { db: fx.db, blobs: fx.blobs, version: '9.9.9-test', now: () => NOW, logger: false },
  );
}

beforeEach(async () => {
  fx = await openTempServerFixture();
  staticDir = path.join(fx.dir, 'dist');
  await writeBuild(staticDir);
  app = makeApp();
});

afterEach(async () => {
  await app.close();
  await fx.cleanup();
});

describe('GET /api/health', () => {
  it('answers ok with version, server time and a live database', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      version: '9.9.9-test',
      time: '2026-11-27T09:30:00.000Z',
      db: 'ok',
    });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers 503 in the common error shape when the database is gone', async () => {
    await fx.db.destroy();

    const res = await app.inject({ method: 'GET', url: '/api/health' });

    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      error: { code: 'db_unavailable', message: 'The database is not answering.' },
    });
  });
});

describe('unknown API routes', () => {
  it.each([
    ['GET', 'text/html,application/xhtml+xml'],
    ['GET', 'application/json'],
    ['POST', 'application/json'],
    ['DELETE', '*/*'],
  ] as const)('%s with Accept %s is a JSON 404, never the SPA', async (method, accept) => {
    const res = await app.inject({ method, url: '/api/no/such/route?x=1', headers: { accept } });

    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({
      error: { code: 'not_found', message: `No route for ${method} /api/no/such/route.` },
    });
  });

  it('treats /api itself as API', async () => {
    const res = await app.inject({ url: '/api', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('error handler', () => {
  it('turns a thrown error into a JSON 500 without message details or stack', async () => {
    app.get('/api/boom', async () => {
      throw new Error('secret detail: password=hunter2 at /srv/x.ts:12');
    });

    const res = await app.inject({ url: '/api/boom' });

    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: { code: 'internal', message: 'Something went wrong on the server.' },
    });
    expect(res.body).not.toMatch(/hunter2|stack|\.ts:\d+/);
  });

  it('logs the stack of a server fault instead of sending it', async () => {
    const lines: string[] = [];
    const logged = buildApp(
      { staticDir, logLevel: 'error', uploadDir: path.join(fx.dir, 'uploads') },
      {
        db: fx.db,
        blobs: fx.blobs,
        version: 'x',
        logger: { level: 'error', stream: { write: (line: string) => void lines.push(line) } },
      },
    );
    logged.get('/api/boom', async () => {
      throw new Error('kaboom-for-the-log');
    });
    try {
      const res = await logged.inject({ url: '/api/boom' });

      expect(res.statusCode).toBe(500);
      expect(res.body).not.toMatch(/kaboom/);
      const entry = lines
        .map((l) => JSON.parse(l) as { err?: { stack?: string } })
        .find((l) => l.err);
      expect(entry?.err?.stack).toMatch(/kaboom-for-the-log/);
    } finally {
      await logged.close();
    }
  });

  it('passes an HttpError through with its status and code', async () => {
    app.get('/api/teapot', async () => {
      throw new HttpError(409, 'case_locked', 'The case is signed and cannot change.');
    });

    const res = await app.inject({ url: '/api/teapot' });

    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: { code: 'case_locked', message: 'The case is signed and cannot change.' },
    });
  });

  it('lists the fields at fault when zod refuses a body', async () => {
    const Body = z.object({ plate: z.string().check(z.minLength(5)), count: z.number() });
    app.post('/api/zod', async (request) => Body.parse(request.body));

    const res = await app.inject({ method: 'POST', url: '/api/zod', payload: { plate: 'A1' } });

    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; fields: { path: string }[] } }>();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields.map((f) => f.path).sort()).toEqual(['count', 'plate']);
  });

  it('says what each refused field should have been', async () => {
    const Body = z.object({ plate: z.string().check(z.minLength(5)), count: z.number() });
    app.post('/api/zod-words', async (request) => parseInput(Body, request.body, 'body'));

    const res = await app.inject({
      method: 'POST',
      url: '/api/zod-words',
      payload: { plate: 'A1' },
    });

    const body = res.json<{ error: { fields: { path: string; message: string }[] } }>();
    expect(Object.fromEntries(body.error.fields.map((f) => [f.path, f.message]))).toEqual({
      'body.plate': 'Too small: expected string to have >=5 characters',
      'body.count': 'Invalid input: expected number, received undefined',
    });
  });

  it('lists the fields at fault when a Fastify route schema refuses a body', async () => {
    app.post(
      '/api/schema',
      {
        schema: {
          body: {
            type: 'object',
            required: ['caseId'],
            properties: { caseId: { type: 'string' }, n: { type: 'integer' } },
          },
        },
      },
      async () => ({ ok: true }),
    );

    const res = await app.inject({ method: 'POST', url: '/api/schema', payload: { n: 'x' } });

    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; fields: { path: string }[] } }>();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields.map((f) => f.path)).toContain('body.caseId');
  });

  it('keeps Fastify client errors as 4xx with their code', async () => {
    app.post('/api/echo', async (request) => request.body);

    const res = await app.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });

    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toMatch(/^fst_err_/);
  });
});

describe('static PWA', () => {
  it('falls back to index.html with no-cache for an HTML navigation', async () => {
    const res = await app.inject({
      url: '/cases/0190f3a1-7b2c-7000-8000-000000000001',
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe(REVALIDATE);
    expect(res.body).toBe(INDEX_HTML);
  });

  it('serves / as index.html with no-cache', async () => {
    const res = await app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(REVALIDATE);
    expect(res.body).toBe(INDEX_HTML);
  });

  it('serves sw.js with no-cache so updates are noticed', async () => {
    const res = await app.inject({ url: '/sw.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(REVALIDATE);
  });

  it('serves hashed assets as immutable', async () => {
    const res = await app.inject({ url: '/assets/index-Ab12Cd34.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.body).toBe('console.log(1);');
  });

  it('answers 404, not the shell, for a missing file that is not a navigation', async () => {
    const res = await app.inject({ url: '/assets/gone-123.js', headers: { accept: '*/*' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('says the app is not built when the static folder has no index.html', async () => {
    const bare = makeApp(path.join(fx.dir, 'no-build'));
    try {
      const res = await bare.inject({ url: '/', headers: { accept: 'text/html' } });
      expect(res.statusCode).toBe(503);
      expect(res.body).toMatch(/not built/);
      const api = await bare.inject({ url: '/api/health' });
      expect(api.statusCode).toBe(200);
    } finally {
      await bare.close();
    }
  });
});

describe('every error in the one shape', () => {
  /** The whole body is `{ error: { code, message, fields?, details? } }` and nothing else. */
  function expectErrorShape(
    res: { statusCode: number; headers: Record<string, unknown>; body: string },
    status: number,
    code: string,
  ) {
    expect(res.statusCode).toBe(status);
    expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
    const body = JSON.parse(res.body) as { error: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).filter((k) => !['fields', 'details'].includes(k))).toEqual([
      'code',
      'message',
    ]);
    expect(body.error.code).toBe(code);
    expect(res.body).not.toContain(fx.dir);
  }

  const long = 'a'.repeat(300);

  it.each([
    ['DELETE', `/api/uploads/${long}.json`, 414, 'uri_too_long'],
    ['GET', `/api/cases/${long}`, 404, 'not_found'],
    ['GET', `/api/%E0%A4%A`, 400, 'bad_url'],
    ['GET', `/${long}`, 404, 'not_found'],
    ['GET', `/assets/%00x.js`, 404, 'not_found'],
  ] as const)('%s %s answers %i %s', async (method, url, status, code) => {
    expectErrorShape(await app.inject({ method, url }), status, code);
  });

  it('answers a request that arrives while the server closes with 503 in the shape', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    app.get('/api/test-slow', async () => {
      await held;
      return { ok: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    socket.setEncoding('utf8');
    let raw = '';
    socket.on('data', (chunk: string) => (raw += chunk));
    const ended = new Promise((resolve) => socket.on('close', resolve));
    socket.write('GET /api/test-slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));

    const closing = app.close();
    // Pipelined on the busy connection, so it reaches the server while it closes.
    socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await closing;
    await ended;

    const second = raw.slice(raw.indexOf('HTTP/1.1', 1));
    const [head = '', body = ''] = second.split('\r\n\r\n');
    expectErrorShape(
      {
        statusCode: Number(head.split(' ')[1]),
        headers: { 'content-type': /content-type: ([^\r]+)/i.exec(head)?.[1] },
        body,
      },
      503,
      'shutting_down',
    );
  });

  it('answers a malformed HTTP request in the shape', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;

    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });

    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head.toLowerCase()).toContain('content-type: application/json');
    expect(JSON.parse(body)).toEqual({
      error: { code: 'bad_request', message: expect.any(String) as string },
    });
  });
});
