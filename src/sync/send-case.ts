/**
 * Carries out the plan for one case (src/domain/outbox/plan.ts): its due
 * photos first — skipped when the server holds them (HEAD), else by tus —
 * then the signed manifest by PUT when the planner says so, and records what
 * came back through storage. Every decision about timing and status is the
 * domain's (`planCase`, `planManifest`, `planAfterFailure`, `parkPatches`,
 * `receiptPatches`); this file only talks to the server and the database.
 */
import type { Api, ApiFailure } from '../api';
import type { Instant } from '../domain';
import { manifestBytes } from '../domain/manifest';
import {
  attentionPatches,
  blockedReason,
  classifyFailure,
  parkPatches,
  planAfterFailure,
  planCase,
  planManifest,
  receiptPatches,
  serverLostCase,
  stoppedPatches,
  type OutboxEntry,
  type OutboxError,
} from '../domain/outbox';
import type { DeviceKeys } from '../platform/device-keys/port';
import {
  caseEntries,
  dropSubmission,
  forgetSent,
  keepSubmission,
  markPhotoHeld,
  readCaseForSending,
  readPhotoBlob,
  readReceipt,
  recordPatches,
  storeReceipt,
  type KuaichuDb,
  type StoredSession,
} from '../storage';
import { forgetDevice } from './device';
import type { SyncState } from './state';
import { contentHash, distinctPhotos, submissionFor } from './submission';

/** What a pass needs to send for the signed-in officer. */
export interface PassContext {
  db: KuaichuDb;
  api: Api;
  keys: DeviceKeys;
  session: StoredSession;
  deviceId: string;
  /** The current time. */
  now: () => Instant;
  /** A draw in [0, 1) for the backoff jitter. */
  random: () => number;
  /** Aborts the upload in flight when the runner stops. */
  signal: AbortSignal;
  /** Reports progress and errors to the runner's state. */
  report: (patch: Partial<SyncState>) => void;
  /**
   * A 401: the runner holds the queue when the server ended the session
   * signed in now (`held`), or stops the pass when that session had already
   * ended on the phone (`stopped`).
   */
  holdForAuth: () => Promise<'held' | 'stopped'>;
  /** The session this pass sends for has ended on the phone: stop, recording no failure. */
  stopped: () => boolean;
}

/** What recording a result needs (no session or device: also for a failed enrolment). */
export type Recorder = Pick<
  PassContext,
  'db' | 'now' | 'random' | 'report' | 'holdForAuth' | 'stopped'
>;

/**
 * `later`: the case waits (its time, a person, a photo's retry);
 * `offline`, `held` and `stopped` (its session ended on the phone) end the pass.
 */
export type CaseResult = 'done' | 'later' | 'offline' | 'held' | 'stopped';

/** Whether a case's result ends the pass. */
export const endsPass = (r: CaseResult): r is 'offline' | 'held' | 'stopped' =>
  r === 'offline' || r === 'held' || r === 'stopped';

/** Sends what of the case is due now. */
export async function sendCase(ctx: PassContext, caseId: string): Promise<CaseResult> {
  const heldByServer = new Set<string>();
  const result = await sendParts(ctx, caseId, heldByServer);
  if (heldByServer.size > 0) {
    const entries = await caseEntries(ctx.db, caseId);
    await recordPatches(ctx.db, parkPatches(entries, heldByServer, ctx.now(), ctx.random));
  }
  return result;
}

async function sendParts(
  ctx: PassContext,
  caseId: string,
  heldByServer: Set<string>,
): Promise<CaseResult> {
  const { photos } = planCase(await caseEntries(ctx.db, caseId), ctx.now());
  const sizes = new Map<string, number>();
  for (const e of photos) sizes.set(e.key, (await readPhotoBlob(ctx.db, e.entityId))?.size ?? 0);
  const caseBytes = { sent: 0, total: [...sizes.values()].reduce((a, b) => a + b, 0) };
  for (const entry of photos) {
    if (ctx.stopped()) return 'stopped';
    const result = await sendPhoto(ctx, entry, heldByServer, caseBytes);
    caseBytes.sent += sizes.get(entry.key) ?? 0;
    if (endsPass(result)) return result;
  }
  if (ctx.stopped()) return 'stopped';
  // Read again: a save during the uploads may have pushed the case entry on.
  return sendManifest(ctx, caseId, heldByServer, true);
}

async function sendPhoto(
  ctx: PassContext,
  entry: OutboxEntry,
  heldByServer: Set<string>,
  caseBytes: { sent: number; total: number },
): Promise<CaseResult> {
  const { db, api, session } = ctx;
  const sha256 = entry.entityId;
  const blob = await readPhotoBlob(db, sha256);
  if (!blob) return attention(ctx, [entry], 'local-photo-damaged');
  await recordPatches(db, [sending(entry)]);
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
  ctx.report(progress(0, blob.size));
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
      signal: ctx.signal,
      onProgress: (bytesSent, bytesTotal) => ctx.report(progress(bytesSent, bytesTotal)),
    });
    if (uploaded.ok) {
      await markPhotoHeld(db, sha256);
      return 'done';
    }
    // 409 on tus: a stale offset. Once more at once: tus asks the server's offset and resumes.
    if (attempt === 0 && classifyFailure(uploaded.failure).action === 'reconcile') continue;
    return fail(ctx, [entry], uploaded.failure);
  }
  return 'later';
}

/**
 * The manifest, as `planManifest` says: it waits for its case entry's time or
 * for a photo's retry, or goes by PUT. A 409 is reconciled once (`firstTry`).
 */
async function sendManifest(
  ctx: PassContext,
  caseId: string,
  heldByServer: Set<string>,
  firstTry: boolean,
): Promise<CaseResult> {
  const { db } = ctx;
  const read = await readCaseForSending(db, caseId);
  const step = planManifest({
    entries: read.entries,
    heldByServer,
    now: ctx.now(),
    checkDue: firstTry,
  });
  if (step.step === 'wait') return 'later';
  if (!read.ok) return attention(ctx, read.entries, read.reason);
  if (step.step === 'wait-for-photos') {
    if (step.caseEntry) await recordPatches(db, [step.caseEntry]);
    return 'later';
  }
  const caseEntry = read.entries.find((e) => e.kind === 'case');
  const built = await submissionFor(db, {
    record: read.record,
    photos: distinctPhotos(read.photos),
    revision: caseEntry?.revision ?? 0,
    deviceId: ctx.deviceId,
    signedAt: ctx.now(),
  });
  if (!built.ok) return attention(ctx, step.targets, built.reason);
  const sub = built.row;
  const last = await readReceipt(db, caseId);
  const blocked = blockedReason(step, last?.receipt.manifestHash, sub.manifestHash);
  if (blocked) return attention(ctx, step.targets, blocked);
  await recordPatches(db, step.targets.map(sending));
  const bytesTotal = JSON.stringify(sub.body).length;
  ctx.report({ current: { caseId, part: 'case', bytesSent: 0, bytesTotal } });
  const signature = await ctx.keys.sign(manifestBytes(sub.body.manifest));
  const put = await ctx.api.putCase(ctx.session.token, caseId, { ...sub.body, signature });
  if (put.ok) {
    ctx.report({ current: { caseId, part: 'case', bytesSent: bytesTotal, bytesTotal } });
    await storeReceipt(db, put.value, sub.revision, ctx.now());
    await afterReceipt(ctx, caseId);
    return 'done';
  }
  const action = classifyFailure(put.failure);
  if (firstTry && action.action === 'reconcile') {
    const own = { contentHash: sub.contentHash, revision: sub.revision };
    const reconciled = await reconcile(ctx, caseId, own, action.reason);
    if (reconciled === 'retry') return sendManifest(ctx, caseId, heldByServer, false);
    if (reconciled !== 'failed') return reconciled;
  }
  if (put.failure.kind === 'http' && put.failure.code === 'device_unknown') {
    await forgetDevice(db, ctx.session.user.id);
  }
  return fail(ctx, step.targets, put.failure);
}

/**
 * 409: the server holds another body for this version, or a later version,
 * or fewer versions than this phone's receipt says (`version_gap`: a server
 * restored from a backup). Fetch what it holds: the same content → take its
 * receipt; other content → chain the next version onto the server's latest;
 * no version at all after a gap → send the content as version 1.
 */
async function reconcile(
  ctx: PassContext,
  caseId: string,
  own: { contentHash: string; revision: number },
  conflict: string,
): Promise<CaseResult | 'retry' | 'failed'> {
  const { db } = ctx;
  const { contentHash: ownContentHash, revision } = own;
  const detail = await ctx.api.getCase(ctx.session.token, caseId);
  if (!detail.ok && serverLostCase(conflict, detail.failure)) {
    await forgetSent(db, caseId);
    return 'retry';
  }
  if (!detail.ok) return fail(ctx, await caseEntries(db, caseId), detail.failure);
  const server = detail.value;
  const same = (await contentHash(server.case, server.photos)) === ownContentHash;
  if (same) {
    await keepSubmission(db, {
      caseId,
      revision,
      contentHash: ownContentHash,
      manifestHash: server.receipt.manifestHash,
      body: { case: server.case, photos: server.photos, manifest: server.manifest },
      builtAt: ctx.now(),
    });
    await storeReceipt(db, server.receipt, revision, ctx.now());
    await afterReceipt(ctx, caseId);
    return 'done';
  }
  // Revision 0 covers no entry: the server's version is only the base of ours.
  await storeReceipt(db, server.receipt, 0, ctx.now());
  await dropSubmission(db, caseId);
  return 'retry';
}

const sending = (e: OutboxEntry) => ({
  key: e.key,
  revision: e.revision,
  patch: { status: 'sending' as const },
});

async function afterReceipt(ctx: PassContext, caseId: string): Promise<void> {
  const entries = await caseEntries(ctx.db, caseId);
  await recordPatches(ctx.db, receiptPatches(entries, ctx.now()));
}

async function attention(
  ctx: Recorder,
  entries: OutboxEntry[],
  reason: string,
  detail: Omit<OutboxError, 'reason' | 'at'> = {},
): Promise<CaseResult> {
  const at = ctx.now();
  await recordPatches(ctx.db, attentionPatches(entries, reason, at, detail));
  ctx.report({ lastError: { reason, at, caseId: entries[0]?.caseId } });
  return 'later';
}

/** Records the classifier's decision on the entries of a failed part. */
export async function fail(
  ctx: Recorder,
  entries: OutboxEntry[],
  failure: ApiFailure,
): Promise<CaseResult> {
  // Cut off by the end of its session (an aborted upload, the 401 of its
  // logout): nothing failed; the parts wait for the session that may send them.
  const stop = async () => {
    await recordPatches(ctx.db, stoppedPatches(entries));
    return 'stopped' as const;
  };
  if (ctx.stopped()) return stop();
  const plan = planAfterFailure(entries, failure, ctx.now(), ctx.random);
  switch (plan.then) {
    case 'hold-auth':
      return (await ctx.holdForAuth()) === 'held' ? 'held' : stop();
    case 'needs-attention':
      return attention(ctx, entries, plan.reason, plan.detail);
    case 'retry':
      await recordPatches(ctx.db, plan.patches);
      ctx.report({
        lastError: { reason: plan.error.reason, at: plan.error.at, caseId: entries[0]?.caseId },
      });
      return plan.offline ? 'offline' : 'later';
  }
}
