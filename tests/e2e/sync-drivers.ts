/** Drivers and server-side checks for the sync browser tests. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const DEMO_PASSWORD = 'kuaichu-demo-2026';

export async function signInOnPhone(page: Page, username = 'demo-officer'): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/outbox$/);
  await page.getByTestId('session-panel').getByText('已登录').waitFor();
}

/** The status the outbox screen shows for a case: saved-on-phone, sending, sent or needs-attention. */
export async function caseSyncStatus(page: Page, caseId: string): Promise<string | null> {
  return page
    .locator(`[data-testid="outbox-list"] li[data-case="${caseId}"]`)
    .getAttribute('data-status');
}

export async function waitForStatus(page: Page, caseId: string, status: string): Promise<void> {
  await page
    .locator(`[data-testid="outbox-list"] li[data-case="${caseId}"][data-status="${status}"]`)
    .waitFor({ timeout: 60_000 });
}

/** What the server holds for a case, asked as the same officer through the API. */
export async function serverCase(
  serverUrl: string,
  caseId: string,
): Promise<{ status: number; photos: string[]; complete?: boolean; version?: number }> {
  const login = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo-officer', password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${serverUrl}/api/cases/${caseId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) return { status: res.status, photos: [] };
  const body = (await res.json()) as {
    photos: { sha256: string }[];
    receipt: { complete: boolean; manifestVersion: number };
  };
  return {
    status: 200,
    photos: body.photos.map((p) => p.sha256).sort(),
    complete: body.receipt.complete,
    version: body.receipt.manifestVersion,
  };
}

/**
 * What the phone knows about sending, for a failure message: the phase on
 * screen, how many cases it holds, and its outbox entries with their last errors.
 */
export async function syncDiagnosis(page: Page): Promise<{
  phase: string | null;
  cases: number;
  outbox: { key: string; status: string; attempts: number; lastError?: unknown }[];
}> {
  const phase = await page
    .getByTestId('sync-phase')
    .textContent({ timeout: 5_000 })
    .catch(() => null);
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kuaichu');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const ask = <T>(store: string, read: (s: IDBObjectStore) => IDBRequest) =>
      new Promise<T>((resolve, reject) => {
        const req = read(db.transaction(store).objectStore(store));
        req.onsuccess = () => resolve(req.result as T);
        req.onerror = () => reject(req.error);
      });
    const cases = await ask<number>('cases', (s) => s.count());
    const rows = await ask<
      { key: string; status: string; attempts: number; lastError?: unknown }[]
    >('outbox', (s) => s.getAll());
    db.close();
    return {
      cases,
      outbox: rows.map(({ key, status, attempts, lastError }) => ({
        key,
        status,
        attempts,
        lastError,
      })),
    };
  });
  return { phase, ...stored };
}

/**
 * Signs in as any role on the sign-in screen and waits for the answer: the
 * screen the app went on to (its path), or the sign-in error it showed.
 */
export async function signInAs(
  page: Page,
  username: string,
): Promise<{ path: string } | { error: string }> {
  await page.goto('/signin');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  const left = page.waitForURL((url) => url.pathname !== '/signin').then(() => 'left' as const);
  const refused = page
    .locator('#main [role="alert"]')
    .waitFor()
    .then(() => 'refused' as const);
  const outcome = await Promise.race([left, refused]);
  if (outcome === 'refused') {
    return { error: (await page.locator('#main [role="alert"]').textContent()) ?? '' };
  }
  return { path: new URL(page.url()).pathname };
}
