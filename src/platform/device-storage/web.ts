import { get, set } from 'idb-keyval';
import type { DeviceStorage } from './port';

const ASKED_KEY = 'storage.persist.asked';

export const webDeviceStorage: DeviceStorage = {
  async ensurePersisted() {
    if (!navigator.storage?.persisted) return null;
    if (await navigator.storage.persisted()) return true;
    if (await get<boolean>(ASKED_KEY)) return false;
    await set(ASKED_KEY, true);
    return navigator.storage.persist();
  },
  async report() {
    const persisted = navigator.storage?.persisted ? await navigator.storage.persisted() : null;
    const estimate = navigator.storage?.estimate ? await navigator.storage.estimate() : undefined;
    return {
      persisted,
      usageBytes: estimate?.usage ?? null,
      quotaBytes: estimate?.quota ?? null,
    };
  },
};
