/** Drivers for the on-scene steps: triage, evidence, clearing the road. */
import type { Page } from 'playwright-core';
import { TRIAGE_RULES } from '../../src/domain/triage/triage-rules';

/** Answers one triage question as worded on screen (zh-CN). */
export async function answerTriage(page: Page, ruleId: string, answer: boolean): Promise<void> {
  const rule = TRIAGE_RULES.rules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const group = page.getByRole('group', { name: rule.question.zh, exact: true });
  await group.getByRole('radio', { name: answer ? '是' : '否' }).check();
}

/** Opens triage for the case on screen and answers every question so that none fires. */
export async function passTriage(page: Page, caseId: string): Promise<void> {
  await page.goto(`/cases/${caseId}/triage`);
  for (const rule of TRIAGE_RULES.rules) await answerTriage(page, rule.id, !rule.firesOn);
  await page.getByRole('button', { name: '开始快速处理' }).click();
  await page.waitForURL(new RegExp(`/cases/${caseId}$`));
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

/** Every photo in the page's IndexedDB, with whether its bytes still hash to its key. */
export async function storedPhotos(
  page: Page,
): Promise<{ sha256: string; slot: string; intact: boolean }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kuaichu');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<{ sha256: string; meta: { slot: string }; blob: Blob }[]>(
      (resolve, reject) => {
        const req = db.transaction('photos').objectStore('photos').getAll();
        req.onsuccess = () => resolve(req.result as never);
        req.onerror = () => reject(req.error);
      },
    );
    db.close();
    const hex = (buf: ArrayBuffer) =>
      Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
    return Promise.all(
      rows.map(async (r) => ({
        sha256: r.sha256,
        slot: r.meta.slot,
        intact: hex(await crypto.subtle.digest('SHA-256', await r.blob.arrayBuffer())) === r.sha256,
      })),
    );
  });
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
 * On the evidence screen: picks a made-up JPEG for every required shot still
 * missing, one after another, until the checklist is complete.
 */
export async function takeEveryRequiredShot(page: Page, caseId: string): Promise<void> {
  await page.goto(`/cases/${caseId}/evidence`);
  await page.getByTestId('evidence-progress').waitFor();
  const slots = await page
    .locator('li.shot[data-slot]')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-slot') ?? ''));
  for (const [i, slot] of slots.entries()) {
    await pickPhoto(page, slot, await makeJpeg(page, 640, 480, `shot ${i + 1}`));
  }
  await page.getByTestId('evidence-progress').getByText('取证完成').first().waitFor();
}

/** Confirms on the evidence screen that the vehicles have left the road. */
export async function confirmSceneCleared(page: Page): Promise<void> {
  await page.getByRole('button', { name: '确认现场已撤离' }).click();
  await page.getByRole('button', { name: '确认现场已撤离' }).waitFor({ state: 'detached' });
}
