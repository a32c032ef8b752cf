import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../scripts/precompress';
import { buildApp } from './app';
import { negotiateEncoding } from './compression';
import { IMMUTABLE, REVALIDATE } from './routes/static';
import { openTempServerFixture } from './test-support';
import type { TempServerFixture } from './test-support';

/** Text that compresses, above the 1 KB floor. */
const big = (label: string) =>
  `${label}:${Array.from({ length: 400 }, (_, i) => `line ${i % 37}`).join('\n')}`;
const INDEX_HTML = `<!doctype html><title>Kuaichu</title><!--${big('shell')}-->`;
const ASSET_JS = `console.log(${JSON.stringify(big('asset'))});`;
const SW_JS = `self.addEventListener('install', () => {}); // ${big('sw')}`;
const TINY_JS = 'console.log(1);';

let fx: TempServerFixture;
let app: FastifyInstance;

beforeAll(async () => {
  fx = await openTempServerFixture();
  const dist = path.join(fx.dir, 'dist');
  await fs.mkdir(path.join(dist, 'assets'), { recursive: true });
  await fs.writeFile(path.join(dist, 'index.html'), INDEX_HTML);
  await fs.writeFile(path.join(dist, 'sw.js'), SW_JS);
  await fs.writeFile(path.join(dist, 'assets', 'index-Ab12Cd34.js'), ASSET_JS);
  await fs.writeFile(path.join(dist, 'assets', 'tiny-Ab12Cd34.js'), TINY_JS);
  await precompressDir(dist);
  app = buildApp(
    { staticDir: dist, logLevel: 'silent', uploadDir: path.join(fx.dir, 'uploads') },
    { db: fx.db, blobs: fx.blobs, version: '9.9.9-test', logger: false },
  );
});

afterAll(async () => {
  await app.close();
  await fx.cleanup();
});

const decode = (encoding: string | undefined, body: Buffer): string => {
  if (encoding === 'br') return zlib.brotliDecompressSync(body).toString('utf8');
  if (encoding === 'gzip') return zlib.gunzipSync(body).toString('utf8');
  return body.toString('utf8');
};

describe('precompressed static files', () => {
  const cases = [
    { url: '/assets/index-Ab12Cd34.js', body: ASSET_JS, cache: IMMUTABLE, type: /javascript/ },
    { url: '/sw.js', body: SW_JS, cache: REVALIDATE, type: /javascript/ },
    { url: '/', body: INDEX_HTML, cache: REVALIDATE, type: /^text\/html/ },
    { url: '/cases/some-case', body: INDEX_HTML, cache: REVALIDATE, type: /^text\/html/ },
  ];
  for (const { url, body, cache, type } of cases) {
    for (const [accept, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      [undefined, undefined],
      ['identity', undefined],
    ] as const) {
      it(`serves ${url} ${encoding ?? 'uncompressed'} to Accept-Encoding: ${accept ?? '(none)'}`, async () => {
        const res = await app.inject({
          url,
          headers: { accept: 'text/html,*/*', ...(accept && { 'accept-encoding': accept }) },
        });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-encoding']).toBe(encoding);
        expect(res.headers['content-type']).toMatch(type);
        expect(res.headers['cache-control']).toBe(cache);
        expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
        expect(Number(res.headers['content-length'])).toBe(res.rawPayload.byteLength);
        expect(decode(encoding, res.rawPayload)).toBe(body);
        if (encoding) expect(res.rawPayload.byteLength).toBeLessThan(body.length / 2);
      });
    }
  }

  it('serves a file too small to compress as it is, whatever is accepted', async () => {
    const res = await app.inject({
      url: '/assets/tiny-Ab12Cd34.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(TINY_JS);
  });
});

describe('compressed API answers', () => {
  it('compresses a JSON answer above 1 KB for a client that accepts br or gzip', async () => {
    const plain = await app.inject({ url: '/api/openapi.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(String(plain.headers.vary)).toMatch(/accept-encoding/i);
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip;q=1, br;q=0', 'gzip'],
    ] as const) {
      const res = await app.inject({
        url: '/api/openapi.json',
        headers: { 'accept-encoding': accept },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
      expect(Number(res.headers['content-length'])).toBe(res.rawPayload.byteLength);
      expect(res.rawPayload.byteLength).toBeLessThan(plain.rawPayload.byteLength / 3);
      expect(decode(encoding, res.rawPayload)).toBe(plain.body);
    }
  });

  it('leaves a small JSON answer as it is', async () => {
    const res = await app.inject({
      url: '/api/health',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toMatchObject({ status: 'ok' });
  });
});

describe('negotiateEncoding', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['identity', undefined],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['deflate, br;q=0.5', 'br'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});
