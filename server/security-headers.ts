/**
 * The headers every answer carries. The session token sits in IndexedDB, so
 * script injection is the threat that matters: the Content-Security-Policy
 * runs only the app's own script files and the inline scripts of the served
 * index.html, by their SHA-256 (the theme's boot script,
 * scripts/inline-boot-script.ts; no other inline script, no eval), loads images from the
 * app, `blob:` photos, `data:` signatures and QR codes, and the configured
 * tile servers (TILE_HOSTS), which the map also fetches to pre-cache an area.
 * Styles may be inline: Leaflet positions its panes and tiles that way.
 * No framing, no Referer beyond the origin (the map asks for the origin on
 * tiles itself, as OpenStreetMap's policy and 天地图's keys need), camera and
 * geolocation for the app only. HSTS only when the request came over HTTPS —
 * to this server, or to a proxy TRUST_PROXY believes — since a LAN install
 * served over plain HTTP must not be told to refuse it.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export interface SecurityHeadersOptions {
  /** CSP host sources of the tile servers (config `tileHosts`). */
  tileHosts: readonly string[];
  /** CSP hash sources of the served index.html's inline scripts (`inlineScriptHashes`). */
  scriptHashes?: readonly string[];
}

/** `'sha256-…'` of each inline script (one with no `src`) in the page, as CSP hashes it. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body = '']) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
  );
}

export function contentSecurityPolicy(
  tileHosts: readonly string[],
  scriptHashes: readonly string[] = [],
): string {
  const tiles = tileHosts.join(' ');
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' blob: data: ${tiles}`,
    `connect-src 'self' ${tiles}`,
    "font-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Camera (evidence photos) and geolocation (the scene) for the app's own pages; the rest off. */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'geolocation=(self)',
  'microphone=()',
  'display-capture=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'midi=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
].join(', ');

export const HSTS = 'max-age=31536000';

export function registerSecurityHeaders(app: FastifyInstance, opts: SecurityHeadersOptions): void {
  const headers = {
    'content-security-policy': contentSecurityPolicy(opts.tileHosts, opts.scriptHashes),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    'permissions-policy': PERMISSIONS_POLICY,
  };
  // A callback hook, not an async one: no promise and microtask turn on every reply.
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.headers(headers);
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    done(null, payload);
  });
}
