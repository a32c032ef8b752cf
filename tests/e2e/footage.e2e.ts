/**
 * Roadside video in the browser: the brigade's admin registers a unit near
 * the demo phone's place (a blank form refused by field first); the officer
 * signs in with signal — the phone keeps the brigade's units — and his case's
 * screen lists only the units within 2 km, nearest first (the demo's unit
 * 13 km out is not among them); offline the request button says it needs a
 * connection; online, with the case sent, he requests footage; the reviewer
 * sees the request in the case view and marks it retrieved with the video's
 * reference; the officer's case screen then reads it retrieved. Axe on the
 * admin's screen, the case screen and the review's case view; 360 px.
 */
import { DEMO_BRIGADE } from '../../server/demo';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';
import { createCase } from './drivers';
import { useBrowserWorld } from './harness';
import { sendNow, waitForStatus } from './outbox';
import { layoutProblems, openApp, signInAs } from './phone';
import { DESK, openReviewer } from './review-drivers';

const world = useBrowserWorld({ demo: true });

/** A name of this attempt's own: a retried test registers another unit, not the same code. */
const stamp = Date.now().toString(36).slice(-5).toUpperCase();
const OURS = `礼让路口${stamp}`;

async function registerUnit(desk: Page): Promise<void> {
  await desk.goto('/admin/brigades');
  await desk
    .getByRole('link', { name: `${DEMO_BRIGADE}的路侧视频点位` })
    .first()
    .click();
  await desk.getByRole('heading', { level: 1, name: /的路侧视频点位$/ }).waitFor();
  await desk.getByTestId('video-unit').first().waitFor();
  await desk.getByRole('button', { name: '登记点位' }).click();
  await desk.getByText('请填写“点位编号”。').waitFor();
  await expectNoAxeViolations(desk, 'video units, a blank form refused');
  await desk.getByLabel('点位编号').fill(`E2E-${stamp}`);
  await desk.getByLabel('名称（路口或路段）').fill(OURS);
  await desk.getByLabel('纬度（度）').fill('30.6600');
  await desk.getByLabel('经度（度）').fill('104.0660');
  await desk.getByLabel('朝向').selectOption({ label: '东' });
  await desk.getByLabel('视频保存天数').fill('10');
  await desk.getByRole('button', { name: '登记点位' }).click();
  await desk.getByTestId('video-unit-saved').getByText(`已登记：${OURS}。`).waitFor();
}

/** The units the case screen lists, in order, by name. */
async function listedUnits(page: Page): Promise<string[]> {
  const units = page.getByTestId('footage-units');
  await units.waitFor();
  return (await units.getByTestId('footage-unit').locator('strong').allTextContents()).map((name) =>
    name.replace(/（.*）$/, ''),
  );
}

/** The roadside video part's buttons lower than 44 px on the 360 px phone. */
async function smallTargets(page: Page): Promise<string[]> {
  const buttons = await page.getByTestId('footage').getByRole('button').all();
  const small: string[] = [];
  for (const b of buttons) {
    if (((await b.boundingBox())?.height ?? 0) < 44) small.push((await b.textContent()) ?? '');
  }
  return small;
}

describe('roadside video', () => {
  it('lists only the units near the case, requests footage, and the reviewer’s retrieval reaches the officer', async () => {
    const deskContext = await world.browser.newContext({ ...DESK, baseURL: world.server.url });
    const desk = await deskContext.newPage();
    await desk.goto('/');
    expect(await signInAs(desk, 'demo-admin')).toEqual({ path: '/admin' });
    await registerUnit(desk);
    await deskContext.close();

    const context = await world.newPhone();
    const page = await openApp(context, { signIn: true });
    await page.goto('/');
    const id = await createCase(page, '视频路口 K1');
    expect(await listedUnits(page)).toEqual([
      '人民南路与锦里路口',
      OURS,
      '锦江桥北桥头',
      '二环路北口',
    ]);
    await expectNoAxeViolations(page, 'case screen, video units nearby');
    expect((await layoutProblems(page)).width).toBeLessThanOrEqual(360);
    expect(await smallTargets(page)).toEqual([]);

    await context.setOffline(true);
    const first = page.getByTestId('footage-unit').first().getByRole('button');
    await first.getByText('需联网才能申请').waitFor();
    expect(await first.isDisabled()).toBe(true);
    await page.getByText('当前没有网络：申请调取视频需要联网。', { exact: false }).waitFor();
    await context.setOffline(false);

    await sendNow(page);
    await waitForStatus(page, id, 'sent');
    await page.goto(`/cases/${id}`);
    await page.getByRole('button', { name: '申请调取视频：人民南路与锦里路口' }).click();
    await page
      .getByTestId('footage-requested')
      .getByText('已提交申请：人民南路与锦里路口。')
      .waitFor();
    await page.getByTestId('footage-standing').getByText('已申请，待调取').waitFor();

    const reviewer = await openReviewer(world.browser, world.server.url);
    await reviewer.page.goto(`/review/${id}`);
    const request = reviewer.page.getByTestId('footage-request');
    await request.getByText('已申请，待调取').waitFor();
    await expectNoAxeViolations(reviewer.page, 'review case view, a footage request open');
    await request.getByLabel('视频文件或编号').fill('NVR-SF001/0001.mp4');
    await request.getByRole('button', { name: '标记为已调取' }).click();
    await request.getByTestId('footage-standing').getByText('已调取').waitFor();
    await reviewer.context.close();

    await page.reload();
    const mine = page.getByTestId('footage-request');
    await mine.getByTestId('footage-standing').getByText('已调取').waitFor();
    await mine.getByText('视频文件或编号：NVR-SF001/0001.mp4').waitFor();
    await context.close();
  });
});
