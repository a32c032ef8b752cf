/**
 * Drivers of the liability screens for the browser tests: a cleared
 * rear-end case made through the screens, the questions answered, the
 * proposal, the notices read out, signatures drawn with the mouse.
 */
import { createHash } from 'node:crypto';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { BrowserWorld } from './harness';
import { sendNow } from './outbox';
import { confirmAllNormal, confirmSceneCleared, takeEveryRequiredShot } from './scene-drivers';
import {
  addFixedObjectCard,
  addVehicleWithDriver,
  nextStep,
  startCase,
  waitForSaved,
} from './drivers';

export const DRIVER_A = { name: '赵敏', idNumber: '11010519491231002X', phone: '13800138000' };
export const DRIVER_B = { name: '李娜', idNumber: '110105194912310038', phone: '13900139000' };

/**
 * A two-vehicle case with both drivers, triaged, every photo taken and the
 * scene cleared — all through the screens, from one to the next as the
 * officer taps on, with the network off. `insurers` names each driver's
 * compulsory insurer (A's, B's) as the officer types it.
 */
export async function clearedRearEndCase(
  world: BrowserWorld,
  address: string,
  signIn = false,
  insurers: { A?: string; B?: string } = {},
): Promise<{ context: BrowserContext; page: Page; id: string }> {
  const { context, page } = await world.openPhone({ offline: true, signIn });
  // Signing in ends on the outbox: back to the case list by the header's link.
  if (signIn)
    await page.getByRole('banner').getByRole('link', { name: '案件', exact: true }).click();
  const id = await startCase(page, address);
  await confirmAllNormal(page, id);
  const driverA = { ...DRIVER_A, compulsoryInsurer: insurers.A };
  const driverB = { ...DRIVER_B, compulsoryInsurer: insurers.B };
  await addVehicleWithDriver(page, { plate: '川A12345', damagedParts: ['车尾'], driver: driverA });
  await addVehicleWithDriver(page, { plate: '川B67890', damagedParts: ['车头'], driver: driverB });
  await waitForSaved(page);
  await nextStep(page, '现场取证');
  await takeEveryRequiredShot(page, id);
  await confirmSceneCleared(page);
  return { context, page, id };
}

/**
 * A one-vehicle case (A, front damaged, with its driver) and the guardrail it
 * struck, added as a fixed object on the parties screen; triaged, photographed
 * and cleared through the screens, offline.
 */
export async function clearedGuardrailCase(
  world: BrowserWorld,
  address: string,
): Promise<{ context: BrowserContext; page: Page; id: string }> {
  const { context, page } = await world.openPhone({ offline: true });
  const id = await startCase(page, address);
  await confirmAllNormal(page, id);
  await addVehicleWithDriver(page, { plate: '川A12345', damagedParts: ['车头'], driver: DRIVER_A });
  await addFixedObjectCard(page, '护栏');
  await waitForSaved(page);
  await nextStep(page, '现场取证');
  await takeEveryRequiredShot(page, id);
  await confirmSceneCleared(page);
  return { context, page, id };
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

/**
 * Answers for the red-light queue at a signalised junction: A queued at the
 * stop line with red facing it and stayed behind the line; B, also northbound
 * and facing red, ran into A's rear. Waits for the proposal.
 */
export async function answerRedLightQueueHere(page: Page): Promise<void> {
  await page.getByRole('heading', { name: '责任认定' }).waitFor();
  await choice(page, '事故发生在什么地方？', '有信号灯的路口').check();
  for (const [label, action] of [
    ['A', '排队停车'],
    ['B', '直行'],
  ] as const) {
    await choice(page, `车辆 ${label} 当时在做什么？`, action).check();
    await choice(page, `车辆 ${label} 从哪个方向驶来？`, '由南向北').check();
    await choice(page, `车辆 ${label} 面对的信号或标志（到达停止线时）`, '红灯').check();
  }
  await choice(page, '车辆 A 是否在该信号下越过停止线、进入路口？', '停在停止线前，未进入').check();
  const impact = choice(page, '第 1 次碰撞', 'B 撞 A');
  if (!(await impact.isChecked())) await impact.check();
}

/**
 * Opens the liability screen, unless the officer is on it already (clearing
 * the scene leads there), and answers for the rear-end (see {@link answerRearEndHere}).
 */
export async function answerRearEnd(page: Page, id: string): Promise<void> {
  const liability = `/cases/${id}/liability`;
  if (new URL(page.url()).pathname !== liability) await page.goto(liability);
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

/** Both drivers sign the determination shown (the notices read already); all signed. */
export async function signBoth(page: Page): Promise<void> {
  await signAs(page, partyGroup(page, DRIVER_A.name, 'A'), 'A');
  await signAs(page, partyGroup(page, DRIVER_B.name, 'B'), 'B');
  await page.getByTestId('all-signed').waitFor();
}

export function partyGroup(page: Page, name: string, label: string): Locator {
  return page.getByRole('group', { name: `当事人 ${name}（车辆 ${label}）`, exact: true });
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type At = { x: number; y: number };

/** A finger dragged from one point to another: touch events, which Chromium turns into pointer events. */
async function touchDrag(page: Page, from: At, to: At): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const touch = (p: At) => [{ x: Math.round(p.x), y: Math.round(p.y) }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touch(from) });
  for (let i = 1; i <= 6; i++) {
    const p = { x: from.x + ((to.x - from.x) * i) / 6, y: from.y + ((to.y - from.y) * i) / 6 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: touch(p) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/**
 * The collision sketch drawn with the finger on the case's sketch step: the
 * vehicles placed, A dragged to the east side, B turned right twice by 15°,
 * A's arrow of travel, the point of impact tapped in the middle. Returns the
 * sketch in words, as a screen reader reads it.
 */
export async function drawSketchByTouch(page: Page, id: string): Promise<string> {
  await page.goto(`/cases/${id}`);
  await page.getByRole('link', { name: /现场草图/ }).click();
  await page.getByRole('heading', { name: '现场草图', level: 1 }).waitFor();
  const place = page.getByRole('button', { name: '放置本案车辆（A、B）' });
  await place.click();
  // Placed: the button goes, and the drawing moves up into its room.
  await place.waitFor({ state: 'detached' });
  const canvas = page.getByTestId('sketch-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const a = await page.getByTestId('sketch-vehicle-A').locator('.sketch-body').boundingBox();
  if (!box || !a) throw new Error('the sketch is not on the screen');
  const at = (x: number, y: number) => ({ x: box.x + box.width * x, y: box.y + box.height * y });
  await touchDrag(page, { x: a.x + a.width / 2, y: a.y + a.height / 2 }, at(0.85, 0.5));
  await waitForSaved(page);
  await page.getByLabel('车辆 B', { exact: true }).check();
  for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'B 向右转 15°' }).click();
  await page.getByLabel('车辆 A', { exact: true }).check();
  await page.getByRole('button', { name: '为 A 添加行驶箭头' }).click();
  await page.getByRole('button', { name: '点按草图标注碰撞点' }).click();
  await page.getByText('请在草图上点按碰撞位置。').waitFor();
  await canvas.scrollIntoViewIfNeeded();
  const now = await canvas.boundingBox();
  if (!now) throw new Error('the sketch left the screen');
  await page.touchscreen.tap(now.x + now.width / 2, now.y + now.height / 2);
  await page.getByTestId('sketch-impact').waitFor();
  await waitForSaved(page);
  return (await page.getByTestId('sketch-summary').innerText()).trim();
}

/**
 * On a rural station's phone: the case screen once the officer's remote
 * determination has arrived (the next pull, brought on by "立即发送"); answers
 * what it says, as shown.
 */
export async function officerDeterminationShown(page: Page, id: string): Promise<string> {
  await sendNow(page);
  // From the sending screen to the case, in the app: the pass under way goes on.
  await page.getByTestId('outbox-list').locator(`a[href="/cases/${id}"]`).click();
  const notice = page.getByTestId('officer-determination');
  await notice.waitFor();
  return (await notice.innerText()).replace(/\s+/g, ' ');
}

/** The station reads the officer's determination to the parties: on to the notices, read out. */
export async function readOfficerDetermination(page: Page): Promise<void> {
  await page.getByRole('button', { name: '向当事人宣读告知' }).click();
  await page.getByRole('heading', { level: 1, name: '告知与签字' }).waitFor();
  await page.getByTestId('remote-determination').waitFor();
}
