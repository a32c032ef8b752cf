/**
 * The accident squad's reviewer at a desk: a 1280 px browser context signed
 * in as the demo reviewer, the queue, one case, and the actions taken through
 * the workspace as a person takes them.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startCase } from './drivers';
import { sendNow, waitForStatus } from './outbox';
import { PHONE_CONTEXT, shimEsbuildNames, signInAs } from './phone';
import { fillOneVehicleCase } from './scene-drivers';

/**
 * The reviewer's (or insurer's, or admin's) desk: a wide screen, no touch.
 * The desk works online; its tests read what the server holds, so its
 * context registers no service worker (`serviceWorkers: 'block'`): each desk
 * would otherwise precache the whole app (~150 files) in the background while
 * the test runs. The officer's phones keep theirs; offline.e2e, update.e2e
 * and roles.e2e (every role's home reloaded offline) test it.
 */
export const DESK = {
  viewport: { width: 1280, height: 800 },
  locale: 'zh-CN',
  serviceWorkers: 'block',
} as const;

/**
 * A case for the squad, from the officer's phone (signed in): captured
 * offline (one vehicle, the three scene shots), then sent with "立即发送"; the server holds
 * it as version 1.
 */
export async function sendNewCase(
  phone: { context: BrowserContext; page: Page },
  place: string,
): Promise<string> {
  const { context, page } = phone;
  await context.setOffline(true);
  await page.goto('/');
  const id = await startCase(page, place);
  await fillOneVehicleCase(page, id, place);
  await context.setOffline(false);
  await sendNow(page);
  await waitForStatus(page, id, 'sent');
  return id;
}

/** A desk context with the reviewer signed in, on the queue. */
export async function openReviewer(
  browser: Browser,
  baseURL: string,
  options: { narrow?: boolean; username?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    ...(options.narrow ? { ...PHONE_CONTEXT, serviceWorkers: DESK.serviceWorkers } : DESK),
    baseURL,
  });
  await shimEsbuildNames(context);
  const page = await context.newPage();
  await page.goto('/');
  const signedIn = await signInAs(page, options.username ?? 'demo-reviewer');
  if (!('path' in signedIn) || signedIn.path !== '/review') {
    throw new Error(`the reviewer did not land on the queue: ${JSON.stringify(signedIn)}`);
  }
  await page.getByTestId('review-queue').waitFor();
  return { context, page };
}

/**
 * Opens the case from the queue (reloaded, so it shows what arrived since),
 * newest first unless other filters are given (`search`, e.g. one officer's).
 */
export async function openFromQueue(
  page: Page,
  caseId: string,
  search = '?sort=newest',
): Promise<void> {
  await page.goto(`/review${search}`);
  await page.getByTestId('review-queue').locator(`a[href="/review/${caseId}"]:visible`).click();
  await page.getByTestId('review-case').waitFor();
  await page.getByTestId('verification').waitFor({ timeout: 30_000 });
}

/** The case view's state as the reviewer reads it. */
export const caseState = async (page: Page) =>
  (await page.getByTestId('case-state').textContent())?.trim() ?? '';

/** The answer the actions panel gave, once it gave one. */
export async function actionAnswer(page: Page): Promise<string> {
  const answer = page.getByTestId('action-result').locator('.notice, [role="alert"]');
  await answer.first().waitFor({ timeout: 30_000 });
  return (await page.getByTestId('action-result').textContent()) ?? '';
}

/** Returns the case naming the shots to add (by their labels) and a note. */
export async function returnCase(page: Page, shots: readonly string[], note: string) {
  const panel = page.getByTestId('review-actions');
  await panel.getByRole('button', { name: '退回补充' }).click();
  const photos = panel.getByRole('group', { name: '照片' });
  for (const shot of shots) await photos.getByRole('checkbox', { name: shot }).check();
  await panel.getByLabel('说明（给民警）').fill(note);
  await panel.getByRole('button', { name: '退回补充' }).click();
  return actionAnswer(page);
}

export async function approve(page: Page): Promise<string> {
  await page.getByTestId('review-actions').getByRole('button', { name: '审核通过' }).click();
  return actionAnswer(page);
}

export async function takeOver(page: Page, reason: string): Promise<string> {
  const panel = page.getByTestId('review-actions');
  await panel.getByRole('button', { name: '中队接手' }).click();
  await panel.getByLabel('接手理由').fill(reason);
  await panel.getByRole('button', { name: '确认接手' }).click();
  return actionAnswer(page);
}

/** The history section's text (versions with their differences, and the review actions). */
export async function historyText(page: Page): Promise<string> {
  const history = page.getByRole('region', { name: '版本与审核记录' });
  await history.waitFor();
  return (await history.textContent()) ?? '';
}

/** The case view's insurers' claims: each one's step (`data-step`) and its words (name, times, amounts). */
export async function claimsShown(page: Page): Promise<{ step: string; text: string }[]> {
  const claims = page.getByTestId('claim');
  await claims.first().waitFor();
  return claims.evaluateAll((lis) =>
    lis.map((li) => ({ step: li.getAttribute('data-step') ?? '', text: li.textContent ?? '' })),
  );
}

/**
 * The photos each insurer attached to its assessment, as the case view shows
 * them once read back and hash-checked: per claim, in the listed order, how many.
 */
export async function claimPhotosShown(page: Page, total: number): Promise<number[]> {
  const loaded = page
    .getByTestId('claim')
    .locator('[data-testid="claim-photos"] button:enabled img');
  await loaded.nth(total - 1).waitFor();
  return page
    .getByTestId('claim')
    .evaluateAll((lis) =>
      lis.map((li) => li.querySelectorAll('[data-testid="claim-photos"] img').length),
    );
}

/** The case view's five-fast section, in words. */
export async function fiveFastText(page: Page): Promise<string> {
  const section = page.getByRole('region', { name: '五快用时' });
  await section.waitFor();
  return (await section.textContent()) ?? '';
}

/**
 * An officer's phone (signed in) on the rural stations' handed-over cases,
 * from his case list: opens the case, confirms what the station captured and
 * determines each vehicle's liability (`levels`: label → the words of the
 * choice, e.g. 全部责任) with `reason`; answers the station's note as shown
 * and the determination as the screen confirms it.
 */
/**
 * On the officer's list of handed-over cases: whether the case's card says
 * the station named him, and whether the first card does.
 */
export async function handoverMarks(
  page: Page,
  caseNumber: string,
): Promise<{ mine: boolean; firstIsMine: boolean }> {
  const cards = page.getByTestId('handovers').locator('li.record-card');
  await cards.first().waitFor();
  const card = cards.filter({ hasText: caseNumber });
  return {
    mine: (await card.getAttribute('data-mine')) === 'true',
    firstIsMine: (await cards.first().getAttribute('data-mine')) === 'true',
  };
}

export async function confirmHandedOver(
  page: Page,
  caseNumber: string,
  levels: Readonly<Record<string, string>>,
  reason: string,
): Promise<{ note: string; determination: string }> {
  await page.goto('/');
  await page.getByTestId('handovers-link').click();
  await page.getByRole('heading', { level: 1, name: '劝导站移交的案件' }).waitFor();
  await page.getByRole('link', { name: `核对并认定 ${caseNumber}` }).click();
  const note = (await page.getByTestId('station-note').textContent()) ?? '';
  for (const [label, level] of Object.entries(levels)) {
    await page.getByLabel(`${label} 车的责任`).selectOption({ label: level });
  }
  await page.getByLabel('认定理由').fill(reason);
  await page.getByRole('button', { name: '确认并认定责任' }).click();
  const determination = (await page.getByTestId('determination').textContent()) ?? '';
  return { note, determination };
}
