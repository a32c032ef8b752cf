/**
 * A new version never reloads the page on its own: the banner offers it, and
 * only the officer's tap switches to it.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  launchBrowser,
  phoneContext,
  startServer,
  waitForServiceWorker,
  type RunningServer,
} from './harness';

let server: RunningServer;
let browser: Browser;
let staticDir: string;

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'kuaichu-dist-'));
  cpSync('dist', staticDir, { recursive: true });
  server = await startServer({ STATIC_DIR: staticDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('app update', () => {
  it('shows "update ready" and reloads only when the officer accepts', async () => {
    const context = await phoneContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/');
    await waitForServiceWorker(page);
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    // Deploy a new version: any byte change in sw.js makes a new worker.
    appendFileSync(join(staticDir, 'sw.js'), '\n// next release\n');
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg?.update();
    });

    const banner = page.getByTestId('update-banner');
    await banner.waitFor();
    expect(await page.evaluate(() => 'stillTheSamePage' in window)).toBe(true);

    await Promise.all([
      page.waitForEvent('load'),
      banner.getByRole('button', { name: '立即更新' }).click(),
    ]);
    expect(await page.evaluate(() => 'stillTheSamePage' in window)).toBe(false);
    await waitForServiceWorker(page);
    expect(await page.getByTestId('update-banner').count()).toBe(0);
    await context.close();
  });
});
