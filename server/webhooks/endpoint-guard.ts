/**
 * The SSRF guard: an insurer's endpoint URL must be http(s) and every address
 * its host resolves to must be a public one. Loopback, private (RFC 1918,
 * CGNAT, unique-local fc00::/7), link-local, unspecified, multicast and
 * reserved addresses are refused — also when written as IPv4-mapped IPv6
 * (::ffff:10.0.0.1) or behind the NAT64 prefix (64:ff9b::/96) — unless the
 * brigade allowed a private address for that endpoint (`allow_private`).
 *
 * Checked when the endpoint is registered and again right before every
 * delivery attempt (dispatcher.ts), since DNS may change in between.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Resolves a host name to every address it has (node:dns lookup with `all`). */
export type Resolver = (host: string) => Promise<readonly { address: string; family: number }[]>;

export const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

const refused = new BlockList();
const V4: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local (and cloud metadata at 169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];
const V6: readonly (readonly [string, number])[] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];
for (const [net, bits] of V4) refused.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of V6) refused.addSubnet(net, bits, 'ipv6');

/** The IPv4 address an IPv6 one carries (IPv4-mapped or NAT64), if any. */
function embeddedIpv4(address: string): string | undefined {
  const m = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(
    address,
  );
  if (!m) return undefined;
  if (m[1]) return m[1];
  const high = parseInt(m[2] ?? '0', 16);
  const low = parseInt(m[3] ?? '0', 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Whether an address (v4 or v6) is one no endpoint may reach without the brigade's leave. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 4) return refused.check(address, 'ipv4');
  const v4 = embeddedIpv4(address);
  if (v4 !== undefined) return refused.check(v4, 'ipv4');
  return refused.check(address, 'ipv6');
}

export type GuardVerdict =
  | { ok: true; addresses: string[] }
  | { ok: false; reason: 'scheme' | 'unresolved' | 'private'; message: string };

/**
 * Checks a URL against the rule. With `allowPrivate` the scheme is still
 * checked but not the addresses (the host need not even resolve yet).
 */
export async function checkEndpointUrl(
  url: string,
  allowPrivate: boolean,
  resolve: Resolver = systemResolver,
): Promise<GuardVerdict> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'scheme', message: 'is not a URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return { ok: false, reason: 'scheme', message: 'must be an http or https URL' };
  if (allowPrivate) return { ok: true, addresses: [] };
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses = (await resolve(host)).map((a) => a.address);
  } catch {
    addresses = [];
  }
  if (addresses.length === 0)
    return { ok: false, reason: 'unresolved', message: `${host} does not resolve` };
  const bad = addresses.filter(isNonPublicAddress);
  if (bad.length > 0)
    return {
      ok: false,
      reason: 'private',
      message: `${host} resolves to ${bad.join(', ')}: a loopback, private, link-local or reserved address (the brigade may allow it for this endpoint)`,
    };
  return { ok: true, addresses };
}
