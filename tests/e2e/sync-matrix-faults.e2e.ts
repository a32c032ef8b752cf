/**
 * RELIABILITY.md matrix B (and A2), the rows that kill, replay, wake and
 * retry: the server SIGKILLed and restarted on the same port and data folder
 * (B7), a PUT replayed 100× (B3), Background Sync (B14), 5xx after a long
 * offline spell (B11, its 5xx half) and Chromium SIGKILLed mid-save (A2). Same
 * world as sync-matrix.e2e.ts (matrix-world.ts); each ends with the H5
 * invariant check. Every row here runs on a phone whose officer set his PIN
 * (issue 18): everything it stores is sealed, each load locks it and the
 * checks read it with the PIN; with sync-matrix.e2e.ts's rows run on both
 * kinds of phone, the whole matrix passes with encryption on.
 *
 * Covered elsewhere: A1 (photo-reload.e2e.ts), A3 (storage-full.e2e.ts), B8
 * and B11's 413 (sync.e2e.ts).
 */
import { describe, expect, it } from 'vitest';
import { launchOwnChromium, sleep, until } from './harness';
import { checkInvariants } from './invariants';
import { makeDue, outboxDueTimes, phoneStatuses, sendNow, setBackoff, waitAllSent } from './outbox';
import { gotoApp, openPhone, setPhonePin, unlockIfSealing } from './phone';
import { readPhoneDb, rememberPin, storedPhotos } from './phone-db';
import { quickCase } from './scene-drivers';
import { auditEventCount, partialUploads, readServer } from './server';
import {
  SEED,
  server,
  proxy,
  rec,
  newPhone,
  attemptSeed,
  proxyLines,
  requestsEnded,
  quietFor,
  useMatrixWorld,
  MATRIX_PIN,
  expectSealedIf,
} from './matrix-world';

useMatrixWorld();

describe('sync matrix B: kills, replays, wake-ups and retries', () => {
  it('B7: the server SIGKILLed mid-upload (and again mid-PUT) and restarted: the phone backs off and completes', async ({
    task,
  }) => {
    const { context, page } = await newPhone(true);
    await context.setOffline(true);
    const id = await quickCase(page, rec.url, 'B7 服务重启', 2, {
      big: true,
      seed: attemptSeed(SEED + 7, task),
    });
    const from = proxy.log.length;
    const recFrom = rec.log.length;
    // A slow link, so the kill lands in the middle of the upload.
    proxy.set({
      fault: { mode: 'throttle', bytesPerSecond: 600_000 },
      match: 'PATCH /api/uploads/',
    });
    await context.setOffline(false);
    await until('a PATCH in flight after one went through', () => {
      const patches = rec.log.slice(recFrom).filter((e) => e.method === 'PATCH');
      return patches.some((e) => e.status === 204) && patches.some((e) => e.status === undefined);
    });
    await server.kill('SIGKILL');
    const killedUploads = partialUploads(server);
    await requestsEnded(recFrom);
    await server.restart();
    proxy.set();
    // Second kill while the case PUT is with the server (best effort: whenever it is seen).
    const putFrom = rec.log.length;
    let killedAtPut = false;
    await until(
      'the case PUT, or the case sent',
      async () => {
        const put = rec.log.slice(putFrom).find((e) => e.method === 'PUT');
        if (put && !killedAtPut) {
          killedAtPut = true;
          await server.kill('SIGKILL');
          await requestsEnded(putFrom);
          await server.restart();
        }
        return killedAtPut || (await phoneStatuses(page)).get(id) === 'sent';
      },
      60_000,
      20,
    );
    await waitAllSent(page, [id], 90_000);
    const log = proxy.log.slice(from);
    expect(log.some((e) => e.method === 'HEAD' && e.path.startsWith('/api/uploads/'))).toBe(true);
    expect(killedUploads.length).toBeGreaterThan(0);
    const snap = readServer(server);
    expect(snap.cases.get(id)?.version).toBe(1);
    await gotoApp(page, `${rec.url}/outbox`);
    await checkInvariants(page, server);
    await expectSealedIf(true, page);
    console.info(
      `B7: partial uploads at the kill ${JSON.stringify(killedUploads)}, left now ${JSON.stringify(partialUploads(server))}; killed at PUT: ${killedAtPut}`,
    );
    await context.close();
  });

  it("B3: the phone's exact case PUT replayed 100× (20 at a time): one case row, identical receipts, nothing new audited", async () => {
    rec.capture('PUT /api/cases/');
    const { context, page } = await newPhone(true);
    const id = await quickCase(page, rec.url, 'B3 重复提交', 2);
    // Sent at once (not after the case's quiet period): the replays are what is checked.
    await sendNow(page);
    await waitAllSent(page, [id]);
    rec.capture(undefined);
    const put = rec.log.find((e) => e.method === 'PUT' && e.path === `/api/cases/${id}` && e.body);
    expect(put?.body).toBeDefined();
    const auditBefore = auditEventCount(server, id);
    const send = () =>
      fetch(`${server.url}/api/cases/${id}`, {
        method: 'PUT',
        headers: {
          authorization: put!.headers.authorization!,
          'content-type': 'application/json',
        },
        body: new Uint8Array(put!.body!),
      }).then(async (r) => ({ status: r.status, body: await r.text() }));
    const answers: { status: number; body: string }[] = [];
    for (let batch = 0; batch < 5; batch++) {
      answers.push(...(await Promise.all(Array.from({ length: 20 }, send))));
    }
    expect(answers.length).toBe(100);
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    const receipts = new Set(answers.map((a) => a.body));
    expect(receipts.size).toBe(1);
    expect(JSON.parse([...receipts][0]!)).toMatchObject({
      caseId: id,
      manifestVersion: 1,
      complete: true,
    });
    expect(auditEventCount(server, id)).toBe(auditBefore);
    await gotoApp(page, `${rec.url}/outbox`);
    await checkInvariants(page, server);
    await expectSealedIf(true, page);
    await context.close();
  });

  it('B14: a dispatched Background Sync event drains the outbox; without it the next trigger sends the case', async () => {
    const { context, page } = await newPhone(true);
    // Every upload attempt is told to come back in 50 minutes: the runner's timer is far away.
    proxy.set({
      fault: { mode: 'status', status: 503, headers: { 'retry-after': '3000' } },
      match: 'POST /api/uploads',
    });
    const first = await quickCase(page, rec.url, 'B14 后台同步', 1);
    const second = await quickCase(page, rec.url, 'B14 无事件', 1);
    await gotoApp(page, `${rec.url}/outbox`);
    await until('every entry deferred for long', async () => {
      const at = await outboxDueTimes(page);
      return at.length === 4 && at.every((t) => t > Date.now() + 30 * 60_000);
    });
    proxy.set();
    await quietFor(2000);
    // Make the first case due again behind the app's back (raw IndexedDB: no Dexie change event).
    await makeDue(page, first);
    const quiet = proxy.log.length;
    // A window to watch, not a wait for something: nothing may reach the server in it.
    await sleep(2000);
    const api = (from: number) => proxyLines(from).filter((l) => l.includes(' /api/'));
    expect(api(quiet), 'nothing drains on its own').toEqual([]);

    const cdp = await context.newCDPSession(page);
    const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) =>
      registrations.push(...e.registrations),
    );
    await cdp.send('ServiceWorker.enable');
    await until('the service worker registration', () =>
      registrations.some((r) => r.scopeURL.startsWith(rec.url) && !r.isDeleted),
    );
    const registration = registrations.find((r) => r.scopeURL.startsWith(rec.url) && !r.isDeleted)!;
    const dispatchedAt = proxy.log.length;
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin: rec.url,
      registrationId: registration.registrationId,
      tag: 'kuaichu-outbox',
      lastChance: false,
    });
    await until('a request after the sync event', () => api(dispatchedAt).length > 0, 5_000, 20);
    await waitAllSent(page, [first], 30_000);
    expect((await phoneStatuses(page)).get(second)).toBe('unsent');

    // The event lost: the second case waits for the next trigger (here the app's start).
    await makeDue(page, second);
    await page.reload();
    await unlockIfSealing(page);
    await waitAllSent(page, [second], 30_000);
    await checkInvariants(page, server);
    await expectSealedIf(true, page);
    await context.close();
  });

  it('B11: 5xx after a long offline spell is retried with a fresh backoff once the link returns; nothing dropped', async () => {
    const { context, page } = await newPhone(true);
    await context.setOffline(true);
    const id = await quickCase(page, rec.url, 'B11 服务器出错', 2);
    await gotoApp(page, `${rec.url}/outbox`);
    // What hours offline leave behind: every entry backed off to the cap.
    await setBackoff(page, id, Date.now() + 4 * 60_000, 12);
    proxy.set(
      { fault: { mode: 'status', status: 500 }, match: 'POST /api/uploads', times: 1 },
      {
        fault: {
          mode: 'status',
          status: 502,
          headers: { 'content-type': 'text/html' },
          body: '<html><head><title>502 Bad Gateway</title></head></html>',
        },
        match: `PUT /api/cases/${id}`,
        times: 2,
      },
    );
    const from = proxy.log.length;
    await context.setOffline(false);
    // Well inside the old four-minute backoff: the link coming back starts it over.
    await waitAllSent(page, [id], 90_000);
    const lines = proxyLines(from).filter((l) => l.includes(' /api/'));
    expect(
      lines.filter((l) => l.includes('→ 500 [status]')),
      lines.join('\n'),
    ).toHaveLength(1);
    const puts = lines.filter((l) => l.startsWith(`PUT /api/cases/${id}`));
    expect(
      puts.filter((l) => l.includes('→ 502 [status]')),
      lines.join('\n'),
    ).toHaveLength(2);
    expect(puts.at(-1)).toContain('→ 200 [pass]');
    await checkInvariants(page, server);
    await expectSealedIf(true, page);
    await context.close();
  });

  it('A2: Chromium SIGKILLed during a photo save: after a restart the photo is absent or whole; earlier cases intact', async () => {
    const own = await launchOwnChromium();
    try {
      let page = await openPhone(own.context, rec.url);
      await setPhonePin(page, MATRIX_PIN);
      await own.context.setOffline(true);
      const earlier = await quickCase(page, rec.url, 'A2 先前案件', 3);
      const earlierPhotos = (await storedPhotos(page)).map((p) => p.sha256).sort();
      const caseId = await quickCase(page, rec.url, 'A2 崩溃案件', 1);
      // Signal the test when a readwrite transaction on the photos store opens. Dexie binds
      // `transaction` when it opens the database, so the hook goes in before the app loads.
      await page.addInitScript(() => {
        const w = window as unknown as { __kcTxOpen?: number };
        w.__kcTxOpen = 0;
        const original = IDBDatabase.prototype.transaction;
        IDBDatabase.prototype.transaction = function (
          this: IDBDatabase,
          ...args: Parameters<IDBDatabase['transaction']>
        ) {
          const [names, mode] = args;
          const list = typeof names === 'string' ? [names] : [...names];
          if (mode === 'readwrite' && list.includes('photos'))
            w.__kcTxOpen = (w.__kcTxOpen ?? 0) + 1;
          return original.apply(this, args);
        } as IDBDatabase['transaction'];
      });
      await page.reload();
      await unlockIfSealing(page);
      await page.getByTestId('evidence-progress').waitFor();
      const jpeg = await page.evaluate(async () => {
        const c = new OffscreenCanvas(800, 600);
        const ctx = c.getContext('2d')!;
        ctx.fillStyle = '#385';
        ctx.fillRect(0, 0, 800, 600);
        const b = await c.convertToBlob({ type: 'image/jpeg' });
        return Array.from(new Uint8Array(await b.arrayBuffer()));
      });
      await page.locator('input[type="file"][data-slot="scene-front"]').setInputFiles({
        name: 'a2.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from(jpeg),
      });
      await page.waitForFunction(
        () => ((window as unknown as { __kcTxOpen?: number }).__kcTxOpen ?? 0) > 0,
        null,
        { timeout: 30_000, polling: 1 },
      );
      await own.kill();

      const again = await launchOwnChromium(own.profile);
      own.browser = again.browser;
      own.context = again.context;
      own.proc = again.proc;
      own.kill = again.kill;
      own.close = again.close;
      rememberPin(again.context, MATRIX_PIN);
      page = await again.context.newPage();
      await page.goto(`${rec.url}/api/health`);
      const photos = await storedPhotos(page);
      expect(photos.every((p) => p.intact)).toBe(true);
      expect(
        photos
          .filter((p) => earlierPhotos.includes(p.sha256))
          .map((p) => p.sha256)
          .sort(),
      ).toEqual(earlierPhotos);
      const stored = await readPhoneDb(page, ['photos', 'outbox', 'cases']);
      const ofCrashed = {
        photos: stored.photos.filter((p) => p.caseId === caseId).map((p) => p.sha256 as string),
        outbox: (
          stored.outbox as unknown as { caseId: string; kind: string; entityId: string }[]
        ).filter((e) => e.caseId === caseId),
        cases: stored.cases.filter((c) => c.id === caseId).length,
      };
      expect(ofCrashed.cases).toBe(1);
      // The first photo was saved before; the killed save is all there or not at all.
      expect([1, 2]).toContain(ofCrashed.photos.length);
      for (const sha of ofCrashed.photos) {
        expect(ofCrashed.outbox.some((e) => e.kind === 'photo' && e.entityId === sha)).toBe(true);
      }
      expect(ofCrashed.outbox.some((e) => e.kind === 'case')).toBe(true);
      // Everything goes once the phone is back online.
      const app = await again.context.newPage();
      await gotoApp(app, `${rec.url}/outbox`);
      await waitAllSent(app, [earlier, caseId]);
      await checkInvariants(app, server);
      await expectSealedIf(true, app);
      console.info(`A2: the killed save left ${ofCrashed.photos.length - 1} new photo(s)`);
    } finally {
      await own.close();
    }
  });
});
