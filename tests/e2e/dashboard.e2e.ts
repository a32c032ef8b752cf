/**
 * The five-fast dashboard in the browser: four cases of March 2025 seeded
 * into the demo brigade's patrol squad (tests/e2e/dashboard-seed.ts: minutes
 * to evidence 5, 10, 20, 8; to clearance 10, 15, 30; to liability 20, 30, 60;
 * one escalated, one returned, one disputed; one packet: call-back 30 min,
 * assessment 1 day, payout 2 days). The admin sets the brigade's five-fast
 * targets (evidence 9 min, liability 25; a target of 0 refused on its field;
 * axe, and at 360 px). The reviewer opens the dashboard from the
 * header and reads the nearest-rank medians and p90s of those numbers, each
 * beside its target (the liability median said to be over it), opens
 * the cases behind the liability figure (longest first), those over its
 * target, and one of them in
 * the workspace with its timeline, reads a weekly trend's table, downloads both CSVs (BOM,
 * Chinese intact); axe at a desk and at 360 px; the English words once.
 */
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { DASH_PERIOD, dashCaseId, dashCaseNumber, seedDashboardCases } from './dashboard-seed';
import {
  casesBehind,
  chartTable,
  downloadBytes,
  figureShown,
  openDashboard,
  targetShown,
  timelineShown,
} from './dashboard-drivers';
import { saveFiveFastTargets } from './callback-drivers';
import { useBrowserWorld } from './harness';
import { openDesk } from './insurer-drivers';
import { layoutProblems } from './phone';
import { openReviewer } from './review-drivers';
import { setBrigadeTargets } from './server';

const world = useBrowserWorld({ demo: true });
const BOM = [0xef, 0xbb, 0xbf];

const textOf = (bytes: Buffer) =>
  new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));

/** The admin sets the demo brigade's targets: evidence 9 min, liability 25 (the others stay). */
async function setTargets() {
  const admin = await openDesk(world.browser, world.server.url, 'demo-admin', '/admin');
  expect(await saveFiveFastTargets(admin.page, { 取证快: '0' })).toBe(
    '“取证快目标（分钟）”须在 1 至 1440 分钟之间。',
  );
  expect(await saveFiveFastTargets(admin.page, { 取证快: '9', 定责快: '25' })).toMatch(
    /^已保存.*的“五快”时限目标。$/,
  );
  await expectNoAxeViolations(admin.page, 'brigade settings with the five-fast targets, desk');
  await admin.page.setViewportSize({ width: 360, height: 800 });
  const layout = await layoutProblems(admin.page);
  expect(layout.small).toEqual([]);
  expect(layout.width).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(admin.page, 'brigade settings with the five-fast targets, 360 px');
  await admin.context.close();
}

describe('the five-fast dashboard', () => {
  it('shows the seeded figures beside the targets, opens the cases behind one, and downloads them as CSV', async () => {
    const { unit } = seedDashboardCases(world.server);
    await setTargets();
    const { page } = await openReviewer(world.browser, world.server.url);
    await openDashboard(page, DASH_PERIOD);

    // Nearest rank ⌈p·n/100⌉: evidence [5, 8, 10, 20] → 8 and 20; liability [20, 30, 60] → 30 and 60.
    expect(await figureShown(page, 'cases', unit.id)).toBe('4');
    expect(await figureShown(page, 'escalated', unit.id)).toBe('1');
    expect(await figureShown(page, 'returned', unit.id)).toBe('1');
    expect(await figureShown(page, 'disputed', unit.id)).toBe('1');
    expect(await figureShown(page, 'evidence', unit.id)).toBe('中位数 8 分 P90 20 分 4 件');
    expect(await figureShown(page, 'clearance', unit.id)).toBe('中位数 15 分 P90 30 分 3 件');
    expect(await figureShown(page, 'liability', unit.id)).toBe('中位数 30 分 P90 1 小时 0 分 3 件');
    expect(await figureShown(page, 'callback', unit.id)).toBe('中位数 30 分 P90 30 分 1 件');
    expect(await figureShown(page, 'payout', unit.id)).toBe(
      '中位数 2 天 0 小时 P90 2 天 0 小时 1 件',
    );
    // Beside the targets: evidence [5, 8, 10, 20] against 9 min, liability [20, 30, 60] against 25.
    expect(await page.getByRole('columnheader', { name: /^定责快/ }).innerText()).toContain(
      '目标 25 分',
    );
    expect(await targetShown(page, 'evidence', unit.id)).toBe(
      '中位数未超过目标 9 分 超过目标 2 件',
    );
    expect(await targetShown(page, 'clearance', unit.id)).toBe(
      '中位数未超过目标 30 分 超过目标 0 件',
    );
    expect(await targetShown(page, 'liability', unit.id)).toBe(
      '⚠ 中位数超过目标 25 分 超过目标 2 件',
    );

    // Weeks from Monday (China time): cases 1–2, case 3, case 4 (escalated, no liability).
    expect(await chartTable(page, 'trend-liability')).toEqual([
      ['2025-03-03', '20 分', '30 分'],
      ['2025-03-10', '1 小时 0 分', '1 小时 0 分'],
      ['2025-03-17', '—', '—'],
    ]);

    const rows = await casesBehind(page, 'liability', unit.id);
    expect(rows.map((r) => [r[0], r[2]])).toEqual([
      [dashCaseNumber(3), '1 小时 0 分'],
      [dashCaseNumber(2), '30 分'],
      [dashCaseNumber(1), '20 分'],
    ]);
    await page.getByTestId('dashboard-cases-total').getByText('共 3 件').waitFor();
    await expectNoAxeViolations(page, 'dashboard with the cases of a figure, desk');

    const table = await downloadBytes(page, 'csv-five-fast');
    expect([...table.subarray(0, 3)]).toEqual(BOM);
    const tableText = textOf(table);
    expect(
      tableText.startsWith('单位,案件数,升级,退回,争议,首违警告,取证快 件数,取证快 中位数（秒）'),
    ).toBe(true);
    expect(tableText).toContain(
      `\r\n${unit.name},4,1,1,1,0,4,480,1200,9,2,3,900,1800,30,0,3,1800,3600,25,2,`,
    );

    const cases = await downloadBytes(page, 'csv-cases');
    expect([...cases.subarray(0, 3)]).toEqual(BOM);
    expect(textOf(cases).split('\r\n').slice(0, 3)).toEqual([
      '案件编号,到场时间（北京时间）,定责快（秒）',
      `${dashCaseNumber(3)},2025-03-12 12:00,3600`,
      `${dashCaseNumber(2)},2025-03-05 11:00,1800`,
    ]);

    // Only the cases over the liability target: 60 and 30 minutes.
    const over = await casesBehind(page, 'liability', unit.id, { total: 2 });
    expect(over.map((r) => [r[0], r[2]])).toEqual([
      [dashCaseNumber(3), '1 小时 0 分'],
      [dashCaseNumber(2), '30 分'],
    ]);
    await page
      .getByRole('heading', { level: 2, name: `案件明细：${unit.name}，定责快超过目标` })
      .waitFor();
    await expectNoAxeViolations(page, 'dashboard with the cases over a target, desk');

    await page.getByRole('link', { name: new RegExp(`^${dashCaseNumber(3)}`) }).click();
    await page.waitForURL(`**/review/${dashCaseId(3)}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(dashCaseNumber(3)) }).waitFor();
    // Its timeline, on one line of time: arrival, the steps, the version the server holds.
    expect(await timelineShown(page)).toEqual([
      '到达现场',
      '已分流',
      '取证完成',
      '现场已撤离',
      '责任已拟定',
      '已签字',
      '服务器收到第 1 版',
    ]);
    await page.context().close();
  });

  it('works at 360 px (axe by day and night, 48 px targets, no sideways page), and in English', async () => {
    const { unit } = seedDashboardCases(world.server);
    await setBrigadeTargets(world.server.url, { evidence: 9, liability: 25 });
    const { page } = await openReviewer(world.browser, world.server.url, { narrow: true });
    const address = `/dashboard?from=${DASH_PERIOD.from}&to=${DASH_PERIOD.to}&figure=evidence&group=${unit.id}`;
    await page.goto(address);
    await page.getByTestId('dashboard-cases').locator('tbody tr').nth(3).waitFor();
    await expectNoAxeViolations(page, 'dashboard with the cases of a figure, 360 px');
    const layout = await layoutProblems(page);
    expect(layout.small).toEqual([]);
    expect(layout.width).toBeLessThanOrEqual(360);

    await page.evaluate(() => localStorage.setItem('kuaichu.language', 'en'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Five-fast dashboard' }).waitFor();
    expect(await figureShown(page, 'evidence', unit.id)).toBe('median 8 min p90 20 min 4 measured');
    expect(await targetShown(page, 'liability', unit.id)).toBe(
      '⚠ median over the target of 25 min 2 over target',
    );
    await page.getByRole('heading', { level: 2, name: `Cases: ${unit.name}, Evidence` }).waitFor();
    await expectNoAxeViolations(page, 'dashboard in English, 360 px');
    // At night, with a chart's data table open.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await chartTable(page, 'trend-cases')).toHaveLength(3);
    await expectNoAxeViolations(page, 'dashboard in English, night, a chart’s table open, 360 px');
    await page.context().close();
  });
});
