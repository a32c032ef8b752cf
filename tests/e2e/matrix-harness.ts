/**
 * Harness pieces for the sync matrix and the chaos loop (RELIABILITY.md H1,
 * H4): a server that can be SIGKILLed and restarted on the same port and data
 * folder (so the phone keeps its origin), Chromium spawned by us and driven
 * over CDP (so it too can be SIGKILLed with a persistent profile), a
 * deterministic PRNG, and small capture/wait helpers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_ARGS, CHROME_PATH, freePort, waitForServiceWorker } from './harness';
import { createCase } from './drivers';
import { makeDetailedJpeg, makeJpeg, pickPhoto, pickPhotoAndSettle } from './scene-drivers';
import { DEMO_PASSWORD } from './sync-drivers';

/** Where the built app is served from (a private build, STATIC_DIR, or dist/). */
export const STATIC_DIR = process.env.STATIC_DIR ?? 'dist';

export interface KillableServer {
  url: string;
  port: number;
  dataDir: string;
  pid(): number | undefined;
  /** Kills the server's process group with `signal` (SIGKILL by default); keeps the data. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and data folder (kills it first if running). */
  restart(): Promise<void>;
  /** Stops it (SIGTERM, then SIGKILL) and removes the data folder. */
  stop(): Promise<void>;
  output(): string;
}

export async function startKillableServer(
  env: Record<string, string> = {},
): Promise<KillableServer> {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    throw new Error(`${STATIC_DIR}/ has no index.html: build the app first`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'kuaichu-matrix-'));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let output = '';

  const launch = async () => {
    const c = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        STATIC_DIR,
        LOG_LEVEL: 'warn',
        KUAICHU_DEMO: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child = c;
    c.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    c.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (c.exitCode !== null || c.signalCode !== null) {
        throw new Error(`server exited early:\n${output}`);
      }
      try {
        const res = await fetch(`${url}/api/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`server did not become healthy:\n${output}`);
  };

  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    const c = child;
    if (!c?.pid || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    try {
      process.kill(-c.pid, signal);
    } catch {
      // already gone
    }
    await Promise.race([exited, sleep(5000)]);
    if (c.exitCode === null && c.signalCode === null) {
      process.kill(-c.pid, 'SIGKILL');
      await Promise.race([exited, sleep(5000)]);
    }
  };

  await launch();
  return {
    url,
    port,
    dataDir,
    pid: () => child?.pid,
    kill,
    async restart() {
      await kill('SIGKILL');
      await launch();
    },
    async stop() {
      await kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
    output: () => output,
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** mulberry32: a small seeded PRNG, the same sequence for the same seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Polls `check` every `everyMs` until it answers true or `timeoutMs` passes (then throws). */
export async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export const PHONE_CONTEXT = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  geolocation: { latitude: 30.6586, longitude: 104.0648, accuracy: 12 },
  permissions: ['geolocation'],
};

/** Opens the app in `context` at `origin`, waits for the service worker; signs in unless told not to. */
export async function openPhone(
  context: BrowserContext,
  origin: string,
  options: { signIn?: boolean } = {},
): Promise<Page> {
  await shimEsbuildNames(context);
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await waitForServiceWorker(page);
  if (options.signIn !== false) await signInAt(page, origin);
  return page;
}

/**
 * Under `tsx` (esbuild with keepNames) functions handed to `page.evaluate` call
 * a `__name` helper that exists only in Node; the page gets a stand-in.
 */
export async function shimEsbuildNames(context: BrowserContext): Promise<void> {
  await context.addInitScript({
    content: 'globalThis.__name ??= (fn) => fn;',
  });
}

/** `signInOnPhone` for a page whose context has no base URL (Chromium over CDP). */
export async function signInAt(page: Page, origin: string, username = 'demo-officer') {
  await page.goto(`${origin}/signin`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/outbox$/);
  await page.getByTestId('session-panel').getByText('已登录').waitFor();
}

/** The required shots of a case with no vehicle yet (the evidence screen's first three). */
export const SCENE_SLOTS = ['scene-behind', 'scene-front', 'collision-point'] as const;

/**
 * A case with `photos` photos, captured on the page as it is (online or
 * not): created, then the three scene shots and extras. `big` makes noisy,
 * barely compressible photos (a few MB stored), `medium` photo-like ones
 * (a few hundred KB), instead of small flat ones (~20 KB).
 */
export async function quickCase(
  page: Page,
  origin: string,
  place: string,
  photos: number,
  options: { big?: boolean; medium?: boolean; seed?: number } = {},
): Promise<string> {
  await page.goto(`${origin}/`);
  const id = await createCase(page, place);
  await page.goto(`${origin}/cases/${id}/evidence`);
  await page.getByTestId('evidence-progress').waitFor();
  for (let i = 0; i < photos; i++) {
    const slot = i < SCENE_SLOTS.length ? SCENE_SLOTS[i]! : 'extra';
    const jpeg = options.big
      ? await makeDetailedJpeg(page, {
          width: 2048,
          height: 1536,
          seed: (options.seed ?? 1) * 100 + i + 1,
          noise: 255,
          quality: 0.95,
        })
      : options.medium
        ? await makeDetailedJpeg(page, {
            width: 1600,
            height: 1200,
            seed: (options.seed ?? 1) * 100 + i + 1,
            noise: 16,
          })
        : await makeJpeg(page, 480, 360, `${place} ${i} ${id.slice(-6)}`);
    if (slot === 'extra') {
      const r = await pickPhotoAndSettle(page, 'extra', jpeg);
      if (!r.saved) throw new Error(`extra photo ${i} not saved: ${r.alert}`);
    } else await pickPhoto(page, slot, jpeg);
  }
  return id;
}

/** Every case on the phone and its status as the outbox screen derives it, read from IndexedDB. */
export async function phoneStatuses(page: Page): Promise<Map<string, 'sent' | 'unsent'>> {
  const rows = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kuaichu');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    const cases = await all<{ id: string }>('cases');
    const outbox = await all<{ caseId: string }>('outbox');
    const receipts = await all<{ caseId: string; receipt: { complete: boolean } }>('receipts');
    db.close();
    return {
      ids: cases.map((c) => c.id),
      queued: outbox.map((e) => e.caseId),
      complete: receipts.filter((r) => r.receipt.complete).map((r) => r.caseId),
    };
  });
  const queued = new Set(rows.queued);
  const complete = new Set(rows.complete);
  return new Map(
    rows.ids.map((id) => [id, !queued.has(id) && complete.has(id) ? 'sent' : 'unsent'] as const),
  );
}

/** Waits until every listed case (all cases when none are listed) shows sent on the phone. */
export async function waitAllSent(page: Page, ids?: string[], timeoutMs = 60_000): Promise<void> {
  await until(
    `cases ${ids?.join(', ') ?? '(all)'} sent`,
    async () => {
      const s = await phoneStatuses(page);
      const want = ids ?? [...s.keys()];
      return want.every((id) => s.get(id) === 'sent');
    },
    timeoutMs,
    250,
  );
}

/** Chromium spawned by us with a persistent profile, driven over CDP (RELIABILITY.md H4, A2). */
export interface OwnChromium {
  browser: Browser;
  context: BrowserContext;
  profile: string;
  proc: ChildProcess;
  /** SIGKILL of the whole browser: nothing of it gets to clean up. */
  kill(): Promise<void>;
  close(): Promise<void>;
}

export async function launchOwnChromium(
  profile = mkdtempSync(join(tmpdir(), 'kuaichu-profile-')),
  extraArgs: string[] = [],
): Promise<OwnChromium> {
  const portFile = join(profile, 'DevToolsActivePort');
  rmSync(portFile, { force: true });
  const proc = spawn(
    CHROME_PATH,
    [
      ...CHROME_ARGS,
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      ...extraArgs,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  let port = 0;
  await until(
    'Chromium to open its DevTools port',
    () => {
      if (proc.exitCode !== null) throw new Error(`Chromium exited:\n${err}`);
      if (!existsSync(portFile)) return false;
      port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
      return port > 0;
    },
    30_000,
    50,
  );
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0];
  if (!context) throw new Error('no default context');
  await shimEsbuildNames(context);
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation(PHONE_CONTEXT.geolocation);
  const gone = () => proc.exitCode !== null || proc.signalCode !== null;
  const kill = async () => {
    if (gone() || !proc.pid) return;
    const exited = new Promise((r) => proc.once('exit', r));
    process.kill(-proc.pid, 'SIGKILL');
    await Promise.race([exited, sleep(5000)]);
  };
  return {
    browser,
    context,
    profile,
    proc,
    kill,
    async close() {
      await browser.close().catch(() => undefined);
      await kill();
    },
  };
}
