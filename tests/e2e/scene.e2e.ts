/**
 * The officer's first twenty minutes, offline: the accident time, triage in
 * one confirmation, two vehicles and their drivers, the whole shot list
 * (in-page camera and gallery fallback, the plate hint with the real plate, a
 * photo checked large), clearing the road — then a reload finds everything,
 * every photo's hash intact.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserWorld } from './harness';
import { openApp } from './phone';
import { storedPhotos } from './phone-db';
import { confirmAllNormal, confirmSceneCleared, makeJpeg, pickPhoto } from './scene-drivers';
import { addVehicleWithDriver, nextStep, openParties, startCase } from './drivers';

const world = useBrowserWorld({
  chromeArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
});

describe('on scene, offline', () => {
  it('handles a two-vehicle rear-end case from arrival to a cleared road', async () => {
    const context = await world.newPhone();
    await context.grantPermissions(['geolocation', 'camera']);
    const page = await openApp(context, { offline: true });

    // 立案 with the accident 10 minutes before arrival, straight on to triage, then "all normal".
    const id = await startCase(page, 'G318 国道 K1203+500', 10);
    await confirmAllNormal(page, id);

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

    await nextStep(page, '现场取证');
    const progress = page.getByTestId('evidence-progress');
    await progress.getByText('已拍 0 / 13').waitFor();
    // The plate shot's hint draws the vehicle's own plate.
    expect(
      await page
        .locator('li.shot[data-slot^="vehicle:"]')
        .getByTestId('hint-plate')
        .allTextContents(),
    ).toEqual(['川A·12345', '川A·D12345']);

    // The first three shots with the in-page camera: it moves on by itself.
    await page
      .locator('li.shot[data-slot="scene-behind"]')
      .getByRole('button', { name: '拍摄' })
      .click();
    const shutter = page.getByRole('button', { name: '拍照' });
    // A click waits until the shutter is enabled (the camera live again after a shot).
    for (let i = 0; i < 3; i++) await shutter.click();
    await page.getByRole('button', { name: '完成' }).click();
    await progress.getByText('已拍 3 / 13').waitFor();

    // The rest through the gallery fallback.
    const missing = await page
      .locator('li.shot:not(.taken)')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-slot') ?? ''));
    expect(missing).toHaveLength(10);
    for (const slot of missing) await pickPhoto(page, slot, await makeJpeg(page, 1600, 1200, slot));
    await progress.getByText('取证完成').waitFor();

    // A thumbnail opens the photo large, to check it is readable; Escape closes it.
    const thumb = page.getByRole('button', { name: '查看大图：车辆 A 号牌' });
    await thumb.click();
    const large = page.getByRole('dialog', { name: '车辆 A 号牌' });
    await large.waitFor();
    const shown = await large.getByRole('img', { name: '车辆 A 号牌' }).boundingBox();
    expect(shown?.width ?? 0).toBeGreaterThan(300);
    await page.keyboard.press('Escape');
    await large.waitFor({ state: 'hidden' });
    expect(await thumb.evaluate((el) => el === document.activeElement)).toBe(true);

    // Clearing the road is confirmed, with its time, on the way to liability.
    await confirmSceneCleared(page);
    expect(await page.getByTestId('cleared-confirmation').textContent()).toMatch(/\d{2}:\d{2}/);
    await page.goto(`/cases/${id}`);
    expect(
      await page
        .getByRole('group', { name: '事故发生时间' })
        .getByRole('radio', { name: '到达前 10 分钟' })
        .isChecked(),
    ).toBe(true);
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
