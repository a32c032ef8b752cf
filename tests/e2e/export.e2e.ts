/**
 * The escape hatch in a real browser (RELIABILITY.md rule 8): a phone that
 * has been offline exports its unsent case with the photos to a file; another
 * phone (a fresh browser context) imports it offline and holds the case, its
 * photos byte for byte, queued as unsent — and sends it once it can. A
 * changed or cut-short file is refused whole.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserWorld } from './harness';
import { caseSyncStatus, waitForStatus } from './outbox';
import { signInOnPhone } from './phone';
import { phoneRows, storedOutbox, storedPhotos } from './phone-db';
import { makeJpeg, passTriage, pickPhoto } from './scene-drivers';
import { serverCase } from './server';
import { addVehicleWithDriver, createCase, openParties } from './drivers';

let dir: string;

// Registered before the world: made before the server starts, removed after it stops.
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kuaichu-export-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const world = useBrowserWorld({ demo: true });

/** A phone that has loaded the app once and then lost its connection. */
async function offlinePhone(): Promise<Page> {
  return (await world.openPhone({ offline: true })).page;
}

const SLOTS = ['scene-behind', 'scene-front', 'collision-point'];

async function importFile(page: Page, path: string): Promise<string> {
  await page.getByLabel('导入案件文件').setInputFiles(path);
  const result = page.getByTestId('exchange-result');
  await result.waitFor();
  return (await result.textContent()) ?? '';
}

describe('export and import of unsent cases', () => {
  it('carries an offline case with its photos to another phone, where it waits to be sent', async () => {
    // Phone A: a case captured offline, three photos.
    const a = await offlinePhone();
    const id = await createCase(a, '断网路段 K7+200');
    await passTriage(a, id);
    await openParties(a, id);
    await addVehicleWithDriver(a, {
      plate: '川A54321',
      damagedParts: ['车尾'],
      driver: { name: '王五', idNumber: '11010519491231002X', phone: '13700137000' },
    });
    await a.goto(`/cases/${id}/evidence`);
    for (const slot of SLOTS) {
      await pickPhoto(a, slot, await makeJpeg(a, 1200, 900, `导出 ${slot}`));
    }
    const photosOnA = await storedPhotos(a);
    const hashes = [...new Set(photosOnA.map((p) => p.sha256))].sort();
    expect(hashes).toHaveLength(3);

    // Export from the outbox screen, still offline.
    await a.goto('/outbox');
    expect(await caseSyncStatus(a, id)).toBe('saved-on-phone');
    const [download] = await Promise.all([
      a.waitForEvent('download'),
      a.getByRole('button', { name: '导出未发送案件' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kuaichu-unsent-\d{4}-\d{2}-\d{2}-1cases\.json$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await a.getByTestId('exchange-result').getByText('已导出 1 个案件、3 张照片').waitFor();
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as {
      format: string;
      cases: { case: { id: string }; photos: { meta: { sha256: string } }[] }[];
    };
    expect(bundle.format).toBe('kuaichu-export');
    expect(bundle.cases.map((c) => c.case.id)).toEqual([id]);
    expect(bundle.cases[0]?.photos.map((p) => p.meta.sha256).sort()).toEqual(hashes);
    // Exporting deleted nothing on phone A.
    expect(await caseSyncStatus(a, id)).toBe('saved-on-phone');
    expect((await storedPhotos(a)).length).toBe(photosOnA.length);

    // Phone B: another browser context, offline, imports the file.
    const b = await offlinePhone();
    await b.goto('/outbox');
    await b.getByRole('heading', { name: '发送情况' }).waitFor();
    expect(await importFile(b, file)).toContain('已导入 1 个案件、3 张照片');

    const photosOnB = await storedPhotos(b);
    expect(photosOnB.every((p) => p.intact)).toBe(true);
    expect(photosOnB.map((p) => `${p.sha256}|${p.slot}`).sort()).toEqual(
      photosOnA.map((p) => `${p.sha256}|${p.slot}`).sort(),
    );
    const queued = (await storedOutbox(b)).map((e) => e.key).sort();
    expect(queued).toEqual([`case:${id}`, ...hashes.map((h) => `photo:${h}`)].sort());
    await b.locator(`[data-testid="outbox-list"] li[data-case="${id}"]`).waitFor();
    expect(await caseSyncStatus(b, id)).toBe('saved-on-phone');
    await expect.poll(() => b.getByTestId('unsent-cases').textContent()).toBe('1');

    // The case opens on phone B with every shot taken.
    await b.goto(`/cases/${id}/evidence`);
    for (const slot of SLOTS) await b.locator(`li.shot[data-slot="${slot}"].taken`).waitFor();

    // The same file again changes nothing; a changed copy is refused whole.
    await b.goto('/outbox');
    expect(await importFile(b, file)).toContain('本机已有相同的案件');
    const tampered = JSON.parse(readFileSync(file, 'utf8')) as {
      cases: { case: { notes: string; updatedAt: string } }[];
    };
    // Newer than phone B's copy, so only the checksum stands in its way.
    tampered.cases[0]!.case.notes = '导出后改过';
    tampered.cases[0]!.case.updatedAt = new Date().toISOString();
    const tamperedFile = join(dir, 'tampered.json');
    writeFileSync(tamperedFile, JSON.stringify(tampered));
    await b.reload();
    const refused = await importFile(b, tamperedFile);
    expect(refused).toContain('文件已损坏：校验值不符');
    expect(refused).toContain('本机没有写入任何内容');
    expect((await storedOutbox(b)).map((e) => e.key).sort()).toEqual(queued);
    expect(await b.locator('[data-testid="outbox-list"] li').count()).toBe(1);
    const onB = (await phoneRows<{ id: string; notes: string }>(b, 'cases')).find(
      (c) => c.id === id,
    );
    expect(onB).toBeDefined();
    expect(onB?.notes).not.toBe('导出后改过');

    // A file cut short in transfer is refused too.
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, readFileSync(file).subarray(0, 5000));
    await b.reload();
    expect(await importFile(b, cut)).toContain('文件不完整');

    // Once phone B has a connection and an officer signs in, the imported case is sent.
    await b.context().setOffline(false);
    await signInOnPhone(b);
    await waitForStatus(b, id, 'sent');
    const held = await serverCase(world.server.url, id);
    expect(held).toMatchObject({ status: 200, complete: true });
    expect(held.photos).toEqual(hashes);

    await a.context().close();
    await b.context().close();
  });
});
