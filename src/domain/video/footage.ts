/**
 * Roadside video units and footage requests: which of the brigade's units
 * are near a case (great-circle distance, nearest first, within a radius),
 * the default time window around the accident, whether a unit still holds
 * footage of a window (its retention), and what a request reads as now
 * (`requested` past the accident time + the unit's retention reads `expired`).
 */
import * as z from 'zod/mini';
import { ok, refuse, type Result } from '../result';

/** The way a unit's camera looks, as a compass point. */
export const FACINGS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
export const Facing = z.enum(FACINGS);
export type Facing = z.infer<typeof Facing>;

/** A place in degrees (WGS-84, as the phone's GPS reports it). */
export interface LatLng {
  latitude: number;
  longitude: number;
}

/** What the nearby rule needs of a unit. */
export interface PlacedUnit extends LatLng {
  id: string;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Metres between two places along the earth's surface (haversine, mean radius). */
export function distanceM(a: LatLng, b: LatLng): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The units within `radiusM` of `at` (inclusive), each with its distance, nearest first. */
export function nearbyUnits<U extends PlacedUnit>(
  units: readonly U[],
  at: LatLng,
  radiusM: number,
): { unit: U; distanceM: number }[] {
  return units
    .map((unit) => ({ unit, distanceM: distanceM(at, unit) }))
    .filter((n) => n.distanceM <= radiusM)
    .sort((x, y) => x.distanceM - y.distanceM || x.unit.id.localeCompare(y.unit.id));
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The window asked for by default: 15 minutes before the accident to 15 after. */
export const DEFAULT_WINDOW_MINUTES = 15;
/** The longest window one request may ask for. */
export const MAX_WINDOW_HOURS = 6;

/** The accident's time: when it happened as the parties state it, else the officer's arrival. */
export const accidentTimeOf = (c: { occurredAt?: string; arrivedAt: string }): string =>
  c.occurredAt ?? c.arrivedAt;

export function defaultWindow(accidentAt: string, minutes = DEFAULT_WINDOW_MINUTES) {
  const t = Date.parse(accidentAt);
  return {
    from: new Date(t - minutes * MINUTE_MS).toISOString(),
    to: new Date(t + minutes * MINUTE_MS).toISOString(),
  };
}

/** When footage of `at` is gone from a unit that keeps `retentionDays`. */
export const footageGoneAt = (at: string, retentionDays: number): string =>
  new Date(Date.parse(at) + retentionDays * DAY_MS).toISOString();

export type WindowRefusal = 'window_order' | 'window_too_long' | 'retention_passed';

/**
 * Whether footage of `from`–`to` may be asked of a unit now: the window in
 * order and at most {@link MAX_WINDOW_HOURS} long, and its start still within
 * the unit's retention (older footage is overwritten; `detail` says since when).
 */
export function checkFootageWindow(
  window: { from: string; to: string },
  retentionDays: number,
  now: string,
): Result<true, WindowRefusal> {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  if (!(to > from)) return refuse('window_order');
  if (to - from > MAX_WINDOW_HOURS * 60 * MINUTE_MS) return refuse('window_too_long');
  const gone = footageGoneAt(window.from, retentionDays);
  if (Date.parse(now) >= Date.parse(gone)) return refuse('retention_passed', gone);
  return ok(true);
}

export const FOOTAGE_STATES = ['requested', 'retrieved', 'unavailable'] as const;
export const FootageState = z.enum(FOOTAGE_STATES);
export type FootageState = z.infer<typeof FootageState>;
/** What a request reads as: its stored state, or `expired` for one never answered in time. */
export type FootageStanding = FootageState | 'expired';

/** A request's standing now: still `requested` at or after `expiresAt` reads `expired`. */
export function footageStanding(
  r: { status: FootageState; expiresAt: string },
  now: string,
): FootageStanding {
  return r.status === 'requested' && Date.parse(now) >= Date.parse(r.expiresAt)
    ? 'expired'
    : r.status;
}
