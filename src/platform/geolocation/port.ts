/** Where the device is, with how sure it is. */
export interface Position {
  latitude: number;
  longitude: number;
  accuracyM: number;
  at: string;
}

export type PositionFailure = 'unsupported' | 'denied' | 'unavailable' | 'timeout';

export type PositionResult =
  { ok: true; position: Position } | { ok: false; reason: PositionFailure };

export interface Geolocation {
  locate(options?: { timeoutMs?: number }): Promise<PositionResult>;
}
