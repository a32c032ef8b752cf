/**
 * The five-fast dashboard's first view on a seeded year (scripts/seed-year.ts,
 * 30,000 cases): the whole brigade, the seed's last month, as the screen asks
 * for it — the table by unit with the filters' choices, and the weekly trends
 * (the two `GET /api/dashboard/five-fast` calls, one after the other as
 * SQLite serves them) — timed cold (first call on a fresh connection) and
 * warm (median of 15). Target: < 500 ms.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { seedYearFile } from '../scripts/seed-year';
import { dashboardChoices } from '../server/dashboard/choices';
import { brigadeTargets } from '../server/brigade-settings';
import { fiveFastGroups, type DashboardFilters } from '../server/dashboard/five-fast';
import { openDatabase } from '../server/db/database';

export const FIRST_VIEW_TARGET_MS = 500;
const CASES = 30_000;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchDashboard() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaichu-dash-'));
  const file = path.join(dir, 'year.sqlite');
  try {
    const seedStart = performance.now();
    const world = await seedYearFile(file, CASES, 17);
    const seedMs = Math.round(performance.now() - seedStart);
    const db = openDatabase({ dialect: 'sqlite', file });
    const filters: DashboardFilters = {
      brigadeId: world.brigadeId,
      // November 2026 in China time: the seeded year's last month.
      fromIso: '2026-10-31T16:00:00.000Z',
      toIso: '2026-11-30T16:00:00.000Z',
      groupBy: 'unit',
      targets: await brigadeTargets(db, world.brigadeId),
    };
    const time = async () => {
      const t = performance.now();
      const groups = await fiveFastGroups(db, filters);
      await dashboardChoices(db, filters.brigadeId);
      await fiveFastGroups(db, { ...filters, groupBy: 'week' });
      await dashboardChoices(db, filters.brigadeId);
      return { ms: performance.now() - t, cases: groups.reduce((n, g) => n + g.counts.cases, 0) };
    };
    const cold = await time();
    const warm: number[] = [];
    for (let i = 0; i < 15; i++) warm.push((await time()).ms);
    await db.destroy();
    const warmMs = Number(median(warm).toFixed(1));
    return {
      cases: CASES,
      packets: world.cases.reduce((n, c) => n + c.claims.length, 0),
      seedMs,
      monthCases: cold.cases,
      coldMs: Number(cold.ms.toFixed(1)),
      warmMedianMs: warmMs,
      targetMs: FIRST_VIEW_TARGET_MS,
      ratio: Number((Math.max(cold.ms, warmMs) / FIRST_VIEW_TARGET_MS).toFixed(3)),
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bench/dashboard.ts')) {
  console.log(await benchDashboard());
}
