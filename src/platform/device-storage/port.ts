/** Whether the browser keeps our data under pressure, and how much room is left. */
export interface StorageReport {
  /** null when the browser has no Storage API (then nothing is promised). */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

export interface DeviceStorage {
  /** Asks for persistent storage once (first run); later calls only report. */
  ensurePersisted(): Promise<boolean | null>;
  report(): Promise<StorageReport>;
}
