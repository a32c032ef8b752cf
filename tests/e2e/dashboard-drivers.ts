/**
 * The five-fast dashboard as a reviewer reads it: opened from the header,
 * the period typed into its fields, a figure's visible words (without the
 * words only a screen reader hears), what a cell says of the target, the
 * cases behind a figure (or only those over its target), a CSV
 * download's bytes, and the timeline of the case a figure led to.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { savedDownload } from './phone';

/** Opens the dashboard from the header's link and sets the arrival days. */
export async function openDashboard(page: Page, period: { from: string; to: string }) {
  await page.getByRole('navigation').getByRole('link', { name: '看板' }).click();
  await page.getByRole('heading', { level: 1, name: '“五快”数据看板' }).waitFor();
  await page.getByLabel('到场日期从').fill(period.from);
  await page.getByLabel('到场日期至').fill(period.to);
  await page.getByText(`${period.from} 至 ${period.to}（北京时间）`).waitFor();
}

/** What a figure of the table shows: its visible lines, joined by spaces. */
export async function figureShown(page: Page, figure: string, group: string): Promise<string> {
  return page.getByTestId(`figure-${figure}-${group}`).evaluate((el) =>
    [...el.childNodes]
      .filter((n) => !(n instanceof Element && n.classList.contains('sr-only')))
      .map((n) => n.textContent?.trim() ?? '')
      .join(' '),
  );
}

/** What an interval's cell says of the brigade's target: the median against it, the cases over it. */
export async function targetShown(page: Page, interval: string, group: string): Promise<string> {
  const said = page.getByTestId(`target-${interval}-${group}`);
  const count = said.locator('xpath=following-sibling::*[1]');
  const countText = await count.evaluate((el) =>
    [...el.childNodes]
      .filter((n) => !(n instanceof Element && n.classList.contains('sr-only')))
      .map((n) => n.textContent?.trim() ?? '')
      .join(' '),
  );
  return `${await said.innerText()} ${countText}`;
}

/**
 * Opens the cases behind a figure (`over`: its count of cases over the
 * target, and waits for their `total`); answers each row's cells as shown.
 */
export async function casesBehind(
  page: Page,
  figure: string,
  group: string,
  over?: { total: number },
) {
  await page.getByTestId(`${over ? 'over' : 'figure'}-${figure}-${group}`).click();
  const list = page.getByTestId('dashboard-cases');
  await list.locator('tbody tr').first().waitFor();
  await list
    .getByRole('status')
    .filter({ hasText: over ? `共 ${over.total} 件` : '共' })
    .waitFor();
  return list
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
    );
}

/** Downloads what the button named by `testId` saves; answers the file's bytes. */
export async function downloadBytes(page: Page, testId: string): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  return readFileSync(await savedDownload(download));
}

/** The rows of a chart's data table (opened), each row's cells as shown. */
export async function chartTable(page: Page, chartTestId: string): Promise<string[][]> {
  const chart = page.getByTestId(chartTestId);
  await chart.locator('summary').click();
  return chart
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
    );
}

/** On the reviewer's case screen: opens the timeline and answers what each event says happened. */
export async function timelineShown(page: Page): Promise<string[]> {
  await page.getByText('显示这起案件的全部经过').click();
  const list = page.getByTestId('timeline');
  await list.locator('li').first().waitFor();
  return list.locator('li strong').allTextContents();
}
