/**
 * Issue 10 defect 3: the accident squad's reviewer, the insurer and the
 * brigade's admin sign in on a phone and land on their own home — their name
 * and affiliation, no error code, no officer screen — and the phone never
 * tries the officer-only device enrolment for them. Officer-only addresses
 * opened by them say so in words; a reload offline still shows their home.
 * Issue 16: a rural station's helper captures a case offline with the
 * officer's screens and hands it over instead of determining liability; once
 * sent, an officer of the brigade confirms it from his phone and determines
 * liability; the station's phone hears of it on its next pull, shows it
 * read-only, reads the notices to the party, who signs; the signed case is
 * the officer's, the timeline says who did what, and once approved the
 * insurer has its packet.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';
import { startCase } from './drivers';
import { useBrowserWorld } from './harness';
import { sendNow, waitForStatus } from './outbox';
import { layoutProblems, signInAs } from './phone';
import { storedCase } from './phone-db';
import { confirmHandedOver, handoverMarks } from './review-drivers';
import {
  officerDeterminationShown,
  partyGroup,
  readNoticesOut,
  readOfficerDetermination,
  signAs,
} from './liability-drivers';
import { clearAndHandOver, fillOneVehicleCase, takeEveryRequiredShot } from './scene-drivers';
import { approveCase, caseTimelineOf, insurerPacketOf } from './server';

const world = useBrowserWorld({ demo: true });

/** What a person must never read: a raw code, a status number, a snake_case slug. */
const ERROR_TEXT = /forbidden|403|[a-z]+_[a-z]+/;

const ROLES = [
  {
    username: 'demo-reviewer',
    home: '/review',
    title: '事故中队审核',
    titleEn: 'Accident squad review',
    name: '李娜',
    affiliation: '事故中队',
  },
  {
    username: 'demo-insurer',
    home: '/insurer',
    title: '保险公司',
    titleEn: 'Insurer',
    name: '陈静',
    affiliation: '中国人民财产保险股份有限公司',
  },
  {
    username: 'demo-admin',
    home: '/admin',
    title: '大队管理',
    titleEn: 'Brigade administration',
    name: '刘洋',
    affiliation: null,
  },
] as const;

/** The officer's screens, by what only they show. */
const OFFICER_SCREENS = [
  { role: 'link', name: '新建案件' },
  { role: 'button', name: '立案' },
  { role: 'heading', name: '发送情况' },
  { role: 'button', name: '立即发送' },
  { role: 'heading', name: '案件' },
  { role: 'link', name: '案件' },
] as const;

let context: BrowserContext | undefined;
let officerContext: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  await officerContext?.close();
  context = undefined;
  officerContext = undefined;
});

async function visibleText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

async function expectNoOfficerScreen(page: Page): Promise<void> {
  for (const s of OFFICER_SCREENS) {
    expect(await page.getByRole(s.role, { name: s.name, exact: true }).count(), s.name).toBe(0);
  }
  // The header's sending chip is the officer's outbox.
  expect(await page.getByTestId('sync-chip').count()).toBe(0);
}

async function expectHome(page: Page, role: (typeof ROLES)[number]): Promise<void> {
  await page.getByRole('heading', { level: 1, name: role.title }).waitFor();
  // The account panel reads the session on its own: wait for it, not for a time.
  await page.getByTestId('account-name').getByText(role.name).waitFor();
  const text = await visibleText(page);
  expect(text).toContain(role.name);
  if (role.affiliation) expect(text).toContain(role.affiliation);
  expect(text).not.toMatch(ERROR_TEXT);
  await expectNoOfficerScreen(page);
}

describe('reviewer, insurer and admin on a phone', () => {
  for (const role of ROLES) {
    it(`${role.username} lands on the ${role.title} home, with no enrolment and no officer screen`, async () => {
      context = await world.newPhone();
      const enrolments: string[] = [];
      // The context sees the page's requests and the service worker's alike.
      context.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/devices')
          enrolments.push(r.url());
      });
      const page = await context.newPage();
      await page.goto('/');
      await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);

      const signedIn = await signInAs(page, role.username);
      expect(signedIn).toEqual({ path: role.home });
      await expectHome(page, role);
      // Sign-out, language and settings are on the home itself.
      await page.getByRole('button', { name: '退出登录' }).waitFor();
      await page.getByRole('radio', { name: 'English' }).waitFor();
      await page.locator('#main').getByRole('link', { name: '设置', exact: true }).waitFor();
      // The same page in English, then back.
      await page.getByRole('radio', { name: 'English' }).check();
      await page.getByRole('heading', { level: 1, name: role.titleEn }).waitFor();
      await expectNoAxeViolations(page, `${role.title} home (en)`);
      expect(await visibleText(page)).toContain(role.name);
      expect(await visibleText(page)).not.toMatch(ERROR_TEXT);
      await page.getByRole('radio', { name: '简体中文' }).check();
      await page.getByRole('heading', { level: 1, name: role.title }).waitFor();
      await expectNoAxeViolations(page, `${role.title} home`);

      if (role.username === 'demo-reviewer') {
        // From the review workspace to the rural stations' cases, and back.
        await page.getByRole('link', { name: '劝导站移交的案件' }).click();
        await page.getByRole('heading', { level: 1, name: '劝导站移交的案件' }).waitFor();
        await page.getByText('正在读取移交的案件…').waitFor({ state: 'detached' });
        await expectNoAxeViolations(page, 'handed-over cases from the review workspace');
        expect(await layoutProblems(page)).toEqual({ width: 360, small: [] });
        await page.getByRole('link', { name: '← 事故中队审核', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: role.title }).waitFor();
      }
      // Officer-only addresses: no officer screen, no code, the way home.
      for (const path of ['/cases/new', '/outbox', '/']) {
        await page.goto(path);
        await page
          .getByRole('heading', { level: 1, name: role.title })
          .or(page.getByText('供路勤民警使用'))
          .first()
          .waitFor();
        await expectNoOfficerScreen(page);
        expect(await visibleText(page)).not.toMatch(ERROR_TEXT);
        await expectNoAxeViolations(page, `${role.title} at ${path}`);
      }
      // Settings: language, theme and storage; the patrol officer's plate,
      // unsent-case and base-map sections are not theirs.
      await page.goto('/settings');
      await page.getByRole('heading', { level: 1, name: '设置' }).waitFor();
      await page.getByRole('radio', { name: '简体中文' }).waitFor();
      expect(await page.getByLabel('本队号牌省份').count()).toBe(0);
      expect(await visibleText(page)).not.toMatch(ERROR_TEXT);
      await expectNoAxeViolations(page, `${role.title} settings`);

      await page.goto('/outbox');
      await page.getByRole('link', { name: `返回${role.title}` }).click();
      await page.waitForURL((url) => url.pathname === role.home);

      // Offline, a reload still shows the role's own home.
      await context.setOffline(true);
      await page.reload();
      await expectHome(page, role);
      await context.setOffline(false);

      // Signing out goes to sign-in, not to the officer's screens.
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL((url) => url.pathname === '/signin');
      await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();

      expect(enrolments).toEqual([]);
    });
  }
});

describe('a rural station and the brigade’s officer', () => {
  it('the station captures a case offline and hands it over; an officer confirms it remotely and determines liability', async () => {
    context = await world.newPhone();
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
    // The station signs in as an officer does: its phone is enrolled, it lands on sending.
    expect(await signInAs(page, 'demo-station')).toEqual({ path: '/outbox' });
    await page.getByTestId('session-panel').getByText('已登录').waitFor();

    // Offline at the station: the same capture screens, no liability step.
    await context.setOffline(true);
    await page.goto('/');
    const place = `城关劝导站 ${Date.now()}`;
    const id = await startCase(page, place);
    await fillOneVehicleCase(page, id, place, '中国人民财产保险股份有限公司');
    await takeEveryRequiredShot(page, id);
    await page.getByRole('button', { name: '确认现场已撤离' }).waitFor();
    await expectNoAxeViolations(page, 'station evidence');
    // Named for the patrol officer 张伟, from the list the phone kept at sign-in.
    await clearAndHandOver(page, '双方无争议，请民警认定', '张伟（示范县公安局交警大队 路勤中队）');
    await expectNoAxeViolations(page, 'station hand-over');
    expect(await layoutProblems(page)).toEqual({ width: 360, small: [] });
    expect(await page.getByRole('heading', { name: '责任认定' }).count()).toBe(0);
    const stored = await storedCase(page, id);
    expect(stored.state).toBe('submitted');
    expect(stored.liability).toBeUndefined();
    expect(stored.handover).toMatchObject({ by: { name: '赵敏' }, note: '双方无争议，请民警认定' });
    expect(stored.handover?.to).toEqual(expect.any(String));

    // Back online: sent.
    await context.setOffline(false);
    await sendNow(page);
    await waitForStatus(page, id, 'sent');

    // The patrol officer, on his own phone, confirms it and determines liability.
    officerContext = await world.newPhone();
    const officer = await officerContext.newPage();
    await officer.goto('/');
    expect(await signInAs(officer, 'demo-officer')).toEqual({ path: '/outbox' });
    await officer.getByTestId('session-panel').getByText('已登录').waitFor();
    await officer.goto('/handovers');
    await officer.getByRole('link', { name: `核对并认定 ${stored.caseNumber}` }).waitFor();
    // Named for him: first on his list, and marked.
    expect(await handoverMarks(officer, stored.caseNumber)).toEqual({
      mine: true,
      firstIsMine: true,
    });
    await expectNoAxeViolations(officer, 'handed-over cases');
    await officer.getByRole('link', { name: `核对并认定 ${stored.caseNumber}` }).click();
    await officer.getByTestId('station-note').waitFor();
    await expectNoAxeViolations(officer, 'check a station case');
    // 360 px wide; the two radios' targets are their 48 px labels (the dots are smaller).
    expect((await layoutProblems(officer)).width).toBe(360);
    const confirmed = await confirmHandedOver(
      officer,
      stored.caseNumber,
      { A: '全部责任' },
      '单车事故，A 车负全部责任',
    );
    expect(confirmed).toEqual({ note: '双方无争议，请民警认定', determination: 'A 车：全部责任' });
    await expectNoAxeViolations(officer, 'station case determined');

    // The parties wait at the station: its phone hears of the determination on
    // its next pull and shows it — who, the liability, the law — read-only.
    const shown = await officerDeterminationShown(page, id);
    for (const words of ['认定民警：张伟', 'A 车 川A54321：全部责任', '单车事故，A 车负全部责任'])
      expect(shown).toContain(words);
    expect(shown).toContain('依据：《中华人民共和国道路交通安全法实施条例》第九十一条');
    await expectNoAxeViolations(page, 'station: the officer’s determination');
    expect(await layoutProblems(page)).toEqual({ width: 360, small: [] });
    // No way for the station to change it: its liability address is still the hand-over.
    await readOfficerDetermination(page);
    expect(await page.getByRole('link', { name: '返回责任认定（改定责任）' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'station: notices of the officer’s determination');
    expect(await layoutProblems(page)).toEqual({ width: 360, small: [] });
    // The station's helper reads the notices, the party signs, the case is sent.
    await readNoticesOut(page);
    await signAs(page, partyGroup(page, '王五', 'A'), 'A');
    await page.getByTestId('all-signed').waitFor();
    // Signed, it is not the station's to correct either.
    expect(await page.getByRole('button', { name: '发起更正' }).count()).toBe(0);
    await sendNow(page);
    await waitForStatus(page, id, 'sent');
    const signed = await storedCase(page, id);
    expect(signed.state).toBe('signed');
    expect(signed.liability?.remote).toMatchObject({
      by: { name: '张伟' },
      liability: { A: 'full' },
      basis: [{ law: '《中华人民共和国道路交通安全法实施条例》', article: '第九十一条' }],
    });

    // Signed, the case is the officer's: his unit reads it, and the record says who did what.
    const events = await caseTimelineOf(world.server.url, id, 'demo-officer');
    const who = (detail: string) => events.find((e) => e.detail === detail)?.by;
    expect(who('opened')).toEqual({ name: '赵敏', role: 'station' });
    expect(who('station-handover')).toEqual({ name: '赵敏', role: 'station' });
    expect(who('station-confirm')).toEqual({ name: '张伟', role: 'officer' });
    // As for any signed case: approved by the accident squad, the insurer has its packet.
    await approveCase(world.server.url, id);
    expect(await insurerPacketOf(world.server.url, id)).toMatchObject({
      status: 'new',
      insuredPlates: ['川A54321'],
    });
  });
});
