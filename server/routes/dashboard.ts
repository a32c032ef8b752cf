/** /api/dashboard: the five-fast figures of the viewer's brigade, their cases, and the CSV. */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import {
  DASHBOARD_INTERVALS,
  DashboardCasesQuery,
  FiveFastQuery,
} from '../../src/contracts/dashboard';
import type { DashboardCasesPage, FiveFastResponse } from '../../src/contracts/dashboard';
import type { Authenticator } from '../auth/authenticate';
import { dashboardChoices } from '../dashboard/choices';
import { dashboardCasesCsv, fiveFastCsv } from '../dashboard/csv';
import { allDashboardCases, dashboardCases } from '../dashboard/drill-down';
import { fiveFastGroups } from '../dashboard/five-fast';
import { dashboardFilters } from '../dashboard/query';
import type { Db } from '../db/database';
import { HttpError, parseInput } from '../errors';
import { sessionRoute } from './contract-route';

export interface DashboardRoutesOptions {
  db: Db;
  auth: Authenticator;
  now?: () => Date;
}

/** A CSV document as an attachment (the filename is ASCII: ids, days and slugs only). */
function sendCsv(reply: FastifyReply, csv: string, filename: string): Buffer {
  void reply
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .type('text/csv; charset=utf-8');
  return Buffer.from(csv, 'utf8');
}

/** The cases query; `over` only goes with an interval (a count has no target). */
function casesQuery(query: unknown): DashboardCasesQuery {
  const q = parseInput(DashboardCasesQuery, query, 'querystring');
  if (q.over && !(DASHBOARD_INTERVALS as readonly string[]).includes(q.interval)) {
    throw new HttpError(400, 'validation_failed', 'The request is not valid.', [
      { path: 'querystring.over', message: 'only with an interval' },
    ]);
  }
  return q;
}

export const dashboardRoutes: FastifyPluginAsync<DashboardRoutesOptions> = async (
  app,
  { db, auth, now = () => new Date() },
) => {
  sessionRoute(
    app,
    auth,
    'dashboard.fiveFast',
    async (request, reply, session): Promise<FiveFastResponse> => {
      const query = parseInput(FiveFastQuery, request.query, 'querystring');
      const f = await dashboardFilters(db, session, query, now());
      void reply.header('cache-control', 'no-store');
      const [groups, choices] = [
        await fiveFastGroups(db, f),
        await dashboardChoices(db, f.brigadeId),
      ];
      return { groupBy: f.groupBy, from: f.from, to: f.to, groups, choices, targets: f.targets };
    },
  );
  sessionRoute(app, auth, 'dashboard.fiveFastCsv', async (request, reply, session) => {
    const query = parseInput(FiveFastQuery, request.query, 'querystring');
    const f = await dashboardFilters(db, session, query, now());
    const csv = fiveFastCsv(await fiveFastGroups(db, f), f.groupBy, query.lang ?? 'zh', f.targets);
    return sendCsv(reply, csv, `five-fast-${f.groupBy}-${f.from}-${f.to}.csv`);
  });
  sessionRoute(app, auth, 'dashboard.casesCsv', async (request, reply, session) => {
    const query = casesQuery(request.query);
    const f = await dashboardFilters(db, session, query, now());
    const items = await allDashboardCases(db, f, query);
    const csv = dashboardCasesCsv(items, query.interval, query.lang ?? 'zh');
    return sendCsv(reply, csv, `five-fast-cases-${query.interval}-${f.from}-${f.to}.csv`);
  });
  sessionRoute(
    app,
    auth,
    'dashboard.cases',
    async (request, reply, session): Promise<DashboardCasesPage> => {
      const query = casesQuery(request.query);
      const f = await dashboardFilters(db, session, query, now());
      void reply.header('cache-control', 'no-store');
      return dashboardCases(db, f, query);
    },
  );
};
