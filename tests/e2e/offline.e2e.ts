/**
 * The foundation's promise: the app installs its service worker, and an
 * officer can open cases and find them again with the network off.
 */
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { useBrowserWorld } from './harness';
import { caseListAddresses, createCase } from './drivers';
import { go } from './axe-screens';
import { layoutProblems, signInAs, signInOnPhone, submitNewPin } from './phone';
import { enrolledDeviceId } from './phone-db';

const world = useBrowserWorld();

/**
 * The duty supervisor, online at a desk: the phone's recovery code read out,
 * with a reason, which the audit log then shows.
 */
async function supervisorReadsCode(deviceId: string, reason: string): Promise<string> {
  const context = await world.newPhone({ serviceWorkers: 'block' });
  const desk = await context.newPage();
  expect(await signInAs(desk, 'demo-admin')).toEqual({ path: '/admin' });
  await desk.getByRole('link', { name: '手机登记' }).click();
  const card = desk.locator(`[data-device-id="${deviceId}"]`);
  await card.getByRole('button', { name: /^读出恢复码/ }).click();
  await card.getByRole('button', { name: '显示恢复码' }).click();
  await card.getByText('请写明原因，至少 4 个字。').waitFor();
  await card.getByLabel('查看原因').fill(reason);
  await card.getByRole('button', { name: '显示恢复码' }).click();
  const code = (await card.getByTestId('recovery-code').textContent()) ?? '';
  await expectNoAxeViolations(desk, 'devices, a recovery code read out');
  expect(await layoutProblems(desk)).toEqual({ width: 360, small: [] });
  // The audit log says who read it out, and why, in his own words.
  await desk.goto('/admin');
  await desk.getByRole('link', { name: '审计记录' }).click();
  await desk.getByLabel('动作').fill('device.recovery_code_revealed');
  await desk.getByRole('button', { name: '查找' }).click();
  await desk.getByTestId('audit-event').filter({ hasText: reason }).first().waitFor();
  await expectNoAxeViolations(desk, 'audit log, a recovery code read out and why');
  await context.close();
  return code;
}

describe('offline officer flow', () => {
  it('keeps cases created online and offline across reloads with the network off', async () => {
    const { context, page } = await world.openPhone();

    // Online: the first case, with a GPS position.
    await createCase(page, 'G318 国道 张家村路口');
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('已立案');

    // Offline: reload and the shell and the case are still there.
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('offline-bar').waitFor();
    expect(await caseListAddresses(page)).toEqual(['G318 国道 张家村路口']);

    // A second case while offline, then another reload.
    await createCase(page, 'S105 省道 K12+300');
    await page.reload();
    expect((await caseListAddresses(page)).sort()).toEqual(
      ['G318 国道 张家村路口', 'S105 省道 K12+300'].sort(),
    );
    await context.close();
  });

  it('saves every edit to the phone at once, so a reload offline loses nothing', async () => {
    const { context, page } = await world.openPhone();
    const id = await createCase(page, 'X201 县道');
    await context.setOffline(true);
    await page.getByLabel('情况说明').fill('两车追尾，无人受伤');
    await page.getByTestId('save-status').getByText('已保存在本机').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('情况说明').inputValue()).toBe('两车追尾，无人受伤');
    expect(page.url()).toContain(id);
    await context.close();
  });

  it('past the offline limit refuses a new case and keeps the ones it has editable (D6)', async () => {
    const { context, page } = await world.openPhone();
    await signInOnPhone(page);
    await page.goto('/');
    const id = await createCase(page, 'X301 县道 K8+200');
    await context.setOffline(true);

    // 73 hours on without reaching the server (the limit is 72).
    await context.clock.setFixedTime(new Date(Date.now() + 73 * 3_600_000));
    await page.goto('/cases/new');
    const notice = page.getByTestId('offline-limit');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('已 73 小时未连接服务器');
    expect(await page.getByRole('button', { name: '立案' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page, 'new case past the offline limit');

    // The case it has is still worked on and saved.
    await page.goto(`/cases/${id}`);
    await page.getByLabel('情况说明').fill('离线超时后继续处理');
    await page.getByTestId('save-status').getByText('已保存在本机').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('情况说明').inputValue()).toBe('离线超时后继续处理');
    await context.close();
  });

  it('a lock keeps what was just typed; ten wrong PINs offline leave only an online sign-in, which opens the phone with its case (D-rows)', async () => {
    const { context, page } = await world.openPhone();
    await signInOnPhone(page);
    await page.goto('/');
    const place = 'X401 县道 K3+100';
    const id = await createCase(page, place);
    await page.goto('/pin');
    await submitNewPin(page, '246813');
    await page.waitForURL((url) => url.pathname === '/');

    // Switching apps the moment after typing locks it: what was typed is kept.
    await go(page, `/cases/${id}`, (main) => main.getByLabel('情况说明'));
    await page.getByLabel('情况说明').fill('锁定前刚输入的说明');
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    });
    await page.getByRole('heading', { name: '本机已锁定' }).waitFor();
    await page.getByLabel('PIN 码').fill('246813');
    await page.getByRole('button', { name: '解锁' }).click();
    await expect.poll(() => page.getByLabel('情况说明').inputValue()).toBe('锁定前刚输入的说明');

    // Offline, the reload locks it; ten wrong PINs, each answered with what is left.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: '本机已锁定' }).waitFor();
    const alert = page.getByRole('alert');
    for (let left = 9; left >= 0; left--) {
      await page.getByLabel('PIN 码').fill('111333');
      await page.getByRole('button', { name: '解锁' }).click();
      if (left > 0) await alert.getByText(`PIN 码不正确，还可以再试 ${left} 次。`).waitFor();
    }
    await alert.getByText(/PIN 码错误次数过多/).waitFor();
    // No PIN is asked any more, not even the right one: only the sign-in is offered.
    expect(await page.getByLabel('PIN 码').count()).toBe(0);
    await expectNoAxeViolations(page, 'lock screen after ten wrong PINs');

    // Online, the officer signs in again: his escrow key opens the phone, the case is there.
    await context.setOffline(false);
    await page.getByRole('link', { name: '联网登录' }).click();
    await page.waitForURL(/\/signin$/);
    await signInOnPhone(page);
    // In the app: a reload would lock it again (the key lives in memory only).
    await go(page, '/', (main) => main.getByTestId('case-list'));
    await go(page, `/cases/${id}`, (main) => main.getByLabel('情况说明'));
    expect(await page.getByLabel('情况说明').inputValue()).toBe('锁定前刚输入的说明');
    await go(page, '/', (main) => main.getByTestId('case-list'));
    expect(await page.getByTestId('case-list').locator('.case-place').allTextContents()).toEqual([
      place,
    ]);
    await context.close();
  });

  it('ten wrong PINs offline: the supervisor reads the recovery code out, the officer types it and sets a new PIN, and his case is there', async () => {
    const { context, page } = await world.openPhone();
    await signInOnPhone(page);
    await page.goto('/');
    const place = 'X402 县道 K5+600';
    const id = await createCase(page, place);
    await page.goto('/pin');
    await submitNewPin(page, '246813');
    await page.waitForURL((url) => url.pathname === '/');
    const deviceId = await enrolledDeviceId(page);

    // On a rural road with no signal: a reload locks it, and ten wrong PINs.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: '本机已锁定' }).waitFor();
    for (let left = 9; left >= 0; left--) {
      await page.getByLabel('PIN 码').fill('111333');
      await page.getByRole('button', { name: '解锁' }).click();
      if (left > 0) await page.getByText(`还可以再试 ${left} 次`).waitFor();
    }
    await page
      .getByRole('alert')
      .getByText(/PIN 码错误次数过多/)
      .waitFor();

    // He calls the duty supervisor, who reads the phone's code out (online, at a desk).
    const code = await supervisorReadsCode(deviceId, '张伟在 X402 县道无信号，PIN 码输错十次');
    expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);

    await page.getByRole('button', { name: '使用督导员的恢复码' }).click();
    const field = page.getByLabel('恢复码');
    // A misheard digit is caught on the phone and costs no try.
    const misheard = code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);
    await field.fill(misheard);
    await page.getByRole('button', { name: '核对恢复码' }).click();
    await page
      .getByRole('alert')
      .getByText(/恢复码有一位不对/)
      .waitFor();
    await expectNoAxeViolations(page, 'lock screen, a recovery code mistyped');
    expect(await layoutProblems(page)).toEqual({ width: 360, small: [] });
    await field.fill(code);
    await page.getByRole('button', { name: '核对恢复码' }).click();
    await page.getByText(/恢复码正确/).waitFor();
    await page.getByLabel('新 PIN 码').fill('580927');
    await page.getByLabel('再次输入 PIN 码').fill('580927');
    await expectNoAxeViolations(page, 'lock screen, a new PIN after the recovery code');
    await page.getByRole('button', { name: '设置新 PIN 码并解锁' }).click();

    // Opened offline, in the app (a reload would lock it again): his case is there.
    await page.getByTestId('case-list').waitFor();
    await go(page, `/cases/${id}`, (main) => main.getByLabel('情况说明'));
    await go(page, '/', (main) => main.getByTestId('case-list'));
    expect(await page.getByTestId('case-list').locator('.case-place').allTextContents()).toEqual([
      place,
    ]);

    // The code is spent: locked again, the phone refuses it and takes the new PIN.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    });
    await page.getByRole('button', { name: '使用督导员的恢复码' }).click();
    await page.getByLabel('恢复码').fill(code);
    await page.getByRole('button', { name: '核对恢复码' }).click();
    await page
      .getByRole('alert')
      .getByText(/本机没有可用的恢复码/)
      .waitFor();
    await page.getByRole('button', { name: '返回输入 PIN 码' }).click();
    await page.getByLabel('PIN 码').fill('580927');
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByTestId('case-list').waitFor();

    // Back online, the phone gets a fresh code: the supervisor now reads another one.
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect
      .poll(async () => supervisorReadsCode(deviceId, '核对新的恢复码'), { timeout: 30_000 })
      .not.toBe(code);
    await context.close();
  });

  it('switches to English and back, with <html lang> following', async () => {
    const context = await world.newPhone();
    const page = await context.newPage();
    await page.goto('/settings');
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByRole('radio', { name: '简体中文' }).check();
    await page.getByRole('heading', { name: '设置' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await context.close();
  });
});
