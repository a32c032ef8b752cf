/** Drivers for the on-scene steps: triage, evidence (photos made in the page), clearing the road. */
import type { Page } from 'playwright-core';
import { TRIAGE_RULES } from '../../src/domain/triage/triage-rules';
import { addVehicleWithDriver, nextStep, startCase, waitForSaved } from './drivers';
import { gotoApp } from './phone';

/** Answers one triage question as worded on screen (zh-CN), opening it first if it is folded. */
export async function answerTriage(page: Page, ruleId: string, answer: boolean): Promise<void> {
  const rule = TRIAGE_RULES.rules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const group = page.getByRole('group', { name: rule.question.zh, exact: true });
  if (!(await group.isVisible())) {
    await page.getByRole('button', { name: rule.question.zh, exact: true }).click();
  }
  await group.getByRole('radio', { name: answer ? '是' : '否' }).check();
}

/** On the triage screen: "均无以上情形" — every rule answered "否" — and on to the parties step. */
export async function confirmAllNormal(page: Page, caseId: string): Promise<void> {
  await page.getByRole('button', { name: '均无以上情形' }).click();
  await page.waitForURL(new RegExp(`/cases/${caseId}/parties$`));
  await page.getByRole('heading', { name: '车辆与当事人' }).waitFor();
}

/** Opens triage for the case and confirms that none of the situations applies. */
export async function passTriage(page: Page, caseId: string): Promise<void> {
  await page.goto(`/cases/${caseId}/triage`);
  await confirmAllNormal(page, caseId);
}

/** A JPEG made in the page (a gradient with a label), as bytes for setInputFiles. */
export async function makeJpeg(
  page: Page,
  width: number,
  height: number,
  label: string,
): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ width, height, label }) => {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d');
      const g = ctx.createLinearGradient(0, 0, width, height);
      g.addColorStop(0, '#4a6fa5');
      g.addColorStop(1, '#e8c07d');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, width, height);
      ctx.fillStyle = '#fff';
      ctx.font = `${Math.round(height / 24)}px sans-serif`;
      label
        .match(/.{1,24}/g)
        ?.forEach((line, i) => ctx.fillText(line, width / 20, height / 4 + i * (height / 16)));
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    },
    { width, height, label },
  );
  return Buffer.from(base64, 'base64');
}

/** Takes the shot in `slot` with the gallery fallback (file input). */
export async function pickPhoto(page: Page, slot: string, jpeg: Buffer): Promise<void> {
  const before = await page.locator(`li.shot[data-slot="${slot}"].taken`).count();
  await page.locator(`input[type="file"][data-slot="${slot}"]`).setInputFiles({
    name: `${slot}.jpg`,
    mimeType: 'image/jpeg',
    buffer: jpeg,
  });
  if (before === 0) await page.locator(`li.shot[data-slot="${slot}"].taken`).waitFor();
}

/**
 * On the evidence screen (opened by its address unless shown): picks a
 * made-up JPEG for every required shot still missing, one after another,
 * until the checklist is complete.
 */
export async function takeEveryRequiredShot(page: Page, caseId: string): Promise<void> {
  // Opened by its address only when the officer is not on it already.
  const evidence = `/cases/${caseId}/evidence`;
  if (new URL(page.url()).pathname !== evidence) await page.goto(evidence);
  await page.getByTestId('evidence-progress').waitFor();
  const slots = await page
    .locator('li.shot[data-slot]')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-slot') ?? ''));
  for (const [i, slot] of slots.entries()) {
    await pickPhoto(page, slot, await makeJpeg(page, 640, 480, `shot ${i + 1}`));
  }
  await page.getByTestId('evidence-progress').getByText('取证完成').first().waitFor();
}

/**
 * Confirms on the evidence screen that the vehicles have left the road; the
 * liability step opens and confirms it.
 */
export async function confirmSceneCleared(page: Page): Promise<void> {
  await page.getByRole('button', { name: '确认现场已撤离' }).click();
  await page.getByTestId('cleared-confirmation').getByText('已确认现场已撤离').waitFor();
}

/**
 * A rural station's phone, on the evidence screen of a complete case: the
 * road cleared, then — where an officer determines liability — the case
 * handed over to an officer with `note` (saved on the phone, offline too).
 */
export async function clearAndHandOver(
  page: Page,
  note: string,
  /** The officer named, as the picker words him (e.g. 张伟（…路勤中队）); any officer when absent. */
  officer?: string,
): Promise<void> {
  await page.getByRole('button', { name: '确认现场已撤离' }).click();
  await page.getByRole('heading', { level: 1, name: '移交民警' }).waitFor();
  await page.getByLabel('给民警的说明（可不填）').fill(note);
  if (officer) await page.getByLabel('交给哪位民警').selectOption({ label: officer });
  await page.getByRole('button', { name: '移交民警', exact: true }).click();
  await page.getByTestId('handed-over').waitFor();
}

/** What `makeDetailedJpeg` draws: a seeded scene of shapes with per-pixel noise. */
export interface DetailedJpegSpec {
  width: number;
  height: number;
  /** Seeds the drawing, so the same spec always gives the same bytes. */
  seed: number;
  /** Per-pixel noise amplitude, 0–255: ~20 looks like a phone photo, 255 barely compresses. */
  noise: number;
  /** JPEG quality of the "camera", 0–1. */
  quality?: number;
}

/**
 * Makes a JPEG in the page — a gradient, a few hundred coloured shapes and
 * seeded noise, so it carries detail like a photo rather than flat colour —
 * and keeps it in the page as `globalThis.__kcJpegs[index]`; returns the index
 * and the byte size.
 */
export async function makeDetailedJpegInPage(
  page: Page,
  spec: DetailedJpegSpec,
): Promise<{ index: number; bytes: number }> {
  return page.evaluate(async ({ width, height, seed, noise, quality }) => {
    let s = seed >>> 0 || 1;
    const rand = () => {
      // xorshift32: fixed sequence per seed
      s ^= s << 13;
      s >>>= 0;
      s ^= s >>> 17;
      s ^= s << 5;
      s >>>= 0;
      return s / 0x1_0000_0000;
    };
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d');
    const hue = () =>
      `hsl(${Math.floor(rand() * 360)} ${30 + Math.floor(rand() * 50)}% ${25 + Math.floor(rand() * 50)}%)`;
    const g = ctx.createLinearGradient(0, 0, width, height);
    g.addColorStop(0, hue());
    g.addColorStop(1, hue());
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, width, height);
    for (let i = 0; i < 300; i++) {
      ctx.fillStyle = hue();
      const x = rand() * width;
      const y = rand() * height;
      const w = (rand() * width) / 6;
      const h = (rand() * height) / 6;
      if (i % 2 === 0) ctx.fillRect(x, y, w, h);
      else {
        ctx.beginPath();
        ctx.ellipse(x, y, w / 2, h / 2, rand() * Math.PI, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
    if (noise > 0) {
      // Noise in horizontal bands, so a 12-megapixel image needs no 48 MB buffer at once.
      const band = 256;
      for (let y0 = 0; y0 < height; y0 += band) {
        const h = Math.min(band, height - y0);
        const img = ctx.getImageData(0, y0, width, h);
        const d = img.data;
        const k = (2 * noise) / 255;
        for (let i = 0; i < d.length; i += 4) {
          // One draw gives the three channels' noise (a byte each).
          s ^= s << 13;
          s >>>= 0;
          s ^= s >>> 17;
          s ^= s << 5;
          s >>>= 0;
          d[i] = d[i]! + ((s & 0xff) - 127.5) * k;
          d[i + 1] = d[i + 1]! + (((s >>> 8) & 0xff) - 127.5) * k;
          d[i + 2] = d[i + 2]! + (((s >>> 16) & 0xff) - 127.5) * k;
        }
        ctx.putImageData(img, 0, y0);
      }
    }
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: quality ?? 0.92 });
    const store = globalThis as unknown as { __kcJpegs?: Blob[] };
    store.__kcJpegs ??= [];
    store.__kcJpegs.push(blob);
    return { index: store.__kcJpegs.length - 1, bytes: blob.size };
  }, spec);
}

/** `makeDetailedJpegInPage`, handed back as bytes for setInputFiles. */
export async function makeDetailedJpeg(page: Page, spec: DetailedJpegSpec): Promise<Buffer> {
  const { index } = await makeDetailedJpegInPage(page, spec);
  const base64 = await page.evaluate(async (index) => {
    const store = globalThis as unknown as { __kcJpegs: (Blob | undefined)[] };
    const blob = store.__kcJpegs[index];
    store.__kcJpegs[index] = undefined;
    if (!blob) throw new Error(`no JPEG ${index}`);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, index);
  return Buffer.from(base64, 'base64');
}

/**
 * Picks one file with the gallery fallback of `slot` (a required shot or
 * `extra`) and waits until it has settled — the "processing" notice came and
 * went — then tells whether it was stored (the shot is marked taken, or the
 * extra-photo count grew) and what alert, if any, is on screen.
 */
export async function pickPhotoAndSettle(
  page: Page,
  slot: string,
  /**
   * The JPEG's bytes; the path of a JPEG file (faster for large files); or
   * one made by `makeDetailedJpegInPage` (fastest: it stays in the page).
   */
  jpeg: Buffer | string | { inPage: number },
): Promise<{ saved: boolean; alert: string | null }> {
  const savedCount = (slot: string) =>
    slot === 'extra'
      ? document.querySelectorAll('.extra-photos > *').length
      : document.querySelectorAll(`li.shot[data-slot="${slot}"].taken`).length;
  const before = await page.evaluate(savedCount, slot);
  await page.evaluate(() => {
    const w = window as unknown as {
      __kcSeenProcessing?: boolean;
      __kcObserver?: MutationObserver;
    };
    w.__kcObserver?.disconnect();
    w.__kcSeenProcessing = false;
    const isProcessing = (n: Node) =>
      n instanceof Element &&
      (n.matches('[data-testid="processing"]') ||
        n.querySelector('[data-testid="processing"]') !== null);
    w.__kcObserver = new MutationObserver((records) => {
      if (records.some((r) => Array.from(r.addedNodes).some(isProcessing)))
        w.__kcSeenProcessing = true;
    });
    w.__kcObserver.observe(document.body, { childList: true, subtree: true });
  });
  const input = page.locator(`input[type="file"][data-slot="${slot}"]`);
  if (typeof jpeg === 'object' && 'inPage' in jpeg) {
    // Handed over inside the page, as a gallery pick would: no bytes cross the wire.
    await input.evaluate((el, index) => {
      const store = globalThis as unknown as { __kcJpegs: (Blob | undefined)[] };
      const blob = store.__kcJpegs[index];
      if (!blob) throw new Error(`no JPEG ${index}`);
      store.__kcJpegs[index] = undefined;
      const files = new DataTransfer();
      files.items.add(new File([blob], `photo-${index}.jpg`, { type: 'image/jpeg' }));
      (el as HTMLInputElement).files = files.files;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, jpeg.inPage);
  } else {
    await input.setInputFiles(
      typeof jpeg === 'string'
        ? jpeg
        : { name: `${slot}.jpg`, mimeType: 'image/jpeg', buffer: jpeg },
    );
  }
  await page.waitForFunction(
    () =>
      (window as unknown as { __kcSeenProcessing?: boolean }).__kcSeenProcessing === true &&
      document.querySelector('[data-testid="processing"]') === null,
    null,
    { timeout: 60_000, polling: 50 },
  );
  // A success clears the alert in the same render that ends processing; the
  // stored photo shows up once the live query has seen the commit.
  const alert = await page.evaluate(
    () => document.querySelector('p.notice.error[role="alert"]')?.textContent ?? null,
  );
  if (alert === null) {
    await page.waitForFunction(
      ({ slot, before }) =>
        (slot === 'extra'
          ? document.querySelectorAll('.extra-photos > *').length
          : document.querySelectorAll(`li.shot[data-slot="${slot}"].taken`).length) > before,
      { slot, before },
      { timeout: 10_000 },
    );
  }
  const after = await page.evaluate(savedCount, slot);
  return { saved: after > before, alert };
}

/** The required shots of a case with no vehicle yet (the evidence screen's first three). */
export const SCENE_SLOTS = ['scene-behind', 'scene-front', 'collision-point'] as const;

/**
 * A case with `photos` photos, captured on the page as it is (online or
 * not): created, then the three scene shots and extras. `big` makes noisy,
 * barely compressible photos (a few MB stored), `medium` photo-like ones
 * (a few hundred KB), instead of small flat ones (~20 KB).
 */
export async function quickCase(
  page: Page,
  origin: string,
  place: string,
  photos: number,
  options: { big?: boolean; medium?: boolean; seed?: number } = {},
): Promise<string> {
  // By address: on a phone that seals, each load is locked and opened with its PIN.
  await gotoApp(page, `${origin}/`);
  const id = await startCase(page, place);
  await gotoApp(page, `${origin}/cases/${id}/evidence`);
  await page.getByTestId('evidence-progress').waitFor();
  for (let i = 0; i < photos; i++) {
    const slot = i < SCENE_SLOTS.length ? SCENE_SLOTS[i]! : 'extra';
    const jpeg = options.big
      ? await makeDetailedJpeg(page, {
          width: 2048,
          height: 1536,
          seed: (options.seed ?? 1) * 100 + i + 1,
          noise: 255,
          quality: 0.95,
        })
      : options.medium
        ? await makeDetailedJpeg(page, {
            width: 1600,
            height: 1200,
            seed: (options.seed ?? 1) * 100 + i + 1,
            noise: 16,
          })
        : await makeJpeg(page, 480, 360, `${place} ${i} ${id.slice(-6)}`);
    if (slot === 'extra') {
      const r = await pickPhotoAndSettle(page, 'extra', jpeg);
      if (!r.saved) throw new Error(`extra photo ${i} not saved: ${r.alert}`);
    } else await pickPhoto(page, slot, jpeg);
  }
  return id;
}

/**
 * On the triage screen of a case just opened at `place` ({@link startCase}
 * lands there), the officer's taps from screen to screen: triage passed, one
 * vehicle (川A54321, rear damaged) with its driver, and the three scene shots;
 * the vehicle's own shots are left to take.
 */
export async function fillOneVehicleCase(
  page: Page,
  id: string,
  place: string,
  /** The driver's compulsory insurer, as typed (none when absent). */
  compulsoryInsurer?: string,
): Promise<void> {
  await confirmAllNormal(page, id);
  await addVehicleWithDriver(page, {
    plate: '川A54321',
    damagedParts: ['车尾'],
    driver: {
      name: '王五',
      idNumber: '11010519491231002X',
      phone: '13700137000',
      ...(compulsoryInsurer && { compulsoryInsurer }),
    },
  });
  await waitForSaved(page);
  await nextStep(page, '现场取证');
  await page.getByTestId('evidence-progress').waitFor();
  for (const slot of ['scene-behind', 'scene-front', 'collision-point']) {
    await pickPhoto(page, slot, await makeJpeg(page, 1200, 900, `${place} ${slot}`));
  }
}
