/**
 * The outbox runner: drains the Dexie outbox to the server. See README.md for
 * the contract and the state diagram. No React; the UI subscribes.
 *
 * Per case: photos first (skipping those the server holds, by HEAD), each by
 * tus; then the signed manifest by PUT. Only the server's receipt or upload
 * acknowledgement removes anything from the outbox (src/storage/outbox-repo).
 * Failures go through the domain's `classifyFailure`: retry with backoff,
 * hold for sign-in, reconcile, or needs-attention — never discard.
 */
import type { Api, ApiFailure } from '../api';
import type { CaseRecord } from '../domain';
import { classifyFailure, nextAttemptAt } from '../domain/outbox';
import { manifestBytes } from '../domain/manifest';
import type { DeviceKeys } from '../platform/device-keys/port';
import {
  caseEntries,
  dueCaseIds,
  holdQueue,
  isDue,
  listPhotos,
  markPhotoHeld,
  nextDueAt,
  readCase,
  readPhotoBlob,
  releaseHeld,
  sendAllNow,
  storeReceipt,
  updateEntry,
  type EntryPatch,
  type KuaichuDb,
  type OutboxEntry,
  type OutboxError,
  type SessionStore,
  type StoredSession,
} from '../storage';
import type { SyncClock } from './clock';
import { ensureDevice, forgetDevice, isOfficerSession } from './device';
import { pullChanges } from './pull';
import { INITIAL_SYNC_STATE, type SyncState } from './state';
import { contentHash, distinctPhotos, submissionFor } from './submission';

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

/** Triggers that make every waiting entry due at once. */
const TRY_NOW: ReadonlySet<string> = new Set(['online', 'send-now', 'signed-in', 'sign-in']);

/** Case rounds per pass: missing photos and edits made while sending make cases due again. */
const ROUNDS_PER_PASS = 4;
/** Passes per drain when triggers keep arriving during it. */
const MAX_PASSES = 3;
/** The soonest a timer wakes the runner again. */
const MIN_WAKE_MS = 1_000;

type Outcome = 'ok' | 'offline' | 'held';

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
    for (let pass = 0; pass < MAX_PASSES; pass++) {
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
    if (TRY_NOW.has(reason)) {
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
    setState({ phase: 'sending' }, ['nextWakeAt']);
    const sent = await sendDue(session);
    let outcome = sent.outcome;
    if (outcome === 'ok' && (pullWanted || sent.tried)) {
      pullWanted = false;
      outcome = await pull(session);
    }
    await settle(outcome, session);
  }

  /** Sends every due case; `tried` says whether anything was due at all. */
  async function sendDue(session: StoredSession): Promise<{ outcome: Outcome; tried: boolean }> {
    const device = await ensureDevice(deps, session, deps.deviceLabel);
    const mine = { officerId: session.user.id };
    if (!device.ok) {
      const ids = await dueCaseIds(db, iso(), mine);
      const entries = ids.length ? await caseEntries(db, ids[0]!) : [];
      return { outcome: toOutcome(await fail(entries, device.failure, session)), tried: true };
    }
    for (let round = 0; round < ROUNDS_PER_PASS; round++) {
      // On a shared phone, another officer's cases wait for his session (D8).
      const ids = await dueCaseIds(db, iso(), mine);
      if (ids.length === 0) return { outcome: 'ok', tried: round > 0 };
      for (const caseId of ids) {
        if (!started) return { outcome: 'ok', tried: true };
        const result = await sendCase(caseId, session, device.value);
        if (result === 'offline' || result === 'held') return { outcome: result, tried: true };
      }
    }
    return { outcome: 'ok', tried: true };
  }

  async function pull(session: StoredSession): Promise<Outcome> {
    const pulled = await pullChanges(db, api, session);
    if (pulled.ok) return 'ok';
    const action = classifyFailure(pulled.failure);
    if (action.action === 'hold-auth') return toOutcome(await holdForAuth(session));
    setState({ lastError: { reason: `pull:${reasonOf(pulled.failure)}`, at: iso() } });
    return isConnectivity(pulled.failure) ? 'offline' : 'ok';
  }

  async function settle(outcome: Outcome, session: StoredSession): Promise<void> {
    const now = clock.now();
    if (outcome === 'held') {
      setState({ phase: 'held-auth', lastDrainAt: iso(now) }, ['current', 'nextWakeAt']);
      return;
    }
    const next = await nextDueAt(db, { officerId: session.user.id });
    if (next === undefined) {
      setState({ phase: 'idle', lastDrainAt: iso(now) }, ['current', 'nextWakeAt']);
      return;
    }
    const wakeAt = Math.max(Date.parse(next), now + MIN_WAKE_MS);
    if (started) cancelTimer = clock.setTimer(() => void drainNow('timer'), wakeAt - now);
    setState(
      {
        phase: outcome === 'offline' ? 'offline' : 'waiting',
        nextWakeAt: iso(wakeAt),
        lastDrainAt: iso(now),
      },
      ['current'],
    );
  }

  type CaseResult = 'done' | 'later' | 'offline' | 'held';

  async function sendCase(
    caseId: string,
    session: StoredSession,
    deviceId: string,
  ): Promise<CaseResult> {
    const heldByServer = new Set<string>();
    const result = await sendParts(caseId, session, deviceId, heldByServer);
    if (heldByServer.size > 0) await parkHeldPhotos(caseId, heldByServer);
    return result;
  }

  /**
   * Due photos go at once (content-addressed: sending early is good); the
   * manifest only when the case entry is due, or, without a case entry, for
   * the photos' receipt. A case entry waiting for its time (the quiet period
   * after the latest save, or a backoff) keeps its manifest back, and one that
   * needs attention or is held waits for "try again" or sign-in.
   */
  async function sendParts(
    caseId: string,
    session: StoredSession,
    deviceId: string,
    heldByServer: Set<string>,
  ): Promise<CaseResult> {
    const now = iso();
    const due = (await caseEntries(db, caseId)).filter((e) => e.kind === 'photo' && isDue(e, now));
    const sizes = new Map<string, number>();
    for (const e of due) sizes.set(e.key, (await readPhotoBlob(db, e.entityId))?.size ?? 0);
    const caseBytes = { sent: 0, total: [...sizes.values()].reduce((a, b) => a + b, 0) };
    for (const entry of due) {
      const result = await sendPhoto(entry, session, heldByServer, caseBytes);
      caseBytes.sent += sizes.get(entry.key) ?? 0;
      if (result === 'offline' || result === 'held') return result;
    }
    // Read again: a save during the uploads may have pushed the case entry on.
    const caseEntry = await db.outbox.get(`case:${caseId}`);
    if (caseEntry && !isDue(caseEntry, iso())) return 'later';
    return putCase(caseId, session, deviceId, heldByServer, true);
  }

  /**
   * Photos the server already holds (skipped by HEAD) stay in the outbox until
   * a receipt lists them. Left `sending` with a past time they would be due on
   * every pass — a HEAD each time and a 1 s timer for ever while their case
   * waits — so after a pass without that receipt they wait with their case:
   * until the time the case waits for (its quiet period, a backoff, a photo's
   * retry), or, when the case entry needs attention or is held, in that status
   * too ("try again" and sign-in release them together).
   */
  async function parkHeldPhotos(caseId: string, heldByServer: Set<string>): Promise<void> {
    const now = iso();
    const entries = await caseEntries(db, caseId);
    const parked = entries.filter(
      (e) => e.kind === 'photo' && e.status === 'sending' && heldByServer.has(e.entityId),
    );
    if (parked.length === 0) return;
    const caseEntry = entries.find((e) => e.kind === 'case');
    const waitsUntil = entries
      .filter((e) => !parked.includes(e) && e.status === 'pending' && e.nextAttemptAt > now)
      .map((e) => e.nextAttemptAt)
      .sort()[0];
    for (const e of parked) {
      let patch: EntryPatch;
      if (caseEntry?.status === 'needs-attention' || caseEntry?.status === 'held') {
        patch = { status: caseEntry.status };
        if (caseEntry.lastError) patch.lastError = caseEntry.lastError;
      } else if (waitsUntil !== undefined) {
        // The server holds the bytes: an earlier failure of this photo is over.
        patch = { status: 'pending', nextAttemptAt: waitsUntil, lastError: undefined };
      } else {
        // Nothing of the case says when: an ordinary backoff, never a busy loop.
        const attempts = e.attempts + 1;
        patch = {
          status: 'pending',
          attempts,
          nextAttemptAt: iso(nextAttemptAt(attempts, clock.now(), deps.random())),
          lastError: undefined,
        };
      }
      await updateEntry(db, e.key, e.revision, patch);
    }
  }

  async function sendPhoto(
    entry: OutboxEntry,
    session: StoredSession,
    heldByServer: Set<string>,
    caseBytes: { sent: number; total: number },
  ): Promise<CaseResult> {
    const sha256 = entry.entityId;
    const blob = await readPhotoBlob(db, sha256);
    if (!blob) return attention([entry], 'local-photo-damaged');
    await updateEntry(db, entry.key, entry.revision, { status: 'sending' });
    const current = { caseId: entry.caseId, part: 'photo' as const, sha256 };
    const progress = (bytesSent: number, bytesTotal: number) => ({
      current: {
        ...current,
        bytesSent,
        bytesTotal,
        caseBytesSent: caseBytes.sent + bytesSent,
        caseBytesTotal: caseBytes.total,
      },
    });
    setState(progress(0, blob.size));
    const head = await api.headPhoto(session.token, sha256, blob.size);
    if (head.ok && head.value) {
      // Enough to skip the upload; only a receipt listing it as held removes the entry.
      heldByServer.add(sha256);
      return 'done';
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      const uploaded = await api.uploadPhoto(session.token, {
        sha256,
        caseId: entry.caseId,
        blob,
        signal: abort.signal,
        onProgress: (bytesSent, bytesTotal) => setState(progress(bytesSent, bytesTotal)),
      });
      if (uploaded.ok) {
        await markPhotoHeld(db, sha256);
        return 'done';
      }
      // 409 on tus: a stale offset. Once more at once: tus asks the server's offset and resumes.
      if (attempt === 0 && classifyFailure(uploaded.failure).action === 'reconcile') continue;
      return fail([entry], uploaded.failure, session);
    }
    return 'later';
  }

  async function putCase(
    caseId: string,
    session: StoredSession,
    deviceId: string,
    heldByServer: Set<string>,
    mayReconcile: boolean,
  ): Promise<CaseResult> {
    const read = await readForSending(caseId);
    if (!read.ok) return attention(await caseEntries(db, caseId), read.reason);
    const { record, entries } = read;
    const caseEntry = entries.find((e) => e.kind === 'case');
    const targets = caseEntry ? [caseEntry] : entries;
    const photosWaiting = entries.filter(
      (e) => e.kind === 'photo' && !heldByServer.has(e.entityId),
    );
    const retrying = photosWaiting.filter((e) => e.status !== 'needs-attention');
    if (retrying.length > 0 && caseEntry) {
      // A photo waits for its retry: the case goes with it, not before.
      const at = retrying.map((e) => e.nextAttemptAt).sort()[0]!;
      await updateEntry(db, caseEntry.key, caseEntry.revision, {
        status: 'pending',
        nextAttemptAt: at > iso() ? at : iso(clock.now() + MIN_WAKE_MS),
      });
      return 'later';
    }
    if (retrying.length > 0) return 'later';
    const built = await submissionFor(db, {
      record,
      photos: read.photos,
      revision: caseEntry?.revision ?? 0,
      deviceId,
      signedAt: iso(),
    });
    if (!built.ok) return attention(targets, built.reason);
    const sub = built.row;
    const last = await db.receipts.get(caseId);
    const blocked = photosWaiting.find((e) => e.status === 'needs-attention');
    if (blocked && last?.receipt.manifestHash === sub.manifestHash) {
      // The server has this version and lacks a photo the officer must look at.
      return attention(targets, `photo:${blocked.lastError?.reason ?? 'needs-attention'}`);
    }
    for (const e of targets) await updateEntry(db, e.key, e.revision, { status: 'sending' });
    const bytesTotal = JSON.stringify(sub.body).length;
    setState({ current: { caseId, part: 'case', bytesSent: 0, bytesTotal } });
    const signature = await deps.keys.sign(manifestBytes(sub.body.manifest));
    const put = await api.putCase(session.token, caseId, { ...sub.body, signature });
    if (put.ok) {
      setState({ current: { caseId, part: 'case', bytesSent: bytesTotal, bytesTotal } });
      await storeReceipt(db, put.value, sub.revision, iso());
      await resetSending(caseId);
      return 'done';
    }
    const action = classifyFailure(put.failure);
    if (action.action === 'reconcile' && mayReconcile) {
      const reconciled = await reconcile(
        caseId,
        session,
        sub.contentHash,
        sub.revision,
        action.reason,
      );
      if (reconciled === 'retry') return putCase(caseId, session, deviceId, heldByServer, false);
      if (reconciled !== 'failed') return reconciled;
    }
    if (put.failure.kind === 'http' && put.failure.code === 'device_unknown') {
      await forgetDevice(db, session.user.id);
    }
    return fail(targets, put.failure, session);
  }

  /**
   * 409: the server holds another body for this version, or a later version,
   * or fewer versions than this phone's receipt says (`version_gap`: a server
   * restored from a backup). Fetch what it holds: the same content → take its
   * receipt; other content → chain the next version onto the server's latest;
   * no version at all after a gap → send the content as version 1.
   */
  async function reconcile(
    caseId: string,
    session: StoredSession,
    ownContentHash: string,
    revision: number,
    reason: string,
  ): Promise<'done' | 'retry' | 'failed' | 'offline' | 'held' | 'later'> {
    const detail = await api.getCase(session.token, caseId);
    if (!detail.ok && reason === 'version_gap' && isNotFound(detail.failure)) {
      await db.transaction('rw', db.receipts, db.submissions, async () => {
        await db.receipts.delete(caseId);
        await db.submissions.delete(caseId);
      });
      return 'retry';
    }
    if (!detail.ok) return fail(await caseEntries(db, caseId), detail.failure, session);
    const server = detail.value;
    const same = (await contentHash(server.case, server.photos)) === ownContentHash;
    if (same) {
      await db.submissions.put({
        caseId,
        revision,
        contentHash: ownContentHash,
        manifestHash: server.receipt.manifestHash,
        body: { case: server.case, photos: server.photos, manifest: server.manifest },
        builtAt: iso(),
      });
      await storeReceipt(db, server.receipt, revision, iso());
      await resetSending(caseId);
      return 'done';
    }
    // Revision 0 covers no entry: the server's version is only the base of ours.
    await storeReceipt(db, server.receipt, 0, iso());
    await db.submissions.delete(caseId);
    return 'retry';
  }

  async function readForSending(caseId: string): Promise<
    | {
        ok: true;
        record: CaseRecord;
        photos: Awaited<ReturnType<typeof listPhotos>>;
        entries: OutboxEntry[];
      }
    | { ok: false; reason: string }
  > {
    return db.transaction('r', db.cases, db.photos, db.outbox, async () => {
      const found = await readCase(db, caseId);
      if (!found.found) return { ok: false as const, reason: 'case-unreadable' };
      return {
        ok: true as const,
        record: found.value,
        photos: distinctPhotos(await listPhotos(db, caseId)),
        entries: await caseEntries(db, caseId),
      };
    });
  }

  async function resetSending(caseId: string): Promise<void> {
    for (const e of await caseEntries(db, caseId)) {
      if (e.status === 'sending') {
        await updateEntry(db, e.key, e.revision, {
          status: 'pending',
          attempts: 0,
          nextAttemptAt: iso(),
        });
      }
    }
  }

  async function attention(
    entries: OutboxEntry[],
    reason: string,
    extra: Omit<OutboxError, 'reason' | 'at'> = {},
  ): Promise<CaseResult> {
    const at = iso();
    for (const e of entries) {
      await updateEntry(db, e.key, e.revision, {
        status: 'needs-attention',
        lastError: { reason, at, ...extra },
      });
    }
    setState({ lastError: { reason, at, caseId: entries[0]?.caseId } });
    return 'later';
  }

  /** Applies the classifier's decision to the entries of a failed part. */
  async function fail(
    entries: OutboxEntry[],
    failure: ApiFailure,
    session: StoredSession,
  ): Promise<CaseResult> {
    const action = classifyFailure(failure);
    const now = clock.now();
    const lastError = {
      reason: reasonOf(failure),
      at: iso(now),
      ...(failure.kind === 'http' ? { status: failure.status } : {}),
      ...(failure.message ? { message: failure.message } : {}),
    };
    switch (action.action) {
      case 'hold-auth':
        return holdForAuth(session);
      case 'needs-attention': {
        const { reason: _reason, at: _at, ...extra } = lastError;
        return attention(entries, action.reason, extra);
      }
      case 'retry':
      case 'reconcile': {
        const retryAfter = failure.kind === 'http' ? failure.retryAfter : undefined;
        for (const e of entries) {
          const attempts = e.attempts + 1;
          await updateEntry(db, e.key, e.revision, {
            status: 'pending',
            attempts,
            nextAttemptAt: iso(nextAttemptAt(attempts, now, deps.random(), retryAfter)),
            lastError,
          });
        }
        setState({
          lastError: { reason: lastError.reason, at: lastError.at, caseId: entries[0]?.caseId },
        });
        return isConnectivity(failure) ? 'offline' : 'later';
      }
    }
  }

  async function holdForAuth(session: StoredSession): Promise<'held'> {
    await holdQueue(db);
    await deps.session.reject(session.token);
    setState({ lastError: { reason: 'unauthenticated', at: iso() } });
    return 'held';
  }

  function onSessionChange(): void {
    track(
      (async () => {
        const active = await officerSession();
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

function toOutcome(result: 'done' | 'later' | 'offline' | 'held'): Outcome {
  return result === 'offline' || result === 'held' ? result : 'ok';
}

function isConnectivity(failure: ApiFailure): boolean {
  return (
    failure.kind === 'network' || failure.kind === 'timeout' || failure.kind === 'not-a-receipt'
  );
}

function reasonOf(failure: ApiFailure): string {
  if (failure.kind !== 'http') return failure.kind;
  return failure.code ?? `http-${failure.status}`;
}

const isNotFound = (failure: ApiFailure): boolean =>
  failure.kind === 'http' && failure.status === 404;
