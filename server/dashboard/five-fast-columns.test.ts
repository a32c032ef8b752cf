import { describe, expect, it } from 'vitest';
import { cstWeekOf, secondsBetween } from './five-fast-columns';

describe('five-fast columns', () => {
  it('dates a week by its Monday in China time', () => {
    // Sunday 23:30 UTC is Monday 07:30 in China
    expect(cstWeekOf('2026-11-29T23:30:00.000Z')).toBe('2026-11-30');
    expect(cstWeekOf('2026-11-29T15:59:59.000Z')).toBe('2026-11-23');
    expect(cstWeekOf('not a time')).toBe('');
  });

  it('measures whole seconds forward only', () => {
    expect(secondsBetween('2026-11-01T00:00:00.000Z', '2026-11-01T00:10:00.400Z')).toBe(600);
    expect(secondsBetween('2026-11-01T00:10:00.000Z', '2026-11-01T00:00:00.000Z')).toBeNull();
    expect(secondsBetween(null, '2026-11-01T00:00:00.000Z')).toBeNull();
  });
});
