import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const opts = { cwd: '/home/officer/work', projectRoot: '/opt/kuaichu' };

describe('loadConfig', () => {
  it('uses safe defaults under the project root', () => {
    expect(loadConfig({}, opts)).toEqual({
      host: '0.0.0.0',
      port: 8080,
      dataDir: path.join('/opt/kuaichu', 'data'),
      blobDir: path.join('/opt/kuaichu', 'data', 'blobs'),
      blobStore: { kind: 'files', dir: path.join('/opt/kuaichu', 'data', 'blobs') },
      uploadDir: path.join('/opt/kuaichu', 'data', 'uploads'),
      staticDir: path.join('/opt/kuaichu', 'dist'),
      database: { dialect: 'sqlite', file: path.join('/opt/kuaichu', 'data', 'kuaichu.sqlite') },
      logLevel: 'info',
      sessionTtlMs: 12 * 60 * 60 * 1000,
      uploadExpiryMs: 72 * 60 * 60 * 1000,
      demo: false,
      trustProxy: false,
      tileHosts: [
        'https://tile.openstreetmap.org',
        'https://*.tile.openstreetmap.org',
        'https://tianditu.gov.cn',
        'https://*.tianditu.gov.cn',
      ],
      webhookTimeoutMs: 10_000,
      webhookPollMs: 1_000,
    });
  });

  it('reads the webhook dispatcher’s timeout and poll interval in seconds', () => {
    const config = loadConfig({ WEBHOOK_TIMEOUT_SECONDS: '2.5', WEBHOOK_POLL_SECONDS: '30' }, opts);
    expect([config.webhookTimeoutMs, config.webhookPollMs]).toEqual([2500, 30_000]);
  });

  it('reads TILE_HOSTS as the tile servers the map may load from', () => {
    const hosts = (value: string) => loadConfig({ TILE_HOSTS: value }, opts).tileHosts;
    expect(hosts('https://tiles.example.gov.cn, http://10.0.0.5:8080 *.tianditu.gov.cn')).toEqual([
      'https://tiles.example.gov.cn',
      'http://10.0.0.5:8080',
      '*.tianditu.gov.cn',
    ]);
    for (const bad of ["'unsafe-inline'", '*', 'https:', 'https://a.example/path', 'a.example;']) {
      expect(() => hosts(bad), bad).toThrow(/TILE_HOSTS=/);
    }
  });

  it('reads TRUST_PROXY as the proxies to believe, and refuses trusting everyone', () => {
    const trust = (value: string) => loadConfig({ TRUST_PROXY: value }, opts).trustProxy;
    expect(trust('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(trust('10.0.0.0/8, ::1,loopback')).toEqual(['10.0.0.0/8', '::1', 'loopback']);
    expect(trust('1')).toBe(1);
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example', '127.0.0.1;rm']) {
      expect(() => trust(bad), bad).toThrow(/TRUST_PROXY=.*never "true"/);
    }
  });

  it('reads how long an unfinished upload is kept, in hours', () => {
    expect(loadConfig({ UPLOAD_EXPIRY_HOURS: '24' }, opts).uploadExpiryMs).toBe(
      24 * 60 * 60 * 1000,
    );
    for (const bad of ['0', '-1', 'three days']) {
      expect(() => loadConfig({ UPLOAD_EXPIRY_HOURS: bad }, opts), bad).toThrow(
        /UPLOAD_EXPIRY_HOURS=/,
      );
    }
  });

  it('reads the session lifetime and the demo switch', () => {
    expect(loadConfig({ SESSION_TTL_HOURS: '0.5', KUAICHU_DEMO: '1' }, opts)).toMatchObject({
      sessionTtlMs: 30 * 60 * 1000,
      demo: true,
    });
    expect(() => loadConfig({ SESSION_TTL_HOURS: '0' }, opts)).toThrow(
      /SESSION_TTL_HOURS="0": must be more than 0/,
    );
    expect(() => loadConfig({ KUAICHU_DEMO: 'yes' }, opts)).toThrow(/KUAICHU_DEMO="yes"/);
  });

  it('reads every variable, resolving relative paths against the cwd', () => {
    const config = loadConfig(
      {
        HOST: '127.0.0.1',
        PORT: '18080',
        DATA_DIR: 'var/kc',
        STATIC_DIR: '/srv/pwa',
        DATABASE_URL: 'sqlite:db/main.sqlite',
        LOG_LEVEL: 'debug',
      },
      opts,
    );

    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 18080,
      dataDir: '/home/officer/work/var/kc',
      blobDir: '/home/officer/work/var/kc/blobs',
      staticDir: '/srv/pwa',
      database: { dialect: 'sqlite', file: '/home/officer/work/db/main.sqlite' },
      logLevel: 'debug',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', HOST: '' }, opts)).toMatchObject({ port: 8080, host: '0.0.0.0' });
  });

  it.each([
    [{ DATABASE_URL: 'file:///var/kc.sqlite' }, '/var/kc.sqlite'],
    [{ DATABASE_URL: 'sqlite:///var/kc.sqlite' }, '/var/kc.sqlite'],
    [{ DATABASE_URL: './kc.sqlite' }, '/home/officer/work/kc.sqlite'],
    [{ DATA_DIR: '/d' }, '/d/kuaichu.sqlite'],
  ])('maps %o to the SQLite file %s', (env, file) => {
    expect(loadConfig(env, opts).database).toEqual({ dialect: 'sqlite', file });
  });

  it('selects PostgreSQL for a postgres:// DATABASE_URL', () => {
    const url = 'postgres://kc:secret@db.example.gov.cn:5432/kuaichu';
    expect(loadConfig({ DATABASE_URL: url }, opts).database).toEqual({ dialect: 'postgres', url });
    const short = 'postgresql://kc@db/kuaichu';
    expect(loadConfig({ DATABASE_URL: short }, opts).database).toEqual({
      dialect: 'postgres',
      url: short,
    });
  });

  it('never shows the password of a bad PostgreSQL URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://kc:hunter2@db' }, opts)).toThrow(
      'DATABASE_URL="postgres://kc:***@db": the database name is missing; use postgres://user:password@host:5432/database.',
    );
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT="eighty": must be a whole number/],
    [{ PORT: '70000' }, /PORT="70000": must be a whole number from 0 to 65535/],
    [{ PORT: '-1' }, /PORT="-1"/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL="loud": must be one of fatal, error/],
    [{ HOST: 'my host' }, /HOST="my host": must be a host name/],
    [{ DATABASE_URL: 'postgres:///kc' }, /DATABASE_URL="postgres:\/\/\/kc": the host is missing/],
    [{ DATABASE_URL: 'postgresql://kc@db:5432' }, /DATABASE_URL=.*: the database name is missing/],
    [
      { DATABASE_URL: 'postgres://kc:hunter2@db:x/kc' },
      /DATABASE_URL="postgres:\/\/kc:\*\*\*@db:x\/kc": not a valid URL/,
    ],
    [{ DATABASE_URL: 'mysql://kc@db/kc' }, /DATABASE_URL="mysql:\/\/kc@db\/kc": unsupported/],
    [{ WEBHOOK_TIMEOUT_SECONDS: '0' }, /WEBHOOK_TIMEOUT_SECONDS="0": must be more than 0/],
    [{ WEBHOOK_TIMEOUT_SECONDS: 'ten' }, /WEBHOOK_TIMEOUT_SECONDS="ten": must be a number/],
    [{ WEBHOOK_POLL_SECONDS: '-1' }, /WEBHOOK_POLL_SECONDS="-1"/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env, opts)).toThrow(ConfigError);
    expect(() => loadConfig(env, opts)).toThrow(message);
  });

  it('names a bad variable once', () => {
    expect(() => loadConfig({ PORT: 'abc' }, opts)).toThrow(
      /^Invalid server configuration:\n {2}PORT="abc": must be a whole number from 0 to 65535$/,
    );
  });

  it('reports every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' }, opts)).toThrow(
      /PORT="x".*\n.*LOG_LEVEL="y"/,
    );
  });
});
