/**
 * RELIABILITY.md A1: the page is reloaded at seeded pseudo-random moments
 * while a 12-megapixel photo is being processed and saved, offline. After
 * every reload each stored photo hashes to its key, the photos saved before
 * are all there, the one in flight is whole or absent, and photos and their
 * outbox entries match one to one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  phoneContext,
  startServer,
  waitForServiceWorker,
  type RunningServer,
} from './harness';
import { createCase } from './drivers';
import {
  makeDetailedJpeg,
  makeJpeg,
  passTriage,
  photoOutboxProblems,
  pickPhoto,
  pickPhotoAndSettle,
  storedOutbox,
  storedPhotos,
} from './scene-drivers';

const SEED = 0x5eed_a1;
const ITERATIONS = 8;
const MAX_DELAY_MS = 500;

/** mulberry32: a small seeded generator, so every run reloads at the same moments. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openEvidence(page: Page, caseId: string) {
  await page.goto(`/cases/${caseId}/evidence`);
  await page.getByTestId('evidence-progress').waitFor();
}

describe('reloading while a photo is processed', () => {
  it('never leaves a truncated or orphaned photo, and loses none saved before', async () => {
    const t0 = Date.now(); const lap = (l: string) => console.log(l, Date.now() - t0);
    const context = await phoneContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/');
    await waitForServiceWorker(page);
    await context.setOffline(true);

    const id = await createCase(page, 'G318 国道 K1203+500');
    await passTriage(page, id);
    await openEvidence(page, id);
    for (const slot of ['scene-behind', 'scene-front', 'collision-point'])
      await pickPhoto(page, slot, await makeJpeg(page, 800, 600, slot));
    lap('3 photos');
    const earlier = await storedPhotos(page);
    expect(earlier.map((p) => p.slot).sort()).toEqual([
      'collision-point',
      'scene-behind',
      'scene-front',
    ]);

    // A phone-camera-sized JPEG: 4000 × 3000 with detail and noise (several MB).
    const big = await makeDetailedJpeg(page, { width: 4000, height: 3000, seed: 7, noise: 24 });
    lap('big ' + big.length);
    expect(big.length).toBeGreaterThan(2_000_000);

    const random = seeded(SEED);
    const known = new Set(earlier.map((p) => p.sha256));
    const outcomes: string[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const delay = Math.floor(random() * (MAX_DELAY_MS + 1));
      await page.locator('input[type="file"][data-slot="extra"]').setInputFiles({
        name: `big-${i}.jpg`,
        mimeType: 'image/jpeg',
        buffer: big,
      });
      lap('set');
      await page.waitForTimeout(delay);
      await page.reload();
      await page.getByTestId('evidence-progress').waitFor();

      lap('reloaded');
      const photos = await storedPhotos(page);
      const outbox = await storedOutbox(page);
      expect(photoOutboxProblems(photos, outbox), `after reload ${i} at ${delay} ms`).toEqual([]);
      const now = new Set(photos.map((p) => p.sha256));
      // Nothing stored before is lost…
      for (const sha of known) expect(now.has(sha), `photo ${sha} lost at reload ${i}`).toBe(true);
      // …and at most the one photo in flight was added, as an extra.
      const added = photos.filter((p) => !known.has(p.sha256));
      expect(added.length).toBeLessThanOrEqual(1);
      for (const p of added) expect(p.slot).toBe('extra');
      outcomes.push(`${delay} ms: ${added.length === 1 ? 'saved whole' : 'absent'}`);
      for (const p of added) known.add(p.sha256);
      // The screen agrees with the store: one thumbnail per stored extra.
      await expect
        .poll(() => page.locator('.extra-photos > *').count())
        .toBe(photos.filter((p) => p.slot === 'extra').length);
    }
    console.log(`reloads (seed ${SEED.toString(16)}): ${outcomes.join('; ')}`);

    // Left alone, the same photo is saved whole and survives a reload.
    lap('loop');
    const settled = await pickPhotoAndSettle(page, 'extra', big);
    expect(settled).toEqual({ saved: true, alert: null });
    await page.reload();
    await page.getByTestId('evidence-progress').waitFor();
    const final = await storedPhotos(page);
    expect(photoOutboxProblems(final, await storedOutbox(page))).toEqual([]);
    expect(final.length).toBe(known.size + 1);
    for (const sha of known) expect(final.some((p) => p.sha256 === sha)).toBe(true);
    lap('end');
    await context.close();
  });
});
