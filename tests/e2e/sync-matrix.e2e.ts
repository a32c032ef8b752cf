/**
 * RELIABILITY.md matrix B in a real browser against the real server, one test
 * per row, each ending with the H5 invariant check (tests/e2e/invariants.ts).
 * The phone talks to recorder → fault proxy → server (matrix-world.ts); the
 * rows that kill the server or the browser, replay, wake and retry are in
 * sync-matrix-faults.e2e.ts.
 *
 * B1, B2, B6 and B10 run twice: on a plain phone, and on a phone whose
 * officer set his PIN (issue 18), where everything is stored sealed and each
 * page load locks the app until the PIN opens it; the invariant check reads
 * that phone with its PIN. The rows of sync-matrix-faults.e2e.ts run on a
 * phone that seals only.
 */
import { describe, expect, it } from 'vitest';
import { prng, until } from './harness';
import { checkInvariants } from './invariants';
import { sendNow, waitAllSent } from './outbox';
import { gotoApp, openPhone, signInOnPhone } from './phone';
import { storedOutbox, storedPhotos } from './phone-db';
import { quickCase } from './scene-drivers';
import { DEMO_PASSWORD, login, partialUploads, readServer, sweepPartialUploads } from './server';
import {
  CHUNK,
  SEED,
  server,
  proxy,
  rec,
  newPhone,
  expectSealedIf,
  PHONES,
  attemptSeed,
  proxyLines,
  useMatrixWorld,
} from './matrix-world';

useMatrixWorld();

describe('sync matrix B (browser ↔ server through the fault proxy)', () => {
  for (const { sealed, on } of PHONES) {
    it(`B1: a cut at 50 % of a large photo resumes from the server offset; one blob, hash matching${on}`, async ({
      task,
    }) => {
      const { context, page } = await newPhone(sealed);
      await context.setOffline(true);
      const id = await quickCase(page, rec.url, 'B1 断网续传', 1, {
        big: true,
        seed: attemptSeed(sealed ? SEED + 500 : SEED, task),
      });
      const [photo] = await storedPhotos(page);
      expect(photo).toBeDefined();
      const { sha256, size } = photo!;
      expect(size).toBeGreaterThan(3 * CHUNK);
      // The first chunk goes in the creation POST; the PATCH carrying the
      // middle byte (chunk `before`, at least the second) is cut halfway into the photo.
      const half = Math.floor(size / 2);
      const before = Math.floor(half / CHUNK);
      expect(before).toBeGreaterThanOrEqual(1);
      const cutAt = Math.max(1024, half - before * CHUNK);
      const from = proxy.log.length;
      const recFrom = rec.log.length;
      proxy.set(
        ...(before > 1
          ? [{ fault: { mode: 'pass' as const }, match: 'PATCH /api/uploads/', times: before - 1 }]
          : []),
        { fault: { mode: 'cut-request', bytes: cutAt }, match: 'PATCH /api/uploads/', times: 1 },
      );
      await context.setOffline(false);
      await waitAllSent(page, [id]);

      const log = proxy.log.slice(from);
      const cut = log.findIndex((e) => e.fault === 'cut-request');
      expect(cut, proxyLines(from).join('\n')).toBeGreaterThanOrEqual(0);
      const after = log.slice(cut + 1);
      const lines = proxyLines(from).join('\n');
      // A retry the server refused (part of the cut chunk had arrived) is followed by the
      // client asking the offset; one it took (none had) needs no asking.
      const refused = after.some((e) => e.method === 'PATCH' && e.status === 409);
      const asked = after.some((e) => e.method === 'HEAD' && e.path.startsWith('/api/uploads/'));
      expect(!refused || asked, lines).toBe(true);
      expect(
        after.some((e) => e.method === 'PATCH' && (e.status === 204 || e.status === 200)),
        lines,
      ).toBe(true);
      // Only one upload resource was ever made for the photo: the resume used it.
      expect(
        log.filter((e) => e.method === 'POST' && e.path.startsWith('/api/uploads')).length,
      ).toBe(1);
      // Resumed, not restarted: no PATCH after the cut one starts before its
      // offset. (tus-js-client first retries the cut chunk at its old offset,
      // which the server refuses 409 once part of it arrived, then asks the
      // offset: one or two chunks may be sent again, never the photo's start.)
      const sent = rec.log.slice(recFrom);
      const patched = sent.filter((e) => e.method === 'PATCH');
      const offsets = patched.map((e) => Number(e.headers['upload-offset']));
      expect(offsets.slice(0, before)).toEqual(
        Array.from({ length: before }, (_, i) => (i + 1) * CHUNK),
      );
      expect(Math.min(...offsets.slice(before)), offsets.join(' ')).toBeGreaterThanOrEqual(
        before * CHUNK,
      );
      const bodyBytes = sent
        .filter(
          (e) => e.method === 'PATCH' || (e.method === 'POST' && e.path.startsWith('/api/uploads')),
        )
        .reduce((n, e) => n + e.bodyBytes, 0);
      expect(bodyBytes).toBeLessThan(size + 3 * CHUNK);
      const snap = readServer(server);
      expect(snap.blobs.get(sha256)).toBe(size);
      expect(partialUploads(server)).toEqual([]);
      await gotoApp(page, `${rec.url}/outbox`);
      await expectSealedIf(sealed, page);
      const report = await checkInvariants(page, server);
      expect(report.unsent).toBe(0);
      await context.close();
    });
  }

  it('B1: the cut-off upload swept from the server while the phone was away: the phone sends the photo afresh; one blob', async ({
    task,
  }) => {
    const { context, page } = await newPhone(false);
    await context.setOffline(true);
    const id = await quickCase(page, rec.url, 'B1 过期续传', 1, {
      big: true,
      seed: attemptSeed(SEED + 700, task),
    });
    const [photo] = await storedPhotos(page);
    const { sha256, size } = photo!;
    const from = proxy.log.length;
    // The first PATCH (the photo's second chunk) is cut; then the server answers 503 to
    // everything while the phone is "away" and the unfinished upload is swept.
    proxy.set({
      fault: { mode: 'cut-request', bytes: 4096 },
      match: 'PATCH /api/uploads/',
      times: 1,
    });
    await context.setOffline(false);
    await until(
      'the PATCH cut',
      () => proxy.log.slice(from).some((e) => e.fault === 'cut-request'),
      60_000,
      10,
    );
    proxy.set({ fault: { mode: 'status', status: 503 } });
    await until('an unfinished upload on the server', () => partialUploads(server).length > 0);
    expect(sweepPartialUploads(server)).toHaveLength(1);

    const back = proxy.log.length;
    proxy.set();
    await sendNow(page);
    await waitAllSent(page, [id]);
    const lines = proxyLines(back).join('\n');
    const after = proxy.log.slice(back);
    // Its stored address answers 404: the phone forgets it and makes a new upload.
    const gone = after.findIndex((e) => e.method === 'HEAD' && e.status === 404);
    expect(gone, lines).toBeGreaterThanOrEqual(0);
    expect(
      after
        .slice(gone)
        .some((e) => e.method === 'POST' && e.path.startsWith('/api/uploads') && e.status === 201),
      lines,
    ).toBe(true);
    expect(readServer(server).blobs.get(sha256)).toBe(size);
    expect(partialUploads(server)).toEqual([]);
    const report = await checkInvariants(page, server);
    expect(report.unsent).toBe(0);
    await context.close();
  });

  it('B1: a PATCH replayed at a stale offset is refused with 409', async () => {
    const token = await login(server.url);
    const bytes = Buffer.alloc(4096, 7);
    const created = await fetch(`${server.url}/api/uploads/`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'tus-resumable': '1.0.0',
        'upload-length': String(bytes.length),
        'upload-metadata': `sha256 ${Buffer.from('0'.repeat(64)).toString('base64')},caseId ${Buffer.from('01900000-0000-7000-8000-000000000000').toString('base64')}`,
      },
    });
    expect(created.status).toBe(201);
    const location = new URL(created.headers.get('location')!, server.url).toString();
    const patch = (offset: number, body: Buffer) =>
      fetch(location, {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${token}`,
          'tus-resumable': '1.0.0',
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
        },
        body: new Uint8Array(body),
      });
    expect((await patch(0, bytes.subarray(0, 1024))).status).toBe(204);
    expect((await patch(0, bytes.subarray(0, 1024))).status).toBe(409);
    await fetch(location, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' },
    });
  });

  for (const { sealed, on } of PHONES) {
    it(`B2: a lost answer to the case PUT, and to a photo's upload: one case row, the phone ends "sent"${on}`, async () => {
      const { context, page } = await newPhone(sealed);
      await context.setOffline(true);
      const id = await quickCase(page, rec.url, 'B2 丢失应答', 2);
      const from = proxy.log.length;
      // Photos are small (each in its creation POST, one request); the first loses its answer.
      proxy.set(
        { fault: { mode: 'lost-response' }, match: 'POST /api/uploads', times: 1 },
        { fault: { mode: 'lost-response' }, match: `PUT /api/cases/${id}`, times: 1 },
      );
      await context.setOffline(false);
      await waitAllSent(page, [id]);
      const log = proxy.log.slice(from);
      const lost = log.filter((e) => e.fault === 'lost-response');
      expect(lost.map((e) => e.method).sort(), proxyLines(from).join('\n')).toEqual([
        'POST',
        'PUT',
      ]);
      // The server committed both (it answered); the client asked again and took the same answer.
      expect(lost.map((e) => e.status).sort()).toEqual([200, 201]);
      expect(log.filter((e) => e.method === 'PUT').length).toBeGreaterThanOrEqual(2);
      const snap = readServer(server);
      expect(snap.cases.get(id)?.version).toBe(1);
      await gotoApp(page, `${rec.url}/outbox`);
      await page.locator(`li[data-case="${id}"][data-status="sent"]`).waitFor();
      await expectSealedIf(sealed, page);
      await checkInvariants(page, server);
      await context.close();
    });
  }

  for (const { sealed, on } of PHONES) {
    it(`B6: the tab closed at a random moment mid-sync (3 cases × 6 photos): reopened, it resumes; no duplicates${on}`, async () => {
      const random = prng(SEED + 6);
      const { context, page } = await newPhone(sealed);
      await context.setOffline(true);
      const ids: string[] = [];
      for (let c = 0; c < 3; c++) ids.push(await quickCase(page, rec.url, `B6 关页 ${c}`, 6));
      await gotoApp(page, `${rec.url}/outbox`);
      // Each request a little slow, so a sync of 21 requests lasts a few seconds.
      proxy.set({ fault: { mode: 'delay', ms: 150 } });
      const recFrom = rec.log.length;
      await context.setOffline(false);
      const closeAfter = Math.floor(5 + random() * 20);
      await until(
        `${closeAfter} requests`,
        () => rec.log.length - recFrom >= closeAfter,
        30_000,
        10,
      );
      await page.close();
      proxy.set();
      // Between close and reopen: nothing shown as sent that the server lacks.
      const probe = await context.newPage();
      await probe.goto(`${rec.url}/api/health`);
      const mid = await checkInvariants(probe, server).catch((e: Error) => e);
      if (mid instanceof Error) {
        // The only tolerated difference mid-sync: a receipt the phone had not stored yet.
        expect(
          mid.message
            .split('\n')
            .slice(1)
            .every((l) => l.includes('phone counts')),
          mid.message,
        ).toBe(true);
      }
      await probe.close();
      const again = await openPhone(context, rec.url, { signIn: false });
      await waitAllSent(again, ids);
      const snap = readServer(server);
      for (const id of ids) expect(snap.cases.get(id)?.version).toBe(1);
      await gotoApp(again, `${rec.url}/outbox`);
      await expectSealedIf(sealed, again);
      const report = await checkInvariants(again, server);
      expect(report.unsent).toBe(0);
      console.info(`B6: closed after ${closeAfter} requests`);
      await context.close();
    });
  }

  for (const { sealed, on } of PHONES) {
    it(`B10: the session revoked while cases wait: 401 holds them, the outbox asks to sign in; sign-in resumes${on}`, async () => {
      const { context, page } = await newPhone(sealed);
      await context.setOffline(true);
      const id = await quickCase(page, rec.url, 'B10 会话过期', 2);
      // The admin resets the officer's password (to the same one): every session is revoked.
      const admin = await login(server.url, 'demo-admin');
      const users = (await (
        await fetch(`${server.url}/api/admin/users`, {
          headers: { authorization: `Bearer ${admin}` },
        })
      ).json()) as
        { users?: { id: string; username: string }[] } | { id: string; username: string }[];
      const list = Array.isArray(users) ? users : (users.users ?? []);
      const officer = list.find((u) => u.username === 'demo-officer');
      expect(officer).toBeDefined();
      const reset = await fetch(`${server.url}/api/admin/users/${officer!.id}/password`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ password: DEMO_PASSWORD }),
      });
      expect(reset.status).toBe(204);
      await gotoApp(page, `${rec.url}/outbox`);
      const from = proxy.log.length;
      await context.setOffline(false);
      const panel = page.getByTestId('session-panel');
      await panel.getByRole('link', { name: '登录以发送' }).waitFor({ timeout: 30_000 });
      expect(proxy.log.slice(from).some((e) => e.status === 401)).toBe(true);
      const entries = await storedOutbox(page);
      // Nothing dropped: the case and both photos still queued, held for sign-in.
      expect(entries.length).toBe(3);
      expect(entries.every((e) => e.status === 'held' || e.status === 'pending')).toBe(true);
      expect(entries.some((e) => e.status === 'held')).toBe(true);
      expect(await page.locator(`li[data-case="${id}"]`).getAttribute('data-status')).toBe(
        'saved-on-phone',
      );
      expect(readServer(server).cases.has(id)).toBe(false);
      await checkInvariants(page, server);

      await signInOnPhone(page);
      await waitAllSent(page, [id]);
      await gotoApp(page, `${rec.url}/outbox`);
      await expectSealedIf(sealed, page);
      await checkInvariants(page, server);
      await context.close();
    });
  }
});
