/**
 * The accident squad reviewer's workspace as people use it: every screen and
 * form of it passes axe at a desk and on a 360 px phone, in Chinese and
 * English, and nothing scrolls sideways on the phone; a case reviewed with
 * the keyboard alone; a take-over the officer's phone is told of; two
 * reviewers acting on the same case at once (the second is told who did
 * what, and keeps what he typed); and the queue announcing a new case without
 * a reload. The demo server is shared with other browser-test files, so each
 * test finds its own cases by id. The cases the desk only reads are sent
 * straight through the API by a seeding phone of the same officer (seed.ts);
 * the take-over's case is captured and sent on the officer's phone, which is
 * told of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';
import { useBrowserWorld } from './harness';
import {
  actionAnswer,
  approve,
  caseState,
  historyText,
  openFromQueue,
  openReviewer,
  returnCase,
  sendNewCase,
  takeOver,
} from './review-drivers';
import { login, readServer } from './server';
import { seedCase, seedPhone, type SeedPhone } from './seed';

const world = useBrowserWorld({ demo: true });

/** The queue screen's poll of the changes feed (src/services/useReview.ts QUEUE_POLL_MS). */
const QUEUE_POLL_MS = 30_000;

/** The officer's phone, signed in, shared by the tests (the take-over's case is sent on it). */
let phone: { context: BrowserContext; page: Page };
/** The same officer's seeding phone: the cases the desk only reads (seed.ts). */
let seeding: SeedPhone;
/** A case the screens are checked on, then approved with the keyboard. */
let looked: string;
/** A case two reviewers act on at once. */
let contested: string;
/**
 * The queue's filters that show this file's cases: the phone's officer's,
 * newest first (other files send theirs to the same server as another officer).
 */
let mine: string;

/** The demo officer whose cases this file sends (his id, for the queue's officer filter). */
const OFFICER = { username: 'demo-officer2', name: '王强' };

async function officerId(serverUrl: string): Promise<string> {
  const token = await login(serverUrl, 'demo-reviewer');
  const res = await fetch(`${serverUrl}/api/review/queue`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const queue = (await res.json()) as { officers: { id: string; name: string }[] };
  const officer = queue.officers.find((o) => o.name === OFFICER.name);
  if (!officer) throw new Error(`the brigade has no officer ${OFFICER.name}`);
  return officer.id;
}

beforeAll(async () => {
  mine = `?officer=${await officerId(world.server.url)}&sort=newest`;
  phone = await world.openPhone({ signIn: OFFICER.username });
  seeding = await seedPhone(world.server.url, OFFICER.username);
  looked = await seedCase(seeding, phone.page, '工作台路 K1');
  contested = await seedCase(seeding, phone.page, '两人路 K2');
}, 120_000);

afterAll(async () => {
  await phone?.context.close();
});

/** The words of the workspace in each language, as the tests press them. */
const WORDS = {
  'zh-CN': {
    language: '简体中文',
    return: '退回补充',
    takeOver: '中队接手',
    cancel: '取消',
    close: '关闭',
    enlarge: /^放大查看：/,
    rear: '车尾',
    map: '事故位置地图',
  },
  en: {
    language: 'English',
    return: 'Return to officer',
    takeOver: 'Take over',
    cancel: 'Cancel',
    close: 'Close',
    enlarge: /^Enlarge: /,
    rear: 'rear',
    map: 'Accident location map',
  },
} as const;
type Language = keyof typeof WORDS;

/** Fails if the page scrolls sideways (at 360 px nothing may be wider than the screen). */
async function expectNoSidewaysScroll(page: Page, screen: string): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.scrollingElement?.scrollWidth ?? 0,
    inner: window.innerWidth,
  }));
  expect(widths.scroll, `${screen} scrolls sideways`).toBeLessThanOrEqual(widths.inner);
}

/** axe on the page as it is, and at 360 px no sideways scroll. */
async function checkScreen(page: Page, screen: string, narrow: boolean): Promise<void> {
  await expectNoAxeViolations(page, screen);
  if (narrow) await expectNoSidewaysScroll(page, screen);
}

/** Chooses the language on the queue and waits for the screen to speak it. */
async function chooseLanguage(page: Page, language: Language): Promise<void> {
  await page.goto(`/review${mine}`);
  await page.getByRole('radio', { name: WORDS[language].language }).check();
  await page
    .getByRole('heading', { level: 1 })
    .filter({ hasText: language === 'en' ? /[A-Za-z]/ : /[\u4e00-\u9fff]/ })
    .waitFor();
  await page.getByTestId('review-queue').locator(`a[href="/review/${looked}"]:visible`).waitFor();
}

/** The queue, the case, its two forms and a photo full size, each checked. */
async function checkWorkspace(page: Page, language: Language, narrow: boolean): Promise<void> {
  const words = WORDS[language];
  const where = `${narrow ? '360 px' : 'the desk'} in ${language}`;
  await chooseLanguage(page, language);
  await checkScreen(page, `the queue at ${where}`, narrow);

  await page.getByTestId('review-queue').locator(`a[href="/review/${looked}"]:visible`).click();
  await page.getByTestId('verification').waitFor({ timeout: 30_000 });
  const enlarge = page.getByRole('button', { name: words.enlarge }).first();
  await expect.poll(() => enlarge.isEnabled(), { timeout: 30_000 }).toBe(true);
  // The phone's GPS point, on the read-only map (lazy: axe looks once it is drawn).
  await page.getByRole('region', { name: words.map }).locator('.kc-marker').waitFor();
  await checkScreen(page, `the case at ${where}`, narrow);
  // The damaged parts are stored as ids: the reviewer reads them in words.
  expect(await page.locator('.review-dl-row:has(dt) dd').allTextContents()).toContain(words.rear);

  const panel = page.getByTestId('review-actions');
  await panel.getByRole('button', { name: words.return }).click();
  await panel.locator('textarea').waitFor();
  await checkScreen(page, `the return form at ${where}`, narrow);
  await panel.getByRole('button', { name: words.cancel }).click();

  await panel.getByRole('button', { name: words.takeOver }).click();
  await panel.locator('textarea').waitFor();
  await checkScreen(page, `the take-over form at ${where}`, narrow);
  await panel.getByRole('button', { name: words.cancel }).click();

  await enlarge.click();
  const dialog = page.getByTestId('photo-dialog');
  await dialog.locator('img').waitFor();
  await checkScreen(page, `a photo full size at ${where}`, narrow);
  await dialog.getByRole('button', { name: words.close }).click();
  await dialog.waitFor({ state: 'detached' });
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, at most `bound`
 * times: whatever the order, the keyboard gets there or the test says it cannot.
 */
async function tabTo(page: Page, target: Locator, what: string, back = false, bound = 200) {
  for (let i = 0; i < bound; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`${bound} presses of Tab did not reach ${what}; the focus is on ${focused}`);
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

describe('the reviewer’s workspace', () => {
  it('at the desk, in Chinese and English: the queue, the case, both forms and a photo full size pass axe', async () => {
    const desk = await openReviewer(world.browser, world.server.url);
    await checkWorkspace(desk.page, 'zh-CN', false);
    await checkWorkspace(desk.page, 'en', false);
    await desk.context.close();
  });

  it('at 360 px, in Chinese and English: the same screens pass axe and none scrolls sideways', async () => {
    const narrow = await openReviewer(world.browser, world.server.url, { narrow: true });
    await checkWorkspace(narrow.page, 'zh-CN', true);
    await checkWorkspace(narrow.page, 'en', true);
    await narrow.context.close();
  });

  it('with the keyboard alone: from the queue to the case, a photo full size and back, approved', async () => {
    const { context, page } = await openReviewer(world.browser, world.server.url);
    await page.goto(`/review${mine}`);
    const link = page.getByRole('link').and(page.locator(`[href="/review/${looked}"]`));
    await link.waitFor();

    await tabTo(page, link, 'the case in the queue');
    await page.keyboard.press('Enter');
    await page.getByTestId('verification').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe(`/review/${looked}`);
    // The place's map is drawn before the photos: the keyboard passes it on its way.
    await page.getByRole('region', { name: '事故位置地图' }).locator('.kc-marker').waitFor();

    const thumb = page.getByRole('button', { name: /^放大查看：/ }).first();
    await expect.poll(() => thumb.isEnabled(), { timeout: 30_000 }).toBe(true);
    await tabTo(page, thumb, 'the first photo');
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('photo-dialog');
    await dialog.locator('img').waitFor();
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await isFocused(thumb)).toBe(true);

    const approveButton = page.getByTestId('review-actions').getByRole('button', {
      name: '审核通过',
    });
    await tabTo(page, approveButton, 'the approve button');
    await page.keyboard.press('Space');
    expect(await actionAnswer(page)).toContain('已审核通过');
    await page.getByTestId('case-state').getByText('已审核').waitFor();
    expect(await caseState(page)).toBe('已审核');
    await context.close();
  });

  it('a take-over with its reason reaches the officer’s phone and the history', async () => {
    const id = await sendNewCase(phone, '接手路 K3');
    const reason = '涉及人员受伤可能，由中队处理';
    const desk = await openReviewer(world.browser, world.server.url);
    await openFromQueue(desk.page, id, mine);
    expect(await takeOver(desk.page, reason)).toContain('事故中队已接手此案');

    // The phone pulls on opening the case and says the squad took it over, and why.
    await phone.page.goto(`/cases/${id}`);
    const notice = phone.page.getByTestId('taken-over-notice');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toContain('事故中队已接管此案件');
    expect(await notice.textContent()).toContain(`接管原因：${reason}`);

    await desk.page.reload();
    const history = await historyText(desk.page);
    expect(history).toContain('第 1 版');
    expect(history).toMatch(/李娜：中队接手/);
    expect(history).toContain(`说明：${reason}`);
    await desk.context.close();
    expect(readServer(world.server).problems).toEqual([]);
  });

  it('two reviewers on one case: the second is told who approved it first, keeps his note, and one action is recorded', async () => {
    const first = await openReviewer(world.browser, world.server.url);
    const second = await openReviewer(world.browser, world.server.url);
    await openFromQueue(first.page, contested, mine);
    await openFromQueue(second.page, contested, mine);

    await approve(first.page);
    await first.page.getByTestId('case-state').getByText('已审核').waitFor();
    // The second screen still shows the case as it was.
    expect(await caseState(second.page)).not.toBe('已审核');

    const note = '请补充两车碰撞部位的近景';
    const answer = await returnCase(second.page, [], note);
    expect(answer).toContain('李娜');
    expect(answer).toContain('审核通过');
    expect(answer).toContain('页面已重新加载');
    await second.page.getByTestId('case-state').getByText('已审核').waitFor();
    const panel = second.page.getByTestId('review-actions');
    expect(await panel.getByLabel('说明（给民警）').inputValue()).toBe(note);

    const actions = second.page
      .getByRole('region', { name: '版本与审核记录' })
      .getByRole('heading', { name: '审核记录' })
      .locator('xpath=following-sibling::ul[1]/li');
    await expect.poll(() => actions.count()).toBe(1);
    expect(await actions.first().textContent()).toContain('李娜：审核通过');
    await first.context.close();
    await second.context.close();
  });

  it(
    'the queue announces a new case and lists it without a reload',
    { timeout: 180_000 },
    async () => {
      const { context, page } = await openReviewer(world.browser, world.server.url);
      // The page's timers under the test's hand (time still flows on its own),
      // so the next poll is brought forward instead of waited for.
      await context.clock.install();
      await page.goto(`/review${mine}`);
      await page.getByRole('table').waitFor();
      await page.evaluate(() => {
        (window as unknown as { queueMarker: string }).queueMarker = 'still here';
      });
      expect(await page.getByTestId('queue-news').textContent()).toBe('');

      const id = await seedCase(seeding, phone.page, '新到路 K4');
      // The screen polls the changes feed every 30 s (QUEUE_POLL_MS): the clock
      // jumps one interval ahead, which fires the poll's timer once, and the
      // poll lists and announces the case.
      await page.clock.fastForward(QUEUE_POLL_MS);
      await page
        .getByTestId('review-queue')
        .locator(`a[href="/review/${id}"]:visible`)
        .waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('queue-news').textContent()).toMatch(
        /^有 \d+ 起案件新到或有新版本，列表已更新。$/,
      );
      expect(
        await page.evaluate(() => (window as unknown as { queueMarker?: string }).queueMarker),
      ).toBe('still here');
      expect(new URL(page.url()).pathname).toBe('/review');
      await context.close();
    },
  );
});
