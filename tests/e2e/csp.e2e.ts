/**
 * The Content-Security-Policy is on and the app lives within it: an injected
 * inline script does not run (and is reported), while the main screens —
 * sign-in, the case list, a case through parties, photos (blob: thumbnails),
 * the in-page camera, the map with its tiles, liability with signatures and
 * the determination's QR code (data: images), settings, the outbox, the other
 * roles' homes and the API page — report no violation at all.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowserWorld } from './harness';
import { fakeTiles, openLocation } from './drivers';
import {
  answerRearEnd,
  clearedRearEndCase,
  DRIVER_A,
  DRIVER_B,
  partyGroup,
  propose,
  readNoticesOut,
  signAs,
} from './liability-drivers';
import { signInAs } from './phone';

const world = useBrowserWorld({
  demo: true,
  chromeArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
});

/** What the policy reports on the context's pages: violation events and the console's refusals. */
async function watchPolicy(context: BrowserContext, reported: string[] = []): Promise<string[]> {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`securitypolicyviolation ${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  const watch = (page: Page) => {
    page.on('console', (message) => {
      const text = message.text();
      if (/securitypolicyviolation|Content Security Policy|Permissions-Policy/i.test(text))
        reported.push(`${page.url()}: ${text}`);
    });
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
  return reported;
}

describe('Content-Security-Policy in the browser', () => {
  it('refuses an inline script injected into the page, and reports it', async () => {
    const context = await world.newPhone();
    const reported = await watchPolicy(context);
    const page = await context.newPage();
    const answer = await page.goto('/');
    expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");

    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
    });

    await expect.poll(() => reported.length).toBeGreaterThan(0);
    expect(reported.join('\n')).toMatch(/script-src/);
    expect(await page.evaluate(() => 'injected' in window)).toBe(false);
    await context.close();
  });

  it('reports no violation on the main screens of every role', async () => {
    const { context, page, id } = await clearedRearEndCase(world, 'G318 国道 K7', true);
    const reported = await watchPolicy(context);
    await fakeTiles(context);
    await page.reload();

    // The shot list with its thumbnails, then the in-page camera's live view.
    await page.goto(`/cases/${id}/evidence`);
    await page.locator('li.shot.taken img').first().waitFor();
    await page.locator('li.shot .shot-actions button.primary').first().click();
    await page.waitForFunction(
      () => (document.querySelector('.camera video') as HTMLVideoElement | null)?.readyState === 4,
    );
    // The map, its tiles loaded from the tile server.
    await context.setOffline(false);
    await openLocation(page, id);
    await page.locator('img.leaflet-tile-loaded').first().waitFor();
    // Liability: proposal, notices, two signatures, the determination with its QR code.
    await answerRearEnd(page, id);
    await propose(page);
    await readNoticesOut(page);
    await signAs(page, partyGroup(page, DRIVER_A.name, 'A'), 'A');
    await signAs(page, partyGroup(page, DRIVER_B.name, 'B'), 'B');
    await page.getByRole('link', { name: '查看认定书 / 下载 PDF' }).click();
    await page.getByTestId('doc-qr').waitFor();
    for (const path of ['/', `/cases/${id}`, `/cases/${id}/parties`, '/settings', '/outbox']) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
    }
    await page.goto('/api/docs');
    await page.locator('h1').first().waitFor();
    await context.close();

    for (const username of ['demo-reviewer', 'demo-insurer', 'demo-admin']) {
      const other = await world.newPhone();
      await watchPolicy(other, reported);
      const home = await other.newPage();
      expect(await signInAs(home, username)).toHaveProperty('path');
      await home.locator('main h1').first().waitFor();
      await other.close();
    }

    expect(reported).toEqual([]);
  }, 300_000);
});
