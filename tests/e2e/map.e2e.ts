/**
 * The location screen: the marker starts at the GPS position, a drag is saved
 * as a map-placed point, and an area pre-cached on Wi-Fi still shows offline,
 * served from the service worker's tile cache. There is no internet here, so
 * a fake tile server answers OpenStreetMap's URLs (`context.route`).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserWorld } from './harness';
import { openApp } from './phone';
import { expectNoAxeViolations } from './axe';
import { createCase, dragMarker, fakeTiles, mapMarker, openLocation } from './drivers';

const world = useBrowserWorld();

const coordinates = (page: Page) => page.getByTestId('coordinates').textContent();
const fieldValue = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).inputValue();

function loadedTiles(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLImageElement>('img.leaflet-tile')].map((img) => ({
      src: img.src,
      loaded: img.classList.contains('leaflet-tile-loaded') && img.naturalWidth > 0,
    })),
  );
}

describe('accident location on the map', () => {
  it('starts at the GPS position and keeps a dragged marker as a map point after reload', async () => {
    const context = await world.newPhone();
    await fakeTiles(context);
    const page = await openApp(context);
    const id = await createCase(page, 'G318 国道 张家村路口');
    await openLocation(page, id);

    await mapMarker(page).waitFor();
    expect(await coordinates(page)).toContain('30.658600, 104.064800');
    expect(await coordinates(page)).toContain('精度约 12 米');
    expect(await coordinates(page)).toContain('来源：GPS 定位');

    await dragMarker(page, 60, 40);
    await expect.poll(() => coordinates(page), { timeout: 10_000 }).toContain('来源：在地图上调整');
    await page.getByTestId('save-status').getByText('已保存在本机').waitFor();
    const lat = await fieldValue(page, '纬度');
    const lng = await fieldValue(page, '经度');
    // Dragged down and right: south and east of the GPS fix.
    expect(Number(lat)).toBeLessThan(30.6586);
    expect(Number(lng)).toBeGreaterThan(104.0648);

    await page.getByLabel('公里桩号', { exact: true }).fill('K1234+500');
    await page.getByTestId('save-status').getByText('已保存在本机').waitFor();

    await page.reload();
    await mapMarker(page).waitFor();
    expect(await coordinates(page)).toContain(`${lat}, ${lng}`);
    expect(await coordinates(page)).toContain('来源：在地图上调整');
    expect(await fieldValue(page, '纬度')).toBe(lat);
    expect(await fieldValue(page, '公里桩号')).toBe('K1234+500');
    await context.close();
  });

  it('shows marker and coordinates without tiles, and a pre-cached area offline', async () => {
    const context = await world.newPhone();
    const tiles = await fakeTiles(context);
    const page = await openApp(context);
    const id = await createCase(page, 'S105 省道');

    // No tile server while online: a plain note that names the server, not
    // "offline", and the marker and coordinates still there.
    tiles.up = false;
    await openLocation(page, id);
    const note = (await page.getByTestId('tiles-unavailable').textContent()) ?? '';
    expect(note).toContain('地图底图服务器无法访问');
    expect(note).not.toContain('离线');
    await expectNoAxeViolations(page, 'map (tile server down)');
    await mapMarker(page).waitFor();
    expect(await coordinates(page)).toContain('30.658600, 104.064800');

    // On "Wi-Fi": pre-cache 250 m around the case at zoom 17 (the map's zoom).
    tiles.up = true;
    await page.getByText('离线地图').click();
    await page.getByLabel('范围（半径）').selectOption({ label: '0.25 公里' });
    await page.getByRole('checkbox', { name: '15 级' }).uncheck();
    await page.getByRole('checkbox', { name: '16 级' }).uncheck();
    await page.getByRole('checkbox', { name: '17 级' }).check();
    const estimate = (await page.getByTestId('precache-estimate').textContent()) ?? '';
    const planned = Number(/约 (\d+) 张图块/.exec(estimate)?.[1]);
    expect(planned).toBeGreaterThan(0);
    expect(planned).toBeLessThanOrEqual(20);
    await page.getByRole('button', { name: '下载到本机' }).click();
    await page.getByTestId('precache-result').waitFor();
    expect(await page.getByTestId('precache-result').textContent()).toBe(
      `完成：${planned} 张图块已保存在本机，0 张失败。`,
    );
    const cached = () =>
      page.evaluate(async () =>
        (await (await caches.open('kuaichu-tiles')).keys()).map((r) => r.url),
      );
    expect((await cached()).length).toBeGreaterThanOrEqual(planned);

    // Offline: reload, and every tile on screen comes from the worker's cache.
    await context.setOffline(true);
    tiles.up = false;
    const servedBefore = tiles.served;
    await page.reload();
    await page.getByTestId('offline-bar').waitFor();
    await mapMarker(page).waitFor();
    expect(await coordinates(page)).toContain('30.658600, 104.064800');
    await expect
      .poll(
        async () => {
          const shown = await loadedTiles(page);
          return shown.length > 0 && shown.every((t) => t.loaded);
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const inCache = new Set(await cached());
    expect((await loadedTiles(page)).every((t) => inCache.has(t.src))).toBe(true);
    expect(await page.getByTestId('tiles-unavailable').count()).toBe(0);
    expect(tiles.served).toBe(servedBefore);
    await context.close();
  });
});
