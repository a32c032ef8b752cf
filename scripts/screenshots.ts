/**
 * Screenshots of the accident squad reviewer's workspace for the docs
 * (`npm run screenshots`, after `npm run build`): the demo server on a new
 * data folder and Debian's Chromium, as the browser tests start them; the
 * officer's phone sends three cases; the reviewer approves one and returns
 * another; then the queue and a case, at a desk (1280 × 800) and on a 360 px
 * phone, saved under docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer } from '../tests/e2e/harness';
import { openApp, phoneContext } from '../tests/e2e/phone';
import {
  approve,
  openFromQueue,
  openReviewer,
  returnCase,
  sendNewCase,
} from '../tests/e2e/review-drivers';

const OUT = 'docs/screenshots';

/** The phone sends three cases; the reviewer approves the first and returns the second. */
async function seed(browser: Browser, url: string): Promise<string> {
  const context = await phoneContext(browser, url);
  const page = await openApp(context, { signIn: true });
  const phone = { context, page };
  const approved = await sendNewCase(phone, '天府大道北段 1700 号');
  const returned = await sendNewCase(phone, '人民南路四段 K3+200');
  const waiting = await sendNewCase(phone, '二环路西一段 88 号');
  await context.close();

  const desk = await openReviewer(browser, url);
  await openFromQueue(desk.page, approved);
  await approve(desk.page);
  await openFromQueue(desk.page, returned);
  await returnCase(desk.page, ['车辆 A 号牌'], '请补拍车辆A号牌，号牌须清晰');
  await desk.context.close();
  return waiting;
}

/** Waits until every photo of the case shown has loaded (its button is enabled). */
async function photosLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLButtonElement>('.review-photo-button')].every(
        (b) => !b.disabled && b.querySelector('img')?.complete,
      ),
    null,
    { timeout: 30_000 },
  );
}

async function shoot(
  browser: Browser,
  url: string,
  caseId: string,
  where: 'desk' | 'phone',
): Promise<void> {
  const { context, page } = await openReviewer(browser, url, { narrow: where === 'phone' });
  await page.goto('/review');
  await page.locator(`a[href="/review/${caseId}"]:visible`).waitFor();
  await page.screenshot({ path: join(OUT, `review-queue-${where}.png`), fullPage: true });
  await openFromQueue(page, caseId);
  await photosLoaded(page);
  await page.screenshot({
    path: join(OUT, `review-case-${where}.png`),
    fullPage: where === 'desk',
  });
  await context.close();
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startServer({ KUAICHU_DEMO: '1' });
  const browser = await launchBrowser();
  try {
    const caseId = await seed(browser, server.url);
    await shoot(browser, server.url, caseId, 'desk');
    await shoot(browser, server.url, caseId, 'phone');
    console.log(`screenshots saved in ${OUT}/`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
