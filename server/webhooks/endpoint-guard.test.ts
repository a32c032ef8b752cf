import { describe, expect, it } from 'vitest';
import { checkEndpointUrl, isNonPublicAddress } from './endpoint-guard';
import type { Resolver } from './endpoint-guard';

/** A resolver answering from a table (no network). */
const resolverOf =
  (table: Record<string, string[]>): Resolver =>
  async (host) => {
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('isNonPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '100.127.255.254',
    '169.254.169.254',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::10.0.0.1',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '11.0.0.1',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
  ])('accepts %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });
});

describe('checkEndpointUrl', () => {
  const resolve = resolverOf({
    'claims.example.com': ['93.184.216.34', '2606:2800:220:1::1'],
    'inside.example.com': ['10.0.0.7'],
    'mixed.example.com': ['93.184.216.34', '192.168.0.9'],
    '127.0.0.1': ['127.0.0.1'],
    '::1': ['::1'],
  });

  it('accepts a host whose every address is public, and says which they are', async () => {
    expect(await checkEndpointUrl('https://claims.example.com/hook', false, resolve)).toEqual({
      ok: true,
      addresses: ['93.184.216.34', '2606:2800:220:1::1'],
    });
  });

  it.each([
    ['http://127.0.0.1:9000/hook', '127.0.0.1'],
    ['http://[::1]:9000/hook', '::1'],
    ['https://inside.example.com/hook', '10.0.0.7'],
    ['https://mixed.example.com/hook', '192.168.0.9'],
  ])('refuses %s (it resolves to %s)', async (url, address) => {
    const verdict = await checkEndpointUrl(url, false, resolve);
    expect(verdict).toMatchObject({ ok: false, reason: 'private' });
    expect(verdict.ok ? '' : verdict.message).toContain(address);
  });

  it('refuses a host that does not resolve', async () => {
    expect(await checkEndpointUrl('https://nowhere.example.com/', false, resolve)).toMatchObject({
      ok: false,
      reason: 'unresolved',
    });
  });

  it.each(['ftp://claims.example.com/x', 'file:///etc/passwd', 'gopher://x', 'not a url'])(
    'refuses %s as no http(s) URL, allowed or not',
    async (url) => {
      for (const allow of [false, true])
        expect(await checkEndpointUrl(url, allow, resolve)).toMatchObject({
          ok: false,
          reason: 'scheme',
        });
    },
  );

  it('lets the brigade allow a private address for one endpoint', async () => {
    expect(await checkEndpointUrl('http://127.0.0.1:9000/hook', true, resolve)).toMatchObject({
      ok: true,
    });
  });

  it('uses the system resolver by default (an IP literal resolves to itself)', async () => {
    expect(await checkEndpointUrl('http://127.0.0.1:1/', false)).toMatchObject({
      ok: false,
      reason: 'private',
    });
  });
});
