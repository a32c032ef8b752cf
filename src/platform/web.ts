import { webClockIds } from './clock-ids/web';
import { webDeviceKeys } from './device-keys/web';
import { webDeviceStorage } from './device-storage/web';
import { webGeolocation } from './geolocation/web';
import { webServiceWorkerBridge } from './sw-bridge/web';
import type { Platform } from './index';

export const webPlatform: Platform = {
  clock: webClockIds,
  geolocation: webGeolocation,
  storage: webDeviceStorage,
  serviceWorker: webServiceWorkerBridge,
  deviceKeys: webDeviceKeys,
};
