/**
 * The loop between the officer's phone and the accident squad's reviewer (a
 * second browser, at a desk): a case captured offline is sent; the reviewer
 * returns it from the workspace with what to add; the phone
 * pulls the return and puts the case at the top of the list with the reason;
 * offline, the officer takes the photo asked for and resubmits with one
 * button; once the link is back the server holds version 2 with that photo;
 * the reviewer sees version 2 with the photo added, approves, and the phone
 * says so. The audit chain verifies at the end.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserWorld } from './harness';
import { sendNow, waitForStatus } from './outbox';
import { storedCase, storedPhotos } from './phone-db';
import { fillOneVehicleCase, makeJpeg, pickPhoto } from './scene-drivers';
import { readServer, serverCase } from './server';
import { createCase } from './drivers';
import {
  approve,
  caseState,
  historyText,
  openFromQueue,
  openReviewer,
  returnCase,
} from './review-drivers';
import { plateSlot } from '../../src/domain';

const world = useBrowserWorld({ demo: true });

/**
 * A case that arrived an hour ago (so any case opened now is newer), with one
 * vehicle and the three scene shots; the vehicle's plate shot is not taken.
 */
async function captureCase(page: Page, place: string): Promise<string> {
  await page.goto('/');
  await page.getByRole('link', { name: '新建案件' }).click();
  await page.getByLabel('地点描述').fill(place);
  const arrival = page.getByLabel('到达时间', { exact: true });
  const anHourEarlier = await arrival.evaluate((el) => {
    const d = new Date(new Date((el as HTMLInputElement).value).getTime() - 3_600_000);
    return [
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`,
      `-${String(d.getDate()).padStart(2, '0')}T${String(d.getHours()).padStart(2, '0')}`,
      `:${String(d.getMinutes()).padStart(2, '0')}`,
    ].join('');
  });
  await arrival.fill(anHourEarlier);
  await page.getByRole('button', { name: '立案' }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}\/triage$/);
  const id = page.url().split('/').at(-2) ?? '';
  await fillOneVehicleCase(page, id, place);
  return id;
}

/** The case list after a reload (which pulls what changed), once the first card says `standing`. */
async function listShowing(page: Page, standing: string, id: string): Promise<void> {
  await page.goto('/');
  await page
    .locator(`[data-testid="case-list"] a[href="/cases/${id}"] [data-standing="${standing}"]`)
    .waitFor({ timeout: 60_000 });
}

const cardHrefs = (page: Page) =>
  page
    .getByTestId('case-list')
    .locator('a.case-card')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));

describe('the review loop on the officer’s phone', () => {
  it('a returned case comes first with the reason; the photo added offline and resubmitted reaches the server as version 2; the approval shows', async () => {
    const { context, page } = await world.openPhone({ signIn: true, offline: true });
    const id = await captureCase(page, '退回路 K1');
    const slot = plateSlot((await storedCase(page, id)).vehicles[0]!.id);

    // Back online: sent as version 1. A newer case follows it.
    await context.setOffline(false);
    await sendNow(page);
    await waitForStatus(page, id, 'sent');
    expect(await serverCase(world.server.url, id)).toMatchObject({ status: 200, version: 1 });
    await page.goto('/');
    const newer = await createCase(page, '后来路 K2');

    // The reviewer finds it in the queue and returns it, naming the shot he wants.
    const desk = await openReviewer(world.browser, world.server.url);
    await openFromQueue(desk.page, id);
    expect(await desk.page.getByTestId('verification').getAttribute('data-verdict')).toBe(
      'verified',
    );
    expect(await returnCase(desk.page, ['车辆 A 号牌'], '请补拍车辆A号牌，号牌须清晰')).toContain(
      '退回',
    );
    await desk.page.getByTestId('case-state').getByText('退回补充').waitFor();

    // The phone pulls it: the older, returned case is listed first, with the reason.
    await listShowing(page, 'returned', id);
    expect(await cardHrefs(page)).toEqual([`/cases/${id}`, `/cases/${newer}`]);
    const card = page.locator(`a[href="/cases/${id}"] [data-testid="case-squad"]`);
    expect(await card.textContent()).toContain('事故中队退回补充');
    expect(await card.textContent()).toContain('原因：请补拍车辆A号牌，号牌须清晰');
    expect(await card.textContent()).toContain('需要补充：车辆 A 号牌');

    // Offline, the officer reads the reason on the case and takes the photo.
    await context.setOffline(true);
    await page.locator(`a[href="/cases/${id}"]`).click();
    const notice = page.getByTestId('returned-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('需要补充：请补拍车辆A号牌，号牌须清晰');
    const item = notice.locator(`li[data-key="${slot}"]`);
    expect(await item.getAttribute('data-done')).toBe('false');
    await notice.getByRole('link', { name: '去补拍：车辆 A 号牌' }).click();
    await page.getByTestId('evidence-progress').waitFor();
    await pickPhoto(page, slot, await makeJpeg(page, 1200, 900, '补拍 号牌'));
    const plate = (await storedPhotos(page)).find((p) => p.slot === slot);
    expect(plate?.intact).toBe(true);
    await page.goto(`/cases/${id}`);
    await item.and(page.locator('[data-done="true"]')).waitFor();
    await page.getByTestId('missing-progress').getByText('要求补充的项目均已补充').waitFor();

    // One button resubmits; the case is no longer waiting for the officer.
    await page.goto(`/cases/${id}`);
    await page.getByRole('button', { name: '重新提交给事故中队' }).click();
    await page.getByTestId('case-state').getByText('已提交').waitFor();
    await page.getByTestId('resubmitted-notice').waitFor();
    expect(await notice.count()).toBe(0);
    await page.goto('/');
    await page.locator(`a[href="/cases/${id}"] [data-standing="resubmitted"]`).waitFor();
    expect(await cardHrefs(page)).toEqual([`/cases/${newer}`, `/cases/${id}`]);

    // Back online: the server holds version 2, with the added photo.
    await context.setOffline(false);
    await sendNow(page);
    await waitForStatus(page, id, 'sent');
    const held = await serverCase(world.server.url, id);
    expect(held).toMatchObject({ status: 200, version: 2, complete: true });
    expect(held.photos).toContain(plate?.sha256);

    // The reviewer sees version 2 with the photo added, and approves.
    await openFromQueue(desk.page, id);
    const history = await historyText(desk.page);
    expect(history).toContain('第 2 版');
    expect(history).toContain('新增照片：车辆 A 号牌');
    expect(history).toContain('需要补充：车辆 A 号牌');
    await approve(desk.page);
    await desk.page.getByTestId('case-state').getByText('已审核').waitFor();
    expect(await caseState(desk.page)).toBe('已审核');
    await desk.context.close();

    // The phone says so on the list and on the case.
    await listShowing(page, 'approved', id);
    expect(
      await page.locator(`a[href="/cases/${id}"] [data-testid="case-squad"]`).textContent(),
    ).toContain('事故中队已审核通过');
    await page.goto(`/cases/${id}`);
    await page.getByTestId('approved-notice').waitFor();
    await context.close();
    expect(readServer(world.server).problems).toEqual([]);
  });
});
