/**
 * Liability on scene, offline once the service worker controls the page:
 * a rear-end case taken from the on-scene flow through the questions, the
 * proposal, an override with its reason, the notices, two signatures drawn
 * with the mouse, the determination page and its PDF; a party who refuses; a
 * dispute over the facts that escalates.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { determinationBytes } from '../../src/domain';
import { useBrowserWorld } from './harness';
import { addVehicleWithDriver, createCase, openParties, waitForSaved } from './drivers';
import {
  answerRearEnd,
  backToProposal,
  partyGroup,
  propose,
  readNoticesOut,
  signAs,
  storedCase,
} from './liability-drivers';
import { confirmSceneCleared, passTriage, takeEveryRequiredShot } from './scene-drivers';

const world = useBrowserWorld();

const DRIVER_A = { name: '张伟', idNumber: '11010519491231002X', phone: '13800138000' };
const DRIVER_B = { name: '李娜', idNumber: '110105194912310038', phone: '13900139000' };

/**
 * A two-vehicle case with both drivers, triaged, every photo taken and the
 * scene cleared — all through the screens, with the network off.
 */
async function clearedRearEndCase(
  address: string,
): Promise<{ context: BrowserContext; page: Page; id: string }> {
  const { context, page } = await world.openPhone({ offline: true });
  const id = await createCase(page, address);
  await passTriage(page, id);
  await openParties(page, id);
  await addVehicleWithDriver(page, { plate: '川A12345', damagedParts: ['车尾'], driver: DRIVER_A });
  await addVehicleWithDriver(page, { plate: '川B67890', damagedParts: ['车头'], driver: DRIVER_B });
  await waitForSaved(page);
  await takeEveryRequiredShot(page, id);
  await confirmSceneCleared(page);
  return { context, page, id };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('liability on scene', () => {
  it('questions → proposal → override with a reason → notices → two signatures → PDF, offline', async () => {
    const { context, page, id } = await clearedRearEndCase('G318 国道 K123+400');
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

    // The three notices, in the courteous script, with the deadlines.
    await readNoticesOut(page);
    const script = (await page.getByTestId('notice-script').textContent()) ?? '';
    for (const words of [
      '您好',
      '请在收到认定书之日起 3 个工作日内',
      '10 个工作日内',
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

    // The determination: law and article for every finding, in Chinese and English.
    await page.getByRole('link', { name: '查看认定书 / 下载 PDF' }).click();
    await page.getByTestId('doc-case-number').waitFor();
    const findings = page.getByTestId('doc-finding');
    expect(await findings.count()).toBeGreaterThan(0);
    for (const f of await findings.all()) {
      expect(await f.getByTestId('doc-basis').textContent()).toMatch(/依据 Legal basis: .*第\d+条/);
      expect(await f.locator('p[lang="zh-CN"]').textContent()).toMatch(/责任/);
      expect(await f.locator('p[lang="en"]').textContent()).toMatch(/liability/);
    }
    const liability = (await page.getByTestId('doc-liability').textContent()) ?? '';
    expect(liability).toContain('主要责任');
    expect(liability).toContain('Primary liability');
    expect(await page.getByTestId('doc-override').textContent()).toContain(
      '前车无故急刹，监控可见',
    );
    expect(await page.getByTestId('doc-signatures').locator('img').count()).toBe(2);
    await page.getByTestId('doc-qr').waitFor();
    // The document names (and its QR carries) the hash every signature is bound to.
    const documentHash = (await page.getByTestId('doc-hash').textContent()) ?? '';
    expect(documentHash).toBe(content);

    // The PDF, made on the phone with the network off.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 PDF' }).click(),
    ]);
    const path = await download.path();
    const bytes = new Uint8Array(readFileSync(path));
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(20_000);
    expect(download.suggestedFilename()).toBe(`${signed.caseNumber}.pdf`);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThan(0);
    expect(pdf.getTitle()).toContain(signed.caseNumber);
    expect(pdf.getKeywords()).toContain(documentHash);
    // The embedded CJK font is a subset, and a valid one (CFF header offSize 1–4).
    const fonts = [...pdf.context.enumerateIndirectObjects()]
      .map(([, o]) => o)
      .filter(
        (o): o is PDFRawStream =>
          o instanceof PDFRawStream &&
          String(o.dict.get(PDFName.of('Subtype'))) === '/CIDFontType0C',
      )
      .map((o) => decodePDFRawStream(o).decode());
    expect(fonts).toHaveLength(1);
    expect(fonts[0]?.[3]).toBeGreaterThanOrEqual(1);
    expect(fonts[0]?.[3]).toBeLessThanOrEqual(4);
    expect(fonts[0]?.length).toBeLessThan(500_000);
    await page.getByTestId('pdf-status').getByText('PDF 已生成').waitFor();
    await context.close();
  });

  it('a party who refuses to sign: the refusal and its reason are on the determination, the case flagged', async () => {
    const { context, page, id } = await clearedRearEndCase('S211 省道 K5');
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
    expect(await refused.textContent()).toContain('3 个工作日内');
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
    expect(await note.textContent()).toContain('Refused to sign, reason: 认为前车突然变道');
    // The determination stands: B keeps full liability.
    expect(await page.getByTestId('doc-liability').textContent()).toContain('全部责任');
    await page.getByTestId('doc-flagged').waitFor();
    await context.close();
  });

  it('disputed facts escalate the case, with the reason recorded', async () => {
    const { context, page, id } = await clearedRearEndCase('X032 县道');
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
});
