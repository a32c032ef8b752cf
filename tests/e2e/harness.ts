/**
 * The browser-test harness: the real server (`server/main.ts` serving the
 * built app) on a free loopback port with a throw-away data folder, killable
 * and restartable on the same port and folder (so a phone keeps its origin);
 * Debian's Chromium through playwright-core, or spawned by us and driven over
 * CDP so it too can be SIGKILLed with a persistent profile (RELIABILITY.md
 * H1, H4); the world a test file shares; and small wait helpers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserServer,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import {
  PHONE_CONTEXT,
  openApp,
  phoneContext,
  shimEsbuildNames,
  type OpenAppOptions,
} from './phone';
export { prng } from '../../scripts/prng';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * Chromium features turned off. The omnibox popup's WebUI: headless Chromium
 * (the new headless, a whole browser) preloads it in a renderer process of its
 * own for every window, so for every browser context a test opens — about
 * 0.2 CPU-seconds each that no test looks at. Chromium reads only the last
 * `--disable-features`, and Playwright passes one of its own before ours:
 * its list (chromiumSwitches in playwright-core 1.65) is repeated here.
 */
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
];

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
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
];

/** Where the built app is served from (a private build, STATIC_DIR, or dist/). */
export const STATIC_DIR = process.env.STATIC_DIR ?? 'dist';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

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

/** Sends `signal` to a detached child's process group and waits (5 s at most) for it to exit. */
async function killGroup(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  if (!child.pid || gone()) return;
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
  await Promise.race([exited, sleep(5000)]);
}

/** Where a server answers and keeps its data. */
export interface ServerAddress {
  url: string;
  dataDir: string;
}

export interface RunningServer extends ServerAddress {
  port: number;
  pid(): number | undefined;
  /** Kills the server's process group with `signal` (SIGKILL by default); keeps the data. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and data folder (kills it first if running). */
  restart(): Promise<void>;
  /** Stops it (SIGTERM, then SIGKILL) and removes the data folder. */
  stop(): Promise<void>;
  output(): string;
}

/**
 * Starts the server on a free port with a new data folder. `env` adds to its
 * environment (e.g. `KUAICHU_DEMO: '1'` for the demo users, `STATIC_DIR`).
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const staticDir = env.STATIC_DIR ?? STATIC_DIR;
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`${staticDir}/ is missing: run \`npm run build\` before the browser tests`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'kuaichu-e2e-'));
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
        STATIC_DIR: staticDir,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child = c;
    c.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    c.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    await until(
      'the server to answer /api/health',
      async () => {
        if (c.exitCode !== null || c.signalCode !== null) {
          throw new Error(`server exited early:\n${output}`);
        }
        try {
          return (await fetch(`${url}/api/health`)).ok;
        } catch {
          return false; // not listening yet
        }
      },
      30_000,
      50,
    ).catch((err: unknown) => {
      throw new Error(`server did not become healthy:\n${output}`, { cause: err });
    });
  };

  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (!child) return;
    await killGroup(child, signal);
    await killGroup(child, 'SIGKILL');
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

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME_PATH, args: [...CHROME_ARGS, ...extraArgs] });
}

/** Chromium as a Playwright browser server, for many test files to connect to (global-setup.ts). */
export async function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROME_PATH, args: CHROME_ARGS });
}

declare module 'vitest' {
  /** What a browser-test run shares between its files (tests/e2e/global-setup.ts). */
  export interface ProvidedContext {
    /** The browser server's endpoint: the one Chromium the files connect to. */
    sharedBrowser?: string;
    /** The one server with the demo users. */
    sharedServer?: ServerAddress;
  }
}

/**
 * The run's shared Chromium when there is one (connected: `close()` only
 * disconnects, closing this connection's contexts), else one of its own;
 * with extra flags always one of its own. Inside a vitest run only.
 */
export async function testBrowser(extraArgs: string[] = []): Promise<Browser> {
  const endpoint = extraArgs.length === 0 ? inject('sharedBrowser') : undefined;
  return endpoint ? chromium.connect(endpoint) : launchBrowser(extraArgs);
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
  const kill = () => killGroup(proc, 'SIGKILL');
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

export interface PhoneOptions {
  /** Where the phone's requests go: the world's server unless given (e.g. a fault proxy). */
  baseURL?: string;
  /** `block`: no service worker (see {@link phoneContext}); never with `openPhone`. */
  serviceWorkers?: 'allow' | 'block';
}

export interface WorldOptions {
  /** Start the server with the demo officers (`KUAICHU_DEMO=1`), for tests that sign in. */
  demo?: boolean;
  /**
   * A server of the file's own, for tests that count everything the server
   * holds; implied by `env`.
   */
  ownServer?: boolean;
  /** More server environment, read when the server starts (so it may name what a hook made). */
  env?: () => Record<string, string>;
  /** Extra Chromium flags (a browser of the file's own). */
  chromeArgs?: string[];
}

/** One server and one browser used by the tests of a file; see {@link useBrowserWorld}. */
export interface BrowserWorld {
  readonly server: ServerAddress;
  readonly browser: Browser;
  /** A new phone-sized context on the world's browser (see {@link phoneContext}). */
  newPhone(options?: PhoneOptions): Promise<BrowserContext>;
  /** A new phone with the app opened on it (see {@link openApp}). */
  openPhone(
    options?: PhoneOptions & OpenAppOptions,
  ): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * Registers `beforeAll` (the server, then the browser) and `afterAll` (the
 * browser let go, then the server) for the calling test file, and returns the
 * world they set up. The run's shared server (which has the demo users) and
 * Chromium are used when there are (tests/e2e/global-setup.ts); a file that
 * asks for its own server (`ownServer`, `env`) or browser (`chromeArgs`)
 * starts it. `server` and `browser` may be read inside tests and hooks only.
 * Hooks the file registers before this call run before the set-up and after
 * the teardown (vitest runs hooks as a stack).
 */
export function useBrowserWorld(options: WorldOptions = {}): BrowserWorld {
  let server: ServerAddress | undefined;
  let ownServer: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = options.ownServer || options.env ? undefined : inject('sharedServer');
    if (!server) {
      ownServer = await startServer({
        ...(options.demo ? { KUAICHU_DEMO: '1' } : {}),
        ...options.env?.(),
      });
      server = ownServer;
    }
    browser = await testBrowser(options.chromeArgs);
  });

  afterAll(async () => {
    await browser?.close();
    await ownServer?.stop();
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
    newPhone: (phone = {}) =>
      phoneContext(world.browser, phone.baseURL ?? world.server.url, phone.serviceWorkers),
    async openPhone(phone = {}) {
      const context = await world.newPhone(phone);
      const page = await openApp(context, phone);
      return { context, page };
    },
  };
  return world;
}
