import { createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { P256PublicJwk } from '../../contracts/devices';
import { useFreshIndexedDb } from '../../../tests/setup/fresh-db';
import { ECDSA_P256, ECDSA_SHA256 } from './port';
import { fakeDeviceKeys } from './fake';
import { createWebDeviceKeys } from './web';

beforeEach(useFreshIndexedDb);

const BYTES = new TextEncoder().encode('{"caseId":"x"}');

async function verifies(jwk: P256PublicJwk, signature: string, bytes: Uint8Array) {
  const key = await crypto.subtle.importKey('jwk', jwk, ECDSA_P256, true, ['verify']);
  return crypto.subtle.verify(
    ECDSA_SHA256,
    key,
    Buffer.from(signature, 'base64url'),
    bytes as Uint8Array<ArrayBuffer>,
  );
}

describe.each([
  ['web (IndexedDB)', () => createWebDeviceKeys(createStore('keys-test', 'keys'))],
  ['fake (memory)', () => fakeDeviceKeys()],
])('device keys: %s', (_name, make) => {
  it('makes one P-256 pair on first use and signs raw r‖s as base64url', async () => {
    const keys = make();
    expect(await keys.has()).toBe(false);

    const [a, b] = await Promise.all([keys.ensure(), keys.ensure()]);
    const signature = await keys.sign(BYTES);

    expect(a).toEqual(b);
    expect(P256PublicJwk.parse(a)).toEqual(a);
    expect(a).not.toHaveProperty('d');
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(await verifies(a, signature, BYTES)).toBe(true);
    expect(await verifies(a, signature, new TextEncoder().encode('tampered'))).toBe(false);
    expect(await keys.has()).toBe(true);
  });
});

describe('web device keys', () => {
  it('keeps the pair across restarts, the private key non-extractable', async () => {
    const first = createWebDeviceKeys(createStore('keys-test', 'keys'));
    const jwk = await first.ensure();

    const again = createWebDeviceKeys(createStore('keys-test', 'keys'));
    expect(await again.ensure()).toEqual(jwk);
    expect(await verifies(jwk, await again.sign(BYTES), BYTES)).toBe(true);

    const { get } = await import('idb-keyval');
    const stored = await get<CryptoKeyPair>('device-p256', createStore('keys-test', 'keys'));
    expect(stored?.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', stored!.privateKey)).rejects.toThrow();
  });
});
