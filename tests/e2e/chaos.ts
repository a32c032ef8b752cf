/**
 * The H6 chaos loop (RELIABILITY.md): a seeded PRNG picks, step after step,
 * among capturing a case, reloading the app, SIGKILLing the browser (also in
 * the middle of a capture), SIGKILLing the server and restarting it on the
 * same port and data folder, changing the fault proxy's mode (pass, delay,
 * cut request, lost response, 503), going offline or online, and jumping the
 * outbox's clock past its backoff. Then it heals everything — proxy to pass,
 * online, server up, one last clock jump — waits for every case on the phone
 * to show sent, and runs the H5 invariant check.
 *
 * The same seed gives the same sequence of actions (timing still varies: it
 * is a real browser and a real server). Bounded: at most `maxMs` overall,
 * actions stop at 60 % of it, and every wait has a deadline.
 *
 * The clock jump: the runner waits for `nextAttemptAt` (exponential backoff,
 * up to 5 minutes after many failures). Moving the outbox entries'
 * `nextAttemptAt` to now in IndexedDB (what a clock jump past the backoff
 * does, without faking the page's timers) keeps a bounded run from waiting
 * out a 5-minute backoff; nothing else in the entries is touched.
 */
import type { Page } from 'playwright-core';
import { startFaultProxy, type FaultProxy, type FaultRule } from '../faults/fault-proxy';
import {
  launchOwnChromium,
  type OwnChromium,
  prng,
  type RunningServer,
  sleep,
  startServer,
  until,
} from './harness';
import { checkInvariants, type InvariantReport } from './invariants';
import { jumpOutboxClock, phoneStatuses } from './outbox';
import { openPhone } from './phone';
import { quickCase } from './scene-drivers';

export interface ChaosOptions {
  seed: number;
  cases: number;
  photosPerCase: number;
  maxMs: number;
  /** Keep on with the other actions until this many steps (default 4 per case). */
  minSteps?: number;
  /** Progress lines (default: console.info). */
  log?: (line: string) => void;
}

export interface ChaosResult {
  seed: number;
  steps: string[];
  /** Every case on the phone at the end. */
  cases: string[];
  /** Cases whose capture finished (a capture cut by a kill may leave none). */
  completed: string[];
  report: InvariantReport;
  ms: number;
  counts: Record<string, number>;
}

type Action =
  | 'capture'
  | 'reload'
  | 'kill-browser'
  | 'kill-browser-mid-capture'
  | 'kill-server'
  | 'proxy'
  | 'offline'
  | 'clock-jump'
  | 'wait';

const WEIGHTS: [Action, number][] = [
  ['capture', 4],
  ['reload', 1],
  ['kill-browser', 1],
  ['kill-browser-mid-capture', 1],
  ['kill-server', 1],
  ['proxy', 2],
  ['offline', 1],
  ['clock-jump', 1],
  ['wait', 2],
];

export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const { seed, cases, photosPerCase, maxMs } = options;
  const say = options.log ?? ((line: string) => console.info(line));
  const random = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const started = Date.now();
  const deadline = started + maxMs;
  const actionsUntil = started + maxMs * 0.6;
  const steps: string[] = [];
  const counts: Record<string, number> = {};

  let server: RunningServer | undefined;
  let proxy: FaultProxy | undefined;
  let own: OwnChromium | undefined;
  try {
    server = await startServer({ KUAICHU_DEMO: '1' });
    proxy = await startFaultProxy(server.url);
    const origin = proxy.url;
    own = await launchOwnChromium();
    let page: Page = await openPhone(own.context, origin);
    let offline = false;
    let captured = 0;
    const completed: string[] = [];

    const relaunch = async () => {
      const profile = own!.profile;
      await own!.kill();
      await own!.browser.close().catch(() => undefined);
      own = await launchOwnChromium(profile);
      if (offline) await own.context.setOffline(true);
      page = await own.context.newPage();
      await page.goto(`${origin}/outbox`);
    };

    const proxyRule = (): { rule: FaultRule | undefined; text: string } => {
      const match = pick([
        'PATCH /api/uploads/',
        'PUT /api/cases/',
        'POST /api/uploads',
        undefined,
      ]);
      const times = int(1, 3);
      const mode = pick(['pass', 'delay', 'cut', 'lost', '503'] as const);
      switch (mode) {
        case 'pass':
          return { rule: undefined, text: 'pass' };
        case 'delay': {
          const ms = int(100, 800);
          return { rule: { fault: { mode: 'delay', ms } }, text: `delay ${ms} ms` };
        }
        case 'cut': {
          // A photo's bytes go in its creation POST, a large one's later chunks in PATCHes.
          const bytes = int(1_000, 300_000);
          const upload = pick(['POST /api/uploads', 'PATCH /api/uploads/']);
          return {
            rule: { fault: { mode: 'cut-request', bytes }, match: upload, times },
            text: `cut ${upload.split(' ')[0]} at ${bytes} B ×${times}`,
          };
        }
        case 'lost':
          return {
            rule: { fault: { mode: 'lost-response' }, ...(match ? { match } : {}), times },
            text: `lost-response ${match ?? 'any'} ×${times}`,
          };
        case '503':
          return {
            rule: { fault: { mode: 'status', status: 503 }, ...(match ? { match } : {}), times },
            text: `503 ${match ?? 'any'} ×${times}`,
          };
      }
    };

    const minSteps = options.minSteps ?? cases * 4;
    for (
      let step = 0;
      (captured < cases || step < minSteps) && Date.now() < actionsUntil && step < 500;
      step++
    ) {
      const total = WEIGHTS.reduce((n, [, w]) => n + w, 0);
      let r = random() * total;
      let action = WEIGHTS.find(([, w]) => (r -= w) < 0)?.[0] ?? 'wait';
      if (captured >= cases && (action === 'capture' || action === 'kill-browser-mid-capture')) {
        action = 'wait';
      }
      let text: string = action;
      switch (action) {
        case 'capture':
          completed.push(await quickCase(page, origin, `混沌 ${seed}-${captured}`, photosPerCase));
          captured += 1;
          text = `capture #${captured}`;
          break;
        case 'reload':
          await page.goto(`${origin}/outbox`);
          break;
        case 'kill-browser':
          await relaunch();
          break;
        case 'kill-browser-mid-capture': {
          const ms = int(300, 3000);
          const capture = quickCase(page, origin, `混沌 ${seed}-${captured}`, photosPerCase).then(
            (id) => {
              completed.push(id);
              return 'done';
            },
            () => 'cut',
          );
          await Promise.race([capture, sleep(ms)]);
          await relaunch();
          const outcome = await capture;
          // A case begun counts: its row (if the kill let it commit) must be delivered.
          captured += 1;
          text = `kill browser ${ms} ms into capture #${captured} (${outcome})`;
          break;
        }
        case 'kill-server': {
          const ms = int(0, 1500);
          await server.kill('SIGKILL');
          await sleep(ms);
          await server.restart();
          text = `kill server, restart after ${ms} ms`;
          break;
        }
        case 'proxy': {
          const { rule, text: t } = proxyRule();
          if (rule) proxy.set(rule);
          else proxy.set();
          text = `proxy ${t}`;
          break;
        }
        case 'offline':
          offline = !offline;
          await own.context.setOffline(offline);
          text = offline ? 'go offline' : 'go online';
          break;
        case 'clock-jump':
          await jumpOutboxClock(page);
          break;
        case 'wait': {
          const ms = int(200, 2000);
          await sleep(ms);
          text = `wait ${ms} ms`;
          break;
        }
      }
      counts[action] = (counts[action] ?? 0) + 1;
      const line = `[chaos ${seed}] ${String(step).padStart(3)} +${((Date.now() - started) / 1000).toFixed(1)}s ${text}`;
      steps.push(line);
      say(line);
    }
    // Cases not captured in the time given are captured now, on a good link.
    proxy.set();
    if (offline) await own.context.setOffline(false);
    offline = false;
    while (captured < cases) {
      completed.push(await quickCase(page, origin, `混沌 ${seed}-${captured}`, photosPerCase));
      captured += 1;
      say(`[chaos ${seed}] heal: capture #${captured}`);
    }

    // Heal: good link, server up, backoff skipped, then wait for every case.
    // Looked at every 250 ms; nudged (clock jump, "立即发送") every 3 s until then.
    await page.goto(`${origin}/outbox`);
    let nudgedAt = 0;
    await until(
      'every case sent',
      async () => {
        const s = await phoneStatuses(page);
        if (s.size > 0 && [...s.values()].every((v) => v === 'sent')) return true;
        if (Date.now() - nudgedAt >= 3_000) {
          nudgedAt = Date.now();
          await jumpOutboxClock(page);
          const sendNow = page.getByRole('button', { name: '立即发送' });
          if (await sendNow.isEnabled().catch(() => false)) await sendNow.click();
        }
        return false;
      },
      Math.max(30_000, deadline - Date.now()),
      250,
    );
    const report = await checkInvariants(page, server);
    const ids = [...(await phoneStatuses(page)).keys()];
    say(
      `[chaos ${seed}] done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${ids.length} cases, ${report.serverBlobs} blobs, steps ${JSON.stringify(counts)}`,
    );
    return { seed, steps, cases: ids, completed, report, ms: Date.now() - started, counts };
  } finally {
    await own?.close();
    await proxy?.close();
    await server?.stop();
  }
}
