/**
 * RELIABILITY.md A3/A4: the phone's storage fills up while photos are saved.
 *
 * 1. For real: the browser profile lives on a 64 MiB tmpfs (mounted here, as
 *    root). Once the case is set up, a filler file leaves ~20 MiB free (so the
 *    test takes seconds, not minutes), and noisy, barely compressible photos
 *    (~2 MB stored each) are added until a save fails.
 * 2. Injected: the Nth `put` into the photos store throws a
 *    `QuotaExceededError` DOMException — deterministic and fast.
 *
 * Both assert: the clear "手机存储已满" message, the failed photo not marked
 * saved (no row, no outbox entry), every earlier photo intact, the case still
 * opens and its notes can be edited (or, should the disk be too full for that,
 * the failure is reported as such), and the new-case screen is blocked with
 * the guidance — also after a reload, until a trial write shows there is room
 * again (space freed: the filler deleted, or no real shortage). Both end with
 * the case delivered — the server holds it complete with exactly the phone's
 * photos — and the H5 invariant check (tests/e2e/invariants.ts) passing: in 1
 * the officer signed in before the disk filled (the session and the device
 * enrolment are writes too) and the phone, offline until then, comes online
 * with the disk still full, as much room left as the failed photo did not get
 * (about 1 MiB); in 2 the officer signs in at the end.
 *
 * Not covered, as it fails (Chromium 156): with almost no room left — 64 KiB
 * or less in our runs; 256 KiB was enough — the first write of sending that
 * does not fit (an outbox update) fails with "UnknownError: … IO error
 * … FILE_ERROR_NO_SPACE" or "QuotaExceededError: Encountered disk full while
 * committing transaction", and Chromium then resets the origin's IndexedDB:
 * every case, photo, outbox entry and the session are gone, and the case never
 * reaches the server (any other write, such as a notes edit, would do the
 * same; compare electron/electron#41877).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import {
  CHROME_ARGS,
  CHROME_PATH,
  launchBrowser,
  phoneContext,
  startServer,
  waitForServiceWorker,
  type RunningServer,
} from './harness';
import { createCase } from './drivers';
import { checkInvariants } from './invariants';
import {
  makeDetailedJpeg,
  makeDetailedJpegInPage,
  passTriage,
  photoOutboxProblems,
  pickPhotoAndSettle,
  storedOutbox,
  storedPhotos,
} from './scene-drivers';
import { serverCase, signInOnPhone, syncDiagnosis, waitForStatus } from './sync-drivers';

const STORAGE_FULL = '手机存储已满';
/** The guidance under the block (errors.storageHelp). */
const STORAGE_HELP = /联网同步|清理/;
const REQUIRED_SLOTS = ['scene-behind', 'scene-front', 'collision-point'] as const;
/** Free space left on the tmpfs before photos are added. */
const LEAVE_FREE_BYTES = 20 * 1024 * 1024;
/** Bound on photos added (each stores ~2 MB): the disk fills well before. */
const MAX_PHOTOS = 30;

/** Fills the file system holding `dir` with a file until `leave` bytes are free. */
function fillDisk(dir: string, leave: number): void {
  const free = () => {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  };
  const chunk = Buffer.alloc(1024 * 1024, 0x5a);
  const fd = openSync(join(dir, 'filler'), 'w');
  try {
    for (let i = 0; i < 64 && free() - chunk.length > leave; i++) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ KUAICHU_DEMO: '1' });
});

afterAll(async () => {
  await server?.stop();
});

const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  geolocation: { latitude: 30.6586, longitude: 104.0648, accuracy: 12 },
  permissions: ['geolocation'],
};

async function openEvidence(page: Page, caseId: string) {
  await page.goto(`/cases/${caseId}/evidence`);
  await page.getByTestId('evidence-progress').waitFor();
}

/** From the evidence screen, in-app (no reload): the case, then its notes edited. */
async function editNotesInApp(page: Page, notes: string): Promise<'saved' | string> {
  await page.locator('a.back-link').click();
  await page.getByRole('heading', { name: /^案件 KC/ }).waitFor();
  await page.locator('#notes').fill(notes);
  const saved = page.getByTestId('save-status').getByText('已保存在本机');
  const failed = page.locator('p.notice.error[role="alert"]');
  await saved.or(failed).first().waitFor();
  return (await saved.count()) > 0 ? 'saved' : ((await failed.textContent()) ?? '');
}

/** From the case screen, in-app (no reload, so the failed write is remembered): new case. */
async function openNewCaseInApp(page: Page) {
  await page.locator('a.back-link').click();
  await page.getByRole('link', { name: '新建案件' }).click();
  await page.getByRole('heading', { name: '新建案件' }).waitFor();
}

async function expectNewCaseBlocked(page: Page) {
  const blocked = page.getByTestId('storage-blocked');
  await blocked.waitFor();
  expect(await blocked.textContent()).toContain(STORAGE_FULL);
  expect(await blocked.textContent()).toMatch(STORAGE_HELP);
  expect(await page.getByRole('button', { name: '立案' }).isDisabled()).toBe(true);
}

async function expectNewCaseAllowed(page: Page) {
  await page.getByRole('heading', { name: '新建案件' }).waitFor();
  await expect.poll(() => page.getByRole('button', { name: '立案' }).isEnabled()).toBe(true);
  expect(await page.getByTestId('storage-blocked').count()).toBe(0);
}

describe('storage full, for real (profile on a 64 MiB tmpfs)', () => {
  let mountPoint: string | undefined;
  let mounted = false;
  let context: BrowserContext | undefined;

  beforeAll(() => {
    mountPoint = mkdtempSync('/tmp/kc-storage-full-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mountPoint], {
        stdio: 'pipe',
      });
      mounted = true;
    } catch (err) {
      throw new Error(
        `cannot mount a 64 MiB tmpfs at ${mountPoint} (needs root; RELIABILITY.md A3): ${String(
          err instanceof Error && 'stderr' in err ? String(err.stderr) : err,
        )}`,
        { cause: err },
      );
    }
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    if (mounted && mountPoint) execFileSync('umount', [mountPoint]);
    if (mountPoint) rmSync(mountPoint, { recursive: true, force: true });
  });

  it('reports the full disk, keeps every earlier photo, and blocks a new case', async () => {
    if (!mounted || !mountPoint) throw new Error('no tmpfs');
    context = await chromium.launchPersistentContext(join(mountPoint, 'profile'), {
      executablePath: CHROME_PATH,
      args: CHROME_ARGS,
      baseURL: server.url,
      ...PHONE,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto('/');
    await waitForServiceWorker(page);
    // Signed in while there is room (the session and the enrolment are writes
    // too), then offline: the photos stay queued until the delivery below.
    await signInOnPhone(page);
    await context.setOffline(true);
    await page.goto('/');
    const id = await createCase(page, 'G318 国道 K1203+500');
    await passTriage(page, id);
    await openEvidence(page, id);

    fillDisk(mountPoint, LEAVE_FREE_BYTES);

    // Photos of noise barely compress: each stores ~2 MB, so the disk fills soon.
    const saved: string[][] = [];
    let failure: { saved: boolean; alert: string | null } | undefined;
    for (let i = 0; i < MAX_PHOTOS && !failure; i++) {
      const slot = REQUIRED_SLOTS[i] ?? 'extra';
      const { index } = await makeDetailedJpegInPage(page, {
        width: 2048,
        height: 1536,
        seed: i + 1,
        noise: 255,
        quality: 0.95,
      });
      const outcome = await pickPhotoAndSettle(page, slot, { inPage: index });
      if (outcome.saved) {
        expect(outcome.alert).toBeNull();
        saved.push((await storedPhotos(page)).map((p) => p.sha256).sort());
      } else failure = { ...outcome };
    }
    expect(failure, `no save failed in ${MAX_PHOTOS} photos`).toBeDefined();
    expect(failure?.alert).toContain(STORAGE_FULL);
    expect(saved.length).toBeGreaterThanOrEqual(REQUIRED_SLOTS.length);

    // The failed photo is in neither store; every earlier one is intact.
    const before = saved.at(-1) ?? [];
    const photos = await storedPhotos(page);
    expect(photos.map((p) => p.sha256).sort()).toEqual(before);
    expect(photoOutboxProblems(photos, await storedOutbox(page))).toEqual([]);
    for (const slot of REQUIRED_SLOTS)
      expect(await page.locator(`li.shot[data-slot="${slot}"].taken`).count()).toBe(1);
    expect(await page.locator('.extra-photos > *').count()).toBe(before.length - 3);

    // The case still opens; its notes save, or the full disk is reported as such.
    const notes = await editNotesInApp(page, '护栏轻微刮擦');
    if (notes !== 'saved') expect(notes).toContain(STORAGE_FULL);
    await openNewCaseInApp(page);
    await expectNewCaseBlocked(page);

    // After a reload nothing earlier is lost, and saved notes are there…
    await page.goto(`/cases/${id}`);
    await page.getByRole('heading', { name: /^案件 KC/ }).waitFor();
    if (notes === 'saved') expect(await page.locator('#notes').inputValue()).toBe('护栏轻微刮擦');
    const after = await storedPhotos(page);
    expect(after.map((p) => p.sha256).sort()).toEqual(before);
    expect(photoOutboxProblems(after, await storedOutbox(page))).toEqual([]);
    // …and the failure is remembered: the estimate still claims plenty of room,
    // and the trial write that checks it again fails.
    await context.addInitScript(() => {
      const deleteDatabase = indexedDB.deleteDatabase.bind(indexedDB);
      indexedDB.deleteDatabase = (name: string) => {
        const req = deleteDatabase(name);
        if (name === 'kuaichu-space-probe')
          req.addEventListener('success', () => {
            (window as unknown as { __kcProbed?: boolean }).__kcProbed = true;
          });
        return req;
      };
    });
    await page.goto('/cases/new');
    await page.waitForFunction(() => (window as unknown as { __kcProbed?: boolean }).__kcProbed);
    // Let the verdict that follows the trial write render.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    await expectNewCaseBlocked(page);

    // Online with the disk still full: the case is delivered. Sending writes
    // too (outbox status, the signed submission, the receipt), a few KB each.
    const freeBytes = () => {
      const s = statfsSync(mountPoint ?? '');
      return s.bavail * s.bsize;
    };
    const freeBefore = freeBytes();
    expect((await serverCase(server.url, id)).status).toBe(404);
    consoleErrors.length = 0;
    await context.setOffline(false);
    await page.goto('/outbox');
    try {
      await waitForStatus(page, id, 'sent');
    } catch (err) {
      throw new Error(
        `not delivered with ${freeBefore} bytes free: ${JSON.stringify(await syncDiagnosis(page))}; console errors: ${consoleErrors.join(' | ')}`,
        { cause: err },
      );
    }
    const onPhone = [...new Set(before)].sort();
    const held = await serverCase(server.url, id);
    expect(held).toMatchObject({ status: 200, complete: true });
    expect(held.photos).toEqual(onPhone);
    expect(await checkInvariants(page, server)).toMatchObject({ sent: [id], unsent: 0 });

    // Space freed on the phone: the next start checks again and lets a case start.
    rmSync(join(mountPoint, 'filler'));
    await page.goto('/cases/new');
    await expectNewCaseAllowed(page);
    expect(await checkInvariants(page, server)).toMatchObject({ sent: [id], unsent: 0 });
    console.log(
      `tmpfs 64 MiB: ${before.length} photos saved, the next failed (${failure?.alert ?? ''}); notes: ${notes}; delivered with ${freeBefore} bytes free`,
    );
  }, 300_000);
});

describe('storage full, injected (the 3rd put into photos throws QuotaExceededError)', () => {
  it('reports it, keeps the earlier photos, and recovers', async () => {
    const browser = await launchBrowser();
    try {
      const context = await phoneContext(browser, server.url);
      await context.addInitScript(() => {
        const FAIL_AT = 3;
        let puts = 0;
        const put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
          if (this.name === 'photos' && ++puts === FAIL_AT)
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return put.apply(this, args);
        } as typeof put;
      });
      const page = await context.newPage();
      await page.goto('/');
      const id = await createCase(page, 'G318 国道 K1203+500');
      await passTriage(page, id);
      await openEvidence(page, id);

      const jpeg = (seed: number) =>
        makeDetailedJpeg(page, { width: 1600, height: 1200, seed, noise: 24 });
      for (const [i, slot] of ['scene-behind', 'extra'].entries())
        expect(await pickPhotoAndSettle(page, slot, await jpeg(i + 1))).toEqual({
          saved: true,
          alert: null,
        });
      const before = (await storedPhotos(page)).map((p) => p.sha256).sort();
      expect(before).toHaveLength(2);

      const failed = await pickPhotoAndSettle(page, 'scene-front', await jpeg(3));
      expect(failed.saved).toBe(false);
      expect(failed.alert).toContain(STORAGE_FULL);
      const front = page.locator('li.shot[data-slot="scene-front"]');
      expect(await front.getAttribute('class')).not.toContain('taken');
      expect(await front.locator('.badge').textContent()).toBe('未拍');
      const photos = await storedPhotos(page);
      expect(photos.map((p) => p.sha256).sort()).toEqual(before);
      expect(photoOutboxProblems(photos, await storedOutbox(page))).toEqual([]);

      expect(await editNotesInApp(page, '护栏轻微刮擦')).toBe('saved');
      await openNewCaseInApp(page);
      await expectNewCaseBlocked(page);

      // The failure is remembered across a reload, checked again by a trial
      // write, and — there being room — a new case may start.
      await page.reload();
      await expectNewCaseAllowed(page);

      // The fault hits the 3rd photo write of a page load only: a retake saves.
      await openEvidence(page, id);
      expect(await pickPhotoAndSettle(page, 'scene-front', await jpeg(4))).toEqual({
        saved: true,
        alert: null,
      });

      await page.goto(`/cases/${id}`);
      expect(await page.locator('#notes').inputValue()).toBe('护栏轻微刮擦');
      const after = await storedPhotos(page);
      expect(after).toHaveLength(3);
      expect(photoOutboxProblems(after, await storedOutbox(page))).toEqual([]);

      // Signed in, the case is delivered with those three photos.
      expect((await serverCase(server.url, id)).status).toBe(404);
      await signInOnPhone(page);
      await waitForStatus(page, id, 'sent');
      const held = await serverCase(server.url, id);
      expect(held).toMatchObject({ status: 200, complete: true });
      expect(held.photos).toEqual([...new Set(after.map((p) => p.sha256))].sort());
      expect(await checkInvariants(page, server)).toMatchObject({ sent: [id], unsent: 0 });
      await context.close();
    } finally {
      await browser.close();
    }
  }, 240_000);
});
