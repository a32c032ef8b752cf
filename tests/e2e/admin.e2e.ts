/**
 * The brigade administrator's accounts, units and phones in the browser:
 * the admin creates a rural station and an officer in it, who signs in on a
 * phone and sets his PIN (it seals what it keeps); the officer captures a case with no signal; the admin revokes the
 * phone's enrolment; the officer starts a second case; when the signal
 * returns the case recorded before the revocation is taken and wiped from the
 * phone, the one recorded after is refused with words the officer can act on,
 * stays on the phone and can still be exported; a second officer's phone
 * with nothing unsent learns of its revocation on its next pull, wipes its
 * sent case and says so on the case list; the audit log verifies and lists what the officer did; the
 * officer then moves to the accident squad as a reviewer. The admin also adds
 * an insurer company (a code already taken is refused on its field).
 * A brigade of its own (made with the admin CLI, as its administrator would)
 * gets a two-minute lock and keeps the PIN required: its officer, signing
 * in, sets his PIN before any other screen, and his phone seals his case.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';
import { startCase } from './drivers';
import { useBrowserWorld } from './harness';
import { caseSyncStatus, sendNow, waitAllSent, waitForStatus } from './outbox';
import { seedBrigade } from './brigade-seed';
import { gotoApp, openApp, setPhonePin, signInAs, submitNewPin, unlockIfSealing } from './phone';
import { rememberPin, sealedCaseCount } from './phone-db';
import { fillOneVehicleCase, quickCase } from './scene-drivers';
import { DEMO_BRIGADE } from '../../server/demo';
import { DEMO_PASSWORD, serverCase } from './server';

const world = useBrowserWorld({ demo: true });

/** A name no other run of this file has used on the shared server. */
const run = Date.now().toString(36);
const STATION = `乌兰劝导站${run}`;
const USERNAME = `wu.lan.${run}`;
/** A second officer of the station, whose phone has nothing unsent when it is revoked. */
const USERNAME2 = `qi.mu.ge.${run}`;
const INSURER = `乌兰财产保险${run}`;
const INSURER_CODE = `WL${run.toUpperCase()}`;

async function createStation(desk: Page): Promise<void> {
  await desk.getByRole('link', { name: '单位管理' }).click();
  await desk.getByRole('heading', { level: 1, name: '单位管理' }).waitFor();
  await desk.getByLabel('单位名称').fill(STATION);
  await desk.getByLabel('类型').selectOption('rural-station');
  await desk.getByRole('button', { name: '新建单位' }).click();
  await desk.getByTestId('unit-created').getByText(`已新建${STATION}。`).waitFor();
  await expectNoAxeViolations(desk, 'units');
  await desk.getByRole('link', { name: '大队管理' }).click();
}

async function createOfficer(desk: Page, username = USERNAME, name = '乌兰'): Promise<void> {
  await desk.getByRole('link', { name: '账号管理' }).click();
  await desk.getByRole('heading', { level: 1, name: '账号管理' }).waitFor();
  // Sent empty first: each problem is said on its field, nothing is created.
  await desk.getByRole('button', { name: '新建账号' }).click();
  await desk.getByLabel('用户名').and(desk.locator('[aria-invalid="true"]')).waitFor();
  await desk.getByLabel('用户名').fill(username);
  await desk.getByLabel('姓名').fill(name);
  await desk.getByLabel('所属单位').selectOption({ label: `${STATION}（农村劝导站）` });
  await desk.getByLabel('初始密码').fill(DEMO_PASSWORD);
  await desk.getByRole('button', { name: '新建账号' }).click();
  await desk
    .getByTestId('user-created')
    .getByText(`已新建 ${name}（${username}）的账号。`)
    .waitFor();
  await expectNoAxeViolations(desk, 'accounts');
  await desk.getByRole('link', { name: '大队管理' }).click();
}

/** A new insurer company: a code another insurer has is refused on its field first. */
async function addInsurer(desk: Page): Promise<void> {
  await desk.getByRole('link', { name: '新增保险公司' }).click();
  await desk.getByRole('heading', { level: 1, name: '新增保险公司' }).waitFor();
  await desk.getByLabel('公司全称').fill(INSURER);
  await desk.getByLabel('公司代码').fill('picc');
  await desk.getByRole('button', { name: '新增', exact: true }).click();
  await desk.getByText('公司代码：已有保险公司使用这个代码，请换一个。').waitFor();
  await expectNoAxeViolations(desk, 'new insurer, code taken');
  await desk.getByLabel('公司代码').fill(INSURER_CODE.toLowerCase());
  await desk.getByRole('button', { name: '新增', exact: true }).click();
  await desk.getByRole('status').getByText(`已新增 ${INSURER}（代码 ${INSURER_CODE}）。`).waitFor();
  await desk.getByRole('link', { name: '大队管理' }).first().click();
  await desk
    .getByTestId('insurer')
    .filter({ hasText: INSURER })
    .getByText(`代码 ${INSURER_CODE}`)
    .waitFor();
}

/** The officer moves to the accident squad: the unit is asked for by name first. */
async function makeReviewer(desk: Page): Promise<void> {
  await desk.getByRole('link', { name: '账号管理' }).click();
  const card = desk.getByTestId('account-card').filter({ hasText: `乌兰（${USERNAME}）` });
  await card.getByRole('button', { name: '乌兰：更改角色' }).click();
  await card.getByLabel('乌兰 的新角色').selectOption('reviewer');
  await card.getByRole('button', { name: '保存角色' }).click();
  await card.getByText('请选择所属单位').waitFor();
  await card.getByLabel('所属单位').selectOption({ label: `${DEMO_BRIGADE} 事故中队（事故中队）` });
  await expectNoAxeViolations(desk, 'accounts, changing a role');
  await card.getByRole('button', { name: '保存角色' }).click();
  await card.getByText(/已将 乌兰 改为事故中队审核员/).waitFor();
  await card.getByText('事故中队审核员 ·', { exact: false }).waitFor();
}

async function revokePhoneOf(desk: Page, username = USERNAME, name = '乌兰'): Promise<void> {
  await desk.getByRole('link', { name: '手机登记' }).click();
  const card = desk.getByTestId('device-card').filter({ hasText: `${name}（${username}）` });
  await card.getByRole('button', { name: /吊销/ }).click();
  await expectNoAxeViolations(desk, 'devices, confirming');
  await card.getByRole('button', { name: '确认吊销' }).click();
  await card.getByText('已吊销').first().waitFor();
}

describe('the brigade administrator’s accounts and phones', () => {
  it('creates a station and its officer, who signs in; a revoked phone sends what it recorded before, wipes it, and keeps what it was refused', async () => {
    // The admin's screens, online throughout: no service worker to wait for.
    const deskContext = await world.newPhone({ serviceWorkers: 'block' });
    const desk = await deskContext.newPage();
    expect(await signInAs(desk, 'demo-admin')).toEqual({ path: '/admin' });
    await createStation(desk);
    await createOfficer(desk);
    await createOfficer(desk, USERNAME2, '其木格');
    await addInsurer(desk);

    const phoneContext = await world.newPhone();
    const phone = await openApp(phoneContext);
    expect(await signInAs(phone, USERNAME)).toEqual({ path: '/outbox' });
    await phone.getByTestId('session-panel').getByText('已登录').waitFor();
    // The phone seals (issue 18): revocation still takes what it recorded before.
    await setPhonePin(phone, '271828');

    await phoneContext.setOffline(true);
    await gotoApp(phone, '/');
    const id = await startCase(phone, '乌兰站门前');
    await fillOneVehicleCase(phone, id, '乌兰站门前');
    expect(await sealedCaseCount(phone)).toEqual({ sealed: 1, cases: 1 });

    await revokePhoneOf(desk);
    await gotoApp(phone, '/');
    const after = await startCase(phone, '乌兰站东侧');
    await gotoApp(phone, `/cases/${after}`);
    await phone.getByLabel('情况说明').fill('吊销后录入');
    await phone.getByTestId('save-status').getByText('已保存在本机').waitFor();

    await phoneContext.setOffline(false);
    await gotoApp(phone, '/outbox');
    await phone.getByRole('button', { name: '立即发送' }).click();
    await waitForStatus(phone, after, 'needs-attention');
    expect(await phone.locator(`li[data-case="${after}"]`).textContent()).toContain(
      '本机的登记已被管理员吊销',
    );
    // Recorded before the revocation: taken, flagged for the squad, and wiped from the phone.
    const notice = phone.getByTestId('revoked-notice');
    await notice.getByText(/1 个已发送的案件已从本机清除/).waitFor();
    expect(await notice.textContent()).toContain('1 个在吊销后录入或更改的案件服务器不接收');
    expect((await serverCase(world.server.url, id, 'demo-reviewer')).status).toBe(200);
    expect(await phone.locator(`li[data-case="${id}"]`).count()).toBe(0);
    expect((await serverCase(world.server.url, after, 'demo-reviewer')).status).toBe(404);
    expect(await caseSyncStatus(phone, after)).toBe('needs-attention');
    const [download] = await Promise.all([
      phone.waitForEvent('download'),
      phone.getByRole('button', { name: '导出未发送案件' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-1cases\.json$/);
    await phone
      .getByTestId('exchange-result')
      .getByText(/已导出 1 个案件/)
      .waitFor();
    await expectNoAxeViolations(phone, 'outbox, phone revoked');
    await phoneContext.close();

    // A phone with nothing unsent learns of its revocation on its next pull:
    // its sent case is wiped, and the officer is told on the case list too.
    const quietContext = await world.newPhone();
    const quiet = await openApp(quietContext);
    expect(await signInAs(quiet, USERNAME2)).toEqual({ path: '/outbox' });
    const sent = await quickCase(quiet, '', '其木格 站前路口', 0);
    await sendNow(quiet);
    await waitAllSent(quiet, [sent]);
    await desk.goto('/admin');
    await revokePhoneOf(desk, USERNAME2, '其木格');
    await sendNow(quiet);
    await quiet
      .getByTestId('revoked-notice')
      .getByText(/1 个已发送的案件已从本机清除/)
      .waitFor();
    expect(await quiet.getByTestId('revoked-notice').textContent()).not.toContain('服务器不接收');
    expect((await serverCase(world.server.url, sent, 'demo-reviewer')).status).toBe(200);
    await quiet.goto('/');
    await quiet
      .getByTestId('revoked-on-list')
      .getByText('本机的登记已被管理员吊销，1 个已发送的案件已从本机清除。')
      .waitFor();
    expect(await quiet.getByText('其木格 站前路口').count()).toBe(0);
    await expectNoAxeViolations(quiet, 'case list, phone revoked');
    await quietContext.close();

    // The audit log: the chain verifies, and the officer's enrolment and its
    // revocation are there under his name.
    await desk.goto('/admin');
    await desk.getByRole('link', { name: '审计记录' }).click();
    await desk
      .getByTestId('audit-verdict')
      .getByText(/审计链完整/)
      .waitFor();
    await desk.getByLabel('操作人').fill(USERNAME);
    await desk.getByRole('button', { name: '查找' }).click();
    await desk.getByTestId('audit-event').filter({ hasText: 'device.enrolled' }).waitFor();
    await expectNoAxeViolations(desk, 'audit log');
    await desk.goto('/admin');
    await makeReviewer(desk);
    await deskContext.close();
  });

  it("a brigade's phone lock: required mid-shift, the PIN is asked for at the phone's next sync, before any screen, told the brigade's idle minutes, and his cases are sealed", async () => {
    const { brigade, officer } = await seedBrigade(world.server, run);
    const deskContext = await world.newPhone({ serviceWorkers: 'block' });
    const desk = await deskContext.newPage();
    expect(await signInAs(desk, 'demo-admin')).toEqual({ path: '/admin' });
    await desk.goto('/admin/brigades');
    const form = desk
      .getByTestId('phone-lock-form')
      .filter({ has: desk.getByRole('heading', { name: `${brigade}的手机锁定` }) });
    const pinRequired = form.getByLabel('民警须在手机上设置 PIN 码（加密保存案件）');
    const save = async () => {
      await form.getByRole('button', { name: /^保存手机锁定/ }).click();
      await form
        .getByTestId('phone-lock-saved')
        .getByText(/民警手机下次联网同步时生效/)
        .waitFor();
    };
    // A new brigade requires the PIN: the admin lets it go for now and shortens the lock.
    expect(await pinRequired.isChecked()).toBe(true);
    await pinRequired.uncheck();
    await form.getByLabel('闲置锁定（分钟）').fill('2');
    await form.getByLabel('离线期限（小时）').fill('24');
    await save();

    // The officer signs in and records a case: no PIN asked for.
    const phoneContext = await world.newPhone();
    const phone = await openApp(phoneContext);
    expect(await signInAs(phone, officer)).toEqual({ path: '/outbox' });
    await phone.getByTestId('session-panel').getByText('已登录').waitFor();
    await phone.getByRole('link', { name: '案件', exact: true }).click();
    await startCase(phone, '测试县东关路口');
    expect(await sealedCaseCount(phone)).toEqual({ sealed: 0, cases: 1 });

    // Mid-shift the admin requires the PIN; the phone learns it at its next sync
    // (here the one its outbox starts when opened), not only at a sign-in.
    await pinRequired.check();
    await save();
    await expectNoAxeViolations(desk, 'brigade settings, the phone lock saved');
    await deskContext.close();
    await phone.goto('/outbox');
    await phone.getByRole('heading', { name: '设置本机 PIN 码' }).waitFor();
    await phone.getByText('本大队要求每位民警在手机上设置 PIN 码：设置后才能使用快处。').waitFor();
    expect(await phone.locator('#main').textContent()).toContain('手机闲置 2 分钟');
    await expectNoAxeViolations(phone, 'PIN setting, required by the brigade');
    // No other screen opens before the PIN is set.
    await phone.goto('/');
    await phone.getByRole('heading', { name: '设置本机 PIN 码' }).waitFor();
    expect(await phone.getByRole('link', { name: '新建案件' }).count()).toBe(0);
    await submitNewPin(phone, '271828');
    await phone.getByRole('link', { name: '新建案件' }).waitFor();
    rememberPin(phoneContext, '271828');
    await startCase(phone, '测试县城关路口');
    // The case recorded before the PIN is sealed with the new one.
    await expect.poll(() => sealedCaseCount(phone)).toEqual({ sealed: 2, cases: 2 });
    // A load locks the phone; his PIN opens it, and his case is on the list.
    await phone.goto('/');
    await unlockIfSealing(phone);
    await phone
      .getByTestId('case-list')
      .locator('.case-place')
      .getByText('测试县城关路口')
      .waitFor();
    // Settings say what the brigade set.
    await phone.getByRole('link', { name: '设置', exact: true }).click();
    await phone
      .getByTestId('lock-policy')
      .getByText(
        '大队设置：闲置 2 分钟锁定；24 小时未连接服务器后不能新建案件（已有案件仍可办理）；须设置 PIN 码。',
      )
      .waitFor();
    expect(await phone.getByTestId('encryption-status').textContent()).toContain('闲置 2 分钟');
    await expectNoAxeViolations(phone, 'settings, the brigade’s phone lock');
    await phoneContext.close();
  });
});
