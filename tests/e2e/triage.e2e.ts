/**
 * Triage decides, offline, whether the case may be handled quickly — in one
 * confirmation when nothing applies, and says why not beside the question
 * that fired.
 */
import { describe, expect, it } from 'vitest';
import { TRIAGE_RULES } from '../../src/domain';
import { useBrowserWorld } from './harness';
import { storedCase } from './phone-db';
import { answerTriage, confirmAllNormal } from './scene-drivers';
import { createCase } from './drivers';

const world = useBrowserWorld();

describe('triage', () => {
  it('escalates an injury with the rule, its legal basis and what to do beside the question, and keeps the case', async () => {
    const { context, page } = await world.openPhone({ offline: true });
    const id = await createCase(page, 'G213 国道 K88');
    await page.goto(`/cases/${id}/triage`);
    // "是" is always the risky answer: a party still present is "否" to "left the scene?".
    await answerTriage(page, 'E09-party-left-scene', false);
    const leftScene = page.locator('li[data-rule-item="E09-party-left-scene"]');
    expect(await leftScene.locator('[data-rule]').count()).toBe(0);
    await answerTriage(page, 'E02-injury', true);

    const injury = page.locator('li[data-rule-item="E02-injury"]');
    const why = injury.locator('[data-rule="E02-injury"]');
    await why.getByText('触发移交').waitFor();
    const text = (await why.textContent()) ?? '';
    expect(text).toContain('道路交通事故处理程序规定');
    expect(text).toMatch(/第\d+条/);
    expect(text).toContain('现场处置');
    // The explanation is inside the question's own item, right after its answers.
    expect(
      await injury.getByRole('group', { name: '是否有人受伤、自述疼痛或要求就医？' }).count(),
    ).toBe(1);
    // Nothing is "all normal" any more.
    expect(await page.getByRole('button', { name: '均无以上情形' }).count()).toBe(0);

    const outcome = page.getByTestId('triage-outcome');
    await outcome.getByRole('button', { name: '确认移交事故中队' }).click();
    await page.waitForURL(new RegExp(`/cases/${id}$`));
    await page.reload();
    expect(await page.getByTestId('case-state').textContent()).toBe('已移交事故中队');
    const c = await storedCase(page, id);
    expect(c.transitions.at(-1)?.reason).toBe('E02-injury');
    await context.close();
  });

  it('"均无以上情形" records each of the 18 rules as answered, with its time, and moves on', async () => {
    const { context, page } = await world.openPhone({ offline: true });
    const id = await createCase(page, 'S211 省道');
    await page.goto(`/cases/${id}/triage`);
    await page.getByTestId('triage-progress').getByText('已回答 0 / 18').waitFor();
    // One situation asked about on its own first: its answer is kept as given.
    await answerTriage(page, 'E04-alcohol-or-drugs', false);
    await confirmAllNormal(page, id);

    const c = await storedCase(page, id);
    expect(c.state).toBe('triaged');
    const history = c.triage?.history ?? [];
    expect(history.map((e) => e.ruleId).sort()).toEqual(TRIAGE_RULES.rules.map((r) => r.id).sort());
    expect(history.every((e) => e.answer === false)).toBe(true);
    expect(history.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    const asked = history.find((e) => e.ruleId === 'E04-alcohol-or-drugs');
    const confirmed = history.filter((e) => e.ruleId !== 'E04-alcohol-or-drugs');
    expect(new Set(confirmed.map((e) => e.at)).size).toBe(1);
    expect(Date.parse(asked?.at ?? '')).toBeLessThanOrEqual(Date.parse(confirmed[0]?.at ?? ''));
    expect(c.triage?.rulesVersion).toBe(TRIAGE_RULES.version);

    // Back on triage: all answered, and the way on is there.
    await page.goto(`/cases/${id}/triage`);
    await page.getByTestId('triage-progress').getByText('已回答 18 / 18').waitFor();
    await page.getByRole('link', { name: '下一步：当事人与车辆' }).waitFor();
    await context.close();
  });
});
