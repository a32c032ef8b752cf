/**
 * Photo pipeline benchmark (`npm run bench`): the real server serving the
 * built app (`dist/`, or STATIC_DIR), Debian's Chromium, N 12-megapixel JPEGs
 * (4000 × 3000, made in the page: shapes, gradients and noise, so they carry
 * detail like a phone photo rather than flat colour, ~4–5 MB each).
 *
 * Two figures per photo, both timed inside the page with `performance.now()`:
 *  - pipeline: the built media worker itself (`assets/photo.worker-*.js`, the
 *    exact code the app runs — nothing test-only is added to the app), sent
 *    the app's own `PhotoRequest`s one at a time: SHA-256 of the original
 *    (while decoding), decode with EXIF orientation straight to a 2048 px long
 *    edge, stamp, JPEG at 0.85, SHA-256 of the stored bytes; the worker's own
 *    stage times come back with each photo (median per stage);
 *  - pick to saved: the same photos picked on the evidence screen (gallery
 *    fallback, handed over inside the page), timed in the page from the
 *    input's change event until the processing notice has gone and the photo
 *    shows as saved, to the frame after it painted — the pipeline plus the
 *    IndexedDB transaction, the read-back hash check and the re-render. A
 *    MutationObserver sees the change (until 2026-12-08 it was timed from Node
 *    around a driver polling every 50 ms: ±50 ms, and a few CDP round trips
 *    more); the time from Node around the page's timing is reported beside it;
 *  - pick to saved with encryption on (issue 18): the same photos picked on a
 *    second phone whose officer set his PIN (Settings, as on a real phone);
 *    both phones signed in, then offline so nothing is sent meanwhile; its photo
 *    bytes are sealed with AES-GCM before their transaction, its records
 *    inside it, and the read-back opens them. The two phones' picks
 *    alternate, photo by photo, so a change in the machine's load falls on both.
 * Run alone (after `npx vite build`): `npx tsx -e "import('./bench/photo-pipeline.ts').then(m => m.benchPhotoPipeline()).then(console.log)"`.
 */
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { startCase } from '../tests/e2e/drivers';
import { launchBrowser, startServer } from '../tests/e2e/harness';
import {
  gotoApp,
  phoneContext,
  setPhonePin,
  signInOnPhone,
  waitForServiceWorker,
} from '../tests/e2e/phone';
import { storedPhotos } from '../tests/e2e/phone-db';
import { confirmAllNormal, makeDetailedJpegInPage } from '../tests/e2e/scene-drivers';

export interface PhotoPipelineOptions {
  photos?: number;
  /** Per-pixel noise of the made-up photos (see `makeDetailedJpegInPage`). */
  noise?: number;
}

export interface PhotoPipelineFigures {
  method: string;
  photos: number;
  input: { width: number; height: number; medianBytes: number };
  stored: { width: number; height: number; medianBytes: number };
  pipeline: { medianMs: number; p90Ms: number; minMs: number; maxMs: number };
  /** Median ms of each stage inside the worker (read, decode at size, draw + stamp, encode, hashes). */
  stagesMedianMs: Record<string, number>;
  /** How many photos each decoder made (`image-decoder`: WebCodecs at a reduced scale). */
  decodedBy: Record<string, number>;
  pickToSaved: { medianMs: number; p90Ms: number };
  /** The same picks on a phone that seals (issue 18), alternating with the plain ones. */
  pickToSavedSealed: { medianMs: number; p90Ms: number };
  /** The same picks timed from Node around the page's timing (one CDP round trip more). */
  pickToSavedFromNode: { medianMs: number; sealedMedianMs: number };
  loadAverage: { start: number[]; end: number[] };
}

/** A phone context with the page helpers tsx needs, and a new page on it. */
async function phonePage(browser: Browser, url: string): Promise<Page> {
  const context = await phoneContext(browser, url);
  // tsx (esbuild, keepNames) wraps named functions in `__name(…)`, which the
  // page does not have: functions passed to page.evaluate need it defined.
  await context.addInitScript('globalThis.__name = (f) => f;');
  return context.newPage();
}

/** A new case on the page, through triage to its evidence screen (by address, unlocked). */
async function openEvidence(page: Page): Promise<void> {
  await gotoApp(page, '/');
  const id = await startCase(page, 'G318 国道 K1203+500');
  await confirmAllNormal(page, id);
  await gotoApp(page, `/cases/${id}/evidence`);
  await page.getByTestId('evidence-progress').waitFor();
}

/** One pick's time to saved: in the page, and from Node around it (one more CDP round trip). */
interface PickTime {
  inPageMs: number;
  fromNodeMs: number;
}

/**
 * Picks a photo made in the page on the evidence screen, as a gallery pick
 * hands it over, and times it in the page: from the input's change event to
 * the frame after the photo shows as saved (the processing notice gone, the
 * photo in the extra photos), seen by a MutationObserver — no polling.
 */
async function timedPick(page: Page, index: number): Promise<PickTime> {
  const started = performance.now();
  const input = page.locator('input[type="file"][data-slot="extra"]');
  const outcome = await input.evaluate(async (el, index) => {
    const store = globalThis as unknown as { __kcJpegs: (Blob | undefined)[] };
    const blob = store.__kcJpegs[index];
    if (!blob) throw new Error(`no JPEG ${index}`);
    store.__kcJpegs[index] = undefined;
    const shown = () => document.querySelectorAll('.extra-photos > *').length;
    const before = shown();
    const files = new DataTransfer();
    files.items.add(new File([blob], `photo-${index}.jpg`, { type: 'image/jpeg' }));
    let seenProcessing = false;
    const settled = new Promise<string | null>((resolve) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid="processing"]')) {
          seenProcessing = true;
          return;
        }
        const alert = document.querySelector('p.notice.error[role="alert"]')?.textContent;
        if (seenProcessing && alert) resolve(alert);
        else if (shown() > before) resolve(null);
        else return;
        observer.disconnect();
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const t0 = performance.now();
    (el as HTMLInputElement).files = files.files;
    el.dispatchEvent(new Event('change', { bubbles: true }));
    const alert = await settled;
    // Until painted: the frame that shows it, then the task after its paint.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return { ms: performance.now() - t0, alert };
  }, index);
  if (outcome.alert !== null) throw new Error(`photo ${index} not saved: ${outcome.alert}`);
  return { inPageMs: outcome.ms, fromNodeMs: performance.now() - started };
}

async function expectIntact(page: Page, n: number): Promise<void> {
  const stored = await storedPhotos(page);
  if (stored.length !== n || !stored.every((p) => p.intact))
    throw new Error(`expected ${n} intact stored photos, found ${stored.length}`);
}

/** Nearest-rank percentile of `values` (0 < p ≤ 100). */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const round = (n: number) => Math.round(n);

export async function benchPhotoPipeline(
  options: PhotoPipelineOptions = {},
): Promise<PhotoPipelineFigures> {
  const n = options.photos ?? 12;
  const noise = options.noise ?? 16;
  const staticDir = process.env.STATIC_DIR ?? 'dist';
  const workerFile = readdirSync(join(staticDir, 'assets')).find((f) =>
    /^photo\.worker-.*\.js$/.test(f),
  );
  if (!workerFile) throw new Error(`no photo.worker-*.js in ${staticDir}/assets: build first`);

  const loadStart = loadavg();
  // Demo users: the sealing phone's officer signs in (the PIN needs the escrow key once).
  const server = await startServer({ KUAICHU_DEMO: '1' });
  const browser = await launchBrowser();
  try {
    // Two phones of a signed-in officer, offline (nothing sent meanwhile): the
    // second has his PIN set, so the only difference is the sealing.
    const page = await phonePage(browser, server.url);
    const sealedPage = await phonePage(browser, server.url);
    for (const phone of [page, sealedPage]) {
      await phone.goto('/');
      // Loaded offline after this, as a phone in the field is: from its service worker.
      await waitForServiceWorker(phone);
      await signInOnPhone(phone);
      if (phone === sealedPage) await setPhonePin(phone, '271828');
      await phone.context().setOffline(true);
      await openEvidence(phone);
    }

    const inputs: { index: number; bytes: number }[] = [];
    for (let i = 0; i < n; i++) {
      const spec = { width: 4000, height: 3000, seed: 101 + i, noise };
      inputs.push(await makeDetailedJpegInPage(page, spec));
      await makeDetailedJpegInPage(sealedPage, spec);
    }

    // The built worker, as the app starts it, fed the app's own requests.
    const runs = await page.evaluate(
      async ({ url, indexes }) => {
        const blobs = (globalThis as unknown as { __kcJpegs: Blob[] }).__kcJpegs;
        const worker = new Worker(url, { type: 'module' });
        const stamp = ['2026-11-27 14:03:12 (UTC+8)', '30.658600, 104.064800 ±12m', 'KC2611270001'];
        const once = (requestId: number, file: Blob) =>
          new Promise<{
            ms: number;
            byteLength: number;
            width: number;
            height: number;
            stages: Record<string, number>;
            decodedBy: string;
          }>((resolve, reject) => {
            const started = performance.now();
            const onMessage = (
              e: MessageEvent<{
                requestId: number;
                ok: boolean;
                error?: string;
                byteLength: number;
                width: number;
                height: number;
                stages?: Record<string, number>;
                decodedBy?: string;
              }>,
            ) => {
              if (e.data.requestId !== requestId) return;
              worker.removeEventListener('message', onMessage);
              if (!e.data.ok) reject(new Error(e.data.error));
              else
                resolve({
                  ms: performance.now() - started,
                  byteLength: e.data.byteLength,
                  width: e.data.width,
                  height: e.data.height,
                  stages: e.data.stages ?? {},
                  decodedBy: e.data.decodedBy ?? 'unknown',
                });
            };
            worker.addEventListener('message', onMessage);
            worker.postMessage({ requestId, file, stamp });
          });
        const first = blobs[indexes[0] ?? 0];
        if (!first) throw new Error('no photos');
        await once(0, first); // warm-up: module load, decoder and encoder start
        const out = [];
        for (const [i, index] of indexes.entries()) {
          const blob = blobs[index];
          if (!blob) throw new Error(`no photo ${index}`);
          out.push(await once(i + 1, blob));
        }
        worker.terminate();
        return out;
      },
      { url: `/assets/${workerFile}`, indexes: inputs.map((x) => x.index) },
    );

    // The same photos through the evidence screen, as an officer picks them,
    // alternating between the plain phone and the one that seals.
    const picks: PickTime[] = [];
    const sealedPicks: PickTime[] = [];
    for (const { index } of inputs) {
      picks.push(await timedPick(page, index));
      sealedPicks.push(await timedPick(sealedPage, index));
    }
    const pickMs = picks.map((p) => p.inPageMs);
    const sealedMs = sealedPicks.map((p) => p.inPageMs);
    await expectIntact(page, n);
    await expectIntact(sealedPage, n);

    const ms = runs.map((r) => r.ms);
    const stageNames = Object.keys(runs[0]?.stages ?? {});
    const stagesMedianMs = Object.fromEntries(
      stageNames.map((stage) => [
        stage,
        Math.round(
          percentile(
            runs.map((r) => r.stages[stage] ?? 0),
            50,
          ) * 10,
        ) / 10,
      ]),
    );
    return {
      method:
        'pipeline: the built media worker, one PhotoRequest at a time, performance.now() in the page; pick to saved: evidence-screen gallery pick, timed in the page from the change event to the frame after the photo shows as saved (a MutationObserver, no polling; also timed from Node around it), alternating a plain phone and one that seals (PIN set, offline)',
      photos: n,
      input: {
        width: 4000,
        height: 3000,
        medianBytes: round(
          percentile(
            inputs.map((x) => x.bytes),
            50,
          ),
        ),
      },
      stored: {
        width: runs[0]?.width ?? 0,
        height: runs[0]?.height ?? 0,
        medianBytes: round(
          percentile(
            runs.map((r) => r.byteLength),
            50,
          ),
        ),
      },
      pipeline: {
        medianMs: round(percentile(ms, 50)),
        p90Ms: round(percentile(ms, 90)),
        minMs: round(Math.min(...ms)),
        maxMs: round(Math.max(...ms)),
      },
      stagesMedianMs,
      decodedBy: runs.reduce<Record<string, number>>(
        (count, r) => ({ ...count, [r.decodedBy]: (count[r.decodedBy] ?? 0) + 1 }),
        {},
      ),
      pickToSaved: {
        medianMs: round(percentile(pickMs, 50)),
        p90Ms: round(percentile(pickMs, 90)),
      },
      pickToSavedSealed: {
        medianMs: round(percentile(sealedMs, 50)),
        p90Ms: round(percentile(sealedMs, 90)),
      },
      pickToSavedFromNode: {
        medianMs: round(
          percentile(
            picks.map((p) => p.fromNodeMs),
            50,
          ),
        ),
        sealedMedianMs: round(
          percentile(
            sealedPicks.map((p) => p.fromNodeMs),
            50,
          ),
        ),
      },
      loadAverage: {
        start: loadStart.map((x) => Math.round(x * 100) / 100),
        end: loadavg().map((x) => Math.round(x * 100) / 100),
      },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
