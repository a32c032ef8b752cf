/**
 * The outbox runner: drains the Dexie outbox to the server. See README.md for
 * the contract and the state diagram. No React; the UI subscribes.
 *
 * What to send and when is the domain's plan (src/domain/outbox/plan.ts,
 * `planSync`); this file runs drains — one at a time, with the triggers,
 * the timer and the session — and send-case.ts carries each case's plan out.
 * Only the server's receipt or upload acknowledgement removes anything from
 * the outbox (src/storage/outbox-repo).
 */
import type { Api } from '../api';
import {
  classifyFailure,
  failureReason,
  isConnectivityFailure,
  isTryNowTrigger,
  planSync,
  wakeAt,
  type SyncPlan,
} from '../domain/outbox';
import type { DeviceKeys } from '../platform/device-keys/port';
import {
  caseEntries,
  holdQueue,
  readOutboxView,
  recordContact,
  wipeAfterRevocation,
  releaseHeld,
  resumeLeftSending,
  sendAllNow,
  type KuaichuDb,
  type SessionStore,
  type StoredSession,
} from '../storage';
import type { SyncClock } from './clock';
import { ensureDevice, isOfficerSession } from './device';
import { refreshFieldPack } from './field-pack';
import { refreshStationOfficers } from './station-officers';
import { pullChanges } from './pull';
import {
  endsPass,
  fail,
  sendCase,
  type CaseResult,
  type PassContext,
  type Recorder,
} from './send-case';
import { INITIAL_SYNC_STATE, type SyncState } from './state';

export interface SyncDeps {
  db: KuaichuDb;
  api: Api;
  clock: SyncClock;
  /** A draw in [0, 1) for the backoff jitter. */
  random: () => number;
  keys: DeviceKeys;
  session: SessionStore;
  /** What the officer calls this phone at enrolment. */
  deviceLabel?: string;
  /**
   * True while the phone's vault is locked for this officer (issue 18): his
   * sealed cases cannot be read, so nothing is sent until he unlocks.
   */
  lockedFor?: (officerId: string) => boolean;
}

export interface SyncRunner {
  /** Starts listening to the session and drains once (app start). */
  start(): void;
  /** Stops timers and listeners and aborts the upload in flight (it resumes next time). */
  stop(): void;
  /** Drains now; a call during a drain queues one more pass. Resolves when the runner is idle. */
  drainNow(reason: string): Promise<void>;
  subscribe(listener: (state: SyncState) => void): () => void;
  getState(): SyncState;
  /** Resolves when no drain is running. */
  idle(): Promise<void>;
}

/** Case rounds per pass: missing photos and edits made while sending make cases due again. */
const ROUNDS_PER_PASS = 4;
/** Passes per drain when triggers keep arriving during it. */
const MAX_PASSES = 3;

/** How a pass ended; `stopped`: its session ended on the phone while it sent. */
type Outcome = 'ok' | 'offline' | 'held' | 'stopped';

export function createSyncRunner(deps: SyncDeps): SyncRunner {
  const { db, api, clock } = deps;
  let state: SyncState = INITIAL_SYNC_STATE;
  const listeners = new Set<(s: SyncState) => void>();
  let running: Promise<void> | undefined;
  let again = false;
  /** A trigger other than a local save asked for a drain: pull the server's changes too. */
  let pullWanted = false;
  let started = false;
  let cancelTimer: (() => void) | undefined;
  let unsubscribeSession: (() => void) | undefined;
  let abort = new AbortController();
  /** The pass under way: the token it sends with, and whether that session has ended on the phone. */
  let underWay: { token: string; stopped: boolean } | undefined;
  const background = new Set<Promise<void>>();
  const track = (task: Promise<void>) => {
    background.add(task);
    void task.finally(() => background.delete(task));
  };

  const iso = (ms = clock.now()) => new Date(ms).toISOString();
  /**
   * The session that may send now: an officer's. A reviewer, insurer or admin
   * signed in on the phone sends, pulls and enrols nothing; cases on the phone
   * wait for an officer as when nobody is signed in.
   */
  const officerSession = async () => {
    const session = await deps.session.active();
    return session && isOfficerSession(session) ? session : undefined;
  };
  const setState = (patch: Partial<SyncState>, drop: (keyof SyncState)[] = []) => {
    const next: SyncState = { ...state, ...patch };
    for (const k of drop) delete next[k];
    state = next;
    for (const l of [...listeners]) l(state);
  };

  async function drainLoop(): Promise<void> {
    for (let i = 0; i < MAX_PASSES; i++) {
      again = false;
      await drainOnce();
      if (!again || !started) break;
    }
  }

  function drainNow(reason: string): Promise<void> {
    if (!started) return Promise.resolve();
    // A local save usually makes nothing due (its case waits for the quiet
    // period): such a drain only re-arms the timer, without a pull per keystroke.
    if (reason !== 'saved') pullWanted = true;
    // A link that just came back, the officer's "Send now" and a fresh
    // sign-in all say "try now": waiting entries stop backing off.
    if (isTryNowTrigger(reason)) {
      // After any drain in flight, so its failures on the old link cannot
      // write a stale backoff over the reset.
      return (running ?? Promise.resolve())
        .then(() => sendAllNow(db, iso()))
        .then(() => drainNow('due'));
    }
    if (running) {
      again = true;
      return running;
    }
    running = drainLoop()
      .catch((error: unknown) => {
        console.error('sync drain failed', error);
        setState({ lastError: { reason: 'internal', at: iso() } });
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  async function drainOnce(): Promise<void> {
    cancelTimer?.();
    cancelTimer = undefined;
    const session = await officerSession();
    if (!session) {
      setState({ phase: 'held-auth', lastDrainAt: iso() }, ['current', 'nextWakeAt']);
      return;
    }
    // Locked: waits, untouched, for the unlock (which drains at once).
    if (deps.lockedFor?.(session.user.id)) return;
    setState({ phase: 'sending' }, ['nextWakeAt']);
    const pass = { token: session.token, stopped: false };
    underWay = pass;
    try {
      const sent = await sendDue(session, pass);
      let outcome = sent.outcome;
      let revokedAt: string | undefined;
      if (outcome === 'ok' && (pullWanted || sent.tried)) {
        pullWanted = false;
        ({ outcome, revokedAt } = await pull(session));
      }
      await settle(outcome, session);
      // A revoked phone (a part refused, or the pull said so with nothing to send):
      // what the server took is wiped, what it refused kept (D7).
      await wipeAfterRevocation(db, session.user.id, iso(), revokedAt);
    } finally {
      underWay = undefined;
    }
  }

  /** The plan for the signed-in officer's cases now. */
  async function planNow(session: StoredSession): Promise<SyncPlan> {
    const view = await readOutboxView(db);
    return planSync({ ...view, now: iso(), sendingFor: { officerId: session.user.id } });
  }

  /** How a pass for `session` records results: through storage, into the runner's state. */
  const recorderFor = (session: StoredSession, pass: { stopped: boolean }): Recorder => ({
    db,
    now: () => iso(),
    random: deps.random,
    report: (patch) => setState(patch),
    holdForAuth: () => holdForAuth(session),
    stopped: () => pass.stopped,
  });

  /** Sends every due case; `tried` says whether anything was due at all. */
  async function sendDue(
    session: StoredSession,
    pass: { stopped: boolean },
  ): Promise<{ outcome: Outcome; tried: boolean }> {
    const recorder = recorderFor(session, pass);
    const device = await ensureDevice(deps, session, deps.deviceLabel);
    if (!device.ok) {
      const first = (await planNow(session)).send[0];
      const entries = first ? await caseEntries(db, first.caseId) : [];
      return { outcome: toOutcome(await fail(recorder, entries, device.failure)), tried: true };
    }
    const ctx: PassContext = {
      ...recorder,
      api,
      keys: deps.keys,
      session,
      deviceId: device.value,
      signal: abort.signal,
    };
    for (let round = 0; round < ROUNDS_PER_PASS; round++) {
      // On a shared phone, another officer's cases wait for his session (D8).
      const { send } = await planNow(session);
      if (send.length === 0) return { outcome: 'ok', tried: round > 0 };
      for (const { caseId } of send) {
        if (!started) return { outcome: 'ok', tried: true };
        if (pass.stopped) return { outcome: 'stopped', tried: true };
        const result = await sendCase(ctx, caseId);
        if (endsPass(result)) return { outcome: result, tried: true };
      }
    }
    return { outcome: 'ok', tried: true };
  }

  /** The pull, and when an admin revoked this phone if the server said so. */
  async function pull(session: StoredSession): Promise<{ outcome: Outcome; revokedAt?: string }> {
    // The contact is dated when it was asked: an answer that arrives late (a
    // slow link, or the phone's clock moved meanwhile) proves no later contact.
    const askedAt = iso();
    const pulled = await pullChanges(db, api, session, () => iso());
    if (pulled.ok) {
      await recordContact(db, session.user.id, askedAt);
      const { revokedAt, phoneLock } = pulled.value;
      if (revokedAt) return { outcome: 'ok', revokedAt };
      // A lock the admin changed mid-shift applies now (a PIN required, a shorter idle time).
      if (phoneLock) await deps.session.updatePhoneLock(session.token, phoneLock);
      await refreshFieldPack(db, api, session, clock.now());
      await refreshStationOfficers(db, api, session);
      return { outcome: 'ok' };
    }
    const action = classifyFailure(pulled.failure);
    if (action.action === 'hold-auth') return { outcome: toOutcome(await holdForAuth(session)) };
    setState({ lastError: { reason: `pull:${failureReason(pulled.failure)}`, at: iso() } });
    return { outcome: isConnectivityFailure(pulled.failure) ? 'offline' : 'ok' };
  }

  async function settle(outcome: Outcome, session: StoredSession): Promise<void> {
    if (outcome === 'stopped') {
      // The session ended on the phone mid-pass; a sign-in since drains on its own.
      const next = await officerSession();
      if (next) return settle('ok', next);
      setState({ phase: 'held-auth', lastDrainAt: iso() }, ['current', 'nextWakeAt']);
      return;
    }
    const now = clock.now();
    if (outcome === 'held') {
      setState({ phase: 'held-auth', lastDrainAt: iso(now) }, ['current', 'nextWakeAt']);
      return;
    }
    const wake = wakeAt(await planNow(session), iso(now));
    if (wake === undefined) {
      setState({ phase: 'idle', lastDrainAt: iso(now) }, ['current', 'nextWakeAt']);
      return;
    }
    if (started) cancelTimer = clock.setTimer(() => void drainNow('timer'), wake - now);
    setState(
      {
        phase: outcome === 'offline' ? 'offline' : 'waiting',
        nextWakeAt: iso(wake),
        lastDrainAt: iso(now),
      },
      ['current'],
    );
  }

  /**
   * A 401. When the session is still the one stored on the phone, the server
   * ended it: every waiting entry is held until sign-in. When the phone has
   * signed out or another officer signed in since, the 401 answers the old
   * session's logout: nothing is held or marked rejected, the pass stops.
   */
  async function holdForAuth(session: StoredSession): Promise<'held' | 'stopped'> {
    const stored = await deps.session.state();
    if (stored.kind === 'signed-out' || stored.session.token !== session.token) return 'stopped';
    await holdQueue(db);
    await deps.session.reject(session.token);
    setState({ lastError: { reason: 'unauthenticated', at: iso() } });
    return 'held';
  }

  function onSessionChange(): void {
    track(
      (async () => {
        const active = await officerSession();
        if (underWay && underWay.token !== active?.token) {
          // The session the pass sends for ended on the phone (signed out, or
          // another officer signed in): nothing more goes under it. The upload
          // in flight is cut off; tus resumes it for the next session.
          underWay.stopped = true;
          abort.abort();
          abort = new AbortController();
        }
        if (!active) return;
        await releaseHeld(db, iso());
        await drainNow('sign-in');
      })(),
    );
  }

  return {
    start() {
      if (started) return;
      started = true;
      abort = new AbortController();
      unsubscribeSession = deps.session.subscribe(onSessionChange);
      track(
        (async () => {
          await resumeLeftSending(db);
          if (await officerSession()) await releaseHeld(db, iso());
          await drainNow('start');
        })(),
      );
    },
    stop() {
      started = false;
      cancelTimer?.();
      cancelTimer = undefined;
      unsubscribeSession?.();
      abort.abort();
      setState({ phase: 'idle' }, ['current', 'nextWakeAt']);
    },
    drainNow,
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    getState: () => state,
    async idle() {
      // Bounded: each turn awaits what runs now; a drain starts at most MAX_PASSES passes.
      for (let i = 0; i < 20 && (running || background.size > 0); i++) {
        await Promise.all([running, ...background]);
      }
    },
  };
}

function toOutcome(result: CaseResult): Outcome {
  return endsPass(result) ? result : 'ok';
}
