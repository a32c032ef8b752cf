/**
 * The world of the sync matrix's browser tests (sync-matrix.e2e.ts, and
 * sync-matrix-faults.e2e.ts): a demo server behind a fault proxy
 * (misbehaves) behind a recorder (counts, keeps bodies), and one Chromium.
 * `useMatrixWorld()` starts it for the calling file; the bindings below are
 * live (ES module exports), so a test reads the running ones.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startFaultProxy, type FaultProxy } from '../faults/fault-proxy';
import { startRecordingProxy, type RecordingProxy } from '../faults/recording-proxy';
import { testBrowser, type RunningServer, startServer, until } from './harness';
import { openPhone, PHONE_CONTEXT, setPhonePin } from './phone';
import { sealedCaseCount } from './phone-db';

export const CHUNK = 512 * 1024;
export const SEED = Number(process.env.MATRIX_SEED ?? 20261127);

export let server: RunningServer;
export let proxy: FaultProxy;
export let rec: RecordingProxy;
export let browser: Browser;

/** Starts the world before the calling file's tests and stops it after them. */
export function useMatrixWorld(): void {
  beforeAll(async () => {
    server = await startServer({ KUAICHU_DEMO: '1' });
    proxy = await startFaultProxy(server.url);
    rec = await startRecordingProxy(proxy.url);
    browser = await testBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await rec?.close();
    await proxy?.close();
    await server?.stop();
  });
}

/** The PIN of the phones that seal (issue 18). */
export const MATRIX_PIN = '271828';

/**
 * A signed-in phone; `sealed`: its officer has set his PIN (through the
 * Settings screen, as on a real phone), so it seals what it writes, each page
 * load locks it (`gotoApp` opens it), and the checks read it with the PIN.
 */
export async function newPhone(sealed = false): Promise<{ context: BrowserContext; page: Page }> {
  proxy.set();
  const context = await browser.newContext({ ...PHONE_CONTEXT, baseURL: rec.url });
  const page = await openPhone(context, rec.url);
  if (sealed) await setPhonePin(page, MATRIX_PIN);
  return { context, page };
}

/** On a phone that seals, every case it holds is stored sealed. */
export async function expectSealedIf(sealed: boolean, page: Page): Promise<void> {
  if (!sealed) return;
  const { sealed: n, cases } = await sealedCaseCount(page);
  expect(cases).toBeGreaterThan(0);
  expect(n).toBe(cases);
}

/**
 * The rows run a second time on a phone that seals (issue 18): a resumed
 * upload, lost answers, a tab closed mid-sync and reopened (locked), a
 * session revoked (the sign-in opens the key). The whole matrix twice would
 * add its full time (159 s, load 5–7); these four took 63 s sealed against 46 s plain.
 */
export const PHONES = [
  { sealed: false, on: '' },
  { sealed: true, on: ' — on a phone that seals' },
] as const;

/**
 * A photo seed of its own for each attempt: a retried test (CI retries a
 * browser test once) must not find its photo already held by the server.
 */
export const attemptSeed = (seed: number, task: { result?: { retryCount?: number } }) =>
  seed + 1000 * (task.result?.retryCount ?? 0);

/** Proxy log entries from index `from` on, as `METHOD path → status [fault]`. */
export const proxyLines = (from = 0) =>
  proxy.log.slice(from).map((e) => `${e.method} ${e.path} → ${e.status ?? '-'} [${e.fault}]`);

/**
 * Waits until every request that reached the recorder from index `from` on
 * has ended: after a kill, the phone has seen the server go.
 */
export async function requestsEnded(from: number): Promise<void> {
  await until(
    'the requests in flight to end',
    () => rec.log.slice(from).every((e) => e.endedAt !== undefined),
    10_000,
    20,
  );
}

/** Waits until no request has reached the proxy for `ms` (a drain in progress has finished). */
export async function quietFor(ms: number): Promise<void> {
  let seen = proxy.log.length;
  let since = Date.now();
  await until(`${ms} ms without a request`, () => {
    if (proxy.log.length !== seen) {
      seen = proxy.log.length;
      since = Date.now();
    }
    return Date.now() - since >= ms;
  });
}
