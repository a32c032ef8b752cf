/**
 * RELIABILITY.md D8 on a shared patrol phone: an officer signs out with an
 * unsent case (warned, nothing deleted); a colleague signing in on the same
 * phone neither sees nor sends it, and his own case goes under his session;
 * the first officer signs in again and his case is delivered. Ends with the
 * invariant check.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserWorld } from './harness';
import { checkInvariants } from './invariants';
import { phoneStatuses, waitAllSent } from './outbox';
import { signInOnPhone } from './phone';
import { storedOutbox } from './phone-db';
import { quickCase } from './scene-drivers';
import { serverCase } from './server';

const world = useBrowserWorld({ demo: true });

async function signOutOnPhone(page: Page, expectWarning: boolean): Promise<void> {
  await page.goto('/outbox');
  await page.getByRole('button', { name: '退出登录' }).click();
  const warning = page.getByRole('alertdialog');
  if (expectWarning) {
    await expect.poll(() => warning.textContent()).toContain('1 个案件未发送');
    await warning.getByRole('button', { name: '确定退出' }).click();
  }
  // Signed out: the session panel offers signing in again.
  await page.getByRole('link', { name: '登录以发送' }).waitFor();
}

describe('a patrol phone shared between officers', () => {
  it('keeps an officer’s unsent case from his colleague, and sends it when he signs in again', async () => {
    // Officer 1 signs in, captures a case offline and signs out at the end of his shift.
    const { context, page } = await world.openPhone({ signIn: 'demo-officer', offline: true });
    const first = await quickCase(page, world.server.url, '共用手机 一号民警', 2);
    // The link returns for the sign-out, but the server takes no case until he
    // has signed out: otherwise a send already on its way may land first (as it
    // would, rightly, under his own session), and there is no unsent case to test.
    const casePut = /\/api\/cases\/[0-9a-f-]{36}$/;
    await context.route(casePut, (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'unavailable', message: 'try later' } }),
          })
        : route.fallback(),
    );
    await context.setOffline(false);
    await signOutOnPhone(page, true);
    await context.unroute(casePut);
    expect((await phoneStatuses(page)).get(first)).toBe('unsent');

    // Officer 2 signs in on the same phone: the case is neither shown nor sent.
    await signInOnPhone(page, 'demo-officer2');
    await expect
      .poll(() => page.getByTestId('other-officers').textContent())
      .toContain('1 起其他民警（张伟）');
    expect(await page.locator(`li[data-case="${first}"]`).count()).toBe(0);
    await page.goto('/');
    await page.getByRole('heading', { name: '案件' }).waitFor();
    await expect.poll(() => page.getByTestId('other-officers').count()).toBe(1);
    expect(await page.getByText('共用手机 一号民警').count()).toBe(0);
    await page.goto(`/cases/${first}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('张伟');

    // His own case goes under his session; the colleague's stays on the phone.
    const second = await quickCase(page, world.server.url, '共用手机 二号民警', 1);
    await page.goto('/outbox');
    await waitAllSent(page, [second]);
    expect((await serverCase(world.server.url, first)).status).toBe(404);
    expect((await phoneStatuses(page)).get(first)).toBe('unsent');
    const kept = (await storedOutbox(page)).filter((e) => e.caseId === first).map((e) => e.status);
    // Waiting, not failed: nothing of it went to the server under the wrong officer.
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(kept.map(() => 'pending'));

    // Officer 1 back on his phone: his case is delivered.
    await signOutOnPhone(page, false);
    await signInOnPhone(page, 'demo-officer');
    await page.locator(`li[data-case="${first}"]`).waitFor();
    await waitAllSent(page, [first, second]);
    expect(await serverCase(world.server.url, first)).toMatchObject({
      status: 200,
      complete: true,
    });
    await checkInvariants(page, world.server);
    await context.close();
  });
});
