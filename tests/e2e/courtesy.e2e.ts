/**
 * The courteous script (三告知、两敬礼) in the browser: the brigade's admin
 * changes the greeting and the thanks (a blank field refused by name) and
 * sets the brigade's base map (a tile host the server does not allow refused
 * on the template; then 天地图 with the brigade's key), which the phone then
 * uses offline; an
 * officer signs in with signal — the phone fetches the brigade's words — and
 * with none handles a case to its notices, which read the brigade's words;
 * the greeting salute and the first notice are marked one by one, the rest
 * at once, the farewell salute after both sign; the stored case has each
 * step once, with its time and the script's version, in order; once sent,
 * the reviewer sees each step with its time and version. Its own server: the
 * script is changed.
 */
import { DEMO_BRIGADE } from '../../server/demo';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';
import { useBrowserWorld } from './harness';
import {
  answerRearEnd,
  clearedRearEndCase,
  propose,
  readNoticesOut,
  signBoth,
} from './liability-drivers';
import { sendNow, waitForStatus } from './outbox';
import { openApp, signInAs } from './phone';
import { openReviewer } from './review-drivers';
import { storedCase } from './phone-db';

const world = useBrowserWorld({ demo: true, ownServer: true });

const GREETING = '乡亲您好！我是县交警大队民警，请您先到路边安全的地方。';
const THANKS = '感谢配合，回去路上注意安全！';
const TIANDITU_KEY = 'brigade-browser-key';

async function editScript(desk: Page): Promise<void> {
  await desk.goto('/admin/brigades');
  await desk
    .getByRole('link', { name: `${DEMO_BRIGADE}的三告知、两敬礼用语` })
    .first()
    .click();
  await desk.getByRole('heading', { level: 1, name: '三告知、两敬礼用语' }).waitFor();
  await desk.getByText('现用：快处自带的用语（尚未修改）。').waitFor();
  await desk.getByLabel('问候语（中文）').fill('  ');
  await desk.getByRole('button', { name: '保存用语' }).click();
  await desk.getByText('请填写“问候语（中文）”。').waitFor();
  await expectNoAxeViolations(desk, 'courtesy script, a field refused');
  await desk.getByLabel('问候语（中文）').fill(GREETING);
  await desk.getByLabel('致谢语（中文）').fill(THANKS);
  await desk.getByRole('button', { name: '保存用语' }).click();
  await desk.getByTestId('script-saved').getByText('已保存为第 1 版。').waitFor();
  await desk.getByText('现用：第 1 版。').waitFor();
}

/** The brigade's base map: a host the server's pages may not load tiles from is refused on the template. */
async function setBaseMap(desk: Page): Promise<void> {
  await desk.goto('/admin/brigades');
  await desk
    .getByRole('link', { name: `${DEMO_BRIGADE}的地图底图` })
    .first()
    .click();
  await desk.getByRole('heading', { level: 1, name: '地图底图' }).waitFor();
  await desk.getByText('现用：未设置，手机使用 OpenStreetMap。').waitFor();
  await desk.getByLabel('自定义').check();
  await desk.getByLabel('图块地址模板').fill('https://tiles.example.gov.cn/{z}/{x}/{y}.png');
  await desk.getByRole('button', { name: '保存底图' }).click();
  await desk.getByText(/图块地址模板：服务器不允许页面从这个地址加载图块/).waitFor();
  await expectNoAxeViolations(desk, 'base map, host refused');
  await desk.getByLabel('天地图（矢量）').check();
  await desk.getByLabel('天地图密钥 (tk)').fill(TIANDITU_KEY);
  await desk.getByRole('button', { name: '保存底图' }).click();
  await desk
    .getByTestId('tile-source-saved')
    .getByText(/已保存为第 1 版/)
    .waitFor();
}

describe('the courteous script', () => {
  it('the brigade’s words reach the phone and are read offline; each step is recorded with its time', async () => {
    const deskContext = await world.newPhone();
    const desk = await openApp(deskContext);
    expect(await signInAs(desk, 'demo-admin')).toEqual({ path: '/admin' });
    await editScript(desk);
    await setBaseMap(desk);
    await deskContext.close();

    // Signed in with signal, then no signal from the first tap on.
    const { context, page, id } = await clearedRearEndCase(world, '礼貌路 K3', true);
    await answerRearEnd(page, id);
    await propose(page);
    await page.goto(`/cases/${id}/notices`);
    await page.getByTestId('script-greeting').getByText(GREETING).waitFor();
    await page.getByTestId('script-thanks').getByText(THANKS).waitFor();

    await page.getByRole('button', { name: '已敬礼问候' }).click();
    await page.getByTestId('courtesy-greeting-salute').waitFor();
    await page.getByRole('button', { name: '已告知违法行为' }).click();
    await page.getByTestId('courtesy-notice-violation').waitFor();
    await expectNoAxeViolations(page, 'notices, script steps marked');
    await readNoticesOut(page);
    await signBoth(page);
    await page.getByTestId('all-signed').waitFor();
    await page.getByRole('button', { name: '已敬礼道别' }).click();
    await page.getByTestId('courtesy-farewell-salute').waitFor();

    const stored = await storedCase(page, id);
    const marks = stored.liability?.courtesy ?? [];
    expect(marks.map((m) => m.step)).toEqual([
      'greeting-salute',
      'notice-violation',
      'notice-determination',
      'notice-rights',
      'farewell-salute',
    ]);
    const times = marks.map((m) => Date.parse(m.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(stored.liability?.noticesReadAt).toBe(marks[3]?.at);
    const firstSignature = Math.min(
      ...(stored.liability?.signatures ?? []).map((s) => Date.parse(s.at)),
    );
    expect(times[3]).toBeLessThanOrEqual(firstSignature);
    expect(times[4]).toBeGreaterThanOrEqual(firstSignature);
    // The brigade's base map came with the script: the phone, still offline, uses it.
    await page.goto('/settings');
    await page.getByText('本机未单独设置：使用大队统一的底图').waitFor();
    expect(await page.getByLabel('天地图（矢量）').isChecked()).toBe(true);
    expect(await page.getByLabel('天地图密钥 (tk)').inputValue()).toBe(TIANDITU_KEY);
    // The officer's own choice wins on this phone, and he can go back to the brigade's.
    await page.getByLabel('OpenStreetMap').check();
    await page.getByRole('button', { name: '保存底图设置' }).click();
    await page.getByText('本机使用自己设置的底图。').waitFor();
    await expectNoAxeViolations(page, 'settings, the phone’s own base map');
    await page.getByRole('button', { name: '改用大队统一底图' }).click();
    await page.getByText('本机未单独设置：使用大队统一的底图').waitFor();
    expect(await page.getByLabel('天地图（矢量）').isChecked()).toBe(true);

    // Every step was read from the brigade's script as saved: version 1.
    expect(marks.map((m) => m.scriptVersion)).toEqual([1, 1, 1, 1, 1]);

    // Sent once there is signal; the accident squad sees each step, its time and the script's version.
    await context.setOffline(false);
    await sendNow(page);
    await waitForStatus(page, id, 'sent');
    const reviewer = await openReviewer(world.browser, world.server.url);
    await reviewer.page.goto(`/review/${id}`);
    await reviewer.page.getByTestId('review-case').waitFor();
    const part = reviewer.page
      .getByRole('heading', { name: '三告知、两敬礼' })
      .locator('xpath=following-sibling::dl[1]');
    await part.getByText('敬礼道别').waitFor();
    const shown = await part.locator('dd').allTextContents();
    expect(shown).toHaveLength(marks.length);
    for (const text of shown) expect(text).toContain('大队讲话文本第 1 版');
    await expectNoAxeViolations(reviewer.page, 'review, courteous script');
    await reviewer.context.close();
  });
});
