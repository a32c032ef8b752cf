/**
 * A new version never reloads the page on its own: the banner offers it, and
 * only the officer's tap switches to it.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressFile } from '../../scripts/precompress';
import { expectNoAxeViolations } from './axe';
import { useBrowserWorld } from './harness';
import { waitForServiceWorker } from './phone';

let staticDir: string;

// Registered before the world: the copy is made before the server starts, removed after it stops.
beforeAll(() => {
  staticDir = mkdtempSync(join(tmpdir(), 'kuaichu-dist-'));
  cpSync(process.env.STATIC_DIR ?? 'dist', staticDir, { recursive: true });
});

afterAll(() => {
  rmSync(staticDir, { recursive: true, force: true });
});

const world = useBrowserWorld({ env: () => ({ STATIC_DIR: staticDir }) });

describe('app update', () => {
  it('shows "update ready" and reloads only when the officer accepts', async () => {
    const { context, page } = await world.openPhone();
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    // Deploy a new version: any byte change in sw.js makes a new worker. A
    // build writes its compressed copies too (the server sends those).
    appendFileSync(join(staticDir, 'sw.js'), '\n// next release\n');
    await precompressFile(join(staticDir, 'sw.js'));
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg?.update();
    });

    const banner = page.getByTestId('update-banner');
    await banner.waitFor();
    await expectNoAxeViolations(page, 'update banner (day)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, 'update banner (night)');
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
