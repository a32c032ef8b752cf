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
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';
import { BACKGROUND, checkScreens, go, pageBackground, screen } from './axe-screens';
import { useBrowserWorld } from './harness';
import { answerRearEndHere, choice, propose, signAs } from './liability-drivers';
import { signInOnPhone } from './phone';
import {
  answerTriage,
  confirmSceneCleared,
  passTriage,
  takeEveryRequiredShot,
} from './scene-drivers';
import { addVehicleWithDriver, createCase, nextStep, openParties, waitForSaved } from './drivers';

const world = useBrowserWorld({
  demo: true,
  chromeArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
});

/** A whole flow checked four ways takes a while on a busy 2-core machine. */
const LONG_FLOW_MS = 300_000;

const DRIVER_A = { name: '张伟', idNumber: '11010519491231002X', phone: '13800138000' };
const DRIVER_B = { name: '李娜', idNumber: '110105194912310038', phone: '13900139000' };

/** A phone with the app open. */
async function phone() {
  const { context, page } = await world.openPhone();
  const newCase = async (address: string) => {
    await page.goto('/');
    return createCase(page, address);
  };
  return { context, page, newCase };
}

/** Signs as the first party whose pad is still open (the shared driver draws and confirms). */
async function signParty(page: Page, label: string): Promise<void> {
  const party = page
    .locator('fieldset.party-sign')
    .filter({ has: page.locator('canvas') })
    .first();
  await signAs(page, party, label);
}

describe('accessibility (axe) on every screen, in both languages and both themes', () => {
  it(
    'an empty phone; cases just opened: detail, triage, parties, shot list, camera, map',
    async () => {
      const { context, page, newCase } = await phone();

      // An empty phone, signed out.
      await checkScreens(page, [
        screen('case list (empty)', '/', (s) => s.locator('.empty')),
        screen('sign-in', '/signin', (s) => s.locator('form')),
        screen('settings', '/settings', (s) => s.getByTestId('persist-status')),
        screen('outbox (signed out)', '/outbox', (s) => s.getByTestId('exchange')),
        screen('new case', '/cases/new', (s) => s.locator('form')),
      ]);

      // Signed in, offline: the header counts what waits ("未发送 n").
      await signInOnPhone(page);
      await context.setOffline(true);
      // A case just opened, with a vehicle whose driver's ID number is wrong.
      const fresh = await newCase('G318 国道 K10');
      await openParties(page, fresh);
      await addVehicleWithDriver(page, {
        plate: '川A12345',
        damagedParts: ['车尾'],
        // The check digit of this number is 7, not 6: the field shows its message.
        driver: { name: '王五', idNumber: '110101199003074476', phone: '13800138000' },
      });
      await waitForSaved(page);
      // Triage that fires a rule, not yet confirmed; and a case handed over.
      const hurt = await newCase('G213 国道 K88');
      await page.goto(`/cases/${hurt}/triage`);
      await answerTriage(page, 'E02-injury', true);
      await page.getByTestId('triage-outcome').locator('button').waitFor();
      const escalated = await newCase('G213 国道 K90');
      await page.goto(`/cases/${escalated}/triage`);
      await answerTriage(page, 'E02-injury', true);
      await page
        .getByTestId('triage-outcome')
        .getByRole('button', { name: '确认移交事故中队' })
        .click();
      await page.waitForURL(new RegExp(`/cases/${escalated}$`));

      await checkScreens(page, [
        screen('case list (opened, escalated; the unsent chip)', '/', (s) =>
          s.locator('.case-card .state-escalated'),
        ),
        screen('case detail', `/cases/${fresh}`, (s) => s.getByTestId('five-fast')),
        screen('case detail (escalated)', `/cases/${escalated}`, (s) =>
          s.getByTestId('case-state'),
        ),
        screen('triage (questions)', `/cases/${fresh}/triage`, (s) =>
          s.getByTestId('triage-progress'),
        ),
        screen('triage (escalation proposed)', `/cases/${hurt}/triage`, (s) =>
          s.getByTestId('triage-outcome').locator('button'),
        ),
        screen('parties (a wrong ID number)', `/cases/${fresh}/parties`, (s) =>
          s.locator('.field-error'),
        ),
        screen('evidence (shot list)', `/cases/${fresh}/evidence`, (s) =>
          s.getByTestId('evidence-progress'),
        ),
        screen(
          'camera',
          `/cases/${fresh}/evidence`,
          (s) => s.getByTestId('evidence-progress'),
          async (p) => {
            await p.locator('li.shot .shot-actions button.primary').first().click();
            // The fake camera's picture is playing: the live view, not the failure note.
            await p.waitForFunction(
              () =>
                (document.querySelector('.camera video') as HTMLVideoElement | null)?.readyState ===
                4,
            );
          },
        ),
        screen('map', `/cases/${fresh}/location`, (s) => s.getByTestId('coordinates')),
      ]);
      expect(await page.getByTestId('sync-chip').textContent()).toBe('未发送 3');
      await context.close();
    },
    LONG_FLOW_MS,
  );

  it('an officer’s device encryption: Settings signed in, the PIN setting, the lock screen', async () => {
    const { context, page } = await phone();
    await signInOnPhone(page);
    await checkScreens(page, [
      screen('settings (signed in: device encryption off)', '/settings', (s) =>
        s.getByTestId('encryption-status'),
      ),
      screen('PIN setting', '/pin', (s) => s.locator('form input[inputmode="numeric"]')),
    ]);
    // Set in the app, not by a reload (a reload locks a phone that seals).
    await go(page, '/pin', (s) => s.locator('form'));
    await page.getByLabel('新 PIN 码').fill('246813');
    await page.getByLabel('再次输入 PIN 码').fill('246813');
    await page.getByRole('button', { name: '设置 PIN 码并加密' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    // Each language is applied by a reload, which locks: every screen is the lock screen.
    const lock = page.getByRole('heading', { name: /本机已锁定|This phone is locked/ });
    await checkScreens(page, [
      screen('lock screen', '/', () => lock),
      screen(
        'lock screen (a wrong PIN)',
        '/',
        () => lock,
        async (p) => {
          await p.locator('main input[inputmode="numeric"]').fill('111333');
          await p.locator('main button[type="submit"]').click();
          await p.getByRole('alert').waitFor();
        },
      ),
    ]);
    await context.close();
  });

  it(
    'a rear-end case through parties, evidence and liability to the document, and the outbox',
    async () => {
      const { context, page, newCase } = await phone();
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
      await nextStep(page, '现场取证');
      await takeEveryRequiredShot(page, full);
      await confirmSceneCleared(page);
      // Confirming the clearance leads on to liability.
      const liability = `/cases/${full}/liability`;
      await page.waitForURL((url) => url.pathname === liability);
      await page.getByRole('heading', { name: '责任认定' }).waitFor();
      await choice(page, '事故发生在什么地方？', '路段').check();
      await choice(page, '车辆 A 当时在做什么？', '减速').check();

      await checkScreens(page, [
        screen('parties (two vehicles)', `/cases/${full}/parties`, (s) =>
          s.getByTestId('vehicle-B'),
        ),
        screen('evidence (complete, thumbnails)', `/cases/${full}/evidence`, (s) =>
          s.locator('li.shot.taken img'),
        ),
        screen('liability (questions)', liability, (s) => s.locator('fieldset')),
        screen('collision sketch', `/cases/${full}/sketch`, (s) => s.getByTestId('sketch-canvas')),
      ]);

      // Every answer again (a check of a checked one changes nothing): an answer
      // given just before the walk navigated away may not have reached the disk.
      await page.goto(liability);
      await answerRearEndHere(page);
      await propose(page);
      const notices = `/cases/${full}/notices`;
      await page.goto(notices);
      await page.getByRole('button', { name: '已宣读告知，开始签字' }).click();
      await page.getByTestId('notices-read').waitFor();

      await checkScreens(page, [
        screen(
          'liability (proposal, override form open)',
          liability,
          (s) => s.getByTestId('stored-proposal'),
          async (p) => {
            await p.getByTestId('stored-proposal').locator('details summary').first().click();
            await p.locator('main details[open] select').first().waitFor();
          },
        ),
        screen('notices and signature pads', notices, (s) => s.locator('canvas')),
      ]);

      await page.goto(notices);
      for (const label of ['A', 'B']) await signParty(page, label);
      await page.getByTestId('all-signed').waitFor();

      await checkScreens(page, [
        screen('parties (sealed by the signatures)', `/cases/${full}/parties`, (s) =>
          s.getByTestId('seal-notice'),
        ),
        screen('collision sketch (sealed)', `/cases/${full}/sketch`, (s) =>
          s.getByTestId('seal-notice'),
        ),
        screen('notices (correction form open)', `${notices}#amend`, (s) =>
          s.locator('#amend[open]'),
        ),
        screen('liability (sealed, the way to correct it)', liability, (s) =>
          s.getByRole('link', { name: /更正已签名的认定|Correct the signed determination/ }),
        ),
        screen('document', `/cases/${full}/document`, (s) => s.getByTestId('doc-qr')),
        screen('case detail (signed)', `/cases/${full}`, (s) => s.getByTestId('elapsed')),
        screen('case list', '/', (s) => s.locator('.case-card')),
        screen('outbox (offline)', '/outbox', (s) => s.getByTestId('outbox-list')),
      ]);
      // Offline nothing is "sending": the case says it waits for a connection.
      const badge = page.locator(`[data-testid="outbox-list"] li[data-case="${full}"] .badge`);
      expect(await badge.textContent()).toBe('已保存在本机 · 等待网络连接');
      expect(await page.locator('main').textContent()).not.toContain('发送中');
      // Signed: the on-scene clock has stopped and shows the final duration.
      await go(page, `/cases/${full}`, (s) => s.getByTestId('elapsed'));
      expect(await page.getByTestId('elapsed').textContent()).toMatch(
        /^现场处置用时 \d+ 分钟（已结束）$/,
      );

      // Online, with the server refusing the photos: the case needs attention.
      await context.route('**/api/uploads/**', (route) =>
        route.fulfill({ status: 413, contentType: 'application/json', body: '{}' }),
      );
      await context.setOffline(false);
      await page.goto('/outbox');
      await page.getByRole('button', { name: '立即发送' }).click();
      await page
        .locator('[data-testid="outbox-list"] li[data-status="needs-attention"]')
        .waitFor({ timeout: 60_000 });
      await checkScreens(page, [
        screen('outbox (a part refused)', '/outbox', (s) =>
          s.locator('li[data-status="needs-attention"] button'),
        ),
      ]);
      await context.close();
    },
    LONG_FLOW_MS,
  );
});

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
      // No service worker and none of the app's scripts: only index.html (with
      // its prerendered first screen), its stylesheet and its inlined boot scripts.
      const context = await world.browser.newContext({
        baseURL: world.server.url,
        viewport: { width: 360, height: 740 },
        serviceWorkers: 'block',
        colorScheme: scheme,
      });
      await context.addInitScript((t) => localStorage.setItem('kuaichu.theme', t), stored);
      let blocked = 0;
      await context.route(/\/assets\/.*\.js$/, (route) => {
        blocked++;
        return route.abort();
      });
      const page = await context.newPage();
      await page.goto('/', { waitUntil: 'load' });
      expect(blocked).toBeGreaterThan(0);
      // Only the first screen prerendered into index.html: React never ran (it would drop the wrapper).
      await expect
        .poll(() =>
          page.locator('.first-screen main').getByRole('link', { name: '新建案件' }).isVisible(),
        )
        .toBe(true);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(stored);
      expect(await pageBackground(page)).toBe(expected);
      await context.close();
    }
  });
});
