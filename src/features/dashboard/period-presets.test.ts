import { describe, expect, it } from 'vitest';
import { presetDays } from './period-presets';

describe('the dashboard’s quick periods', () => {
  it('counts China days: 23:30 UTC on 6 December is already the 7th', () => {
    const now = Date.parse('2026-12-06T23:30:00.000Z');
    expect(presetDays('month', now)).toEqual({});
    expect(presetDays('quarter', now)).toEqual({ from: '2026-09-08', to: '2026-12-07' });
    expect(presetDays('year', now)).toEqual({ from: '2025-12-08', to: '2026-12-07' });
  });
});
