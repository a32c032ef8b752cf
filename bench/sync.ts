/**
 * Sync over a bad link: one case with 20 photos, captured offline, sent
 * through the fault proxy (tests/faults/fault-proxy.ts) acting as the link:
 * every request throttled to 125 000 B/s each way with 150 ms latency
 * (`throttle` mode), and the connection cut 3 times in the middle of a photo's
 * upload — the creation POST of the 3rd, 9th and 15th photo to be sent, which
 * carries its first 512 KiB chunk (tus creation-with-upload), is cut after
 * 256 KiB of its body (`cut-request` at the same pace). The cut requests are
 * picked by rule — the n-th `POST /api/uploads` — so every run cuts the same
 * photos at the same byte; the run fails if the cuts hit other photos.
 *
 * What happens at a cut (see `cuts` in the figures): the client never learnt
 * the cut upload's address, so the photo starts again in a new creation POST
 * (Chromium's own resend of the cut request, or the runner's next attempt):
 * a cut costs at most the chunk it cut, and the server keeps the 256 KiB that
 * got through as an unfinished upload nobody resumes. A cut later in a photo
 * (a PATCH) resumes at the server's offset instead (sync-matrix B1).
 *
 * Figures:
 *  - `wallMs`: from the link coming up to the case showing "sent" (a receipt);
 *  - `wireBytes`: every byte of every request and answer, counted by the fault
 *    proxy: request line, headers and the body bytes it passed on to the
 *    server (a cut request counts what got through before the cut), status
 *    line, headers and body relayed back;
 *  - `payloadBytes`: the photos' bytes as the server stored them plus the
 *    case PUT's body;
 *  - `wireOverPayload`: wireBytes / payloadBytes;
 *  - `photoBytesSentTwice`: upload body bytes (creation POSTs and PATCHes)
 *    beyond the photos' bytes: what crossed the link and was not kept (the
 *    cut requests' bytes, sent again from the photo's start);
 *  - `replayWholeRequests`: the same figure for a queue that replays whole
 *    requests (Workbox background sync): each photo one request, and a cut
 *    loses everything of the photo sent so far, which goes again from byte 0.
 *    Derived from this run's own log: at each cut, the position reached in
 *    the photo (the cut request's `Upload-Offset`, 0 for a creation POST, +
 *    the body bytes it got through) is what such a queue re-sends (Chromium's own resend of the
 *    whole request, or the queue's replay: once). Its wire = payload + Σ those
 *    positions + one request's header bytes per photo, per replay and for the
 *    case (the mean request header size measured here) + the answers (the
 *    case receipt and the photos' final answers as measured).
 *
 * `SYNC_BENCH_LOG=<file>` writes the run's proxy log there (JSON lines).
 */
import { writeFileSync } from 'node:fs';
import type { FaultMode, FaultRule, ProxyLogEntry } from '../tests/faults/fault-proxy';
import { startFaultProxy } from '../tests/faults/fault-proxy';
import { launchBrowser, startServer, until } from '../tests/e2e/harness';
import { checkInvariants } from '../tests/e2e/invariants';
import { phoneStatuses } from '../tests/e2e/outbox';
import { openPhone, PHONE_CONTEXT } from '../tests/e2e/phone';
import { storedPhotos } from '../tests/e2e/phone-db';
import { quickCase } from '../tests/e2e/scene-drivers';
import { readServer } from '../tests/e2e/server';

const PHOTOS = 20;
const BYTES_PER_SECOND = 125_000;
const LATENCY_MS = 150;
/** The photos, in the order they are sent (1-based), whose creation POST (the first chunk) is cut. */
const CUT_PHOTOS = [3, 9, 15];
/** Body bytes of that POST that get through before the cut (half a 512 KiB chunk). */
const CUT_AFTER_BYTES = 256 * 1024;

/** A photo's creation, carrying its first chunk. */
const FIRST_CHUNK = { match: 'POST /api/uploads' };

export interface SyncBenchFigures {
  photos: number;
  link: {
    bytesPerSecond: number;
    latencyMs: number;
    cutPhotos: number[];
    cutAfterBytes: number;
  };
  payloadBytes: number;
  photoBytes: number;
  caseBytes: number;
  wallMs: number;
  wireBytes: { up: number; down: number; total: number };
  wireOverPayload: number;
  /** Upload body bytes (creation POSTs and PATCHes) beyond the photos' own bytes. */
  photoBytesSentTwice: number;
  requests: Record<string, number>;
  /** The most requests the proxy had in flight at once (1: the link carried one at a time). */
  maxConcurrentRequests: number;
  cuts: {
    /** Which photo it was, in the order the photos were sent (1-based). */
    photo: number;
    /** Where in the photo the cut request started (0: its creation POST). */
    uploadOffset: number;
    /** Body bytes of it that reached the server before the cut. */
    bodyBytesAtCut: number;
    positionInPhoto: number;
    /** The next request for the photo (Chromium's resend, or the runner's attempt): what got through, the answer. */
    next?: { method: string; bodyBytes: number; status: number };
    /** Whether tus asked the server's offset (HEAD) before going on. */
    headBeforeResume: boolean;
    /** Where in the photo the request that went on with it started (0: a new creation POST). */
    resumedAt: number;
    /** From the cut to that request. */
    resumedAfterMs: number;
  }[];
  replayWholeRequests: { wireBytes: number; wireOverPayload: number; resentBytes: number };
}

/**
 * The link as fault-proxy rules. Requests are throttled; creation POSTs are
 * counted to find each cut photo's. A cut photo is created again in a POST
 * of its own (Chromium's resend of the cut request, or the runner's next
 * attempt), so each cut adds one POST before the next photo's: between two
 * cuts go the POSTs of the photos in between plus that one.
 */
export function linkRules(): FaultRule[] {
  const link = { bytesPerSecond: BYTES_PER_SECOND, latencyMs: LATENCY_MS };
  const throttle: FaultMode = { mode: 'throttle', ...link };
  const rules: FaultRule[] = [];
  CUT_PHOTOS.forEach((photo, i) => {
    const before = i === 0 ? photo - 1 : photo - CUT_PHOTOS[i - 1]!;
    if (before > 0) rules.push({ fault: throttle, ...FIRST_CHUNK, times: before });
    rules.push({
      fault: { mode: 'cut-request', bytes: CUT_AFTER_BYTES, ...link },
      ...FIRST_CHUNK,
      times: 1,
    });
  });
  // Every other request, the service worker's update checks included (" /" is in every key).
  rules.push({ fault: throttle, match: ' /' });
  return rules;
}

export async function benchSync(): Promise<SyncBenchFigures> {
  const server = await startServer({ KUAICHU_DEMO: '1' });
  const proxy = await startFaultProxy(server.url);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ ...PHONE_CONTEXT, baseURL: proxy.url });
    const page = await openPhone(context, proxy.url);
    await context.setOffline(true);
    const id = await quickCase(page, proxy.url, '基准 20 张照片', PHOTOS, { medium: true });
    const stored = await storedPhotos(page);
    if (stored.length !== PHOTOS || stored.some((p) => !p.intact)) {
      throw new Error(`expected ${PHOTOS} intact photos on the phone, found ${stored.length}`);
    }
    await page.goto(`${proxy.url}/outbox`);

    proxy.set(...linkRules());
    const from = proxy.log.length;
    const started = Date.now();
    await context.setOffline(false);
    await until(
      'the case sent',
      async () => (await phoneStatuses(page)).get(id) === 'sent',
      10 * 60_000,
      250,
    );
    const wallMs = Date.now() - started;
    await until('every request done', () =>
      proxy.log.slice(from).every((e) => e.endedAt !== undefined),
    );
    const report = await checkInvariants(page, server);
    if (report.unsent !== 0) throw new Error(`${report.unsent} cases unsent after the run`);

    const log = proxy.log.slice(from);
    if (process.env.SYNC_BENCH_LOG) writeLog(process.env.SYNC_BENCH_LOG, log);
    const serverCase = readServer(server);
    const blobs = serverCase.blobs;
    const photoShas = serverCase.cases.get(id)?.photos ?? [];
    if (photoShas.length !== PHOTOS) {
      throw new Error(`the server lists ${photoShas.length} photos for the case`);
    }
    const photoBytes = photoShas.reduce((n, sha) => n + (blobs.get(sha) ?? 0), 0);
    const put = [...log].reverse().find((e) => e.method === 'PUT' && e.status === 200);
    const caseBytes = put?.bodyBytes ?? 0;
    const payloadBytes = photoBytes + caseBytes;

    const up = log.reduce((n, e) => n + e.requestBytes, 0);
    const down = log.reduce((n, e) => n + e.responseBytes, 0);
    const requests: Record<string, number> = {};
    for (const e of log) requests[e.method] = (requests[e.method] ?? 0) + 1;
    const patches = log.filter((e) => e.method === 'PATCH');
    const uploadBody = log
      .filter((e) => e.method === 'PATCH' || isCreation(e))
      .reduce((n, e) => n + e.bodyBytes, 0);

    const cuts = describeCuts(log);
    const cutPhotos = cuts.map((c) => c.photo).join(', ');
    if (cutPhotos !== CUT_PHOTOS.join(', ')) {
      throw new Error(
        `the cuts hit photos ${cutPhotos}, not ${CUT_PHOTOS.join(', ')} (did a cut photo take more than one more POST?)`,
      );
    }

    const headerOf = (e: ProxyLogEntry) => e.requestBytes - e.bodyBytes;
    const meanHeader = log.reduce((n, e) => n + headerOf(e), 0) / Math.max(1, log.length);
    const resentBytes = cuts.reduce((n, c) => n + c.positionInPhoto, 0);
    // Each photo's last answer: here every photo is over one chunk, so its last PATCH's 200.
    const photoAnswers = patches
      .filter((e) => e.status === 200)
      .reduce((n, e) => n + e.responseBytes, 0);
    const replayWire =
      payloadBytes +
      resentBytes +
      meanHeader * (PHOTOS + 1 + cuts.length) +
      (put?.responseBytes ?? 0) +
      photoAnswers;

    return {
      photos: PHOTOS,
      link: {
        bytesPerSecond: BYTES_PER_SECOND,
        latencyMs: LATENCY_MS,
        cutPhotos: CUT_PHOTOS,
        cutAfterBytes: CUT_AFTER_BYTES,
      },
      payloadBytes,
      photoBytes,
      caseBytes,
      wallMs,
      wireBytes: { up, down, total: up + down },
      wireOverPayload: round((up + down) / payloadBytes),
      photoBytesSentTwice: uploadBody - photoBytes,
      requests,
      maxConcurrentRequests: maxConcurrent(log),
      cuts,
      replayWholeRequests: {
        wireBytes: Math.round(replayWire),
        wireOverPayload: round(replayWire / payloadBytes),
        resentBytes,
      },
    };
  } finally {
    await browser.close();
    await proxy.close();
    await server.stop();
  }
}

const isCreation = (e: ProxyLogEntry) => e.method === 'POST' && e.path.startsWith('/api/uploads');

/**
 * Each cut request, which photo it was and how the browser and tus went on
 * with that photo. A photo is known by its `Upload-Metadata` (its hash) on
 * its creation POSTs, and by its upload's address on the requests after.
 */
function describeCuts(log: ProxyLogEntry[]): SyncBenchFigures['cuts'] {
  const photoOf = (e: ProxyLogEntry) => e.headers['upload-metadata'] ?? '';
  // Their order of first creation is the order the photos were sent.
  const photos: string[] = [];
  for (const e of log) if (isCreation(e) && !photos.includes(photoOf(e))) photos.push(photoOf(e));
  return log.flatMap((e, i) => {
    if (e.fault !== 'cut-request') return [];
    const creation = isCreation(e);
    const uploadOffset = creation ? 0 : Number(e.headers['upload-offset'] ?? 0);
    const sameUpload = (r: ProxyLogEntry) =>
      creation ? isCreation(r) && photoOf(r) === photoOf(e) : r.path === e.path;
    const later = log.slice(i + 1).filter(sameUpload);
    const next = later[0];
    const resumed = later.find((r) => (r.status ?? 0) >= 200 && (r.status ?? 0) < 300);
    const head = log
      .slice(i + 1)
      .find((r) => r.method === 'HEAD' && r.path.startsWith('/api/uploads/'));
    return [
      {
        photo: creation ? photos.indexOf(photoOf(e)) + 1 : 0,
        uploadOffset,
        bodyBytesAtCut: e.bodyBytes,
        positionInPhoto: uploadOffset + e.bodyBytes,
        ...(next
          ? { next: { method: next.method, bodyBytes: next.bodyBytes, status: next.status ?? 0 } }
          : {}),
        headBeforeResume:
          head !== undefined && resumed !== undefined && head.startedAt <= resumed.startedAt,
        resumedAt: resumed
          ? isCreation(resumed)
            ? 0
            : Number(resumed.headers['upload-offset'] ?? NaN)
          : NaN,
        resumedAfterMs: resumed ? resumed.startedAt - (e.endedAt ?? e.startedAt) : NaN,
      },
    ];
  });
}

/** The run's proxy log, one JSON line per request, without credentials. */
function writeLog(file: string, log: ProxyLogEntry[]) {
  const lines = log.map((e) => {
    const { authorization: _a, cookie: _c, ...headers } = e.headers;
    return JSON.stringify({ ...e, headers });
  });
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** The most requests in flight at once, from the log's start and end times. */
function maxConcurrent(log: ProxyLogEntry[]): number {
  const events = log.flatMap((e) => [
    { at: e.startedAt, d: 1 },
    { at: e.endedAt ?? Number.POSITIVE_INFINITY, d: -1 },
  ]);
  // At equal times, ends before starts: back-to-back requests do not overlap.
  events.sort((a, b) => a.at - b.at || a.d - b.d);
  let now = 0;
  let most = 0;
  for (const ev of events) {
    now += ev.d;
    most = Math.max(most, now);
  }
  return most;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

// `npx tsx bench/sync.ts`: run it alone and print the figures.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchSync(), null, 2));
}
