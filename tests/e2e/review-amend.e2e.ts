/**
 * The accident squad amends the liability of a signed case and the officer's
 * phone takes it: the case is signed and sent; the reviewer amends it (A
 * primary, B secondary instead of B full) with a reason; the phone pulls it,
 * lists the case first as 事故中队改判 and shows the squad's determination
 * with its reason; offline, the officer adopts it with one button, reads the
 * notices and both parties sign again; the liability screen shows the squad's
 * determination in force; the document lists the superseded determination;
 * online again, the server holds the next version flagged `amended`, the
 * history lists every version and the squad's amendment, and the audit chain
 * verifies.
 */
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { useBrowserWorld } from './harness';
import {
  answerRearEnd,
  clearedRearEndCase,
  propose,
  readNoticesOut,
  sha256,
  signBoth,
} from './liability-drivers';
import { sendNow, waitForStatus } from './outbox';
import { signInOnPhone } from './phone';
import { storedCase } from './phone-db';
import { login, readServer } from './server';
import { determinationBytes, effectiveLiability } from '../../src/domain';
import type { CaseHistory } from '../../src/contracts/review';

const world = useBrowserWorld({ demo: true });
const REASON = '复核路口监控：A车未保持安全距离，负主要责任';

/** A GET of the server's API as the demo reviewer. */
async function asReviewer<T>(path: string): Promise<T> {
  const res = await fetch(`${world.server.url}${path}`, {
    headers: { authorization: `Bearer ${await login(world.server.url, 'demo-reviewer')}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('the squad’s amended liability on the officer’s phone', () => {
  it('is shown with its reason, adopted offline, signed again and sent as the next version flagged amended', async () => {
    const { context, page, id } = await clearedRearEndCase(world, '改判路 K1');
    await answerRearEnd(page, id);
    await propose(page);
    await readNoticesOut(page);
    await signBoth(page);
    const signed = await storedCase(page, id);
    expect(effectiveLiability(signed)).toEqual({ A: 'none', B: 'full' });
    const firstHash = sha256(determinationBytes(signed));

    // Sent as version 1.
    await context.setOffline(false);
    await signInOnPhone(page);
    await waitForStatus(page, id, 'sent');

    // The accident squad amends the liability, with its reason.
    const amend = await fetch(`${world.server.url}/api/cases/${id}/actions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await login(world.server.url, 'demo-reviewer')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        action: 'amend',
        note: REASON,
        amendment: { liability: { A: 'primary', B: 'secondary' } },
      }),
    });
    expect(amend.status).toBe(200);

    // The phone pulls it: first on the list, with the reason.
    await page.goto('/');
    const card = page.locator(`a[href="/cases/${id}"] [data-standing="amended"]`);
    await card.waitFor({ timeout: 60_000 });
    expect(await card.textContent()).toContain('事故中队改判');
    expect(await card.textContent()).toContain(`原因：${REASON}`);

    // Offline, the case screen shows the squad's determination; one button adopts it.
    await context.setOffline(true);
    await page.locator(`a[href="/cases/${id}"]`).click();
    const notice = page.getByTestId('amended-notice');
    await notice.waitFor();
    const words = await notice.textContent();
    expect(words).toContain(`改判原因：${REASON}`);
    expect(words).toContain('车辆 A（川A12345）：主要责任');
    expect(words).toContain('车辆 B（川B67890）：次要责任');
    expect(words).toContain('重新签名');
    await expectNoAxeViolations(page, 'the case screen with the squad’s amendment');
    await notice.getByRole('button', { name: '采用中队改判，重新告知当事人' }).click();
    await page.waitForURL(`**/cases/${id}/notices`);
    const script = page.getByTestId('notice-script');
    await script.waitFor();
    expect(await script.textContent()).toContain('主要责任');
    expect(await script.textContent()).toContain(REASON);

    // Adopted once: the case screen says so and offers it no more.
    await page.goto(`/cases/${id}`);
    await page.getByTestId('amendment-applied').waitFor();
    expect(await page.getByRole('button', { name: '采用中队改判，重新告知当事人' }).count()).toBe(
      0,
    );

    // The liability screen shows the squad's determination in force, no re-run offered.
    await page.goto(`/cases/${id}/liability`);
    await page.getByTestId('squad-in-force').waitFor();
    expect(await page.getByTestId('squad-in-force-levels').textContent()).toBe(
      'A 主要责任，B 次要责任',
    );
    expect(await page.getByRole('button', { name: /拟定责任/ }).count()).toBe(0);
    await expectNoAxeViolations(page, 'the liability screen with the squad’s determination');

    // The notices are read again and both parties sign the squad's determination.
    await page.goto(`/cases/${id}/notices`);
    await page.getByTestId('amendment-in-progress').waitFor();
    await readNoticesOut(page);
    await signBoth(page);
    const amended = await storedCase(page, id);
    expect(effectiveLiability(amended)).toEqual({ A: 'primary', B: 'secondary' });
    const [superseded] = amended.liability?.amendments ?? [];
    expect(superseded?.reason).toBe(REASON);
    expect(superseded?.supersededSha256).toBe(firstHash);
    const newHash = sha256(determinationBytes(amended));
    expect(amended.liability?.signatures.map((s) => s.contentSha256)).toEqual([newHash, newHash]);

    // The determination names the one it supersedes, and why.
    await page.goto(`/cases/${id}/document`);
    const old = page.getByTestId('doc-superseded');
    await old.waitFor();
    expect(await old.textContent()).toContain(REASON);
    expect(await old.textContent()).toContain(firstHash);
    expect(await page.getByTestId('doc-hash').textContent()).toBe(newHash);

    // Online again: the next version reaches the server, flagged amended.
    await context.setOffline(false);
    await sendNow(page);
    await waitForStatus(page, id, 'sent');
    const held = await asReviewer<{ receipt: { manifestVersion: number; flags: string[] } }>(
      `/api/cases/${id}`,
    );
    expect(held.receipt.manifestVersion).toBe(2);
    expect(held.receipt.flags).toContain('amended');
    const history = await asReviewer<CaseHistory>(`/api/cases/${id}/history`);
    expect(history.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(history.versions[1]?.flags).toContain('amended');
    const action = history.actions.find((a) => a.kind === 'amended');
    expect(action?.amendment).toMatchObject({
      liability: { A: 'primary', B: 'secondary' },
      reason: REASON,
    });
    await context.close();
    expect(readServer(world.server).problems).toEqual([]);
  });
});
