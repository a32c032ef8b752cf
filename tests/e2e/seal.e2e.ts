/**
 * What the parties signed is sealed. A signed case is sent, the accident
 * squad returns it with a reason: the officer sees the reason, the signed
 * vehicles and parties stay read-only, and a correction goes through an
 * amendment (reason, the old determination and signatures kept, new notices
 * and new signatures), which the server accepts flagged for review.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserWorld } from './harness';
import {
  answerRearEnd,
  clearedRearEndCase,
  DRIVER_A,
  DRIVER_B,
  partyGroup,
  propose,
  readNoticesOut,
  sha256,
  signAs,
  signBoth,
} from './liability-drivers';
import { waitForStatus } from './outbox';
import { signInOnPhone } from './phone';
import { storedCase } from './phone-db';
import { login } from './server';
import { vehicleCard, field, waitForSaved } from './drivers';
import { determinationBytes } from '../../src/domain';

const world = useBrowserWorld({ demo: true });

/** The server's stored receipt of a case, as its officer reads it. */
async function serverReceipt(id: string): Promise<{ manifestVersion: number; flags: string[] }> {
  const res = await fetch(`${world.server.url}/api/cases/${id}`, {
    headers: { authorization: `Bearer ${await login(world.server.url)}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { receipt: { manifestVersion: number; flags: string[] } }).receipt;
}

describe('the signed determination is sealed', () => {
  it('a returned case shows the squad’s reason, keeps signed content read-only, and is corrected only by an amendment with new signatures', async () => {
    const { context, page, id } = await clearedRearEndCase(world, '封存路 K1');
    await answerRearEnd(page, id);
    await propose(page);
    await readNoticesOut(page);

    // The first signature seals the content, before the second party signs.
    await signAs(page, partyGroup(page, DRIVER_A.name, 'A'), 'A');
    await page.goto(`/cases/${id}/parties`);
    await page.getByTestId('seal-notice').waitFor();
    expect(await field(vehicleCard(page, 'A'), '号牌号码').isDisabled()).toBe(true);
    await page.goto(`/cases/${id}/notices`);
    await signAs(page, partyGroup(page, DRIVER_B.name, 'B'), 'B');
    const signed = await storedCase(page, id);
    const firstHash = sha256(determinationBytes(signed));

    // Sent, then returned by the accident squad with what to add.
    await context.setOffline(false);
    await signInOnPhone(page);
    await waitForStatus(page, id, 'sent');
    const back = await fetch(`${world.server.url}/api/cases/${id}/actions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await login(world.server.url, 'demo-reviewer')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ action: 'return', note: '请补拍车辆B右后方' }),
    });
    expect(back.status).toBe(200);
    await page.goto(`/cases/${id}`);
    const returned = page.getByTestId('returned-notice');
    await returned.waitFor({ timeout: 60_000 });
    expect(await returned.textContent()).toContain('需要补充：请补拍车辆B右后方');

    // Returned, the signed fields stay read-only; the notes do not.
    expect(await page.getByLabel('地点描述', { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByLabel('情况说明', { exact: true }).isDisabled()).toBe(false);
    await page.goto(`/cases/${id}/parties`);
    await page.getByTestId('seal-notice').waitFor();
    expect(await field(vehicleCard(page, 'A'), '号牌号码').isDisabled()).toBe(true);

    // The correction: a reason is required; the old determination is kept.
    await page.getByTestId('seal-notice').getByRole('link', { name: '去更正认定' }).click();
    await page.getByRole('button', { name: '发起更正' }).click();
    await page.getByRole('alert').getByText('请写明更正原因。').waitFor();
    await page.getByLabel('更正原因（必填）').fill('车辆A号牌录入错误');
    await page.getByRole('button', { name: '发起更正' }).click();
    await page.getByTestId('amendment-in-progress').waitFor();
    await page.getByRole('link', { name: '修改车辆与当事人' }).click();
    const plate = field(vehicleCard(page, 'A'), '号牌号码');
    await plate.fill('川A54321');
    await waitForSaved(page);

    await page.goto(`/cases/${id}/notices`);
    await page.getByRole('button', { name: '已宣读告知，开始签字' }).click();
    await page.getByTestId('notices-read').waitFor();
    await signBoth(page);

    const amended = await storedCase(page, id);
    expect(amended.vehicles.find((v) => v.label === 'A')?.plate).toBe('川A54321');
    const [amendment] = amended.liability?.amendments ?? [];
    expect(amendment?.reason).toBe('车辆A号牌录入错误');
    expect(amendment?.supersededSha256).toBe(firstHash);
    expect(amendment?.signatures.map((s) => s.contentSha256)).toEqual([firstHash, firstHash]);
    const newHash = sha256(determinationBytes(amended));
    expect(newHash).not.toBe(firstHash);
    expect(amended.liability?.signatures.map((s) => s.contentSha256)).toEqual([newHash, newHash]);

    // The document names the determination it corrects, and why.
    await page.goto(`/cases/${id}/document`);
    const superseded = page.getByTestId('doc-superseded');
    await superseded.waitFor();
    expect(await superseded.textContent()).toContain('车辆A号牌录入错误');
    expect(await superseded.textContent()).toContain(firstHash);
    expect(await page.getByTestId('doc-hash').textContent()).toBe(newHash);

    // The server holds the amended version, flagged for the accident squad.
    await page.goto('/outbox');
    await waitForStatus(page, id, 'sent');
    const receipt = await serverReceipt(id);
    expect(receipt.manifestVersion).toBeGreaterThan(1);
    expect(receipt.flags).toContain('amended');
    await context.close();
  });
});
