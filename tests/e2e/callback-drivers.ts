/**
 * The insurers' call-back target as the police drive it: the admin saving a
 * brigade's target (and its five-fast targets) on `/admin/brigades`, and the reviewer reading the
 * overdue packets on `/review/overdue` (reached from the queue) — the words
 * each card says and whether it is drawn in the error colour.
 */
import { DEMO_BRIGADE } from '../../server/demo';
import type { Page } from 'playwright-core';

/**
 * The admin types `minutes` as the demo brigade's call-back target
 * and saves; answers what the screen then says: the saved status, or the
 * field's message.
 */
export async function saveCallbackTarget(page: Page, minutes: string): Promise<string> {
  if (new URL(page.url()).pathname !== '/admin/brigades') {
    await page.goto('/admin');
    await page.getByRole('link', { name: '大队设置' }).click();
  }
  const form = page
    .getByTestId('brigade-form')
    .filter({ has: page.getByRole('heading', { name: DEMO_BRIGADE, exact: true }) });
  await form.getByLabel('回访时限（分钟）').fill(minutes);
  await form.getByRole('button', { name: /^保存/ }).click();
  const said = form
    .getByTestId('brigade-saved')
    .getByText(`已保存：回访时限 ${minutes} 分钟。`)
    .or(form.locator('[id$="-minutes-msg"]').getByText('回访时限'));
  await said.waitFor();
  return said.innerText();
}

/**
 * The admin types the demo brigade's five-fast targets given, in
 * minutes by the fields' labels' fast ('取证快', '定责快', …), and saves them;
 * answers what the screen then says: the saved status, or the first
 * field's message.
 */
export async function saveFiveFastTargets(
  page: Page,
  targets: Readonly<Record<string, string>>,
): Promise<string> {
  if (new URL(page.url()).pathname !== '/admin/brigades') {
    await page.goto('/admin');
    await page.getByRole('link', { name: '大队设置' }).click();
  }
  const form = page
    .getByTestId('targets-form')
    .filter({ has: page.getByRole('heading', { name: `${DEMO_BRIGADE}的“五快”时限目标` }) });
  for (const [fast, minutes] of Object.entries(targets)) {
    await form.getByLabel(`${fast}目标（分钟）`).fill(minutes);
  }
  await form.getByRole('button', { name: /^保存时限目标/ }).click();
  const said = form
    .getByTestId('targets-saved')
    .getByText(/^已保存.*的“五快”时限目标。$/)
    .or(form.locator('.field-error').first());
  await said.waitFor();
  return said.innerText();
}

export interface OverdueCard {
  text: string;
  /** The lateness in words ("⚠ 超时 3 分钟"). */
  late: string;
  /** The lateness is drawn in the theme's error colours, the card edged with them. */
  red: boolean;
}

/** The reviewer opens the overdue packets from the queue and reads the card of `caseNumber`. */
export async function overdueCardOf(page: Page, caseNumber: string): Promise<OverdueCard> {
  await page.goto('/review');
  await page.getByRole('link', { name: '回访超时的理赔资料' }).click();
  await page.getByRole('heading', { level: 1, name: '回访超时' }).waitFor();
  const card = page.getByTestId('overdue-claim').filter({ hasText: caseNumber });
  await card.waitFor();
  const red = await card.evaluate((el) => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--error-fg)';
    probe.style.backgroundColor = 'var(--error-bg)';
    probe.style.borderColor = 'var(--error)';
    document.body.append(probe);
    const want = getComputedStyle(probe);
    const late = getComputedStyle(el.querySelector('[data-testid="overdue-late"]')!);
    const ok =
      late.color === want.color &&
      late.backgroundColor === want.backgroundColor &&
      getComputedStyle(el).borderInlineStartColor === want.borderTopColor;
    probe.remove();
    return ok;
  });
  return {
    text: await card.innerText(),
    late: await card.getByTestId('overdue-late').innerText(),
    red,
  };
}
