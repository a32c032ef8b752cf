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
  /**
   * How long stop() lets the attempts under way finish before cutting them
   * short (default 2 s): an insurer that took the event gets its answer
   * recorded, instead of the same event again after a restart.
   */
  stopGraceMs?: number;
}

export interface Dispatcher {
  start(): void;
  /**
   * Stops the loop; an attempt still under way after the grace period is cut
   * short and retried at the next start.
   */
  stop(): Promise<void>;
  /** Runs a pass now (or right after the one under way). */
  kick(): void;
  /** One pass: claims what is due, sends it, records it; answers how many were claimed. */
  runOnce(): Promise<number>;
}

/** Why an attempt was not made: the endpoint's address is refused now. */
class EndpointRefused extends Error {}

const errorText = (error: unknown, stopped: boolean): string => {
  if (stopped) return 'stopped';
  if (error instanceof EndpointRefused) return `endpoint_refused: ${error.message}`;
  if (error instanceof Error && error.name === 'TimeoutError') return 'timeout';
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error | null)?.message;
  return `network: ${String(detail ?? error)}`;
};

interface Ports {
  now: () => Date;
  random: () => number;
  fetch: Fetch;
  resolve: Resolver;
  timeoutMs: number;
}

/** `promise`, or the signal's reason once it aborts (a DNS lookup cannot be cancelled, only left). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason as Error);
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * Checks the address again, then POSTs the payload signed; answers the HTTP
 * status. The timeout covers the name lookup and the request together.
 */
async function post(ports: Ports, claim: ClaimedDelivery, stop: AbortSignal): Promise<number> {
  const { endpoint } = claim;
  const signal = AbortSignal.any([AbortSignal.timeout(ports.timeoutMs), stop]);
  const verdict = await untilAborted(
    checkEndpointUrl(endpoint.url, endpoint.allow_private === 1, ports.resolve),
    signal,
  );
  if (!verdict.ok) throw new EndpointRefused(verdict.message);
  const res = await ports.fetch(endpoint.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Kuaichu-Webhooks/1',
      ...webhookHeaders(endpoint, claim.messageId, ports.now(), claim.payload),
    },
    body: claim.payload,
    // A redirect could lead past the address check: never followed, counted as a failure.
    redirect: 'manual',
    signal,
  });
  await res.body?.cancel().catch(() => undefined);
  return res.status;
}

/** What the delivery does after an attempt answered `status` (null: no answer). */
function nextStep(
  ports: Ports,
  claim: ClaimedDelivery,
  status: number | null,
  stopped: boolean,
): AttemptOutcome['next'] {
  if (status !== null && status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 410) return { kind: 'gone' };
  const at = ports.now();
  // Cut short by stop(): tried again as soon as a dispatcher runs.
  if (stopped) return { kind: 'retry', at };
  const next = nextRetryAt(new Date(claim.createdAt), at, claim.attempt, ports.random());
  return next ? { kind: 'retry', at: next } : { kind: 'failed' };
}

/** Makes one claimed attempt and records it. */
async function attempt(db: Db, ports: Ports, claim: ClaimedDelivery, stop: AbortSignal) {
  const started = performance.now();
  let status: number | null = null;
  let error: string | null = null;
  try {
    status = await post(ports, claim, stop);
    if (status < 200 || status >= 300) error = `HTTP ${status}`;
  } catch (e) {
    error = errorText(e, stop.aborted);
  }
  const outcome: AttemptOutcome = {
    status,
    error,
    durationMs: Math.round(performance.now() - started),
    next: nextStep(ports, claim, status, stop.aborted),
  };
  await finishAttempt(db, claim, outcome, ports.now());
}

/**
 * Runs `pass` every `pollMs` between start and stop, at once on `kick`, and
 * again straight away while a pass finds a full batch or was kicked while it
 * ran (an event committed after the pass looked for due deliveries must not
 * wait for the next poll).
 */
export function pollLoop(
  pass: () => Promise<boolean>,
  pollMs: number,
): { start(): void; stop(): Promise<void>; kick(): void } {
  let started = false;
  let running = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (started) timer = setTimeout(tick, ms).unref();
  };
  function tick(): void {
    if (running) {
      again = true;
      return;
    }
    running = true;
    current = (async () => {
      do {
        again = false;
        const full = await pass();
        again ||= full;
      } while (again && started);
      running = false;
      schedule(pollMs);
    })();
  }
  return {
    start() {
      if (started) return;
      started = true;
      schedule(0);
    },
    async stop() {
      started = false;
      clearTimeout(timer);
      await current;
    },
    // Kicked while a pass runs: it runs again at once. (Through the timer, a
    // pass ending before the timer fired would re-arm the poll over it, and
    // the kick was lost until the next poll.)
    kick() {
      if (running) again = true;
      else schedule(0);
    },
  };
}

/** How long stop() waits for the attempts under way (see `stopGraceMs`). */
const DEFAULT_STOP_GRACE_MS = 2_000;

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  const leaseMs = options.leaseMs ?? timeoutMs + 30_000;
  const ports: Ports = {
    now: options.now ?? (() => new Date()),
    random: options.random ?? Math.random,
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    resolve: options.resolve ?? systemResolver,
    timeoutMs,
  };
  let stopping = new AbortController();

  async function runOnce(): Promise<number> {
    const claims = await claimDue(db, ports.now(), leaseMs, BATCH);
    const stop = stopping.signal;
    await Promise.all(claims.map((claim) => attempt(db, ports, claim, stop)));
    return claims.length;
  }

  const loop = pollLoop(async () => {
    try {
      return (await runOnce()) === BATCH;
    } catch (error) {
      options.onError?.(error);
      return false;
    }
  }, options.pollMs ?? DEFAULT_WEBHOOK_POLL_MS);

  return {
    start() {
      if (stopping.signal.aborted) stopping = new AbortController();
      loop.start();
    },
    async stop() {
      const cut = stopping;
      const grace = setTimeout(() => cut.abort(), options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS);
      try {
        await loop.stop();
      } finally {
        clearTimeout(grace);
        cut.abort();
      }
    },
    kick: () => loop.kick(),
    runOnce,
  };
}
