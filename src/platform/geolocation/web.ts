import type { Geolocation, PositionFailure } from './port';

const REASONS: Record<number, PositionFailure> = { 1: 'denied', 2: 'unavailable', 3: 'timeout' };

export const webGeolocation: Geolocation = {
  locate({ timeoutMs = 15_000 } = {}) {
    if (!('geolocation' in navigator)) return Promise.resolve({ ok: false, reason: 'unsupported' });
    return new Promise((resolve) => {
      navigator.geolocation.getCurrentPosition(
        (p) =>
          resolve({
            ok: true,
            position: {
              latitude: p.coords.latitude,
              longitude: p.coords.longitude,
              accuracyM: p.coords.accuracy,
              at: new Date(p.timestamp).toISOString(),
            },
          }),
        (e) => resolve({ ok: false, reason: REASONS[e.code] ?? 'unavailable' }),
        { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 30_000 },
      );
    });
  },
};
