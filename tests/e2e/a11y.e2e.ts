/**
 * axe (WCAG 2 A/AA and best practices) on every screen of the officer's app,
 * at 360 px, in zh-CN and English, in the day and the night theme: an empty
 * phone, then cases walked through every step — triage (a question, an
 * escalation), parties with a wrong ID number, the shot list, the in-page
 * camera (Chromium's fake camera), the map, liability (questions, proposal,
 * override, notices, signatures, document), and the outbox offline and with a
 * part the server refused. Each state is checked where it stands: the
 * language switches by reload (as Settings remembers it), the theme by the
 * phone's dark mode (the default "auto" follows it).
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';
import { useBrowserWorld } from './harness';
import { addVehicleWithDriver, createCase, openParties, waitForSaved } from './drivers';
import {
  answerTriage,
  confirmSceneCleared,
  passTriage,
  takeEveryRequiredShot,
} from './scene-drivers';
import { signInOnPhone } from './sync-drivers';

const world = useBrowserWorld({
  demo: true,
  chromeArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
});

const DRIVER_A = { name: '张伟', idNumber: '11010519491231002X', phone: '13800138000' };
const DRIVER_B = { name: '李娜', idNumber: '110105194912310038', phone: '13900139000' };

/** Sets the app's language as Settings does (it applies at the next load). */
async function useLanguage(page: Page, lng: 'zh-CN' | 'en'): Promise<void> {
  await page.evaluate((l) => localStorage.setItem('kuaichu.language', l), lng);
}

/** The page background of the day and the night theme (`--bg`). */
const BACKGROUND = { light: 'rgb(246, 248, 250)', dark: 'rgb(13, 17, 23)' } as const;
const pageBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

/** The screen's main heading, in whatever language: the screen has rendered. */
const mainHeading = (page: Page) => page.locator('main h1').first();

/**
 * Opens a screen with `open` (which navigates, so the language applies) in
 * zh-CN and in English, and checks it with axe in the day and night theme.
 * Leaves the screen in zh-CN, light, for the drivers that follow.
 */
async function checkScreen(page: Page, name: string, open: () => Promise<void>): Promise<void> {
  // English first, so the screen is left in zh-CN for the drivers that follow.
  for (const lng of ['en', 'zh-CN'] as const) {
    await useLanguage(page, lng);
    await open();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lng);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // The theme really is the one named (auto follows the phone's dark mode).
      expect(await pageBackground(page)).toBe(BACKGROUND[scheme]);
      await expectNoAxeViolations(
        page,
        `${name} (${lng}, ${scheme === 'light' ? 'day' : 'night'})`,
      );
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }
}

/** Navigates to `path` and waits for its heading and, if given, one more element. */
function visit(page: Page, path: string, ready?: (page: Page) => Locator) {
  return async () => {
    await page.goto(path);
    await mainHeading(page).waitFor();
    if (ready) await ready(page).first().waitFor();
  };
}

/** What sticks out past the right edge of the 360 px screen (nothing may scroll sideways). */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    document.documentElement.scrollWidth <= 360
      ? []
      : [...document.querySelectorAll<HTMLElement>('main *')]
          .filter((el) => el.getBoundingClientRect().right > 360.5)
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 30)}"`,
          ),
  );

/** A phone with the app open, and the checks and drivers bound to its page. */
async function phone() {
  const { context, page } = await world.openPhone();
  const check = (name: string, open: () => Promise<void>) => checkScreen(page, name, open);
  const newCase = async (address: string) => {
    await page.goto('/');
    return createCase(page, address);
  };
  return { context, page, check, newCase };
}

describe('accessibility (axe) on every screen, in both languages and both themes', () => {
  it('an empty phone, a case just opened, triage and the camera', async () => {
    const { context, page, check, newCase } = await phone();

    // An empty phone, signed out.
    await check(
      'case list (empty)',
      visit(page, '/', (p) => p.locator('main .empty')),
    );
    await check(
      'sign-in',
      visit(page, '/signin', (p) => p.locator('main form')),
    );
    await check(
      'settings',
      visit(page, '/settings', (p) => p.getByTestId('persist-status')),
    );
    await check(
      'outbox (signed out)',
      visit(page, '/outbox', (p) => p.getByTestId('exchange')),
    );
    await check(
      'new case',
      visit(page, '/cases/new', (p) => p.locator('main form')),
    );

    await signInOnPhone(page);
    await context.setOffline(true);

    // A case just opened: its detail, triage questions, parties, shot list, map.
    const fresh = await newCase('G318 国道 K10');
    await check(
      'case detail',
      visit(page, `/cases/${fresh}`, (p) => p.getByTestId('five-fast')),
    );
    await check(
      'triage (questions)',
      visit(page, `/cases/${fresh}/triage`, (p) => p.getByTestId('triage-progress')),
    );
    await openParties(page, fresh);
    await addVehicleWithDriver(page, {
      plate: '川A12345',
      damagedParts: ['车尾'],
      // The check digit of this number is 7, not 6: the field shows its message.
      driver: { name: '王五', idNumber: '110101199003074476', phone: '13800138000' },
    });
    await waitForSaved(page);
    await check(
      'parties (a wrong ID number)',
      visit(page, `/cases/${fresh}/parties`, (p) => p.locator('main .field-error')),
    );
    expect(await overflowing(page)).toEqual([]);
    await check(
      'evidence (shot list)',
      visit(page, `/cases/${fresh}/evidence`, (p) => p.getByTestId('evidence-progress')),
    );
    await check('camera', async () => {
      await visit(page, `/cases/${fresh}/evidence`, (p) => p.getByTestId('evidence-progress'))();
      await page.locator('li.shot .shot-actions button.primary').first().click();
      await page.locator('.camera video').waitFor();
      // The fake camera's picture is playing: the live view, not the failure note.
      await page.waitForFunction(
        () =>
          (document.querySelector('.camera video') as HTMLVideoElement | null)?.readyState === 4,
      );
    });
    await check(
      'map',
      visit(page, `/cases/${fresh}/location`, (p) => p.getByTestId('coordinates')),
    );

    // Triage that fires a rule (the outcome before confirming), then an escalated case.
    const hurt = await newCase('G213 国道 K88');
    await page.goto(`/cases/${hurt}/triage`);
    await answerTriage(page, 'E02-injury', true);
    await check(
      'triage (escalation proposed)',
      visit(page, `/cases/${hurt}/triage`, (p) =>
        p.getByTestId('triage-outcome').locator('button'),
      ),
    );
    await page
      .getByTestId('triage-outcome')
      .getByRole('button', { name: '确认移交事故中队' })
      .click();
    await page.waitForURL(new RegExp(`/cases/${hurt}$`));
    await check(
      'case detail (escalated)',
      visit(page, `/cases/${hurt}`, (p) => p.getByTestId('case-state')),
    );

    await context.close();
  });

  it('a rear-end case through parties, evidence and liability to the document, and the outbox', async () => {
    const { context, page, check, newCase } = await phone();
    await signInOnPhone(page);
    await context.setOffline(true);
    const full = await newCase('S211 省道 K5');
    await passTriage(page, full);
    await openParties(page, full);
    await addVehicleWithDriver(page, {
      plate: '川A54321',
      damagedParts: ['车尾'],
      driver: DRIVER_A,
    });
    await addVehicleWithDriver(page, {
      plate: '川B67890',
      damagedParts: ['车头'],
      driver: DRIVER_B,
    });
    await waitForSaved(page);
    await check(
      'parties (two vehicles)',
      visit(page, `/cases/${full}/parties`, (p) => p.getByTestId('vehicle-B')),
    );
    await takeEveryRequiredShot(page, full);
    await check(
      'evidence (complete, thumbnails)',
      visit(page, `/cases/${full}/evidence`, (p) => p.locator('li.shot.taken img')),
    );
    await confirmSceneCleared(page);

    const liability = `/cases/${full}/liability`;
    await page.goto(liability);
    const choice = (question: string, option: string) =>
      page
        .getByRole('group', { name: question, exact: true })
        .getByRole('radio', { name: option, exact: true });
    await choice('事故发生在什么地方？', '路段').check();
    await check(
      'liability (questions)',
      visit(page, liability, (p) => p.locator('main fieldset')),
    );
    await choice('车辆 A 当时在做什么？', '减速').check();
    await choice('车辆 B 当时在做什么？', '直行').check();
    await choice('第 1 次碰撞', 'B 撞 A').check();
    await choice('两车是否同车道同向行驶？', '是').click();
    await page.getByTestId('proposal-levels').waitFor();
    await check(
      'liability (proposal)',
      visit(page, liability, (p) => p.getByTestId('proposal-levels')),
    );
    await page.getByRole('button', { name: '确认拟定责任' }).click();
    await page.getByTestId('stored-proposal').waitFor();
    await check('liability (override form)', async () => {
      await visit(page, liability, (p) => p.getByTestId('stored-proposal'))();
      await page.getByTestId('stored-proposal').locator('details summary').first().click();
      await page.locator('main details[open] select').first().waitFor();
    });

    const notices = `/cases/${full}/notices`;
    await check(
      'notices',
      visit(page, notices, (p) => p.getByTestId('notice-script')),
    );
    await page.goto(notices);
    await page.getByRole('button', { name: '已宣读告知，开始签字' }).click();
    await page.getByTestId('notices-read').waitFor();
    await check('signatures', async () => {
      await visit(page, notices, (p) => p.getByTestId('notices-read'))();
      await page.locator('main canvas').first().waitFor();
    });
    await page.goto(notices);
    for (const label of ['A', 'B']) await signParty(page, label);
    await page.getByTestId('all-signed').waitFor();
    await check(
      'document',
      visit(page, `/cases/${full}/document`, (p) => p.getByTestId('doc-qr')),
    );

    // Cases in every state on the list (the unsent chip in the header), and the outbox offline.
    await check(
      'case list',
      visit(page, '/', (p) => p.locator('.case-card')),
    );
    await check(
      'outbox (offline)',
      visit(page, '/outbox', (p) => p.getByTestId('outbox-list')),
    );

    // Online, with the server refusing the photos: a case needs attention.
    await context.route('**/api/uploads/**', (route) =>
      route.fulfill({ status: 413, contentType: 'application/json', body: '{}' }),
    );
    await context.setOffline(false);
    await page.goto('/outbox');
    await page.getByRole('button', { name: '立即发送' }).click();
    await page
      .locator('[data-testid="outbox-list"] li[data-status="needs-attention"]')
      .waitFor({ timeout: 60_000 });
    await check(
      'outbox (a part refused)',
      visit(page, '/outbox', (p) => p.locator('li[data-status="needs-attention"] button')),
    );
    await context.close();
  });
});

/** Draws a squiggle on a party's pad and confirms it (labels are language-neutral here). */
async function signParty(page: Page, label: string): Promise<void> {
  const party = page
    .locator('fieldset.party-sign')
    .filter({ has: page.locator('canvas') })
    .first();
  const canvas = party.locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the signature pad is not on screen');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 20, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(box.x + 20 + i * 25, y + (i % 2 === 0 ? -30 : 30), { steps: 4 });
  }
  await page.mouse.up();
  await party.getByRole('button', { name: '确认签名' }).click();
  await page.getByTestId(`signed-${label}`).waitFor();
}

describe('the night theme', () => {
  it('follows the phone by default; Night and Day chosen in Settings are remembered and win', async () => {
    const { context, page } = await world.openPhone();
    await page.goto('/settings');
    const theme = (name: string) => page.getByRole('radio', { name, exact: true });
    expect(await theme('自动（跟随手机）').isChecked()).toBe(true);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await pageBackground(page)).toBe(BACKGROUND.dark);

    await theme('日间').check();
    expect(await pageBackground(page)).toBe(BACKGROUND.light);
    await page.emulateMedia({ colorScheme: 'light' });
    await theme('夜间').check();
    expect(await pageBackground(page)).toBe(BACKGROUND.dark);
    await expectNoAxeViolations(page, 'settings (night chosen)');

    await page.reload();
    await theme('夜间').waitFor();
    expect(await theme('夜间').isChecked()).toBe(true);
    expect(await pageBackground(page)).toBe(BACKGROUND.dark);

    await theme('自动（跟随手机）').check();
    expect(await pageBackground(page)).toBe(BACKGROUND.light);
    expect(await page.evaluate(() => localStorage.getItem('kuaichu.theme'))).toBeNull();
    await context.close();
  });

  it('applies a remembered choice before the app’s script runs (no white flash at night)', async () => {
    for (const [stored, scheme, expected] of [
      ['night', 'light', BACKGROUND.dark],
      ['day', 'dark', BACKGROUND.light],
    ] as const) {
      // No service worker and no JavaScript files: only index.html and its stylesheet.
      const context = await world.browser.newContext({
        baseURL: world.server.url,
        viewport: { width: 360, height: 740 },
        serviceWorkers: 'block',
        colorScheme: scheme,
      });
      await context.addInitScript((t) => localStorage.setItem('kuaichu.theme', t), stored);
      let blocked = 0;
      await context.route(/\.js$/, (route) => {
        blocked++;
        return route.abort();
      });
      const page = await context.newPage();
      await page.goto('/', { waitUntil: 'load' });
      expect(blocked).toBeGreaterThan(0);
      expect(await page.locator('main').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(stored);
      expect(await pageBackground(page)).toBe(expected);
      await context.close();
    }
  });
});
