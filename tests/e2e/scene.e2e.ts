/**
 * The officer's first twenty minutes, offline: triage, two vehicles and their
 * drivers, the whole shot list (in-page camera and gallery fallback), clearing
 * the road — then a reload finds everything, every photo's hash intact.
 */
import { describe, expect, it } from 'vitest';
import { openApp, useBrowserWorld } from './harness';
import { addVehicleWithDriver, createCase, openParties } from './drivers';
import { makeJpeg, passTriage, pickPhoto, storedPhotos } from './scene-drivers';

const world = useBrowserWorld({
  chromeArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
});

describe('on scene, offline', () => {
  it('handles a two-vehicle rear-end case from arrival to a cleared road', async () => {
    const context = await world.newPhone();
    await context.grantPermissions(['geolocation', 'camera']);
    const page = await openApp(context, { offline: true });

    const id = await createCase(page, 'G318 国道 K1203+500');
    await passTriage(page, id);

    await openParties(page, id);
    await addVehicleWithDriver(page, {
      plate: '川A12345',
      damagedParts: ['车尾'],
      driver: {
        name: '张三',
        idNumber: '11010519491231002X',
        phone: '13800138000',
        compulsoryInsurer: '中国人保财险',
      },
    });
    await addVehicleWithDriver(page, {
      plate: '川AD12345',
      damagedParts: ['车头'],
      driver: {
        name: '李四',
        idNumber: '110105194912310021',
        phone: '13900139000',
        compulsoryInsurer: '中国平安财险',
      },
    });

    await page.goto(`/cases/${id}/evidence`);
    const progress = page.getByTestId('evidence-progress');
    await progress.getByText('已拍 0 / 13').waitFor();

    // The first three shots with the in-page camera: it moves on by itself.
    await page
      .locator('li.shot[data-slot="scene-behind"]')
      .getByRole('button', { name: '拍摄' })
      .click();
    const shutter = page.getByRole('button', { name: '拍照' });
    for (let i = 0; i < 3; i++) {
      await expect.poll(() => shutter.isEnabled()).toBe(true);
      await shutter.click();
    }
    await page.getByRole('button', { name: '完成' }).click();
    await progress.getByText('已拍 3 / 13').waitFor();

    // The rest through the gallery fallback.
    const missing = await page
      .locator('li.shot:not(.taken)')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-slot') ?? ''));
    expect(missing).toHaveLength(10);
    for (const slot of missing) await pickPhoto(page, slot, await makeJpeg(page, 1600, 1200, slot));
    await progress.getByText('取证完成').waitFor();

    await page.getByRole('button', { name: '确认现场已撤离' }).click();
    await page.goto(`/cases/${id}`);
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('现场已撤离');
    expect(await page.getByTestId('clearance-fast').textContent()).toMatch(/分钟/);

    await page.reload();
    expect(await page.getByTestId('case-state').textContent()).toBe('现场已撤离');
    const photos = await storedPhotos(page);
    expect(photos).toHaveLength(13);
    expect(photos.every((p) => p.intact)).toBe(true);
    await openParties(page, id);
    expect(
      await page
        .getByLabel('号牌号码')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).toEqual([expect.stringContaining('12345'), expect.stringContaining('D12345')]);
    await context.close();
  });
});
