import type { DeviceStorage, StorageReport } from './port';

export function fakeDeviceStorage(report: StorageReport): DeviceStorage {
  return {
    ensurePersisted: () => Promise.resolve(report.persisted),
    report: () => Promise.resolve(report),
  };
}
