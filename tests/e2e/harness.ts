/**
 * Browser-test harness: starts the real server (`server/main.ts` serving the
 * built `dist/`) on a free loopback port with a throw-away data folder, and
 * launches Debian's Chromium through playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { signInOnPhone } from './sync-drivers';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium quiet on a closed network (TOOLCHAIN.md). */
export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const staticDir = env.STATIC_DIR ?? process.env.STATIC_DIR ?? 'dist';
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`${staticDir}/ is missing: run \`npm run build\` before the browser tests`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'kuaichu-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => output);
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not become healthy:\n${output()}`);
}

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME_PATH, args: [...CHROME_ARGS, ...extraArgs] });
}

/** A phone-sized context (360 × 740) with geolocation granted. */
export async function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    geolocation: { latitude: 30.6586, longitude: 104.0648, accuracy: 12 },
    permissions: ['geolocation'],
  });
}

/** Waits until the page is controlled by the service worker. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
    timeout: 30_000,
  });
}

/** Options for {@link openApp}; applied in this order once the app is loaded. */
export interface OpenAppOptions {
  /** Sign in once the service worker controls the page: `true` as demo-officer, or a user name. */
  signIn?: boolean | string;
  /** Cut the phone's network once the app is loaded (and signed in). */
  offline?: boolean;
}

/**
 * Opens the app on a phone: a new page at `/`, controlled by the service
 * worker, then signed in and taken offline if asked.
 */
export async function openApp(
  context: BrowserContext,
  options: OpenAppOptions = {},
): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  await waitForServiceWorker(page);
  if (options.signIn) {
    await signInOnPhone(page, options.signIn === true ? undefined : options.signIn);
  }
  if (options.offline) await context.setOffline(true);
  return page;
}

export interface PhoneOptions {
  /** Where the phone's requests go: the world's server unless given (e.g. a fault proxy). */
  baseURL?: string;
}

export interface WorldOptions {
  /** Start the server with the demo officers (`KUAICHU_DEMO=1`), for tests that sign in. */
  demo?: boolean;
  /** More server environment, read when the server starts (so it may name what a hook made). */
  env?: () => Record<string, string>;
  /** Extra Chromium flags. */
  chromeArgs?: string[];
}

/** One server and one browser shared by the tests of a file; see {@link useBrowserWorld}. */
export interface BrowserWorld {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A new phone-sized context on the world's browser (see {@link phoneContext}). */
  newPhone(options?: PhoneOptions): Promise<BrowserContext>;
  /** A new phone with the app opened on it (see {@link openApp}). */
  openPhone(
    options?: PhoneOptions & OpenAppOptions,
  ): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * Registers `beforeAll` (start the server, then launch the browser) and
 * `afterAll` (close the browser, then stop the server) for the calling test
 * file, and returns the world they set up. `server` and `browser` may be read
 * inside tests and hooks only. Hooks the file registers before this call run
 * before the set-up and after the teardown (vitest runs hooks as a stack).
 */
export function useBrowserWorld(options: WorldOptions = {}): BrowserWorld {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer({
      ...(options.demo ? { KUAICHU_DEMO: '1' } : {}),
      ...options.env?.(),
    });
    browser = await launchBrowser(options.chromeArgs);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const world: BrowserWorld = {
    get server() {
      if (!server) throw new Error('the browser world is not set up: use it inside tests or hooks');
      return server;
    },
    get browser() {
      if (!browser)
        throw new Error('the browser world is not set up: use it inside tests or hooks');
      return browser;
    },
    newPhone: (phone = {}) => phoneContext(world.browser, phone.baseURL ?? world.server.url),
    async openPhone(phone = {}) {
      const context = await world.newPhone(phone);
      const page = await openApp(context, phone);
      return { context, page };
    },
  };
  return world;
}
