/**
 * The webhook dispatcher: a loop that claims due deliveries (deliveries.ts,
 * with a lease), POSTs each message's payload with the Standard Webhooks
 * headers (sign.ts) and records the attempt. 2xx: delivered. 410 Gone: the
 * endpoint is disabled with its pending deliveries. Anything else — another
 * status, a network error, the per-attempt timeout, the SSRF guard refusing —
 * is retried on the schedule of schedule.ts, then `failed` after three days.
 *
 * SSRF: the endpoint's host is resolved and checked again right before every
 * attempt (endpoint-guard.ts), and redirects are never followed. The request
 * then resolves the name itself, so a DNS answer changed in the few
 * milliseconds between the check and the connection is not caught (pinning
 * the checked address would need a custom HTTP agent for `fetch`).
 *
 * The server makes one (app.ts), `main.ts` starts it, and the app's `close()`
 * stops it. `kick()` runs it at once (call it after committing an event, so
 * the first attempt does not wait for the next poll); `runOnce()` is one pass,
 * for tests. The clock, the random draw, `fetch` and the resolver are ports.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../db/database';
import { claimDue, finishAttempt } from './deliveries';
import type { AttemptOutcome, ClaimedDelivery } from './deliveries';
import { checkEndpointUrl, systemResolver } from './endpoint-guard';
import type { Resolver } from './endpoint-guard';
import { nextRetryAt } from './schedule';
import { webhookHeaders } from './sign';

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;
export const DEFAULT_WEBHOOK_POLL_MS = 1_000;
/** Deliveries claimed per pass (sent at the same time). */
const BATCH = 20;

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface DispatcherOptions {
  db: Db;
  now?: () => Date;
  /** A draw in [0, 1) for the retry jitter. */
  random?: () => number;
  fetch?: Fetch;
  resolve?: Resolver;
  /** Each attempt is cut off after this long (default 10 s). */
  timeoutMs?: number;
  /** How often the loop looks for due deliveries (default 1 s). */
  pollMs?: number;
  /** How long a claim holds a delivery (default: the timeout and 30 s). */
  leaseMs?: number;
  /** Told about a pass that failed (the loop goes on). */
  onError?: (error: unknown) => void;
}

export interface Dispatcher {
  start(): void;
  /** Stops the loop; an attempt under way is cut short and retried at the next start. */
  stop(): Promise<void>;
  /** Runs a pass now (or right after the one under way). */
  kick(): void;
  /** One pass: claims what is due, sends it, records it; answers how many were claimed. */
  runOnce(): Promise<number>;
}

const errorText = (error: unknown): string => {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timeout';
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error | null)?.message;
  return `network: ${String(detail ?? error)}`;
};

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const fetchFn: Fetch = options.fetch ?? ((url, init) => fetch(url, init));
  const resolve = options.resolve ?? systemResolver;
  const timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  const pollMs = options.pollMs ?? DEFAULT_WEBHOOK_POLL_MS;
  const leaseMs = options.leaseMs ?? timeoutMs + 30_000;
  let stopping = new AbortController();

  /** Sends one claimed delivery; answers its status, or throws. */
  async function post(claim: ClaimedDelivery): Promise<number> {
    const { endpoint } = claim;
    const verdict = await checkEndpointUrl(endpoint.url, endpoint.allow_private === 1, resolve);
    if (!verdict.ok) throw new Error(`endpoint_refused: ${verdict.message}`);
    const res = await fetchFn(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Kuaichu-Webhooks/1',
        ...webhookHeaders(endpoint, claim.messageId, now(), claim.payload),
      },
      body: claim.payload,
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), stopping.signal]),
    });
    await res.body?.cancel().catch(() => undefined);
    return res.status;
  }

  function decide(claim: ClaimedDelivery, status: number | null, stopped: boolean) {
    if (status !== null && status >= 200 && status < 300) return { kind: 'delivered' } as const;
    if (status === 410) return { kind: 'gone' } as const;
    const at = now();
    // Cut short by stop(): tried again as soon as a dispatcher runs.
    if (stopped) return { kind: 'retry', at } as const;
    const next = nextRetryAt(new Date(claim.createdAt), at, claim.attempt, random());
    return next ? ({ kind: 'retry', at: next } as const) : ({ kind: 'failed' } as const);
  }

  async function attempt(claim: ClaimedDelivery): Promise<void> {
    const started = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      status = await post(claim);
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (e) {
      error = stopping.signal.aborted ? 'stopped' : errorText(e);
      if (e instanceof Error && e.message.startsWith('endpoint_refused')) error = e.message;
    }
    const outcome: AttemptOutcome = {
      status,
      error,
      durationMs: Math.round(performance.now() - started),
      next: decide(claim, status, stopping.signal.aborted),
    };
    await finishAttempt(db, claim, outcome, now());
  }

  async function runOnce(): Promise<number> {
    const claims = await claimDue(db, now(), leaseMs, BATCH);
    await Promise.all(claims.map(attempt));
    return claims.length;
  }

  let running = false;
  let again = false;
  let started = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> = Promise.resolve();

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (started) timer = setTimeout(loop, ms);
  };

  function loop(): void {
    if (running) {
      again = true;
      return;
    }
    running = true;
    pass = (async () => {
      do {
        again = false;
        const claimed = await runOnce().catch((e: unknown) => {
          options.onError?.(e);
          return 0;
        });
        if (claimed === BATCH) again = true;
      } while (again && started);
      running = false;
      schedule(pollMs);
    })();
  }

  return {
    start() {
      if (started) return;
      started = true;
      stopping = new AbortController();
      schedule(0);
    },
    async stop() {
      started = false;
      clearTimeout(timer);
      stopping.abort();
      await pass;
    },
    kick() {
      if (started) schedule(0);
    },
    runOnce,
  };
}
