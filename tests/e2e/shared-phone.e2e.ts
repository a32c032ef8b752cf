/**
 * RELIABILITY.md D8 on a shared patrol phone: an officer signs out with an
 * unsent case (warned, nothing deleted); a colleague signing in on the same
 * phone neither sees nor sends it, and his own case goes under his session;
 * the first officer signs in again and his case is delivered. Ends with the
 * invariant check. Then issue 18 on the phone: the officer sets a PIN, his
 * case and its photo are stored sealed (the raw IndexedDB holds no place of
 * the case and no JPEG header), and after a reload offline the phone is
 * locked until his PIN opens it. His export file is sealed (no place, plate,
 * ID number or JPEG in clear); a fresh phone of his opens it with his PIN
 * offline, or with his escrow key signed in online.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';
import { addVehicleWithDriver, createCase, openParties, waitForSaved } from './drivers';
import { useBrowserWorld } from './harness';
import { checkInvariants } from './invariants';
import { phoneStatuses, waitAllSent } from './outbox';
import { layoutProblems, savedDownload, signInOnPhone, submitNewPin } from './phone';
import { storedCase, storedOutbox, storedPhotos } from './phone-db';
import { makeJpeg, passTriage, pickPhoto, quickCase } from './scene-drivers';
import { serverCase } from './server';

const world = useBrowserWorld({ demo: true });

const PLATE = '川A54321';
const DRIVER = { name: '王五', idNumber: '11010519491231002X', phone: '13700137000' };

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

  it('seals the officer’s cases and photos once he sets a PIN, and opens them offline only with it (issue 18)', async () => {
    const { context, page } = await world.openPhone({ signIn: 'demo-officer' });
    // A case with a photo from before the PIN: setting it seals them too.
    const place = '加密测试 X888 县道';
    await page.goto('/');
    const id = await createCase(page, place);
    await passTriage(page, id);
    await openParties(page, id);
    await addVehicleWithDriver(page, { plate: PLATE, driver: DRIVER });
    await waitForSaved(page);
    await page.goto(`/cases/${id}/evidence`);
    await page.getByTestId('evidence-progress').waitFor();
    const slot = await page.locator('li.shot[data-slot]').first().getAttribute('data-slot');
    await pickPhoto(page, slot ?? '', await makeJpeg(page, 800, 600, place));

    await page.goto('/settings');
    await page.getByTestId('encryption-status').getByText('未开启').waitFor();
    await page.getByRole('link', { name: '设置 PIN 码并加密' }).click();
    await page.getByRole('heading', { name: '设置本机 PIN 码' }).waitFor();
    await submitNewPin(page, '123456');
    await page
      .getByRole('alert')
      .getByText(/太容易猜到/)
      .waitFor();
    await expectNoAxeViolations(page, 'PIN setting, a guessable PIN refused');
    await submitNewPin(page, '246813');
    await page.waitForURL((url) => url.pathname === '/');

    const raw = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('kuaichu');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const all = (store: string) =>
        new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
          req.onerror = () => reject(req.error);
        });
      const [cases, photos] = [await all('cases'), await all('photos')];
      db.close();
      // The sealed bytes read as text, so plaintext stored as bytes would show.
      const text = (row: Record<string, unknown>) =>
        JSON.stringify({
          ...row,
          blob: null,
          sealed: row.sealed instanceof Uint8Array ? new TextDecoder().decode(row.sealed) : null,
        });
      return {
        cases: cases.map(text),
        photos: photos.map(text),
        photoHeads: await Promise.all(
          photos.map(async (p) =>
            [...new Uint8Array(await (p.blob as Blob).arrayBuffer())].slice(0, 3),
          ),
        ),
      };
    });
    expect(raw.cases).toHaveLength(1);
    expect(raw.cases[0]).toContain('"sealedBy"');
    expect(raw.cases[0]).not.toContain('X888');
    expect(raw.cases[0]).not.toContain(PLATE);
    expect(raw.cases[0]).not.toContain(DRIVER.idNumber);
    expect(raw.cases[0]).not.toContain('"location"');
    expect(raw.photos).toHaveLength(1);
    expect(raw.photos[0]).toContain('"blobSealedBy"');
    expect(raw.photos[0]).not.toContain('"takenAt"');
    expect(raw.photoHeads[0]).not.toEqual([0xff, 0xd8, 0xff]);

    // Reloaded with no signal: locked until the PIN opens it.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: '本机已锁定' }).waitFor();
    await expectNoAxeViolations(page, 'lock screen');
    await page.getByLabel('PIN 码').fill('111333');
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByRole('alert').getByText('PIN 码不正确，还可以再试 9 次。').waitFor();
    await page.getByLabel('PIN 码').fill('246813');
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByRole('heading', { name: '本机已锁定' }).waitFor({ state: 'detached' });
    await page.getByTestId('case-list').getByText(place).waitFor();

    // Exported (in-app: a reload would lock), the file is sealed: no place,
    // plate, ID number or JPEG in clear.
    await page.getByTestId('sync-chip').click();
    await page.getByLabel('包括已发送的案件').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出未发送案件' }).click(),
    ]);
    const file = await savedDownload(download);
    await page.getByTestId('exchange-result').getByText('文件已用您的密钥加密').waitFor();
    const text = readFileSync(file, 'utf8');
    const sealedFile = JSON.parse(text) as { format: string; sealed: string };
    expect(sealedFile.format).toBe('kuaichu-export-sealed');
    // A JPEG in clear starts as the app's encoder writes every photo: SOI and
    // its JFIF header (11 bytes; in base64 "/9j/4AAQSkZJRg"). Shorter prefixes
    // ("/9j/", FF D8 FF) turn up by chance in a megabyte of ciphertext.
    const JFIF_START = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00,
    ]);
    const jfifBase64 = JFIF_START.toString('base64').slice(0, 14);
    for (const clear of ['X888', PLATE, DRIVER.idNumber, DRIVER.name, jfifBase64, '"location"']) {
      expect(text).not.toContain(clear);
    }
    const sealedBytes = Buffer.from(sealedFile.sealed, 'base64');
    expect(sealedBytes.includes(JFIF_START)).toBe(false);
    await context.close();

    // A fresh phone of the same officer, offline: the file asks for his PIN.
    const fresh = await world.openPhone({ signIn: 'demo-officer' });
    await fresh.context.setOffline(true);
    const b = fresh.page;
    await b.getByTestId('sync-chip').click();
    await b.getByLabel('导入案件文件').setInputFiles(file);
    const form = b.getByTestId('sealed-import');
    await form.getByLabel('导出民警的 PIN 码').fill('135792');
    await form.getByRole('button', { name: '打开并导入' }).click();
    await b.getByTestId('exchange-result').getByText('PIN 码不正确').waitFor();
    await expectNoAxeViolations(b, 'sealed import, a wrong PIN');
    const layout = await layoutProblems(b);
    expect(layout.small).toEqual([]);
    expect(layout.width).toBeLessThanOrEqual(360);
    await form.getByLabel('导出民警的 PIN 码').fill('246813');
    await form.getByRole('button', { name: '打开并导入' }).click();
    await b.getByTestId('exchange-result').getByText('已导入 1 个案件、1 张照片').waitFor();
    await b.locator(`[data-testid="outbox-list"] li[data-case="${id}"]`).waitFor();
    const back = await storedCase(b, id);
    expect(back.vehicles.map((v) => v.plate)).toEqual([PLATE]);
    expect(JSON.stringify(back.location)).toContain(place);
    expect((await storedPhotos(b)).map((p) => p.intact)).toEqual([true]);

    // Online, his escrow key opens it without a PIN (the case is there already).
    await fresh.context.setOffline(false);
    await b.getByLabel('导入案件文件').setInputFiles(file);
    await b.getByTestId('exchange-result').getByText('本机已有相同的案件').waitFor();
    expect(await form.count()).toBe(0);
    await fresh.context.close();
  });
});
