import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import type { AppConfig } from './app';
import { inlineScriptHashes } from './security-headers';
import { openTempServerFixture } from './test-support';
import type { TempServerFixture } from './test-support';

let fx: TempServerFixture;
const apps: FastifyInstance[] = [];

beforeEach(async () => {
  fx = await openTempServerFixture();
});

afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await fx.cleanup();
});

function makeApp(config: Partial<AppConfig> = {}): FastifyInstance {
  const app = buildApp(
    {
      staticDir: path.join(fx.dir, 'no-dist'),
      logLevel: 'silent',
      uploadDir: path.join(fx.dir, 'uploads'),
      ...config,
    },
    { db: fx.db, blobs: fx.blobs, version: 'test', logger: false },
  );
  apps.push(app);
  return app;
}

/** The CSP as directive → sources. */
function policy(header: unknown): Record<string, string[]> {
  expect(typeof header).toBe('string');
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('security headers', () => {
  it.each(['/api/health', '/api/nowhere', '/'])(
    '%s carries a strict CSP and the other headers',
    async (url) => {
      const res = await makeApp().inject({ url, headers: { accept: 'text/html' } });

      const csp = policy(res.headers['content-security-policy']);
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(csp['base-uri']).toEqual(["'none'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['img-src']).toEqual(
        expect.arrayContaining(["'self'", 'blob:', 'data:', 'https://tile.openstreetmap.org']),
      );
      expect(csp['img-src']).toContain('https://*.tianditu.gov.cn');
      expect(csp['connect-src']).toContain('https://tile.openstreetmap.org');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      const permissions = String(res.headers['permissions-policy']);
      expect(permissions).toContain('camera=(self)');
      expect(permissions).toContain('geolocation=(self)');
      expect(permissions).toContain('microphone=()');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    },
  );

  it('lets the map load tiles from the hosts TILE_HOSTS names instead', async () => {
    const app = makeApp({ tileHosts: ['https://tiles.example.gov.cn', 'http://10.0.0.5:8080'] });

    const csp = policy(
      (await app.inject({ url: '/api/health' })).headers['content-security-policy'],
    );

    expect(csp['img-src']).toEqual([
      "'self'",
      'blob:',
      'data:',
      'https://tiles.example.gov.cn',
      'http://10.0.0.5:8080',
    ]);
    expect(csp['connect-src']).toEqual([
      "'self'",
      'https://tiles.example.gov.cn',
      'http://10.0.0.5:8080',
    ]);
  });

  it('sends HSTS only when the request came over HTTPS through a trusted proxy', async () => {
    const overHttps = { url: '/api/health', headers: { 'x-forwarded-proto': 'https' } };

    const trusted = await makeApp({ trustProxy: ['127.0.0.1'] }).inject(overHttps);
    const untrusted = await makeApp().inject(overHttps);

    expect(trusted.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(untrusted.headers['strict-transport-security']).toBeUndefined();
  });

  it('allows the served index.html’s inline script by its hash, and no other inline script', async () => {
    const boot = "document.documentElement.setAttribute('data-theme', 'night');";
    const dist = path.join(fx.dir, 'dist');
    mkdirSync(dist);
    writeFileSync(
      path.join(dist, 'index.html'),
      `<!doctype html><html><head><script>${boot}</script>` +
        '<script type="module" src="/assets/index.js"></script></head><body></body></html>',
    );
    const hash = `'sha256-${createHash('sha256').update(boot).digest('base64')}'`;

    const res = await makeApp({ staticDir: dist }).inject({
      url: '/',
      headers: { accept: 'text/html' },
    });

    expect(policy(res.headers['content-security-policy'])['script-src']).toEqual(["'self'", hash]);
    expect(res.body).toContain(boot);
  });

  it('hashes exactly the text between the tags of each inline script, and none with a src', () => {
    const html = '<script src="/a.js"></script><script>\n a()\n</script><script defer>b()</script>';
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(inlineScriptHashes(html)).toEqual([sha('\n a()\n'), sha('b()')]);
  });
});
