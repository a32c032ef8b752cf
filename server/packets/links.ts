/**
 * Signed, expiring links to a packet's photos: anyone holding the link may
 * fetch that one photo of that one packet until it expires — an insurer's
 * claims system follows them without a session. The signature is
 * HMAC-SHA256 over `packetId`, the object's key and the expiry, with the
 * installation's link key (server_info `link_key`, made once at random), in
 * base64url (43 characters); checked in constant time.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SignedLink } from '../../src/contracts/packets';
import type { Database } from '../db/schema';

/** How long a link in a packet stays valid: beyond the webhooks' 3 days of retries. */
export const LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const keys = new WeakMap<object, Promise<Buffer>>();

async function readOrMakeKey(db: Kysely<Database>): Promise<Buffer> {
  const fresh = randomBytes(32).toString('base64');
  await db
    .insertInto('server_info')
    .values({ key: 'link_key', value: fresh, updated_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_info')
    .select('value')
    .where('key', '=', 'link_key')
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64');
}

/** The installation's link key (read once per database handle). */
export function linkKey(db: Kysely<Database>): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = readOrMakeKey(db);
    keys.set(db, key);
    key.catch(() => keys.delete(db));
  }
  return key;
}

const mac = (key: Buffer, packetId: string, object: string, expires: number): string =>
  createHmac('sha256', key).update(`${packetId}\n${object}\n${expires}`).digest('base64url');

/** A link to `path` (the route of `object` in the packet) valid until now + ttl. */
export function signLink(
  key: Buffer,
  packetId: string,
  object: string,
  path: string,
  now: Date,
  ttlMs = LINK_TTL_MS,
): SignedLink {
  const expires = Math.floor((now.getTime() + ttlMs) / 1000);
  const sig = mac(key, packetId, object, expires);
  return {
    url: `${path}?expires=${expires}&sig=${sig}`,
    expiresAt: new Date(expires * 1000).toISOString(),
  };
}

/** True when `sig` signs this packet's object until `expires` (seconds), and that is still ahead. */
export function linkValid(
  key: Buffer,
  packetId: string,
  object: string,
  link: { expires: string; sig: string },
  now: Date,
): boolean {
  const expires = Number(link.expires);
  if (!Number.isSafeInteger(expires) || expires * 1000 <= now.getTime()) return false;
  const want = Buffer.from(mac(key, packetId, object, expires));
  const got = Buffer.from(link.sig);
  return got.length === want.length && timingSafeEqual(got, want);
}
