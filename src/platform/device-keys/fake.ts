/**
 * Device keys for tests: a real WebCrypto P-256 pair (Node's `crypto.webcrypto`
 * is the global `crypto` there), kept in memory, so the real server verifies
 * what it signs. `signed` counts signatures.
 */
import { keysOver, type DeviceKeys } from './port';

export function fakeDeviceKeys(): DeviceKeys & { signed: number } {
  let stored: CryptoKeyPair | undefined;
  const keys = keysOver({
    load: () => Promise.resolve(stored),
    saveIfAbsent(pair) {
      stored ??= pair;
      return Promise.resolve(stored);
    },
  });
  const fake = {
    signed: 0,
    ensure: () => keys.ensure(),
    has: () => keys.has(),
    sign(bytes: Uint8Array) {
      fake.signed += 1;
      return keys.sign(bytes);
    },
  };
  return fake;
}
