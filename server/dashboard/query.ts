/** A dashboard query resolved for the viewer: his brigade, and the CST day range as instants. */
import type { FiveFastQuery } from '../../src/contracts/dashboard';
import type { Session } from '../auth/sessions';
import { brigadeTargets } from '../brigade-settings';
import { cstDayStart } from '../cst-day';
import type { Db } from '../db/database';
import { HttpError } from '../errors';
import type { DashboardFilters } from './five-fast';

const CST_OFFSET_MS = 8 * 3600_000;

/** Today in China Standard Time, YYYY-MM-DD. */
export const cstToday = (now: Date): string =>
  new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);

/** The days asked for, or this month so far. */
export function dayRange(query: FiveFastQuery, now: Date): { from: string; to: string } {
  const today = cstToday(now);
  const to = query.to ?? today;
  const from = query.from ?? `${(query.to ?? today).slice(0, 8)}01`;
  return { from, to };
}

/**
 * The filters for a reviewer or admin: always his own brigade (a viewer
 * without one sees nothing), with its targets. 400 naming `querystring.from`
 * when the range runs backwards.
 */
export async function dashboardFilters(
  db: Db,
  session: Session,
  query: FiveFastQuery,
  now: Date,
): Promise<DashboardFilters & { from: string; to: string }> {
  const { from, to } = dayRange(query, now);
  const fromIso = cstDayStart(from, 'from');
  const toIso = cstDayStart(to, 'to', 1);
  if (fromIso >= toIso) {
    throw new HttpError(400, 'validation_failed', 'The request is not valid.', [
      { path: 'querystring.from', message: 'must be on or before `to`' },
    ]);
  }
  const brigadeId = session.brigadeId ?? '';
  return {
    brigadeId,
    targets: await brigadeTargets(db, brigadeId),
    from,
    to,
    fromIso,
    toIso,
    unit: query.unit,
    officer: query.officer,
    insurer: query.insurer,
    groupBy: query.groupBy ?? 'unit',
  };
}
