import { describe, expect, it } from 'vitest';
import { FIVE_FASTS } from './five-fast';
import {
  countOverTarget,
  FIVE_FAST_TARGET_MAX,
  FIVE_FAST_TARGET_MIN,
  isOverTarget,
  STARTER_FIVE_FAST_TARGETS,
} from './targets';

describe('isOverTarget', () => {
  it.each([
    [899, 15, false],
    [900, 15, false], // exactly on the target is met
    [901, 15, true],
    [0, 1, false],
    [61, 1, true],
  ])('%i s against %i min → %s', (seconds, minutes, over) => {
    expect(isOverTarget(seconds, minutes)).toBe(over);
  });
});

describe('countOverTarget', () => {
  it('counts the measured values past the target, leaving nulls out', () => {
    expect(countOverTarget([300, null, 900, 901, 3600], 15)).toBe(2);
    expect(countOverTarget([null, null], 1)).toBe(0);
    expect(countOverTarget([], 1)).toBe(0);
  });
});

describe('the starter targets', () => {
  it('have one for every fast, whole minutes within the bounds', () => {
    for (const k of FIVE_FASTS) {
      const minutes = STARTER_FIVE_FAST_TARGETS[k];
      expect(Number.isInteger(minutes)).toBe(true);
      expect(minutes).toBeGreaterThanOrEqual(FIVE_FAST_TARGET_MIN);
      expect(minutes).toBeLessThanOrEqual(FIVE_FAST_TARGET_MAX[k]);
    }
    expect(STARTER_FIVE_FAST_TARGETS).toEqual({
      evidence: 15,
      clearance: 30,
      liability: 60,
      assessment: 1440,
      payout: 10080,
    });
  });
});
