/** Drivers for the liability steps: the questions, the proposal, the notices, signing. */
import type { Locator, Page } from 'playwright-core';
import { CaseRecord } from '../../src/domain';

/** The case as stored in the page's IndexedDB, parsed with the domain schema. */
export async function storedCase(page: Page, id: string): Promise<CaseRecord> {
  const row = await page.evaluate(async (caseId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kuaichu');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const value = await new Promise<unknown>((resolve, reject) => {
      const req = db.transaction('cases').objectStore('cases').get(caseId);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return value;
  }, id);
  return CaseRecord.parse(row);
}

/** The radio `option` in the group whose legend is `question`. */
export function choice(page: Page, question: string, option: string): Locator {
  return page
    .getByRole('group', { name: question, exact: true })
    .getByRole('radio', { name: option, exact: true });
}

/** Answers the liability questions (on the screen already open) for "B ran into the back of A, which was slowing". */
export async function answerRearEndHere(page: Page): Promise<void> {
  await page.getByRole('heading', { name: '责任认定' }).waitFor();
  await choice(page, '事故发生在什么地方？', '路段').check();
  await choice(page, '车辆 A 当时在做什么？', '减速').check();
  await choice(page, '车辆 B 当时在做什么？', '直行').check();
  // Suggested already when the damage says it (A's rear, B's front): left as it is.
  const impact = choice(page, '第 1 次碰撞', 'B 撞 A');
  if (!(await impact.isChecked())) await impact.check();
  // The engine asks only what it still needs: were they in the same lane?
  // (Answered, the question gives way to the proposal.)
  await choice(page, '两车是否同车道同向行驶？', '是').click();
  await page.getByTestId('liability-outcome').getByTestId('proposal-levels').waitFor();
}

/** Opens the liability screen and answers for the rear-end (see {@link answerRearEndHere}). */
export async function answerRearEnd(page: Page, id: string): Promise<void> {
  await page.goto(`/cases/${id}/liability`);
  await answerRearEndHere(page);
}

/** Proposes the liability shown: it is stored and the notices screen opens. */
export async function propose(page: Page): Promise<void> {
  await page.getByRole('button', { name: '确认拟定责任' }).click();
  await page.getByRole('heading', { name: '告知与签字' }).waitFor();
}

/** From the notices screen back to the stored proposal (to change it); returns it. */
export async function backToProposal(page: Page): Promise<Locator> {
  await page.getByRole('link', { name: '返回责任认定（改定责任）' }).click();
  const stored = page.getByTestId('stored-proposal');
  await stored.waitFor();
  return stored;
}

/** On to the notices screen if not there yet, and reads the notices out. */
export async function readNoticesOut(page: Page): Promise<void> {
  const heading = page.getByRole('heading', { name: '告知与签字' });
  if (!(await heading.isVisible())) {
    await page.getByRole('link', { name: '下一步：告知与签字' }).click();
    await heading.waitFor();
  }
  await page.getByRole('button', { name: '已宣读告知，开始签字' }).click();
  await page.getByTestId('notices-read').waitFor();
}

/** Draws a squiggle on the party's signature pad with the mouse and confirms it. */
export async function signAs(page: Page, party: Locator, label: string): Promise<void> {
  const canvas = party.locator('canvas');
  await party.getByText('正在加载签名板…').waitFor({ state: 'detached' });
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the signature pad is not on screen');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 20, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) {
    await page.mouse.move(box.x + 20 + i * 25, y + (i % 2 === 0 ? -30 : 30), { steps: 4 });
  }
  await page.mouse.up();
  await party.getByRole('button', { name: '确认签名' }).click();
  await page.getByTestId(`signed-${label}`).waitFor();
}

/** The signing part of party `name`, driver of vehicle `label`. */
export function partyGroup(page: Page, name: string, label: string): Locator {
  return page.getByRole('group', { name: `当事人 ${name}（车辆 ${label}）`, exact: true });
}
