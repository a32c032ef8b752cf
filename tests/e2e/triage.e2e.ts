/** Triage decides, offline, whether the case may be handled quickly — and says why not. */
import { describe, expect, it } from 'vitest';
import { useBrowserWorld } from './harness';
import { createCase } from './drivers';
import { answerTriage, passTriage } from './scene-drivers';

const world = useBrowserWorld();

describe('triage', () => {
  it('escalates an injury, naming the rule and its legal basis, and keeps the case', async () => {
    const { context, page } = await world.openPhone({ offline: true });
    const id = await createCase(page, 'G213 国道 K88');
    await page.goto(`/cases/${id}/triage`);
    await answerTriage(page, 'E02-injury', true);

    const outcome = page.getByTestId('triage-outcome');
    await outcome.getByText('触发移交').first().waitFor();
    const text = await outcome.textContent();
    expect(text).toContain('道路交通事故处理程序规定');
    expect(text).toMatch(/第\d+条/);
    expect(await outcome.locator('[data-rule="E02-injury"]').count()).toBe(1);

    await outcome.getByRole('button', { name: '确认移交事故中队' }).click();
    await page.waitForURL(new RegExp(`/cases/${id}$`));
    await page.reload();
    expect(await page.getByTestId('case-state').textContent()).toBe('已移交事故中队');
    await context.close();
  });

  it('lets a case through when nothing fires, keeping every answer with its time', async () => {
    const { context, page } = await world.openPhone({ offline: true });
    const id = await createCase(page, 'S211 省道');
    await passTriage(page, id);
    expect(await page.getByTestId('case-state').textContent()).toBe('已分流');
    const history = await page.evaluate(async (caseId) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('kuaichu');
        req.onsuccess = () => resolve(req.result);
      });
      const row = await new Promise<{ triage: { history: unknown[] } }>((resolve) => {
        const req = db.transaction('cases').objectStore('cases').get(caseId);
        req.onsuccess = () => resolve(req.result as never);
      });
      db.close();
      return row.triage.history.length;
    }, id);
    expect(history).toBe(18);
    await context.close();
  });
});
