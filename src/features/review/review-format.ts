/** How long a case has waited, and a bilingual text in the screen's language. */
import type { TFunction } from 'i18next';
import type { BilingualText } from '../../domain';
import type { ItemLabel } from './return-items';

export interface Age {
  days: number;
  hours: number;
  minutes: number;
}

/** The time from `fromIso` to `nowMs`, whole minutes (0 for a clock ahead of now). */
export function ageOf(fromIso: string, nowMs: number): Age {
  const ms = Math.max(0, nowMs - Date.parse(fromIso));
  const total = Number.isFinite(ms) ? Math.floor(ms / 60_000) : 0;
  return {
    days: Math.floor(total / 1440),
    hours: Math.floor(total / 60) % 24,
    minutes: total % 60,
  };
}

/** "2 h 10 min", "45 min", "3 d 4 h". */
export function ageText(t: TFunction, age: Age): string {
  if (age.days > 0) return t('review.queue.ageDays', { d: age.days, h: age.hours });
  if (age.hours > 0) return t('review.queue.ageHours', { h: age.hours, m: age.minutes });
  return t('review.queue.ageMinutes', { m: age.minutes });
}

/** The text in the screen's language (English for `en`, else Chinese). */
export function inLanguage(text: BilingualText, lng: string): string {
  return lng === 'en' ? text.en : text.zh;
}

/** The words of a return item. */
export function labelText(t: TFunction, lng: string, label: ItemLabel): string {
  return 'text' in label ? inLanguage(label.text, lng) : t(label.key, label.values);
}
