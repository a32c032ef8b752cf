/**
 * Liability on scene, offline once the service worker controls the page:
 * a rear-end case taken from the on-scene flow through the questions, the
 * proposal, an override with its reason, the notices, two signatures drawn
 * with the mouse, the determination page and its PDF; a party who refuses; a
 * dispute over the facts that escalates; the red-light queue at a signalised
 * junction, where the vehicle that stayed behind the stop line has no liability;
 * a driver's status (facts schema 2) that escalates the case; a single
 * vehicle striking a guardrail, recorded as a fixed-object impact (schema 2).
 * A party confirms the determination on their own phone: the QR code's page
 * opened offline shows the PDF's hash, and the confirmation sent online is
 * on the case's timeline.
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { determinationBytes } from '../../src/domain';
import { seePdf } from '../pdf/see-pdf';
import { useBrowserWorld } from './harness';
import {
  answerRearEnd,
  answerRedLightQueueHere,
  backToProposal,
  choice,
  clearedGuardrailCase,
  clearedRearEndCase,
  drawSketchByTouch,
  DRIVER_A,
  DRIVER_B,
  partyGroup,
  propose,
  readNoticesOut,
  sha256,
  signAs,
} from './liability-drivers';
import { expectNoAxeViolations } from './axe';
import { sendNow, waitForStatus } from './outbox';
import { layoutProblems, savedDownload } from './phone';
import { storedCase } from './phone-db';
import { caseTimelineOf } from './server';

// Demo officers: the first case is captured by a signed-in officer, whose
// name and unit the determination prints.
const world = useBrowserWorld({ demo: true });
const OFFICER_NAME = '张伟';
const OFFICER_UNIT = '示范县公安局交警大队 路勤中队';

describe('liability on scene', () => {
  it('questions → proposal → override with a reason → notices → two signatures → PDF, offline', async () => {
    const { context, page, id } = await clearedRearEndCase(world, 'G318 国道 K123+400', true);
    // The collision sketch, drawn with the finger: saved on the phone, as it was after a reload.
    const sketch = await drawSketchByTouch(page, id);
    const sketchLines = ['A 位于东侧，朝北行驶', 'B 位于西侧，朝东南行驶', '碰撞点位于中央'];
    for (const line of sketchLines) expect(sketch).toContain(line);
    await expectNoAxeViolations(page, 'collision sketch');
    expect(await layoutProblems(page)).toEqual({ width: 360, small: [] });
    await page.reload();
    expect((await page.getByTestId('sketch-summary').innerText()).trim()).toBe(sketch);
    const drawn = (await storedCase(page, id)).sketch;
    expect(drawn?.vehicles).toHaveLength(2);
    expect(drawn?.arrows).toHaveLength(1);
    await answerRearEnd(page, id);

    // The engine's proposal: B (rear) full, A (front) none, with law and article.
    const outcome = page.getByTestId('liability-outcome');
    await outcome.locator('[data-vehicle="B"][data-level="full"]').waitFor();
    expect(await outcome.locator('[data-vehicle="A"]').getAttribute('data-level')).toBe('none');
    await propose(page);
    // The proposal is stored; to change it, back from the notices to the proposal.
    const stored = await backToProposal(page);
    const finding = stored.getByTestId('finding').first();
    expect(await finding.textContent()).toMatch(/《[^》]+》第\d+条/);

    // Override: refused without a reason, kept beside the proposal with one.
    await stored.locator('summary', { hasText: '改定责任' }).click();
    await page.getByLabel('车辆 A', { exact: true }).selectOption({ label: '次要责任' });
    await page.getByLabel('车辆 B', { exact: true }).selectOption({ label: '主要责任' });
    await page.getByRole('button', { name: '保存改定' }).click();
    await page.getByRole('alert').getByText('请写明改定理由。').waitFor();
    await page.getByLabel('改定理由（必填）').fill('前车无故急刹，监控可见');
    await page.getByRole('button', { name: '保存改定' }).click();
    await page.getByTestId('override-note').getByText('前车无故急刹，监控可见').waitFor();

    // The three notices, in the courteous script, with the regulation's
    // deadlines and their articles (146号令 第七十一条, 第八十六条, 第一百一十一条).
    await readNoticesOut(page);
    const script = (await page.getByTestId('notice-script').textContent()) ?? '';
    for (const words of [
      '您好',
      '自认定书送达之日起三日内提出书面复核申请（《道路交通事故处理程序规定》第七十一条）',
      '十日内一致书面申请公安机关交通管理部门调解（同规定第八十六条）',
      '指工作日，不含节假日（《道路交通事故处理程序规定》第一百一十一条）',
      '民事诉讼',
      '谢谢您的配合',
    ]) {
      expect(script).toContain(words);
    }
    expect(script).toContain('主要责任');

    await signAs(page, partyGroup(page, DRIVER_A.name, 'A'), 'A');
    await signAs(page, partyGroup(page, DRIVER_B.name, 'B'), 'B');
    await page.getByTestId('all-signed').waitFor();

    const signed = await storedCase(page, id);
    expect(signed.state).toBe('signed');
    expect(signed.liability?.proposal).toEqual({ A: 'none', B: 'full' });
    expect(signed.liability?.override?.liability).toEqual({ A: 'secondary', B: 'primary' });
    const content = sha256(determinationBytes(signed));
    expect(signed.liability?.signatures.map((s) => [s.kind, s.contentSha256])).toEqual([
      ['signed', content],
      ['signed', content],
    ]);
    expect(signed.liability?.signatures.every((s) => s.image?.startsWith('data:image/png'))).toBe(
      true,
    );

    // The determination, in the reader's language: law and article for every finding.
    await page.getByRole('link', { name: '查看认定书 / 下载 PDF' }).click();
    await page.getByTestId('doc-case-number').waitFor();
    const findings = page.getByTestId('doc-finding');
    expect(await findings.count()).toBeGreaterThan(0);
    for (const f of await findings.all()) {
      expect(await f.getByTestId('doc-basis').textContent()).toMatch(/^依据: .*第\d+条/);
      expect(await f.locator('p[lang="zh-CN"]').textContent()).toMatch(/责任/);
      expect(await f.locator('p[lang="en"]').count()).toBe(0);
    }
    const liability = (await page.getByTestId('doc-liability').textContent()) ?? '';
    expect(liability).toContain('主要责任');
    expect(liability).not.toContain('Primary liability');
    // The time of the accident: at arrival unless the officer picks otherwise.
    const occurredAt = (await page.getByTestId('doc-occurred-at').textContent()) ?? '';
    expect(occurredAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d \(UTC[+-]\d\d:\d\d\)$/);
    // The place once, the officer who handled it, each driver's ID number.
    expect(await page.getByTestId('doc-place').textContent()).toBe('G318 国道 K123+400');
    expect(await page.getByTestId('doc-officer').textContent()).toBe(
      `${OFFICER_NAME} · ${OFFICER_UNIT}`,
    );
    const parties = page.getByTestId('doc-parties');
    for (const d of [DRIVER_A, DRIVER_B]) {
      // At 360 px a name and an ID number each keep one line (cards, not a
      // squeezed table column).
      const name = parties.getByTestId('party-name').filter({ hasText: d.name });
      const id = parties.getByTestId('party-id').filter({ hasText: d.idNumber });
      for (const value of [name, id]) {
        const lines = await value.evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        });
        expect(lines).toBe(1);
      }
    }
    // Evidence in words, as the shot list names it.
    const evidence = (await page.getByTestId('doc-photos').textContent()) ?? '';
    expect(evidence).toContain('现场全景（后方）');
    expect(evidence).toContain('车辆 A 受损部位：车尾');
    expect(evidence).not.toMatch(/damage:|vehicle:|party:/);
    // Bilingual on request: the English beside the Chinese.
    await page.getByLabel('中英双语打印').check();
    await page.getByTestId('doc-liability').getByText('Primary liability').waitFor();
    for (const f of await findings.all())
      expect(await f.locator('p[lang="en"]').textContent()).toMatch(/liability/);
    expect(await page.getByTestId('doc-override').textContent()).toContain(
      '前车无故急刹，监控可见',
    );
    expect(await page.getByTestId('doc-signatures').locator('img').count()).toBe(2);
    await page.getByTestId('doc-qr').waitFor();
    // The document names (and its QR carries) the hash every signature is bound to.
    const documentHash = (await page.getByTestId('doc-hash').textContent()) ?? '';
    expect(documentHash).toBe(content);

    // The PDF, made on the phone with the network off, bilingual as chosen.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 PDF' }).click(),
    ]);
    const path = await savedDownload(download);
    const bytes = new Uint8Array(readFileSync(path));
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(download.suggestedFilename()).toBe(`${signed.caseNumber}.pdf`);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toContain(signed.caseNumber);
    expect(pdf.getKeywords()).toContain(documentHash);
    await page.getByTestId('pdf-status').getByText('PDF 已生成').waitFor();

    // What a person sees in it: MuPDF and poppler draw every glyph of every
    // page as the system's Noto Sans CJK SC does, and report no font error.
    const sight = seePdf(path);
    rmSync(dirname(path), { recursive: true, force: true });
    expect(sight.rendererErrors).toEqual([]);
    expect(sight.wrongGlyphs.map((g) => `${g.char} (${g.iou.toFixed(2)})`)).toEqual([]);
    expect(sight.popplerMisses.map((m) => `${m.char} p${m.page}`)).toEqual([]);
    const text = sight.pageText.join('').replace(/\s+/g, '');
    for (const words of [
      '道路交通事故认定书（简易程序）',
      'RoadTrafficAccidentDetermination(SimplifiedProcedure)',
      DRIVER_A.name,
      DRIVER_B.name,
      DRIVER_A.idNumber,
      '川A12345',
      '川B67890',
      '主要责任',
      '次要责任',
      '前车无故急刹，监控可见',
      `事故时间 Time of the accident：${occurredAt}`,
      '现场全景（后方）',
      OFFICER_NAME,
      OFFICER_UNIT,
      documentHash,
      // the sketch, drawn and said in words
      '现场草图 Collision sketch',
      ...sketchLines,
      'B on the west side, heading south-east',
    ])
      expect(text).toContain(words.replace(/\s+/g, ''));
    // The last page holds the signatures and the hash beside the QR, never the QR alone.
    const last = (sight.pageText.at(-1) ?? '').replace(/\s+/g, '');
    expect(last).toContain('当事人签字');
    expect(last).toContain(DRIVER_B.name);
    expect(last).toContain(documentHash);

    // Each party may also confirm on their own phone: the QR code of the
    // public page, its summary and hash in the link's fragment.
    await page.getByRole('button', { name: '让当事人扫码确认' }).click();
    await page.getByTestId('party-qr').getByRole('img', { name: '当事人确认页的二维码' }).waitFor();
    await expectNoAxeViolations(page, 'determination with the party’s QR code');
    const partyLink = (await page.getByTestId('party-qr-link').getAttribute('href')) ?? '';
    expect(new URL(partyLink).pathname).toBe('/confirm');
    // The party's phone had loaded the app once; offline, the link still opens.
    const party = await world.openPhone({ offline: true });
    await party.page.goto(partyLink);
    await party.page.getByRole('heading', { name: '确认事故认定书' }).waitFor();
    expect(await party.page.getByTestId('confirm-hash').textContent()).toBe(documentHash);
    expect(await party.page.getByTestId('confirm-vehicles').textContent()).toContain(
      'B 车 川B67890：主要责任',
    );
    await expectNoAxeViolations(party.page, 'party’s confirmation page, offline');
    expect(await layoutProblems(party.page)).toEqual({ width: 360, small: [] });
    // Online, once the officer's phone has sent the case: the party confirms,
    // and the reviewer reads it on the case's timeline.
    await context.setOffline(false);
    await sendNow(page);
    await waitForStatus(page, id, 'sent');
    await party.context.setOffline(false);
    await party.page.getByRole('radio', { name: 'B 川B67890' }).check();
    await party.page.getByRole('button', { name: '确认认定书' }).click();
    await party.page
      .getByRole('status')
      .getByText(/^已确认：B 车当事人于/)
      .waitFor();
    const events = await caseTimelineOf(world.server.url, id);
    expect(events.filter((e) => e.kind === 'party-confirmed')).toMatchObject([{ detail: 'B' }]);
    await party.context.close();
    await context.close();
  });

  it('a party who refuses to sign: the refusal and its reason are on the determination, the case flagged', async () => {
    const { context, page, id } = await clearedRearEndCase(world, 'S211 省道 K5');
    await answerRearEnd(page, id);
    await propose(page);
    await readNoticesOut(page);

    const b = partyGroup(page, DRIVER_B.name, 'B');
    await b.getByText('拒绝签字', { exact: true }).click();
    await b.getByRole('button', { name: '记录拒签' }).click();
    await b.getByRole('alert').getByText('请写明拒签理由。').waitFor();
    await b.getByLabel('拒签理由（必填）').fill('认为前车突然变道');
    await b.getByRole('button', { name: '记录拒签' }).click();
    const refused = page.getByTestId('signed-B');
    await refused.getByText('认为前车突然变道', { exact: false }).waitFor();
    expect(await refused.textContent()).toContain('三日内（工作日，不含节假日）');
    expect(await refused.textContent()).toContain('第七十一条');
    await page.getByTestId('flagged').waitFor();

    await signAs(page, partyGroup(page, DRIVER_A.name, 'A'), 'A');
    await page.getByTestId('all-signed').waitFor();

    const c = await storedCase(page, id);
    expect(c.state).toBe('signed');
    expect(c.liability?.flaggedForReview?.reason).toBe('认为前车突然变道');
    const refusal = c.liability?.signatures.find((s) => s.kind === 'refused');
    expect(refusal?.reason).toBe('认为前车突然变道');
    expect(refusal?.contentSha256).toBe(sha256(determinationBytes(c)));

    await page.getByRole('link', { name: '查看认定书 / 下载 PDF' }).click();
    const note = page.getByTestId('doc-refusal');
    await note.waitFor();
    expect(await note.textContent()).toContain('拒绝签字，理由：认为前车突然变道');
    expect(await note.textContent()).toContain('第二十四条第三款');
    expect(await note.textContent()).not.toContain('Refused to sign');
    await page.getByLabel('中英双语打印').check();
    await note.getByText('Refused to sign, reason: 认为前车突然变道', { exact: false }).waitFor();
    // The determination stands: B keeps full liability.
    expect(await page.getByTestId('doc-liability').textContent()).toContain('全部责任');
    await page.getByTestId('doc-flagged').waitFor();
    await context.close();
  });

  it('disputed facts escalate the case, with the reason recorded', async () => {
    const { context, page, id } = await clearedRearEndCase(world, 'X032 县道');
    await answerRearEnd(page, id);
    await propose(page);
    await readNoticesOut(page);

    await page.getByText('事实有争议', { exact: true }).click();
    await page.getByRole('button', { name: '确认事实有争议，移交事故中队' }).click();
    await page.getByRole('alert').getByText('请写明争议内容。').waitFor();
    await page.getByLabel('争议内容（必填）').fill('双方对是否同车道各执一词');
    await page.getByRole('button', { name: '确认事实有争议，移交事故中队' }).click();
    await page.waitForURL(new RegExp(`/cases/${id}$`));
    expect(await page.getByTestId('case-state').textContent()).toBe('已移交事故中队');

    const c = await storedCase(page, id);
    expect(c.state).toBe('escalated');
    expect(c.liability?.dispute?.reason).toBe('双方对是否同车道各执一词');
    expect(c.transitions.at(-1)?.reason).toBe(
      'E14-facts-or-cause-disputed: 双方对是否同车道各执一词',
    );
    await context.close();
  });
  it('red-light queue: A stayed behind the stop line facing red, B ran into it → A none, B full', async () => {
    const { context, page, id } = await clearedRearEndCase(world, '人民路与解放路交叉口');
    await page.goto(`/cases/${id}/liability`);
    await answerRedLightQueueHere(page);
    // The signal facing each vehicle, and separately whether it passed the stop line.
    await page
      .getByRole('group', { name: '车辆 B 是否在该信号下越过停止线、进入路口？', exact: true })
      .waitFor();
    // Both headed north: the engine still asks whether they were in one lane.
    const sameLane = choice(page, '两车是否同车道同向行驶？', '是');
    await sameLane.waitFor();
    await expectNoAxeViolations(page, 'the liability questions at a signalised junction');
    await sameLane.click();

    const outcome = page.getByTestId('liability-outcome');
    await outcome.getByTestId('proposal-levels').waitFor();
    await outcome.locator('[data-vehicle="B"][data-level="full"]').waitFor();
    expect(await outcome.locator('[data-vehicle="A"]').getAttribute('data-level')).toBe('none');
    expect(await outcome.getByTestId('proposal-levels').textContent()).toContain('无责');
    await propose(page);
    expect((await storedCase(page, id)).liability?.proposal).toEqual({ A: 'none', B: 'full' });
    await context.close();
  });

  it('a driver suspected of drinking, recorded as his status (schema 2), escalates the case under E04', async () => {
    const { context, page, id } = await clearedRearEndCase(world, 'S203 省道 K8+200');
    await answerRearEnd(page, id);
    // The structured status, not an answer keyed by the rule: each with "cannot tell".
    await page.locator('summary', { hasText: '车辆 B 驾驶人情况' }).click();
    const suspected = choice(page, '车辆 B 驾驶人是否有饮酒或吸毒嫌疑？', '有嫌疑');
    await suspected.waitFor();
    await expectNoAxeViolations(page, 'the driver status questions');
    await suspected.check();
    const outcome = page.getByTestId('liability-outcome');
    await outcome.getByRole('button', { name: '确认移交事故中队' }).click();
    await page.waitForURL(new RegExp(`/cases/${id}$`));
    expect(await page.getByTestId('case-state').textContent()).toBe('已移交事故中队');
    const c = await storedCase(page, id);
    expect(c.liability?.facts?.schemaVersion).toBe(2);
    expect(c.liability?.facts?.vehicles[1]).toMatchObject({
      driver: { alcoholOrDrugs: 'suspected' },
    });
    expect(c.liability?.decision?.escalation?.ruleId).toBe('E04-alcohol-or-drugs');
    await context.close();
  });

  it('one vehicle struck a guardrail: a fixed-object impact, A full, escalated under E12 (schema 2)', async () => {
    const { context, page, id } = await clearedGuardrailCase(world, 'G108 国道 K56+300');
    await page.goto(`/cases/${id}/liability`);
    await page.getByRole('heading', { name: '责任认定' }).waitFor();
    await choice(page, '事故发生在什么地方？', '路段').check();
    await choice(page, '车辆 A 当时在做什么？', '直行').check();
    await choice(page, '第 1 次碰撞', 'A 撞 护栏').check();
    const kind = choice(page, '护栏属于哪一类？', '护栏');
    await kind.waitFor();
    await expectNoAxeViolations(page, 'the fixed-object impact questions');
    // At 360 px nothing scrolls sideways and every choice is a large target.
    expect(await layoutProblems(page)).toEqual({ width: 360, small: [] });
    await kind.check();

    // The engine's answer: the striking vehicle answers for the guardrail, and
    // damage to a public facility goes to the accident squad (E12).
    const outcome = page.getByTestId('liability-outcome');
    await outcome.locator('[data-rule="E12-public-facility-or-building-damage"]').waitFor();
    expect(await outcome.getByTestId('liability-hint').textContent()).toContain('A 全部责任');
    await outcome.getByRole('button', { name: '确认移交事故中队' }).click();
    await page.waitForURL(new RegExp(`/cases/${id}$`));
    const c = await storedCase(page, id);
    expect(c.liability?.facts).toMatchObject({
      schemaVersion: 2,
      objects: [{ kind: 'guardrail' }],
      impacts: [{ striking: 'A' }],
    });
    expect(c.liability?.decision?.liabilityHint).toEqual({ A: 'full' });
    await context.close();
  });
});
