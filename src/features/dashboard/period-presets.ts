/**
 * Quick periods for the dashboard, in China Standard Time days: this month
 * (the server's default, no days in the address), the last 13 weeks, the
 * last year — long enough for the weekly trends to say something.
 */
const CST_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

export type Preset = 'month' | 'quarter' | 'year';
export const PRESETS: readonly Preset[] = ['month', 'quarter', 'year'];

const cstDay = (ms: number) => new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);

/** The days of a preset at `nowMs` (undefined: the server's default, this month). */
export function presetDays(preset: Preset, nowMs: number): { from?: string; to?: string } {
  if (preset === 'month') return {};
  const back = preset === 'quarter' ? 13 * 7 - 1 : 364;
  return { from: cstDay(nowMs - back * DAY_MS), to: cstDay(nowMs) };
}
