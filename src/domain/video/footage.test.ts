import { describe, expect, it } from 'vitest';
import {
  accidentTimeOf,
  checkFootageWindow,
  defaultWindow,
  distanceM,
  footageGoneAt,
  footageStanding,
  nearbyUnits,
} from './footage';

const CASE = { latitude: 30.6586, longitude: 104.0648 };

describe('distanceM', () => {
  it.each([
    // One degree of latitude is about 111.2 km anywhere.
    [{ latitude: 30, longitude: 104 }, { latitude: 31, longitude: 104 }, 111_195],
    // Chengdu to Chongqing, about 266 km as the crow flies.
    [CASE, { latitude: 29.563, longitude: 106.5516 }, 269_900],
    [CASE, CASE, 0],
  ])('%o to %o is about %i m', (a, b, metres) => {
    expect(distanceM(a, b)).toBeGreaterThanOrEqual(metres * 0.99);
    expect(distanceM(a, b)).toBeLessThanOrEqual(metres * 1.01 + 1);
  });

  it('is the same both ways', () => {
    const b = { latitude: 30.67, longitude: 104.08 };
    expect(distanceM(CASE, b)).toBeCloseTo(distanceM(b, CASE), 6);
  });
});

describe('nearbyUnits', () => {
  const units = [
    { id: 'far', latitude: 30.75, longitude: 104.0648 }, // ~10 km north
    { id: 'edge', latitude: 30.6766, longitude: 104.0648 }, // ~2.0 km north
    { id: 'near', latitude: 30.6595, longitude: 104.0655 }, // ~120 m
    { id: 'mid', latitude: 30.6586, longitude: 104.0748 }, // ~960 m east
  ];

  it('keeps the units within the radius, nearest first, each with its distance', () => {
    const found = nearbyUnits(units, CASE, 2_100);
    expect(found.map((n) => n.unit.id)).toEqual(['near', 'mid', 'edge']);
    expect(found[0]?.distanceM).toBeLessThan(150);
  });

  it('leaves out a unit just past the radius, and finds none around an empty list', () => {
    expect(nearbyUnits(units, CASE, 1_900).map((n) => n.unit.id)).toEqual(['near', 'mid']);
    expect(nearbyUnits([], CASE, 2_000)).toEqual([]);
  });
});

describe('the window and the retention', () => {
  const at = '2026-12-01T02:00:00.000Z';

  it('takes the accident time as stated, else the arrival', () => {
    expect(accidentTimeOf({ occurredAt: at, arrivedAt: '2026-12-01T02:10:00.000Z' })).toBe(at);
    expect(accidentTimeOf({ arrivedAt: '2026-12-01T02:10:00.000Z' })).toBe(
      '2026-12-01T02:10:00.000Z',
    );
  });

  it('asks 15 minutes either side by default', () => {
    expect(defaultWindow(at)).toEqual({
      from: '2026-12-01T01:45:00.000Z',
      to: '2026-12-01T02:15:00.000Z',
    });
  });

  it.each([
    [
      'a window within the retention',
      { from: at, to: '2026-12-01T02:30:00.000Z' },
      '2026-12-07T00:00:00.000Z',
      null,
    ],
    [
      'a window ending before it starts',
      { from: at, to: at },
      '2026-12-01T03:00:00.000Z',
      'window_order',
    ],
    [
      'a window over six hours',
      { from: at, to: '2026-12-01T08:00:01.000Z' },
      '2026-12-01T09:00:00.000Z',
      'window_too_long',
    ],
    [
      'footage older than the retention',
      { from: at, to: '2026-12-01T02:30:00.000Z' },
      '2026-12-08T02:00:00.000Z',
      'retention_passed',
    ],
  ] as const)('%s', (_, window, now, reason) => {
    const r = checkFootageWindow(window, 7, now);
    expect(r.ok ? null : r.reason).toBe(reason);
    if (!r.ok && reason === 'retention_passed') expect(r.detail).toBe(footageGoneAt(at, 7));
  });
});

describe('footageStanding', () => {
  const expiresAt = '2026-12-08T02:00:00.000Z';
  it.each([
    ['requested', '2026-12-08T01:59:59.000Z', 'requested'],
    ['requested', expiresAt, 'expired'],
    ['retrieved', '2027-01-01T00:00:00.000Z', 'retrieved'],
    ['unavailable', '2027-01-01T00:00:00.000Z', 'unavailable'],
  ] as const)('%s at %s reads %s', (status, now, standing) => {
    expect(footageStanding({ status, expiresAt }, now)).toBe(standing);
  });
});
