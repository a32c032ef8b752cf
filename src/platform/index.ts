/**
 * The device capabilities the app uses, one port each (`port.ts` + `web.ts`);
 * a fake lives beside its port only while a test uses it (`device-keys/fake.ts`).
 */
import type { ClockIds } from './clock-ids/port';
import type { DeviceKeys } from './device-keys/port';
import type { DeviceStorage } from './device-storage/port';
import type { Geolocation } from './geolocation/port';
import type { ServiceWorkerBridge } from './sw-bridge/port';

export interface Platform {
  clock: ClockIds;
  geolocation: Geolocation;
  storage: DeviceStorage;
  serviceWorker: ServiceWorkerBridge;
  deviceKeys: DeviceKeys;
}

export type { ClockIds, DeviceKeys, DeviceStorage, Geolocation, ServiceWorkerBridge };
export type { Position, PositionResult } from './geolocation/port';
export type { StorageReport } from './device-storage/port';
