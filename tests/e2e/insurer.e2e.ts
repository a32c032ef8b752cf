/**
 * The insurers' side end to end (issue 12's acceptance): the brigade's admin
 * registers insurer A's (PICC's) receiver through the admin screen and hands
 * it the secret shown once; the officer determines a two-vehicle case offline
 * (A insured by PICC, B by Ping An), it syncs, and the reviewer approves it;
 * A's receiver gets `packet.created` verified by the `standardwebhooks`
 * library; Ping An's staff do not see A's packet (its address says not
 * found) but see their own; each insurer acknowledges, assesses and pays
 * through its portal; the officer's phone and the reviewer see each step and
 * the five-fast record is complete. The admin sets the call-back target on
 * its screen; Ping An's packet, past it, is red on the reviewer's overdue
 * list. axe on the admin's, insurers' and the overdue screens.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';
import { overdueCardOf, saveCallbackTarget } from './callback-drivers';
import { determinationWords, packetPdf } from './pdf-drivers';
import { useBrowserWorld } from './harness';
import {
  acknowledge,
  assess,
  currentFilter,
  deliveredPacket,
  listedPackets,
  openDesk,
  openPacket,
  packetPageText,
  packetStatusShows,
  phoneFiveFast,
  phoneInsurerSteps,
  payOut,
  registerEndpoint,
  startInsurerReceiver,
  type TestReceiver,
} from './insurer-drivers';
import {
  answerRearEnd,
  clearedRearEndCase,
  propose,
  readNoticesOut,
  signBoth,
} from './liability-drivers';
import { sendNow, waitForStatus } from './outbox';
import {
  approve,
  claimPhotosShown,
  claimsShown,
  fiveFastText,
  historyText,
  openFromQueue,
  openReviewer,
} from './review-drivers';
import { backdatePackets, insurerUser, readServer } from './server';

const world = useBrowserWorld({ demo: true });
const PICC = '中国人民财产保险股份有限公司';
const PINGAN = '中国平安财产保险股份有限公司';

let receiver: TestReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** An insurer's staff member settles the packet: call-back, assessment for its plate (with `photos`), payout. */
async function settle(page: Page, plate: string, amount: string, photos = 0) {
  await packetStatusShows(page, '新到');
  expect(await acknowledge(page, '已电话联系当事人')).toContain('回访已登记');
  const axe = () => expectNoAxeViolations(page, 'the assessment form with its photos');
  expect(await assess(page, { [plate]: amount }, '周定损', photos, axe)).toContain('定损已登记');
  expect(await payOut(page, amount, `PAY-${plate}`)).toContain('赔付已登记');
  await packetStatusShows(page, '已赔付');
}

describe('claim packets reach each insurer and come back to the police', () => {
  it('delivered to A’s receiver and portal only, acknowledged, assessed and paid; the phone and the reviewer see it', async () => {
    // The admin registers PICC's receiver on the admin screen; the secret goes to the receiver.
    receiver = await startInsurerReceiver();
    // Ping An has no demo account: one of its staff gets one (the server works on it meanwhile).
    const pinganUser = insurerUser(world.server.url, 'PINGAN');
    pinganUser.catch(() => undefined); // its failure is thrown where it is awaited
    const admin = await openDesk(world.browser, world.server.url, 'demo-admin', '/admin');
    await expectNoAxeViolations(admin.page, 'the admin home');
    const secret = await registerEndpoint(
      admin.page,
      PICC,
      { url: receiver.url, description: '理赔系统（测试）' },
      () => expectNoAxeViolations(admin.page, 'the endpoint registration form'),
    );
    expect(secret).toMatch(/^whsec_/);
    receiver.secrets.push(secret);
    await expectNoAxeViolations(admin.page, 'the secret shown once');
    // The admin sets the brigade's call-back target on its screen (a day and a minute is refused).
    expect(await saveCallbackTarget(admin.page, '1441')).toContain('1 至 1440 分钟');
    expect(await saveCallbackTarget(admin.page, '15')).toBe('已保存：回访时限 15 分钟。');
    await expectNoAxeViolations(admin.page, 'the brigades’ call-back settings');
    await admin.context.close();

    // The officer determines the case offline (A insured by PICC, B by Ping An); it syncs.
    const phone = await clearedRearEndCase(world, '理赔路 K12', true, { A: PICC, B: PINGAN });
    const { context, page, id } = phone;
    await answerRearEnd(page, id);
    await propose(page);
    await readNoticesOut(page);
    await signBoth(page);
    await context.setOffline(false);
    await sendNow(page);
    await waitForStatus(page, id, 'sent');

    // The reviewer approves it.
    const desk = await openReviewer(world.browser, world.server.url);
    await openFromQueue(desk.page, id);
    await approve(desk.page);

    // A's receiver gets packet.created, verified with the secret handed over.
    const event = await deliveredPacket(receiver, id);
    expect(event.data.insurer.name).toBe(PICC);
    const aPacket = event.data.id;
    const caseNumber = event.data.case.caseNumber;
    const forA = receiver.requests.filter((r) => r.body.includes(aPacket));
    expect(forA.length).toBeGreaterThan(0);
    expect(forA.every((r) => r.verifiedWith === 0)).toBe(true);

    // Ping An lists its own packet of the case, not A's; A's address says not found.
    const pingan = await openDesk(world.browser, world.server.url, await pinganUser, '/insurer');
    const bListed = await listedPackets(pingan.page, '?status=new');
    const bPacket = bListed.find((p) => p.text.includes(caseNumber));
    expect(bPacket?.text).toContain('川B67890');
    expect(bPacket?.id).not.toBe(aPacket);
    expect(bListed.map((p) => p.id)).not.toContain(aPacket);
    const refused = await packetPageText(pingan.page, aPacket);
    expect(refused).toContain('没有这个理赔案件，或它不是送达本公司的案件。');
    expect(refused).not.toContain(caseNumber);
    expect(refused).not.toContain('川A12345');

    // PICC's staff find it under 新到 with the call-back clock, and settle it.
    const picc = await openDesk(world.browser, world.server.url, 'demo-insurer', '/insurer');
    const aListed = await listedPackets(picc.page, '?status=new');
    const aRow = aListed.find((p) => p.id === aPacket);
    expect(aRow?.text).toContain(caseNumber);
    expect(aRow?.text).toMatch(/距回访时限还有 \d+ 分钟/);
    expect(await currentFilter(picc.page)).toMatch(/^新到（\d+）$/);
    await expectNoAxeViolations(picc.page, 'the insurer’s packet list');
    expect(await openPacket(picc.page, aPacket)).toEqual({ photos: event.data.photos.length });
    await expectNoAxeViolations(picc.page, 'the insurer’s packet');
    // Its determination PDF, PICC's copy: the liability with law and article, B's driver withheld.
    const pdf = await packetPdf(picc.page);
    expect(pdf).toMatchObject({ status: 200, contentType: 'application/pdf' });
    for (const words of determinationWords(event.data.case)) expect(pdf.text).toContain(words);
    await settle(picc.page, '川A12345', '3200', 1);

    // The phone, after a pull: PICC paid, Ping An's packet sent; assessment and payout wait for both.
    const midway = await phoneInsurerSteps(page, id, ['paid', 'delivered']);
    expect(midway.join('\n')).toMatch(/保险公司 \d：已赔付（/);
    expect(midway.join('\n')).toMatch(/保险公司 \d：已推送（/);
    expect(await phoneFiveFast(page)).toMatchObject({ assessment: '—', payout: '—' });

    // Ping An's packet, still not called back 16 minutes after it arrived, is red for the reviewer.
    expect(backdatePackets(world.server, id, 16)).toBe(1);
    const late = await overdueCardOf(desk.page, caseNumber);
    expect(late).toMatchObject({ red: true, late: expect.stringMatching(/^⚠ 超时 \d+ 分钟$/) });
    expect(late.text).toContain(PINGAN);
    await expectNoAxeViolations(desk.page, 'the reviewer’s overdue packets');

    // Ping An settles its own, so the case is paid by every insurer.
    await listedPackets(pingan.page, '?status=new');
    expect((await openPacket(pingan.page, bPacket!.id)).photos).toBeGreaterThan(0);
    await settle(pingan.page, '川B67890', '1800');

    // The phone shows both paid, and every one of the five fasts.
    const paid = await phoneInsurerSteps(page, id, ['paid', 'paid']);
    expect(paid).toHaveLength(2);
    await page.getByTestId('case-state').getByText('已赔付').waitFor();
    const fast = await phoneFiveFast(page);
    expect(Object.keys(fast)).toEqual([
      'evidence',
      'clearance',
      'liability',
      'assessment',
      'payout',
    ]);
    for (const [key, words] of Object.entries(fast)) expect(words, key).toMatch(/^\d+ 分钟$/);

    // The reviewer's case view: each insurer's steps in the history, both claims paid, the five fasts.
    await desk.page.goto(`/review/${id}`);
    const history = await historyText(desk.page);
    for (const step of ['保险公司已回访', '保险公司已定损', '保险公司已赔付']) {
      expect(history.split(step), step).toHaveLength(3);
    }
    const claims = await claimsShown(desk.page);
    expect(claims.map((c) => c.step)).toEqual(['paid', 'paid']);
    expect(claims.map((c) => c.text).join()).toContain(PICC);
    expect(claims.map((c) => c.text).join()).toContain(PINGAN);
    expect(claims.map((c) => c.text).join()).toMatch(/3200\.00[^]*1800\.00|1800\.00[^]*3200\.00/);
    expect(await fiveFastText(desk.page)).not.toContain('尚未完成');
    expect((await claimPhotosShown(desk.page, 1)).sort()).toEqual([0, 1]);

    for (const c of [desk.context, pingan.context, picc.context, context]) await c.close();
    expect(readServer(world.server).problems).toEqual([]);
    // The whole insurer side in one walk: about 100 s on a quiet 2-core machine.
  }, 240_000);
});
