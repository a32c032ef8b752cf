/**
 * Sync over a bad link: one case with 20 photos, captured offline, sent over
 * a ~1 Mbit/s link (CDP `Network.emulateNetworkConditions`: 125 000 B/s each
 * way, 150 ms latency) that is cut 3 times during the upload (CDP offline
 * for a second, at 25 %, 50 % and 75 % of the photo bytes).
 *
 * Figures:
 *  - `wallMs`: from the link coming up to the case showing "sent" (a receipt);
 *  - `wireBytes`: every byte of every request and answer, counted by a
 *    recording proxy between the browser and the server (request line,
 *    headers and body as they arrived — a cut request counts what got through);
 *  - `payloadBytes`: the photos' bytes plus the case PUT's body;
 *  - `wireOverPayload`: wireBytes / payloadBytes;
 *  - `replayWholeRequests`: the same figure for a queue that replays whole
 *    requests (Workbox background sync): each photo one request, and a cut
 *    loses everything of the photo sent so far. Derived from this run's own
 *    log: at each cut, the position reached in the photo in flight
 *    (`Upload-Offset` of the PATCH in flight + the body bytes that PATCH
 *    delivered) is what such a queue would send again from zero. (Chromium's
 *    emulation shapes timing, not the socket: a request body leaves at once
 *    and the answer is held back to match the throughput, so a PATCH cut by
 *    the emulated outage has usually delivered its whole body — `bodyBytesAtCut`
 *    shows what the proxy had seen at the moment of the cut.) Its wire =
 *    payload + Σ those positions + one request's header bytes per photo, per
 *    replay and for the case (the mean header size measured here), + the
 *    answers (the case receipt and the photos' answers as measured).
 */
import type { CDPSession } from 'playwright-core';
import { startFaultProxy } from '../tests/faults/fault-proxy';
import { startRecordingProxy, type RecordedRequest } from '../tests/faults/recording-proxy';
import { launchBrowser } from '../tests/e2e/harness';
import {
  PHONE_CONTEXT,
  openPhone,
  phoneStatuses,
  quickCase,
  sleep,
  startKillableServer,
  until,
} from '../tests/e2e/matrix-harness';

const PHOTOS = 20;
const BYTES_PER_SECOND = 125_000;
const LATENCY_MS = 150;
const CUTS = [0.25, 0.5, 0.75];
const CUT_MS = 1_000;

export interface SyncBenchFigures {
  photos: number;
  link: { bytesPerSecond: number; latencyMs: number; cuts: number; cutMs: number };
  payloadBytes: number;
  photoBytes: number;
  wallMs: number;
  wireBytes: { up: number; down: number; total: number };
  wireOverPayload: number;
  requests: Record<string, number>;
  cuts: {
    atPhotoFraction: number;
    inFlightPath?: string;
    /** Body bytes of the PATCH in flight the proxy had seen when the link was cut. */
    bodyBytesAtCut: number;
    /** Whether the server answered that PATCH through the proxy (the offline browser may have dropped it). */
    inFlightAnswered: boolean;
    positionInPhoto: number;
  }[];
  replayWholeRequests: { wireBytes: number; wireOverPayload: number; resentBytes: number };
}

const linkUp = (cdp: CDPSession) =>
  cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: BYTES_PER_SECOND,
    uploadThroughput: BYTES_PER_SECOND,
  });

const linkDown = (cdp: CDPSession) =>
  cdp.send('Network.emulateNetworkConditions', {
    offline: true,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });

export async function benchSync(): Promise<SyncBenchFigures> {
  const server = await startKillableServer();
  const proxy = await startFaultProxy(server.url);
  const rec = await startRecordingProxy(proxy.url);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ ...PHONE_CONTEXT, baseURL: rec.url });
    const page = await openPhone(context, rec.url);
    await context.setOffline(true);
    const id = await quickCase(page, rec.url, '基准 20 张照片', PHOTOS, { medium: true });
    const photoSizes = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('kuaichu');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const rows = await new Promise<{ sha256: string; blob: Blob }[]>((resolve, reject) => {
        const req = db.transaction('photos').objectStore('photos').getAll();
        req.onsuccess = () => resolve(req.result as never);
        req.onerror = () => reject(req.error);
      });
      db.close();
      const sizes: Record<string, number> = {};
      for (const r of rows) sizes[r.sha256] = r.blob.size;
      return sizes;
    });
    const photoBytes = Object.values(photoSizes).reduce((n, s) => n + s, 0);
    await page.goto(`${rec.url}/outbox`);

    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await linkUp(cdp);
    const from = rec.log.length;
    const started = Date.now();
    await context.setOffline(false);

    const window = () => rec.log.slice(from);
    const patchBytes = () =>
      window()
        .filter((e) => e.method === 'PATCH')
        .reduce((n, e) => n + e.bodyBytes, 0);
    const cuts: SyncBenchFigures['cuts'] = [];
    for (const fraction of CUTS) {
      await until(
        `${fraction * 100} % of the photo bytes on the wire`,
        () => patchBytes() >= fraction * photoBytes,
        5 * 60_000,
        25,
      );
      const inFlight = window().find(
        (e) => e.method === 'PATCH' && !e.responseComplete && e.endedAt === undefined,
      );
      const seenAtCut = inFlight?.bodyBytes ?? 0;
      await linkDown(cdp);
      await sleep(CUT_MS);
      // Chromium's emulation lets a request body out at once and holds back the answer,
      // so by now the PATCH in flight has delivered what it will: the photo up to here
      // had been sent when the link dropped, and a whole-request replay sends it again.
      cuts.push({
        atPhotoFraction: fraction,
        ...(inFlight ? { inFlightPath: inFlight.path } : {}),
        bodyBytesAtCut: seenAtCut,
        inFlightAnswered: inFlight?.responseComplete ?? false,
        positionInPhoto: inFlight
          ? Number(inFlight.headers['upload-offset'] ?? 0) + inFlight.bodyBytes
          : 0,
      });
      await linkUp(cdp);
    }
    await until(
      'the case sent',
      async () => (await phoneStatuses(page)).get(id) === 'sent',
      10 * 60_000,
      100,
    );
    const wallMs = Date.now() - started;

    const log = window();
    const up = log.reduce((n, e) => n + e.requestBytes, 0);
    const down = log.reduce((n, e) => n + e.responseBytes, 0);
    const put = [...log]
      .reverse()
      .find((e) => e.method === 'PUT' && e.status === 200 && e.requestComplete);
    const caseBytes = put?.bodyBytes ?? 0;
    const payloadBytes = photoBytes + caseBytes;
    const requests: Record<string, number> = {};
    for (const e of log) requests[e.method] = (requests[e.method] ?? 0) + 1;

    const headerOf = (e: RecordedRequest) => e.requestBytes - e.bodyBytes;
    const meanHeader = log.reduce((n, e) => n + headerOf(e), 0) / Math.max(1, log.length);
    const resentBytes = cuts.reduce((n, c) => n + c.positionInPhoto, 0);
    const photoAnswers = log
      .filter((e) => e.method === 'PATCH' && e.status === 200)
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
        cuts: cuts.length,
        cutMs: CUT_MS,
      },
      payloadBytes,
      photoBytes,
      wallMs,
      wireBytes: { up, down, total: up + down },
      wireOverPayload: round((up + down) / payloadBytes),
      requests,
      cuts,
      replayWholeRequests: {
        wireBytes: Math.round(replayWire),
        wireOverPayload: round(replayWire / payloadBytes),
        resentBytes,
      },
    };
  } finally {
    await browser.close();
    await rec.close();
    await proxy.close();
    await server.stop();
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

// `npx tsx bench/sync.ts`: run it alone and print the figures.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchSync(), null, 2));
}
