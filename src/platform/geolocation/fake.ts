import type { Geolocation, PositionResult } from './port';

export function fakeGeolocation(result: PositionResult): Geolocation {
  return { locate: () => Promise.resolve(result) };
}
