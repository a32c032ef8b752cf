/**
 * The outbox in a real browser against the real server, through the fault
 * proxy: cases captured offline reach the server once a connection returns;
 * a captive portal's 200 is not a receipt; a refused upload needs attention
 * and nothing is dropped (RELIABILITY.md A/B matrix, the in-browser part).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFaultProxy, type FaultProxy } from '../faults/fault-proxy';
import { useBrowserWorld } from './harness';
import { checkInvariants } from './invariants';
import { caseSyncStatus, waitForStatus } from './outbox';
import { storedPhotos } from './phone-db';
import { fillOneVehicleCase } from './scene-drivers';
import { serverCase } from './server';
import { startCase } from './drivers';

const world = useBrowserWorld({ demo: true });
let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await startFaultProxy(world.server.url);
});

afterAll(async () => {
  await proxy?.close();
});

/** A signed-in phone whose every request goes through the fault proxy. */
async function phone(): Promise<Page> {
  return (await world.openPhone({ baseURL: proxy.url, signIn: true })).page;
}

/** A case with one vehicle and three photos, captured on the page as it is (online or not). */
async function captureCase(page: Page, place: string): Promise<{ id: string; hashes: string[] }> {
  await page.goto('/');
  const id = await startCase(page, place);
  await fillOneVehicleCase(page, id, place);
  const hashes = (await storedPhotos(page)).map((p) => p.sha256).sort();
  return { id, hashes: [...new Set(hashes)] };
}

describe('sync in the browser', () => {
  it('sends a case captured offline once the connection returns, and only then says "sent"', async () => {
    proxy.set();
    const page = await phone();
    await page.context().setOffline(true);
    const { id, hashes } = await captureCase(page, '离线路段 K1');
    await page.goto('/outbox');
    // Offline, the runner may be mid-attempt ("sending") but never "sent".
    expect(['saved-on-phone', 'sending']).toContain(await caseSyncStatus(page, id));
    await expect.poll(() => page.getByTestId('unsent-cases').textContent()).toBe('1');
    expect((await serverCase(world.server.url, id)).status).toBe(404);

    await page.context().setOffline(false);
    await waitForStatus(page, id, 'sent');
    await expect.poll(() => page.getByTestId('unsent-cases').textContent()).toBe('0');
    const held = await serverCase(world.server.url, id);
    expect(held).toMatchObject({ status: 200, complete: true, version: 1 });
    expect(held.photos).toEqual(hashes);
    await checkInvariants(page, world.server);
    await page.context().close();
  });

  it('takes no 200 from a captive portal for a receipt', async () => {
    proxy.set(
      { fault: { mode: 'captive-portal' }, match: '/api/cases/' },
      { fault: { mode: 'captive-portal' }, match: '/api/uploads' },
      { fault: { mode: 'captive-portal' }, match: '/api/photos' },
    );
    const page = await phone();
    const { id } = await captureCase(page, '门户 Wi-Fi 路段');
    await page.goto('/outbox');
    await page.getByRole('button', { name: '立即发送' }).click();
    await page.getByTestId('sync-phase').getByText('连接不到服务器').waitFor({ timeout: 60_000 });
    expect(['saved-on-phone', 'sending']).toContain(await caseSyncStatus(page, id));
    expect((await serverCase(world.server.url, id)).status).toBe(404);

    proxy.set();
    await page.getByRole('button', { name: '立即发送' }).click();
    await waitForStatus(page, id, 'sent');
    expect((await serverCase(world.server.url, id)).complete).toBe(true);
    await checkInvariants(page, world.server);
    await page.context().close();
  });

  it('marks a refused upload "needs attention" with its reason, keeps the case, and sends it after a retry', async () => {
    // What a reverse proxy in front of the server answers to a body over its limit.
    proxy.set({
      fault: {
        mode: 'status',
        status: 413,
        headers: { 'content-type': 'text/html' },
        body: '<html><head><title>413 Request Entity Too Large</title></head></html>',
      },
      match: 'POST /api/uploads',
    });
    const page = await phone();
    const { id } = await captureCase(page, '超限路段');
    await page.goto('/outbox');
    await waitForStatus(page, id, 'needs-attention');
    expect(await page.locator(`li[data-case="${id}"]`).textContent()).toContain('文件太大');
    expect((await storedPhotos(page)).every((p) => p.intact)).toBe(true);

    proxy.set();
    await page.locator(`li[data-case="${id}"]`).getByRole('button', { name: '重试' }).click();
    await waitForStatus(page, id, 'sent');
    expect((await serverCase(world.server.url, id)).complete).toBe(true);
    await checkInvariants(page, world.server);
    await page.context().close();
  });
});
