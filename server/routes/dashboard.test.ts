/**
 * The five-fast dashboard against an independent computation: 500 seeded
 * cases (scripts/seed-year.ts) in brigade A; every median, p90 and count the
 * API gives is recomputed here from the generated rows by nearest rank, and
 * each over-target count by comparing the raw rows with the targets the admin
 * set. Seeded rows carry no signed versions or audit events, hence `tampered`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DashboardCasesPage,
  DashboardGroupBy,
  DashboardInterval,
  FiveFastResponse,
} from '../../src/contracts/dashboard';
import { DASHBOARD_INTERVALS } from '../../src/contracts/dashboard';
import { seedYear, type SeededCase, type SeedWorld } from '../../scripts/seed-year';
import { cstWeekOf } from '../dashboard/five-fast-columns';
import { openTestWorld, type TestWorld } from '../test-world';

let w: TestWorld;
let seeded: SeedWorld;

beforeAll(async () => {
  w = await openTestWorld();
  w.fx.tampered();
  const { brigade_id } = await w.fx.db
    .selectFrom('units')
    .select('brigade_id')
    .where('id', '=', w.units.patrolA.id)
    .executeTakeFirstOrThrow();
  seeded = await seedYear(w.fx.db, { count: 500, seed: 5, brigadeId: brigade_id });
  const { callback, ...targets } = TARGETS;
  const res = await w.call('admin', {
    method: 'PATCH',
    url: `/api/admin/brigades/${brigade_id}`,
    payload: { callbackMinutes: callback, targets },
  });
  expect(res.statusCode, res.body).toBe(200);
});

/** The brigade's targets in minutes, set by the admin before the figures are read. */
const TARGETS: Readonly<Record<DashboardInterval, number>> = {
  evidence: 10,
  clearance: 20,
  liability: 30,
  callback: 90,
  assessment: 1440,
  payout: 4320,
};

afterAll(async () => {
  await w.close();
});

/** Nearest rank ⌈p·n/100⌉ of the sorted values, written independently of the SQL. */
function nearestRank(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

const CASE_INTERVALS = ['evidence', 'clearance', 'liability'] as const;
type Row = { key: string; value: number | null };

/** Each measured value of an interval with its group key, straight from the generated cases. */
function valuesOf(cases: SeededCase[], groupBy: DashboardGroupBy, k: DashboardInterval): Row[] {
  return cases.flatMap((c) => {
    const keyOf = (insurerId: string) =>
      groupBy === 'unit'
        ? c.unitId
        : groupBy === 'officer'
          ? c.officerId
          : groupBy === 'week'
            ? cstWeekOf(c.arrivedAt)
            : insurerId;
    if ((CASE_INTERVALS as readonly string[]).includes(k)) {
      const value = c[k as (typeof CASE_INTERVALS)[number]];
      return groupBy === 'insurer'
        ? c.claims.map((cl) => ({ key: cl.insurerId, value }))
        : [{ key: keyOf(''), value }];
    }
    return c.claims.map((cl) => ({ key: keyOf(cl.insurerId), value: cl[k as 'callback'] }));
  });
}

function expectedFigures(
  cases: SeededCase[],
  groupBy: DashboardGroupBy,
  key: string,
  k: DashboardInterval,
) {
  const values = valuesOf(cases, groupBy, k)
    .filter((r) => r.key === key && r.value !== null)
    .map((r) => r.value!);
  return {
    count: values.length,
    median: nearestRank(values, 50),
    p90: nearestRank(values, 90),
    overTarget: values.filter((v) => v > TARGETS[k] * 60).length,
  };
}

async function figures(query: string, actor: 'reviewerA' | 'reviewerB' | 'admin' = 'reviewerA') {
  const res = await w.call(actor, { method: 'GET', url: `/api/dashboard/five-fast?${query}` });
  expect(res.statusCode).toBe(200);
  return res.json<FiveFastResponse>();
}

const inNovember = (c: SeededCase) =>
  c.arrivedAt >= '2026-10-31T16:00:00.000Z' && c.arrivedAt < '2026-11-30T16:00:00.000Z';

describe('GET /api/dashboard/five-fast', () => {
  it.each(['unit', 'officer', 'insurer', 'week'] as const)(
    'gives the medians and p90s of a year, per %s, equal to the raw rows’ nearest ranks',
    async (groupBy) => {
      const body = await figures(`from=2025-11-01&to=2026-11-30&groupBy=${groupBy}`);
      expect(body.groups.length).toBeGreaterThan(1);
      expect(body.targets).toEqual(TARGETS);
      for (const group of body.groups) {
        for (const k of DASHBOARD_INTERVALS) {
          expect({ key: group.key, k, ...group.intervals[k] }).toEqual({
            key: group.key,
            k,
            ...expectedFigures(seeded.cases, groupBy, group.key, k),
          });
        }
      }
    },
  );

  it('counts the cases over each target: some, never all, per unit', async () => {
    const body = await figures('from=2025-11-01&to=2026-11-30');
    for (const k of DASHBOARD_INTERVALS) {
      const over = body.groups.reduce((n, g) => n + g.intervals[k].overTarget, 0);
      const measured = body.groups.reduce((n, g) => n + g.intervals[k].count, 0);
      expect({ k, some: over > 0, all: over === measured }).toEqual({ k, some: true, all: false });
    }
  });

  it('counts the month’s cases per unit: escalated, returned, disputed, warnings', async () => {
    const body = await figures('from=2026-11-01&to=2026-11-30');
    const month = seeded.cases.filter(inNovember);
    expect(body.groups.reduce((n, g) => n + g.counts.cases, 0)).toBe(month.length);
    for (const group of body.groups) {
      const mine = month.filter((c) => c.unitId === group.key);
      expect(group.counts).toEqual({
        cases: mine.length,
        escalated: mine.filter((c) => c.escalated).length,
        returned: mine.filter((c) => c.returned).length,
        disputed: mine.filter((c) => c.disputed).length,
        warnings: mine.reduce((n, c) => n + c.warnings, 0),
      });
      expect(group.intervals.evidence).toEqual(
        expectedFigures(mine, 'unit', group.key, 'evidence'),
      );
      expect(group.label).toBe(seeded.units.find((u) => u.id === group.key)!.name);
    }
  });

  it('filters by insurer: only its packets, and the cases it holds one of', async () => {
    const insurer = seeded.insurers[0]!.id;
    const body = await figures(`from=2025-11-01&to=2026-11-30&insurer=${insurer}`);
    const held = seeded.cases.filter((c) => c.claims.some((cl) => cl.insurerId === insurer));
    expect(body.groups.reduce((n, g) => n + g.counts.cases, 0)).toBe(held.length);
    const unit = body.groups[0]!;
    const mine = held
      .filter((c) => c.unitId === unit.key)
      .map((c) => ({ ...c, claims: c.claims.filter((cl) => cl.insurerId === insurer) }));
    expect(unit.intervals.payout).toEqual(expectedFigures(mine, 'unit', unit.key, 'payout'));
  });

  it('shows another brigade nothing, and refuses a backwards range naming the field', async () => {
    expect((await figures('from=2025-11-01&to=2026-11-30', 'reviewerB')).groups).toEqual([]);
    const res = await w.call('reviewerA', {
      method: 'GET',
      url: '/api/dashboard/five-fast?from=2026-11-30&to=2026-11-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { fields: { path: string }[] } }>().error.fields[0]!.path).toBe(
      'querystring.from',
    );
  });
});

describe('GET /api/dashboard/cases', () => {
  it('pages the cases behind a figure, longest interval first', async () => {
    const unit = seeded.units[0]!.id;
    const expected = expectedFigures(seeded.cases, 'unit', unit, 'liability');
    const url = `/api/dashboard/cases?from=2025-11-01&to=2026-11-30&groupBy=unit&group=${unit}&interval=liability&pageSize=10`;
    const res = await w.call('reviewerA', { method: 'GET', url });
    expect(res.statusCode).toBe(200);
    const page = res.json<DashboardCasesPage>();
    expect(page.total).toBe(expected.count);
    expect(page.items).toHaveLength(10);
    const longest = seeded.cases
      .filter((c) => c.unitId === unit && c.liability !== null)
      .sort((a, b) => b.liability! - a.liability! || a.id.localeCompare(b.id))[0]!;
    expect(page.items[0]).toMatchObject({ id: longest.id, seconds: longest.liability });
  });

  it('pages only the cases over the target with over=1, and refuses it with a count', async () => {
    const unit = seeded.units[0]!.id;
    const base = `/api/dashboard/cases?from=2025-11-01&to=2026-11-30&groupBy=unit&group=${unit}`;
    const res = await w.call('reviewerA', {
      method: 'GET',
      url: `${base}&interval=evidence&over=1&pageSize=100`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<DashboardCasesPage>();
    const expected = seeded.cases.filter(
      (c) => c.unitId === unit && c.evidence > TARGETS.evidence * 60,
    );
    expect(page.total).toBe(expected.length);
    expect(page.items.map((i) => i.id).sort()).toEqual(expected.map((c) => c.id).sort());
    const refused = await w.call('reviewerA', {
      method: 'GET',
      url: `${base}&interval=cases&over=1`,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { fields: { path: string }[] } }>().error.fields[0]!.path).toBe(
      'querystring.over',
    );
  });

  it('lists the escalated cases of a week, newest first', async () => {
    const week = cstWeekOf(seeded.cases.find((c) => c.escalated)!.arrivedAt);
    const url = `/api/dashboard/cases?from=2025-11-01&to=2026-11-30&groupBy=week&group=${week}&interval=escalated`;
    const page = (await w.call('reviewerA', { method: 'GET', url })).json<DashboardCasesPage>();
    const expected = seeded.cases
      .filter((c) => c.escalated && cstWeekOf(c.arrivedAt) === week)
      .sort((a, b) => b.arrivedAt.localeCompare(a.arrivedAt));
    expect(page.items.map((i) => i.id)).toEqual(expected.map((c) => c.id));
    expect(page.items.every((i) => i.seconds === null)).toBe(true);
  });

  it('lists a unit’s cases with a warning instead of a fine, and only those', async () => {
    const unit = seeded.units[0]!.id;
    const url = `/api/dashboard/cases?from=2025-11-01&to=2026-11-30&groupBy=unit&group=${unit}&interval=warnings&pageSize=100`;
    const page = (await w.call('reviewerA', { method: 'GET', url })).json<DashboardCasesPage>();
    const expected = seeded.cases.filter((c) => c.unitId === unit && c.warnings > 0);
    expect(expected.some((c) => c.declined > 0)).toBe(true);
    expect(page.total).toBe(expected.length);
    expect(page.items.map((i) => i.id).sort()).toEqual(expected.map((c) => c.id).sort());
  });
});

describe('GET /api/dashboard/five-fast.csv', () => {
  it('is UTF-8 with a BOM, Chinese headers and Chinese unit names intact', async () => {
    const res = await w.call('reviewerA', {
      method: 'GET',
      url: '/api/dashboard/five-fast.csv?from=2025-11-01&to=2026-11-30',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)).split('\r\n');
    expect(
      lines[0]!.startsWith(
        '单位,案件数,升级,退回,争议,首违警告,取证快 件数,取证快 中位数（秒）,取证快 P90（秒）,取证快 目标（分钟）,取证快 超出目标件数,',
      ),
    ).toBe(true);
    expect(bytes.includes(Buffer.from('\r\n一中队,', 'utf8'))).toBe(true);
    const json = await figures('from=2025-11-01&to=2026-11-30');
    const first = json.groups[0]!;
    const { evidence } = first.intervals;
    expect(lines[1]!.split(',').slice(0, 11)).toEqual(
      [
        first.label,
        first.counts.cases,
        first.counts.escalated,
        first.counts.returned,
        first.counts.disputed,
        first.counts.warnings,
        evidence.count,
        evidence.median,
        evidence.p90,
        TARGETS.evidence,
        evidence.overTarget,
      ].map(String),
    );
    expect(lines.at(-1)).toBe('');
  });

  it('lists the cases behind a figure: every one, longest first, Chinese headers', async () => {
    const unit = seeded.units[0]!.id;
    const url = `/api/dashboard/cases.csv?from=2025-11-01&to=2026-11-30&groupBy=unit&group=${unit}&interval=liability`;
    const res = await w.call('reviewerA', { method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('案件编号,到场时间（北京时间）,定责快（秒）');
    const expected = seeded.cases
      .filter((c) => c.unitId === unit && c.liability !== null)
      .sort((a, b) => b.liability! - a.liability! || a.id.localeCompare(b.id));
    expect(lines).toHaveLength(expected.length + 2);
    expect(lines[1]!.split(',')[2]).toBe(String(expected[0]!.liability));
  });

  it('offers the brigade’s units, officers and the insurers as filters', async () => {
    const { choices } = await figures('from=2026-11-01&to=2026-11-30');
    expect(choices.units.map((u) => u.id).sort()).toEqual(
      expect.arrayContaining(seeded.units.map((u) => u.id).sort()),
    );
    expect(choices.officers.length).toBeGreaterThan(0);
    expect(choices.insurers.map((i) => i.id)).toEqual(
      expect.arrayContaining(seeded.insurers.map((i) => i.id)),
    );
    expect((await figures('from=2026-11-01&to=2026-11-30', 'reviewerB')).choices.units).not.toEqual(
      expect.arrayContaining([seeded.units[0]]),
    );
  });

  it('has English headers with lang=en', async () => {
    const res = await w.call('reviewerA', {
      method: 'GET',
      url: '/api/dashboard/five-fast.csv?from=2025-11-01&to=2026-11-30&groupBy=insurer&lang=en',
    });
    const text = res.rawPayload.subarray(3).toString('utf8');
    expect(
      text
        .split('\r\n')[0]!
        .startsWith(
          'Insurer,Cases,Escalated,Returned,Disputed,Warnings instead of fines,evidence fast measured,',
        ),
    ).toBe(true);
    expect(text).toContain('\r\n人保财险,');
  });
});
