/**
 * Device keys in the browser: the CryptoKeyPair itself is stored in
 * IndexedDB (CryptoKey is structured-cloneable, and a non-extractable private
 * key stays non-extractable there). Safari has had bugs persisting CryptoKeys:
 * the manual device checklist covers a restart.
 */
import { createStore, get, update, type UseStore } from 'idb-keyval';
import { keysOver, type DeviceKeys } from './port';

const KEY = 'device-p256';

/** Device keys kept in `store` (default: database `kuaichu-keys`). */
export function createWebDeviceKeys(store?: UseStore): DeviceKeys {
  let kv = store;
  const db = () => (kv ??= createStore('kuaichu-keys', 'keys'));
  return keysOver({
    load: () => get<CryptoKeyPair>(KEY, db()),
    async saveIfAbsent(pair) {
      let kept = pair;
      await update<CryptoKeyPair>(
        KEY,
        (existing) => {
          kept = existing ?? pair;
          return kept;
        },
        db(),
      );
      return kept;
    },
  });
}

export const webDeviceKeys: DeviceKeys = createWebDeviceKeys();
