/**
 * Server configuration from the environment. Every variable is validated with
 * zod, and a bad value stops start-up with a message naming the variable, so a
 * typo in PORT never turns into a server listening somewhere unexpected.
 *
 * Relative paths given in the environment resolve against the working
 * directory (as a shell user expects); the defaults resolve against the
 * project root, so the server finds ./data and ./dist from any cwd.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { KNOWN_TILE_HOSTS } from '../src/contracts/tiles';
import { blobStoreFromEnv } from './blobs/blob-store-config';
import type { BlobStoreConfig } from './blobs/blob-store-config';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where the relational data lives: a SQLite file (the default) or a PostgreSQL server. */
export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  /** poolSize: connections kept open (default: POSTGRES_POOL_SIZE of db/database.ts). */
  | { dialect: 'postgres'; url: string; poolSize?: number };

export interface ServerConfig {
  /** Interface to listen on; 0.0.0.0 so a phone on the LAN can reach the server. */
  host: string;
  /** TCP port; 0 asks the OS for a free one (tests). */
  port: number;
  /** Absolute folder holding the SQLite file and the blob store. */
  dataDir: string;
  /** Absolute folder of content-addressed blobs (photos), under dataDir. */
  blobDir: string;
  /** Where blobs live: that folder (the default) or an S3 bucket (BLOB_STORE, S3_*). */
  blobStore: BlobStoreConfig;
  /** Absolute folder of unfinished tus uploads, under dataDir. */
  uploadDir: string;
  /** How long a session lasts after sign-in (SESSION_TTL_HOURS, default 12). */
  sessionTtlMs: number;
  /**
   * An unfinished upload untouched this long is swept (UPLOAD_EXPIRY_HOURS,
   * default 72); the phone, which keeps the photo until its receipt, then
   * sends it afresh.
   */
  uploadExpiryMs: number;
  /** Seed the demo brigade, insurers and users (KUAICHU_DEMO=1 or `--demo`). */
  demo: boolean;
  /** Absolute folder of the built PWA (vite's output). */
  staticDir: string;
  database: DatabaseConfig;
  logLevel: LogLevel;
  /**
   * Which peers may tell the client's address and protocol (X-Forwarded-For,
   * X-Forwarded-Proto): TRUST_PROXY, Fastify's `trustProxy`. Off by default,
   * so no client can pose as another address to the login limit.
   */
  trustProxy: false | number | string[];
  /**
   * Tile servers the map may load images from and pre-cache (TILE_HOSTS,
   * CSP host sources); default: the known tile hosts of src/contracts/tiles.ts.
   */
  tileHosts: string[];
  /** Each webhook delivery attempt is cut off after this long (WEBHOOK_TIMEOUT_SECONDS, default 10). */
  webhookTimeoutMs: number;
  /** How often the webhook dispatcher looks for due deliveries (WEBHOOK_POLL_SECONDS, default 1). */
  webhookPollMs: number;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '0.0.0.0';
export const SQLITE_FILE_NAME = 'kuaichu.sqlite';
export const DEFAULT_SESSION_TTL_HOURS = 12;
export const DEFAULT_UPLOAD_EXPIRY_HOURS = 72;
export const DEFAULT_WEBHOOK_TIMEOUT_SECONDS = 10;
export const DEFAULT_WEBHOOK_POLL_SECONDS = 1;
/** OpenStreetMap's and 天地图's tile servers, subdomains included. */
export const DEFAULT_TILE_HOSTS: readonly string[] = KNOWN_TILE_HOSTS.flatMap((host) => [
  `https://${host}`,
  `https://*.${host}`,
]);

/** The project root (the folder holding package.json), one level above server/. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly reason = 'invalid_config';
}

/** A CSP host source: optional scheme, host (optionally `*.`-prefixed), optional port; no path. */
const TILE_HOST = /^(https?:\/\/)?(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

const nonEmpty = z.string().check(z.minLength(1, 'must not be empty'));

/** A number of seconds in (0, max], e.g. 10 or 0.5. */
const seconds = (max: number) =>
  z.string().check(
    z.regex(/^\d{1,6}(\.\d+)?$/, 'must be a number of seconds, e.g. 10'),
    z.refine((s) => Number(s) > 0 && Number(s) <= max, `must be more than 0 and at most ${max}`),
  );

/** A number of hours above 0, e.g. 12 or 0.5; `example` goes in the message. */
const hours = (example: string) =>
  z.string().check(
    z.regex(/^\d{1,4}(\.\d+)?$/, `must be a number of hours, e.g. ${example}`),
    z.refine((s) => Number(s) > 0, 'must be more than 0'),
  );

const HOUR_MS = 60 * 60 * 1000;

const Env = z.object({
  HOST: z.optional(
    z.string().check(z.regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or an IP address')),
  ),
  PORT: z.optional(
    z.string().check(
      z.regex(/^\d{1,5}$/, 'must be a whole number from 0 to 65535'),
      z.refine(
        (s) => !/^\d+$/.test(s) || Number(s) <= 65535,
        'must be a whole number from 0 to 65535',
      ),
    ),
  ),
  DATA_DIR: z.optional(nonEmpty),
  STATIC_DIR: z.optional(nonEmpty),
  DATABASE_URL: z.optional(nonEmpty),
  LOG_LEVEL: z.optional(z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`)),
  SESSION_TTL_HOURS: z.optional(hours('12')),
  UPLOAD_EXPIRY_HOURS: z.optional(hours('72')),
  WEBHOOK_TIMEOUT_SECONDS: z.optional(seconds(120)),
  WEBHOOK_POLL_SECONDS: z.optional(seconds(3600)),
  KUAICHU_DEMO: z.optional(z.enum(['0', '1'], 'must be 1 (seed the demo) or 0')),
  TILE_HOSTS: z.optional(
    z.string().check(
      z.refine(
        (s) =>
          s
            .split(/[\s,]+/)
            .filter(Boolean)
            .every((entry) => TILE_HOST.test(entry)),
        'must be tile servers, e.g. https://tiles.example.gov.cn or http://10.0.0.5:8080 (no path)',
      ),
    ),
  ),
  TRUST_PROXY: z.optional(
    z
      .string()
      .check(
        z.refine(
          isTrustedProxies,
          'must be the proxy’s addresses or networks (e.g. 127.0.0.1, 10.0.0.0/8, loopback) or a number of proxies; never "true": trusting every peer lets any client choose its address',
        ),
      ),
  ),
});

export interface LoadConfigOptions {
  /** Base for relative paths given in the environment. Default: process.cwd(). */
  cwd?: string;
  /** Base for the default paths. Default: {@link PROJECT_ROOT}. */
  projectRoot?: string;
}

/** Reads and validates the environment; throws {@link ConfigError} on a bad value. */
export function loadConfig(
  env: Record<string, string | undefined>,
  options: LoadConfigOptions = {},
): ServerConfig {
  const cwd = options.cwd ?? process.cwd();
  const root = options.projectRoot ?? PROJECT_ROOT;
  // An empty variable (`PORT= npm start`) means "not set", as in most tools.
  const present = Object.fromEntries(
    Object.keys(Env.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `  ${name}=${JSON.stringify(present[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid server configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = e.DATA_DIR ? path.resolve(cwd, e.DATA_DIR) : path.join(root, 'data');
  const blobStore = blobStoreFromEnv(env, path.join(dataDir, 'blobs'));
  if ('error' in blobStore) throw new ConfigError(blobStore.error);
  return {
    host: e.HOST ?? DEFAULT_HOST,
    port: e.PORT === undefined ? DEFAULT_PORT : Number(e.PORT),
    dataDir,
    blobDir: path.join(dataDir, 'blobs'),
    blobStore,
    uploadDir: path.join(dataDir, 'uploads'),
    sessionTtlMs: Number(e.SESSION_TTL_HOURS ?? DEFAULT_SESSION_TTL_HOURS) * HOUR_MS,
    uploadExpiryMs: Number(e.UPLOAD_EXPIRY_HOURS ?? DEFAULT_UPLOAD_EXPIRY_HOURS) * HOUR_MS,
    demo: e.KUAICHU_DEMO === '1',
    staticDir: e.STATIC_DIR ? path.resolve(cwd, e.STATIC_DIR) : path.join(root, 'dist'),
    database: databaseFromUrl(e.DATABASE_URL, dataDir, cwd),
    logLevel: e.LOG_LEVEL ?? 'info',
    trustProxy: trustProxyFrom(e.TRUST_PROXY),
    tileHosts: e.TILE_HOSTS
      ? e.TILE_HOSTS.split(/[\s,]+/).filter(Boolean)
      : [...DEFAULT_TILE_HOSTS],
    webhookTimeoutMs: Number(e.WEBHOOK_TIMEOUT_SECONDS ?? DEFAULT_WEBHOOK_TIMEOUT_SECONDS) * 1000,
    webhookPollMs: Number(e.WEBHOOK_POLL_SECONDS ?? DEFAULT_WEBHOOK_POLL_SECONDS) * 1000,
  };
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** A number of proxies, or addresses, CIDR networks and proxy-addr's names. */
function isTrustedProxies(value: string): boolean {
  if (/^\d{1,2}$/.test(value)) return true;
  const entries = value.split(/[\s,]+/).filter(Boolean);
  return (
    entries.length > 0 &&
    entries.every((entry) => {
      if (PROXY_NAMES.includes(entry)) return true;
      const [address = '', bits, ...rest] = entry.split('/');
      const family = isIP(address);
      if (family === 0 || rest.length > 0) return false;
      return (
        bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))
      );
    })
  );
}

/** TRUST_PROXY: unset → trust no one; a number → that many proxies; else addresses, CIDRs or proxy-addr's names. */
function trustProxyFrom(value: string | undefined): ServerConfig['trustProxy'] {
  if (value === undefined) return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(/[\s,]+/).filter(Boolean);
}

/**
 * DATABASE_URL: unset → SQLite file under DATA_DIR; `sqlite:<path>`,
 * `file:<path>` or a plain path → that SQLite file; `postgres://` or
 * `postgresql://user[:password]@host[:port]/database` → that PostgreSQL database.
 */
export function databaseFromUrl(
  url: string | undefined,
  dataDir: string,
  cwd: string,
): DatabaseConfig {
  if (url === undefined) return { dialect: 'sqlite', file: path.join(dataDir, SQLITE_FILE_NAME) };
  if (/^postgres(ql)?:/i.test(url)) return postgresFromUrl(url);
  const sqlite = /^(?:sqlite|file):(?:\/\/)?(.+)$/i.exec(url);
  if (sqlite?.[1]) return { dialect: 'sqlite', file: path.resolve(cwd, sqlite[1]) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new ConfigError(
      `DATABASE_URL=${JSON.stringify(url)}: unsupported scheme; use a file path, sqlite:<path>, or leave it unset.`,
    );
  }
  return { dialect: 'sqlite', file: path.resolve(cwd, url) };
}

/** A PostgreSQL URL with a host and a database name; the message never shows its password. */
function postgresFromUrl(url: string): DatabaseConfig {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const shown = parsed ? withoutPassword(parsed) : url.replace(/:[^:@/]*@/, ':***@');
  const fail = (why: string) =>
    new ConfigError(
      `DATABASE_URL=${JSON.stringify(shown)}: ${why}; use postgres://user:password@host:5432/database.`,
    );
  if (!parsed || !/^postgres(ql)?:$/i.test(parsed.protocol)) throw fail('not a valid URL');
  if (!parsed.hostname) throw fail('the host is missing');
  if (!/^\/[^/]+$/.test(parsed.pathname)) throw fail('the database name is missing');
  return { dialect: 'postgres', url };
}

function withoutPassword(url: URL): string {
  if (!url.password) return url.href;
  const copy = new URL(url.href);
  copy.password = '***';
  return copy.href;
}
