/**
 * A tus `UrlStorage` kept in memory: where no persistent storage is wanted
 * (tests) or available. In the app tus-js-client's default (localStorage)
 * keeps upload URLs across reloads, keyed by our photo-hash fingerprint.
 */
import type { PreviousUpload, UrlStorage } from 'tus-js-client';

export function memoryUrlStorage(): UrlStorage & { size(): number } {
  const uploads = new Map<string, PreviousUpload & { fingerprint: string }>();
  let n = 0;
  return {
    findAllUploads: () => Promise.resolve([...uploads.values()]),
    findUploadsByFingerprint: (fingerprint) =>
      Promise.resolve([...uploads.values()].filter((u) => u.fingerprint === fingerprint)),
    removeUpload(key) {
      uploads.delete(key);
      return Promise.resolve();
    },
    addUpload(fingerprint, upload) {
      const key = `tus::${fingerprint}::${++n}`;
      uploads.set(key, { ...upload, urlStorageKey: key, fingerprint });
      return Promise.resolve(key);
    },
    size: () => uploads.size,
  };
}
