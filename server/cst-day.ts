/** The brigade's days for date filters: China Standard Time, UTC+8, no daylight saving. */
import { HttpError } from './errors';

const CST_OFFSET_MS = 8 * 3600_000;

/** The first instant (UTC ISO) of a CST day, `days` later; 400 naming `querystring.<field>` if not a real date. */
export function cstDayStart(day: string, field: string, days = 0): string {
  const ms = Date.parse(`${day}T00:00:00.000Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new HttpError(400, 'validation_failed', 'The request is not valid.', [
      { path: `querystring.${field}`, message: 'must be a real date, YYYY-MM-DD' },
    ]);
  }
  return new Date(ms - CST_OFFSET_MS + days * 86_400_000).toISOString();
}
