/**
 * The insurers' side for the browser tests, in the screens' words (zh-CN):
 * the brigade's admin registering an insurer's endpoint at a desk and
 * reading the secret shown once; an insurer's receiver on loopback that
 * verifies every delivery with the `standardwebhooks` library; an insurer's
 * staff at a desk with their packets, one packet's photos, the call-back,
 * the assessment and the payout; and what the officer's phone shows of it.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startTestReceiver, type TestReceiver } from '../../server/webhooks/test-receiver';
import type { PacketEvent } from '../../src/contracts/webhooks';
import { until } from './harness';
import { shimEsbuildNames, signInAs } from './phone';
import { DESK } from './review-drivers';

export type { TestReceiver };

/** A desk context with `username` signed in, on the home the role lands on (`home`). */
export async function openDesk(
  browser: Browser,
  baseURL: string,
  username: string,
  home: '/admin' | '/insurer',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...DESK, baseURL });
  await shimEsbuildNames(context);
  const page = await context.newPage();
  await page.goto('/');
  const signedIn = await signInAs(page, username);
  if (!('path' in signedIn) || signedIn.path !== home) {
    throw new Error(`${username} did not land on ${home}: ${JSON.stringify(signedIn)}`);
  }
  // The home as a person sees it: its screen (loaded on demand) is drawn, with its title.
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return { context, page };
}

/**
 * On the admin's home: "为<insurer>登记推送地址", the address, a description,
 * "允许内网地址" ticked, "登记"; answers the secret the screen shows this once.
 * `beforeSubmit` runs on the filled form (e.g. an axe check).
 */
export async function registerEndpoint(
  page: Page,
  insurer: string,
  endpoint: { url: string; description: string },
  beforeSubmit: () => Promise<void> = async () => undefined,
): Promise<string> {
  await page.goto('/admin');
  await page.getByRole('link', { name: `为${insurer}登记推送地址` }).click();
  await page.getByText(`保险公司：${insurer}`).waitFor();
  await page.getByLabel('推送地址（URL）').fill(endpoint.url);
  await page.getByLabel('说明（可不填）').fill(endpoint.description);
  await page.getByRole('checkbox', { name: '允许内网地址' }).check();
  await beforeSubmit();
  await page.getByRole('button', { name: '登记', exact: true }).click();
  const once = page.getByTestId('secret-once');
  await once.waitFor();
  return once.getByLabel('密钥', { exact: true }).inputValue();
}

/** The insurer's receiver on loopback; hand it the secret (`receiver.secrets`) once registered. */
export const startInsurerReceiver = (): Promise<TestReceiver> => startTestReceiver();

/** Waits for the receiver to have processed (verified, answered 2xx) `packet.created` for the case. */
export async function deliveredPacket(
  receiver: TestReceiver,
  caseId: string,
): Promise<PacketEvent> {
  let found: PacketEvent | undefined;
  await until(`packet.created for case ${caseId} at the receiver`, () => {
    found = [...receiver.processed.values()]
      .map((e) => e as PacketEvent)
      .find((e) => e.type === 'packet.created' && e.data.claim.caseId === caseId);
    return found !== undefined;
  });
  return found!;
}

/** The list's packets shown under `filter` (e.g. '?status=new'), by link: the packet id and its row's text. */
export async function listedPackets(
  page: Page,
  filter = '',
): Promise<{ id: string; text: string }[]> {
  await page.goto(`/insurer${filter}`);
  const table = page.getByTestId('insurer-list').locator('table');
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.flatMap((tr) => {
      const href = tr.querySelector('a')?.getAttribute('href') ?? '';
      return href ? [{ id: href.split('/').at(-1) ?? '', text: tr.textContent ?? '' }] : [];
    }),
  );
}

/** The status filter marked as the current one, in its words (e.g. "新到（1）"). */
export const currentFilter = async (page: Page): Promise<string> =>
  (await page
    .getByRole('navigation', { name: '按进度筛选' })
    .locator('[aria-current="page"]')
    .textContent()) ?? '';

/** Opens a packet from the list on show; waits for its title and every photo drawn. */
export async function openPacket(page: Page, packetId: string): Promise<{ photos: number }> {
  await page
    .getByTestId('insurer-list')
    .locator(`a[href="/insurer/packets/${packetId}"]:visible`)
    .click();
  await page.getByRole('heading', { name: /^理赔案件 / }).waitFor();
  const thumbs = page.locator('.photo-thumbs .photo-thumb');
  const count = await thumbs.count();
  await until('every photo drawn', () =>
    thumbs.evaluateAll(
      (bs, n) =>
        bs.filter((b) => {
          const img = b.querySelector('img');
          return img !== null && img.complete && img.naturalWidth > 0;
        }).length === n,
      count,
    ),
  );
  return { photos: count };
}

/** A packet opened by its address: the words the screen shows (e.g. that it is not found). */
export async function packetPageText(page: Page, packetId: string): Promise<string> {
  await page.goto(`/insurer/packets/${packetId}`);
  const packet = page.getByTestId('insurer-packet');
  await packet.locator('[role="alert"], .insurer-packet-layout').first().waitFor();
  return (await packet.textContent()) ?? '';
}

/** The step's form under "办理" once the packet stands where it asks it. */
function stepForm(page: Page, title: string): Locator {
  return page.getByTestId('packet-actions').getByRole('form', { name: title });
}

/** What the actions panel says once it answered `done`. */
async function answered(page: Page, done: string): Promise<string> {
  const result = page.getByTestId('action-result');
  await result.getByText(done).waitFor();
  return (await result.textContent()) ?? '';
}

/** "登记回访": a note, "已回访". */
export async function acknowledge(page: Page, note: string): Promise<string> {
  const form = stepForm(page, '登记回访');
  await form.getByLabel('回访备注（选填）').fill(note);
  await form.getByRole('button', { name: '已回访' }).click();
  return answered(page, '回访已登记。');
}

/** "登记定损": the amount for each insured plate, the assessor, "提交定损". */
export async function assess(
  page: Page,
  amounts: Record<string, string>,
  assessor: string,
  photos = 0,
  /** Runs once the photos are uploaded, before the form is sent (an axe check). */
  withPhotos?: () => Promise<void>,
): Promise<string> {
  const form = stepForm(page, '登记定损');
  for (const [plate, amount] of Object.entries(amounts)) {
    await form.getByLabel(`${plate} 定损金额（元）`).fill(amount);
  }
  await form.getByLabel('定损员').fill(assessor);
  if (photos > 0) await attachAssessmentPhotos(page, form, photos);
  if (photos > 0) await withPhotos?.();
  await form.getByRole('button', { name: '提交定损' }).click();
  const answer = await answered(page, '定损已登记。');
  if (photos > 0) await assessmentPhotosShown(page, photos);
  return answer;
}

/** A JPEG the page's own canvas encodes (as a phone's camera would hand one over). */
async function jpegFromCanvas(page: Page, n: number): Promise<Buffer> {
  const b64 = await page.evaluate(async (hue) => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 120;
    const g = canvas.getContext('2d')!;
    g.fillStyle = `hsl(${hue} 70% 50%)`;
    g.fillRect(0, 0, 160, 120);
    const blob = await new Promise<Blob>((done) => canvas.toBlob((b) => done(b!), 'image/jpeg'));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return btoa(Array.from(bytes, (x) => String.fromCharCode(x)).join(''));
  }, n * 47);
  return Buffer.from(b64, 'base64');
}

/** "选择照片" with `count` photos; waits until each thumbnail says "已上传". */
async function attachAssessmentPhotos(page: Page, form: Locator, count: number): Promise<void> {
  const files = [];
  for (let i = 1; i <= count; i++) {
    files.push({
      name: `定损-${i}.jpg`,
      mimeType: 'image/jpeg',
      buffer: await jpegFromCanvas(page, i),
    });
  }
  await form.getByTestId('assess-photo-input').setInputFiles(files);
  const picked = form.getByTestId('assess-photo');
  for (let i = 0; i < count; i++) await picked.nth(i).getByText('已上传').waitFor();
}

/** Waits until the packet screen shows `count` assessment photos, each read back and hash-checked. */
export async function assessmentPhotosShown(page: Page, count: number): Promise<void> {
  const shown = page.getByTestId('assessment-photos').locator('button.photo-thumb:enabled img');
  await until('the assessment photos shown', async () => (await shown.count()) === count);
}

/** "登记赔付": the amount, the day (today as the form offers it), the reference, "提交赔付". */
export async function payOut(page: Page, amount: string, reference: string): Promise<string> {
  const form = stepForm(page, '登记赔付');
  await form.getByLabel('赔付金额（元）').fill(amount);
  await form.getByLabel('支付流水号').fill(reference);
  await form.getByRole('button', { name: '提交赔付' }).click();
  return answered(page, '赔付已登记。');
}

/** Waits for the packet screen's progress to read "当前进度：<status>" (e.g. 已赔付). */
export async function packetStatusShows(page: Page, status: string): Promise<void> {
  await page.getByTestId('packet-status').getByText(`当前进度：${status}`).waitFor();
}

/**
 * The officer's phone on the case screen: opened again (each opening pulls
 * the changes feed) until its insurers' progress lists `steps` (one `li`
 * per insurer, in any order); answers each insurer's line.
 */
export async function phoneInsurerSteps(
  page: Page,
  caseId: string,
  steps: readonly string[],
): Promise<string[]> {
  const want = [...steps].sort().join();
  const showing = (w: string) =>
    [...document.querySelectorAll('[data-testid="insurer-progress"] li')]
      .map((li) => li.getAttribute('data-step'))
      .sort()
      .join() === w;
  await until(`the phone to show the insurers at ${want}`, async () => {
    await page.goto(`/cases/${caseId}`);
    await page.getByTestId('five-fast').waitFor();
    return page.waitForFunction(showing, want, { timeout: 5000 }).then(
      () => true,
      () => false,
    );
  });
  const items = page.getByTestId('insurer-progress').locator('li');
  return items.allTextContents();
}

/** The phone's five-fast record on the case screen on show: each interval's words by key. */
export async function phoneFiveFast(page: Page): Promise<Record<string, string>> {
  return page
    .getByTestId('five-fast')
    .locator('dd')
    .evaluateAll((dds) =>
      Object.fromEntries(
        dds.map((dd) => [
          (dd.getAttribute('data-testid') ?? '').replace(/-fast$/, ''),
          dd.textContent ?? '',
        ]),
      ),
    );
}
