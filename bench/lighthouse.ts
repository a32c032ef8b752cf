/**
 * Lighthouse benchmark (`npm run bench`): the app as `npm start` serves it —
 * the built `dist/` (or STATIC_DIR) and the API from the one server process,
 * SQLite in a new temp folder — audited by Lighthouse 12.8.2 in Debian's
 * Chromium with the browser tests' flags (TOOLCHAIN.md), mobile with the
 * default simulated throttling, a fresh profile per run (a first visit: no
 * service worker, nothing cached). Runs 3 times; every figure is the median
 * of the runs, and each run's figures are kept beside it.
 * Run alone (after `npx vite build`): `npx tsx -e "import('./bench/lighthouse.ts').then(m => m.benchLighthouse()).then(r => console.log(JSON.stringify(r, null, 2)))"`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROME_ARGS, CHROME_PATH, sleep, startServer, until } from '../tests/e2e/harness';

/** Issue 13's targets. */
export const LIGHTHOUSE_TARGETS = {
  performance: 0.95,
  accessibility: 1,
  bestPractices: 1,
  seo: 1,
  lcpMs: 2000,
  tbtMs: 50,
} as const;

export interface LighthouseRun {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  bytes: number;
  /** Audits of the four categories that did not pass (id: title), for what to fix next. */
  failing: string[];
  lcpElement: string | null;
}

export interface LighthouseFigures {
  method: string;
  lighthouse: string;
  runs: LighthouseRun[];
  median: Omit<LighthouseRun, 'failing' | 'lcpElement'>;
  targets: typeof LIGHTHOUSE_TARGETS;
  /** 1-minute load average before and after the runs (other work on the machine). */
  loadAverage: { before: number; after: number };
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** Chromium on its own DevTools port with a new profile, for Lighthouse to drive. */
async function openChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'kuaichu-lighthouse-'));
  const proc = spawn(
    CHROME_PATH,
    [...CHROME_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: 'ignore', detached: true },
  );
  const portFile = join(profile, 'DevToolsActivePort');
  let port = 0;
  await until(
    'Chromium to open its DevTools port',
    () => {
      if (proc.exitCode !== null) throw new Error('Chromium exited before opening its port');
      if (!existsSync(portFile)) return false;
      port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
      return port > 0;
    },
    30_000,
    50,
  );
  return {
    port,
    async close() {
      if (proc.pid && proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        process.kill(-proc.pid, 'SIGKILL');
        await Promise.race([exited, sleep(5000)]);
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

function figuresOf(lhr: Lhr): LighthouseRun {
  const score = (id: string) => lhr.categories[id]?.score ?? 0;
  const value = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
  const failing = Object.values(lhr.categories).flatMap((category) =>
    category.auditRefs
      .filter((ref) => ref.weight > 0 || category.id === 'performance')
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
      .map((a) => `${a?.id}: ${a?.displayValue ?? a?.score}`),
  );
  const lcpDetails = lhr.audits['largest-contentful-paint-element']?.details as
    { items?: { items?: { node?: { snippet?: string } }[] }[] } | undefined;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcpMs: value('first-contentful-paint'),
    lcpMs: value('largest-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    bytes: value('total-byte-weight'),
    failing: [...new Set(failing)],
    lcpElement: lcpDetails?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
  };
}

export async function benchLighthouse(runs = 3): Promise<LighthouseFigures> {
  const before = loadavg()[0] ?? 0;
  const server = await startServer();
  const results: LighthouseRun[] = [];
  let version = '';
  try {
    for (let i = 0; i < runs; i++) {
      const chrome = await openChromium();
      try {
        const result = await lighthouse(`${server.url}/`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        if (!result) throw new Error('Lighthouse gave no result');
        if (result.lhr.runtimeError) throw new Error(result.lhr.runtimeError.message);
        version = result.lhr.lighthouseVersion;
        results.push(figuresOf(result.lhr));
      } finally {
        await chrome.close();
      }
    }
  } finally {
    await server.stop();
  }
  const pick = (key: keyof LighthouseFigures['median']) => median(results.map((r) => r[key]));
  return {
    method:
      'the app as npm start serves it (dist + API, one port, SQLite in a temp folder); Lighthouse mobile, default simulated throttling, fresh Chromium profile per run; medians of the runs',
    lighthouse: version,
    runs: results,
    median: {
      performance: pick('performance'),
      accessibility: pick('accessibility'),
      bestPractices: pick('bestPractices'),
      seo: pick('seo'),
      fcpMs: pick('fcpMs'),
      lcpMs: pick('lcpMs'),
      tbtMs: pick('tbtMs'),
      bytes: pick('bytes'),
    },
    targets: LIGHTHOUSE_TARGETS,
    loadAverage: {
      before: Math.round(before * 10) / 10,
      after: Math.round(loadavg()[0]! * 10) / 10,
    },
  };
}
