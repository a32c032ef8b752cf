import fs from 'node:fs/promises';
import type net from 'node:net';
import path from 'node:path';
import * as tus from 'tus-js-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UploadStored } from '../../src/contracts/uploads';
import { makePhoto } from '../test-device';
import { openTestWorld } from '../test-world';
import type { TestWorld } from '../test-world';
import { sweepUploads, sweepUploadsIfDue, UPLOAD_SWEEP_EVERY_MS } from './upload-sweep';

let w: TestWorld;
const CASE_ID = '0190a000-0000-7000-8000-00000000c0de';
const HOUR = 60 * 60 * 1000;

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

const b64 = (s: string) => Buffer.from(s).toString('base64');
const uploadDir = () => path.join(w.fx.dir, 'uploads');
const listUploads = async () => (await fs.readdir(uploadDir()).catch(() => [])).sort();

/** A photo's first `sent` bytes in a creation POST, as a cut-off phone leaves them; answers its URL. */
async function leaveUnfinished(photo: ReturnType<typeof makePhoto>, sent: number) {
  const res = await w.call('officerA', {
    method: 'POST',
    url: '/api/uploads',
    headers: {
      'tus-resumable': '1.0.0',
      'upload-length': String(photo.bytes.length),
      'upload-metadata': `sha256 ${b64(photo.meta.sha256)},caseId ${b64(CASE_ID)}`,
      'content-type': 'application/offset+octet-stream',
    },
    payload: photo.bytes.subarray(0, sent),
  });
  expect(res.statusCode).toBe(201);
  expect(res.headers['upload-offset']).toBe(String(sent));
  return res.headers['location'] as string;
}

/** Backdates an upload's files, as if last written `ms` ago. */
async function age(url: string, ms: number) {
  const file = path.join(uploadDir(), url.split('/').pop() ?? '');
  const then = new Date(Date.now() - ms);
  for (const f of [file, `${file}.json`]) await fs.utimes(f, then, then);
}

const head = (url: string) =>
  w.call('officerA', { method: 'HEAD', url, headers: { 'tus-resumable': '1.0.0' } });

describe('the sweep of stale uploads', () => {
  it('deletes uploads untouched since the cut-off and keeps fresh ones', async () => {
    const stale = await leaveUnfinished(makePhoto(CASE_ID, 'stale', 'overview', 4096), 1024);
    const fresh = await leaveUnfinished(makePhoto(CASE_ID, 'fresh', 'overview', 4096), 2048);
    await age(stale, 73 * HOUR);
    await age(fresh, 71 * HOUR);
    const id = (url: string) => url.split('/').pop() ?? '';

    const result = await sweepUploads(w.app.uploads, new Date(Date.now() - 72 * HOUR));

    expect(result).toEqual({ removed: [id(stale)] });
    expect(await listUploads()).toEqual([id(fresh), `${id(fresh)}.json`]);
    expect((await head(stale)).statusCode).toBe(404);
    const kept = await head(fresh);
    expect(kept.statusCode).toBe(200);
    expect(kept.headers['upload-offset']).toBe('2048');
  });

  it('deletes a half-made upload (bytes without metadata) and leaves files not named as uploads', async () => {
    const orphan = 'ab'.repeat(16);
    await fs.mkdir(uploadDir(), { recursive: true });
    await fs.writeFile(path.join(uploadDir(), orphan), 'half');
    await fs.writeFile(path.join(uploadDir(), 'README'), 'not an upload');

    const result = await sweepUploads(w.app.uploads, new Date(Date.now() + HOUR));

    expect(result.removed).toEqual([orphan]);
    expect(await listUploads()).toEqual(['README']);
  });

  it('leaves an upload alone while a request holds its lock', async () => {
    const url = await leaveUnfinished(makePhoto(CASE_ID, 'busy', 'overview', 4096), 1024);
    const id = url.split('/').pop() ?? '';
    const lock = w.app.uploads.locker.newLock(id);
    await lock.lock(new AbortController().signal, () => {
      throw new Error('the sweep must not ask a request to let go');
    });
    try {
      const during = await sweepUploads(w.app.uploads, new Date(Date.now() + HOUR));
      expect(during.removed).toEqual([]);
    } finally {
      await lock.unlock();
    }
    const after = await sweepUploads(w.app.uploads, new Date(Date.now() + HOUR));
    expect(after.removed).toEqual([id]);
  });

  it('a phone resuming a swept upload starts a new one and its photo is stored', async () => {
    const photo = makePhoto(CASE_ID, 'resumed', 'overview', 300_000);
    const first = await leaveUnfinished(photo, 100_000);
    const fingerprint = `kuaichu-photo-${photo.meta.sha256}`;
    const stored: tus.PreviousUpload[] = [
      {
        size: photo.bytes.length,
        metadata: {},
        creationTime: new Date().toISOString(),
        uploadUrl: first,
        parallelUploadUrls: null,
        urlStorageKey: 'previous',
      },
    ];
    const urlStorage: tus.UrlStorage = {
      findAllUploads: () => Promise.resolve(stored),
      findUploadsByFingerprint: () => Promise.resolve(stored),
      removeUpload: (key) => {
        stored.splice(0, stored.length, ...stored.filter((u) => u.urlStorageKey !== key));
        return Promise.resolve();
      },
      addUpload: () => Promise.resolve('next'),
    };
    await sweepUploads(w.app.uploads, new Date(Date.now() + HOUR));
    expect(await listUploads()).toEqual([]);

    await w.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (w.app.server.address() as net.AddressInfo).port;
    const origin = `http://127.0.0.1:${port}`;
    const statuses: string[] = [];
    let receipt = '';
    await new Promise<void>((resolve, reject) => {
      const upload = new tus.Upload(photo.bytes, {
        endpoint: `${origin}/api/uploads/`,
        headers: { authorization: `Bearer ${w.users.officerA.token}` },
        metadata: { sha256: photo.meta.sha256, caseId: CASE_ID, filetype: 'image/jpeg' },
        fingerprint: () => Promise.resolve(fingerprint),
        urlStorage,
        retryDelays: [],
        onAfterResponse: (req, res) => {
          statuses.push(`${req.getMethod()} ${res.getStatus()}`);
          if (res.getStatus() === 200) receipt = res.getBody();
        },
        onSuccess: () => resolve(),
        onError: reject,
      });
      void upload.findPreviousUploads().then((previous) => {
        const last = previous[0];
        if (last) upload.resumeFromPreviousUpload({ ...last, uploadUrl: `${origin}${first}` });
        upload.start();
      });
    });

    expect(statuses).toEqual(['HEAD 404', 'POST 201', 'PATCH 200']);
    expect(UploadStored.parse(JSON.parse(receipt))).toEqual({
      sha256: photo.meta.sha256,
      byteLength: photo.bytes.length,
      created: true,
    });
    expect(await w.fx.blobs.has(photo.meta.sha256)).toBe(true);
  });

  it('runs hourly in one process of several, with the expiry counted back from now', async () => {
    const url = await leaveUnfinished(makePhoto(CASE_ID, 'job', 'overview', 4096), 1024);
    await age(url, 2 * HOUR);
    let now = new Date();
    const deps = (expiryMs: number) => ({
      db: w.fx.db,
      folder: w.app.uploads,
      now: () => now,
      expiryMs,
    });

    expect(await sweepUploadsIfDue(deps(3 * HOUR), 'process-a')).toEqual({ removed: [] });
    expect(await sweepUploadsIfDue(deps(HOUR), 'process-b')).toBeUndefined();
    expect(await listUploads()).toHaveLength(2);

    now = new Date(now.getTime() + UPLOAD_SWEEP_EVERY_MS + 1000);
    const swept = await sweepUploadsIfDue(deps(2.5 * HOUR), 'process-b');
    expect(swept?.removed).toEqual([url.split('/').pop()]);
    expect(await listUploads()).toEqual([]);
  });
});
