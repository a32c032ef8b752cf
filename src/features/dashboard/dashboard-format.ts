/** Seconds in words a brigade leader reads at a glance: "12 分", "1 小时 5 分", "2 天 3 小时". */
import type { TFunction } from 'i18next';

export function durationText(t: TFunction, seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return t('dashboard.duration.seconds', { s });
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return t('dashboard.duration.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('dashboard.duration.hours', { h: hours, m: minutes % 60 });
  return t('dashboard.duration.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

/** A group's label as shown: a week is "the week of <Monday>". */
export const groupLabel = (t: TFunction, groupBy: string, label: string): string =>
  groupBy === 'week' ? t('dashboard.weekOf', { day: label }) : label;
