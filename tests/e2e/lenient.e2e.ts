/**
 * The warning instead of a fine (首违警告) in the browser: the demo admin
 * saves the brigade's list (region 川A 川G; a malformed prefix refused on its
 * field first); an officer signs in with signal — the phone keeps the list,
 * version 2 — and with none handles a rear-end case in
 * which B (川B…, an out-of-town plate) ran into A: on the notices screen the
 * finding's violation (同车道未保持安全距离) is suggested for B with its basis;
 * a decline without a reason is refused on its field; the officer records a
 * second listed violation for B himself and declines it with a reason,
 * confirms the warning for the first; after the signatures both are shown
 * sealed. The stored case holds both decisions with the list's version; online
 * again, the server holds them and the dashboard lists the case among its
 * officer's warnings.
 */
import { DEMO_BRIGADE } from '../../server/demo';
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src/contracts/cases';
import type { DashboardCasesPage } from '../../src/contracts/dashboard';
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
import { storedCase } from './phone-db';
import { layoutProblems, openApp, signInAs } from './phone';
import { login } from './server';

// Its own server: the admin saves the list.
const world = useBrowserWorld({ demo: true, ownServer: true });

const FOLLOWING = '同车道行驶未与前车保持足以采取紧急制动措施的安全距离';
const LICENCE = '驾驶机动车未随身携带机动车驾驶证';
const DECLINE = '驾驶人出示电子驾驶证，不属未携带';

/** The demo admin opens the brigade's list, is refused a malformed prefix on its field, saves version 2. */
async function saveRegion(): Promise<void> {
  const deskContext = await world.newPhone();
  const desk = await openApp(deskContext);
  expect(await signInAs(desk, 'demo-admin')).toEqual({ path: '/admin' });
  await desk.goto('/admin/brigades');
  await desk
    .getByRole('link', { name: `${DEMO_BRIGADE}的首违警告清单` })
    .first()
    .click();
  await desk.getByRole('heading', { level: 1, name: '首违警告清单' }).waitFor();
  await desk.getByText('现用：第 1 版。').waitFor();
  await desk.getByLabel('本辖区号牌前缀').fill('A川');
  await desk.getByRole('button', { name: '保存清单' }).click();
  await desk.getByText('“本辖区号牌前缀”的格式不对。').waitFor();
  await expectNoAxeViolations(desk, 'warning list, a field refused');
  await desk.getByLabel('本辖区号牌前缀').fill('川A，川G');
  await desk.getByRole('button', { name: '保存清单' }).click();
  await desk.getByTestId('lenient-saved').getByText('已保存为第 2 版。').waitFor();
  expect(await layoutProblems(desk)).toEqual({ width: 360, small: [] });
  await deskContext.close();
}

/** A GET of the server's API as a demo user. */
async function asUser<T>(username: string, path: string): Promise<T> {
  const res = await fetch(`${world.server.url}${path}`, {
    headers: { authorization: `Bearer ${await login(world.server.url, username)}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('the warning instead of a fine', () => {
  it('is suggested offline for an out-of-town driver’s listed violation, and the officer’s choice is recorded and reaches the server', async () => {
    await saveRegion();
    // Signed in with signal (the field pack is fetched), then no signal.
    const { context, page, id } = await clearedRearEndCase(world, '首违路 K2', true);
    await answerRearEnd(page, id);
    await propose(page);

    const section = page.getByTestId('lenient');
    const following = section.getByRole('article', { name: FOLLOWING });
    await following.waitFor();
    await following.getByText('《中华人民共和国道路交通安全法》第43条').waitFor();
    await following.getByText('驾驶人 李娜（车辆 B，川B67890）').waitFor();
    await following.getByText('由责任认定查明').waitFor();
    await expectNoAxeViolations(page, 'notices, warning suggested');

    // A decline needs its reason, said on the field.
    await following.getByRole('button', { name: '不适用（说明理由）' }).click();
    await following.getByRole('button', { name: '记录不适用' }).click();
    await following.getByText('请写明不适用的理由。').waitFor();

    // The officer records another listed violation for B, and declines it with a reason.
    await section.getByText('记录清单内其他违法行为').click();
    await section.getByLabel('驾驶人', { exact: true }).selectOption({ label: '李娜（B）' });
    await section.getByLabel('违法行为', { exact: true }).selectOption({ label: LICENCE });
    await section.getByRole('button', { name: '提出首违警告建议' }).click();
    const licence = section.getByRole('article', { name: LICENCE });
    await licence.getByText('民警记录').waitFor();
    await licence.getByRole('button', { name: '不适用（说明理由）' }).click();
    await licence.getByLabel('不适用的理由（必填）').fill(DECLINE);
    await licence.getByRole('button', { name: '记录不适用' }).click();
    await licence.getByRole('status').getByText(DECLINE, { exact: false }).waitFor();

    // The finding's violation: the warning confirmed.
    await following.getByRole('button', { name: '确认首违警告' }).click();
    await following.getByRole('status').getByText('已确认首违警告', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'notices, warning decided');
    // At 360 px: nothing wider than the screen, no control under 48 px.
    await section.getByText('记录清单内其他违法行为').click();
    expect(await layoutProblems(page)).toEqual({ width: 360, small: [] });

    await readNoticesOut(page);
    await signBoth(page);
    await page.getByTestId('all-signed').waitFor();
    await section.getByText('已有当事人签字，首违警告决定随认定封存', { exact: false }).waitFor();
    expect(await section.getByRole('button').count()).toBe(0);

    const stored = await storedCase(page, id);
    const b = stored.parties.find((p) => p.name === '李娜')!;
    expect(
      stored.liability?.lenient?.map((d) => [d.partyId, d.itemId, d.source, d.decision]),
    ).toEqual([
      [b.id, 'driving-licence-not-carried', 'officer', 'declined'],
      [b.id, 'following-distance', 'finding', 'warning'],
    ]);
    expect(stored.liability?.lenient?.every((d) => d.listVersion === 2)).toBe(true);
    expect(stored.liability?.lenient?.[0]?.reason).toBe(DECLINE);

    // Online again: the server holds the decisions and counts the warning.
    await context.setOffline(false);
    await sendNow(page);
    await waitForStatus(page, id, 'sent');
    const held = await asUser<CaseDetail>('demo-reviewer', `/api/cases/${id}`);
    expect(held.case.liability?.lenient).toEqual(stored.liability?.lenient);
    const officer = stored.officer!.id;
    const warnings = await asUser<DashboardCasesPage>(
      'demo-reviewer',
      `/api/dashboard/cases?groupBy=officer&group=${officer}&interval=warnings&pageSize=100`,
    );
    expect(warnings.items.map((i) => i.id)).toContain(id);
    await context.close();
  });
});
