import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import * as tus from 'tus-js-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../src/contracts/errors';
import { UploadStored } from '../../src/contracts/uploads';
import { makePhoto, sha256OfBytes } from '../test-device';
import { openTestWorld } from '../test-world';
import type { Actor, TestWorld } from '../test-world';

let w: TestWorld;
const CASE_ID = '0190a000-0000-7000-8000-00000000c0de';

beforeEach(async () => {
  w = await openTestWorld();
});

afterEach(async () => {
  await w.close();
});

const b64 = (s: string) => Buffer.from(s).toString('base64');
const metadata = (sha256: string, caseId = CASE_ID) =>
  `sha256 ${b64(sha256)},caseId ${b64(caseId)}`;
const TUS = { 'tus-resumable': '1.0.0' };

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function create(actor: Actor, length: number, meta: string) {
  const res = await w.call(actor, {
    method: 'POST',
    url: '/api/uploads',
    headers: { ...TUS, 'upload-length': String(length), 'upload-metadata': meta },
  });
  return { res, url: res.headers['location'] as string | undefined };
}

const patch = (actor: Actor | undefined, url: string, offset: number, bytes: Buffer) =>
  w.call(actor, {
    method: 'PATCH',
    url,
    headers: {
      ...TUS,
      'upload-offset': String(offset),
      'content-type': 'application/offset+octet-stream',
    },
    payload: bytes,
  });

/**
 * A loopback TCP proxy that destroys the first connection once `cutAfter`
 * bytes of requests have passed, like a mobile link dropping mid-upload,
 * and notes the Upload-Offset of every PATCH it forwards.
 */
async function cuttingProxy(target: number, cutAfter: number) {
  const patchOffsets: number[] = [];
  let forwarded = 0;
  let cut = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      const head = /^PATCH [^\r\n]+\r\n[\s\S]*?\r\nupload-offset: (\d+)/i.exec(
        chunk.toString('latin1'),
      );
      if (head?.[1]) patchOffsets.push(Number(head[1]));
      forwarded += chunk.length;
      if (!cut && forwarded > cutAfter) {
        cut = true;
        upstream.write(chunk.subarray(0, chunk.length - (forwarded - cutAfter)));
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.end());
    upstream.on('close', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    patchOffsets,
    wasCut: () => cut,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        for (const s of sockets) s.destroy();
      }),
  };
}

describe('tus uploads with tus-js-client', () => {
  it('a 5 MB photo cut off halfway resumes; the stored file hashes right and exists once', async () => {
    await w.app.listen({ port: 0, host: '127.0.0.1' });
    const serverPort = (w.app.server.address() as net.AddressInfo).port;
    const proxy = await cuttingProxy(serverPort, 2.5 * 1024 * 1024);
    const photo = makePhoto(CASE_ID, 'five-megabytes', 'overview', 5 * 1024 * 1024);
    const sha256 = photo.meta.sha256;
    let finalBody = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const upload = new tus.Upload(photo.bytes, {
          endpoint: `http://127.0.0.1:${proxy.port}/api/uploads/`,
          headers: { authorization: `Bearer ${w.users.officerA.token}` },
          metadata: { sha256, caseId: CASE_ID, filetype: 'image/jpeg' },
          fingerprint: async () => `kuaichu-photo-${sha256}`,
          retryDelays: [0, 50, 200],
          onAfterResponse: (_req, res) => {
            if (res.getStatus() === 200) finalBody = res.getBody();
          },
          onSuccess: () => resolve(),
          onError: reject,
        });
        upload.start();
      });
    } finally {
      await proxy.close();
    }

    expect(proxy.wasCut()).toBe(true);
    expect(proxy.patchOffsets[0]).toBe(0);
    const resumedAt = proxy.patchOffsets.at(-1) ?? 0;
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(2.5 * 1024 * 1024);
    expect(UploadStored.parse(JSON.parse(finalBody))).toEqual({
      sha256,
      byteLength: photo.bytes.length,
      created: true,
    });
    const blobs = await filesUnder(path.join(w.fx.blobs.root, 'sha256'));
    expect(blobs).toEqual([w.fx.blobs.pathOf(sha256)]);
    expect(sha256OfBytes(await fs.readFile(blobs[0]!))).toBe(sha256);
    expect(await filesUnder(path.join(w.fx.dir, 'uploads'))).toEqual([]);
    const rows = await w.fx.db.selectFrom('photos').selectAll().execute();
    expect(rows).toEqual([
      {
        sha256,
        case_id: CASE_ID,
        byte_length: photo.bytes.length,
        uploaded_by: w.users.officerA.id,
        uploaded_at: w.clock.now.toISOString(),
      },
    ]);
  });
});

describe('tus uploads (protocol)', () => {
  const photo = makePhoto(CASE_ID, 'small', 'overview', 10);

  it('answers 409 to a PATCH at a stale offset, then finishes from the server’s offset', async () => {
    const { res, url } = await create('officerA', 10, metadata(photo.meta.sha256));
    expect(res.statusCode).toBe(201);
    expect(url).toMatch(/^\/api\/uploads\/[0-9a-f]{32}$/);

    expect((await patch('officerA', url!, 0, photo.bytes.subarray(0, 5))).statusCode).toBe(204);
    const stale = await patch('officerA', url!, 0, photo.bytes.subarray(0, 5));
    expect(stale.statusCode).toBe(409);
    const head = await w.call('officerA', { method: 'HEAD', url: url!, headers: TUS });
    expect(head.headers['upload-offset']).toBe('5');

    const last = await patch('officerA', url!, 5, photo.bytes.subarray(5));
    expect(last.statusCode).toBe(200);
    expect(UploadStored.parse(last.json())).toMatchObject({
      sha256: photo.meta.sha256,
      created: true,
    });
    expect(await w.fx.blobs.has(photo.meta.sha256)).toBe(true);
  });

  it('stores the same bytes once however often they arrive', async () => {
    for (const expected of [true, false]) {
      const { url } = await create('officerA', 10, metadata(photo.meta.sha256));
      const done = await patch('officerA', url!, 0, photo.bytes);
      expect(UploadStored.parse(done.json()).created).toBe(expected);
    }
    expect(await filesUnder(path.join(w.fx.blobs.root, 'sha256'))).toHaveLength(1);
    const head = await w.call('officerA', {
      method: 'HEAD',
      url: `/api/photos/${photo.meta.sha256}`,
    });
    expect(head.statusCode).toBe(200);
  });

  const createWithBytes = (length: number, meta: string, bytes: Buffer) =>
    w.call('officerA', {
      method: 'POST',
      url: '/api/uploads',
      headers: {
        ...TUS,
        'upload-length': String(length),
        'upload-metadata': meta,
        'content-type': 'application/offset+octet-stream',
      },
      payload: bytes,
    });

  it('takes a whole photo in its creation POST (creation-with-upload): 201, its Location and the receipt', async () => {
    const res = await createWithBytes(10, metadata(photo.meta.sha256), photo.bytes);
    expect(res.statusCode).toBe(201);
    expect(res.headers['location']).toMatch(/^\/api\/uploads\/[0-9a-f]{32}$/);
    expect(res.headers['upload-offset']).toBe('10');
    expect(UploadStored.parse(res.json())).toEqual({
      sha256: photo.meta.sha256,
      byteLength: 10,
      created: true,
    });
    expect(await w.fx.blobs.has(photo.meta.sha256)).toBe(true);
    expect(await filesUnder(path.join(w.fx.dir, 'uploads'))).toEqual([]);
  });

  it('takes a first chunk in the creation POST and the rest by PATCH', async () => {
    const first = await createWithBytes(
      10,
      metadata(photo.meta.sha256),
      photo.bytes.subarray(0, 4),
    );
    expect(first.statusCode).toBe(201);
    expect(first.headers['upload-offset']).toBe('4');
    expect(first.body).toBe('');
    const url = first.headers['location'] as string;
    const last = await patch('officerA', url, 4, photo.bytes.subarray(4));
    expect(last.statusCode).toBe(200);
    expect(UploadStored.parse(last.json()).sha256).toBe(photo.meta.sha256);
  });

  it('refuses a creation POST whose bytes do not hash to the claimed sha256, or run past its length', async () => {
    const wrong = await createWithBytes(10, metadata(sha256OfBytes('other')), photo.bytes);
    expect(wrong.statusCode).toBe(460);
    expect(ErrorBody.parse(wrong.json()).error.code).toBe('photo_hash_mismatch');
    const long = await createWithBytes(4, metadata(photo.meta.sha256), photo.bytes);
    expect(long.statusCode).toBe(413);
    expect(ErrorBody.parse(long.json()).error.code).toBe('upload_too_large');
    expect(await w.fx.blobs.has(photo.meta.sha256)).toBe(false);
  });

  it('refuses bytes that do not hash to the claimed sha256, with a reason and an audit event', async () => {
    const claimed = sha256OfBytes('something else');
    const { url } = await create('officerA', 10, metadata(claimed));

    const res = await patch('officerA', url!, 0, photo.bytes);

    expect(res.statusCode).toBe(460);
    expect(res.json()).toMatchObject({ error: { code: 'photo_hash_mismatch' } });
    expect(await filesUnder(path.join(w.fx.blobs.root, 'sha256'))).toEqual([]);
    expect(await filesUnder(path.join(w.fx.dir, 'uploads'))).toEqual([]);
    const audit = await w.fx.db
      .selectFrom('audit_events')
      .select(['action', 'subject'])
      .where('action', '=', 'photo.refused')
      .execute();
    expect(audit).toEqual([{ action: 'photo.refused', subject: claimed }]);
    expect(
      (await w.call('officerA', { method: 'HEAD', url: `/api/photos/${claimed}` })).statusCode,
    ).toBe(404);
  });

  it.each([
    ['no sha256', `caseId ${b64(CASE_ID)}`],
    ['a bad sha256', metadata('ABC')],
    ['a bad caseId', metadata(sha256OfBytes('x'), 'not-a-uuid')],
  ])('refuses metadata with %s', async (_name, meta) => {
    const { res } = await create('officerA', 10, meta);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'invalid_upload_metadata' } });
  });

  it('refuses an empty photo and one over the size limit', async () => {
    expect((await create('officerA', 0, metadata(photo.meta.sha256))).res.statusCode).toBe(400);
    expect(
      (await create('officerA', 31 * 1024 * 1024, metadata(photo.meta.sha256))).res.statusCode,
    ).toBe(413);
  });

  it('hides an upload from everyone but its uploader, and needs an officer session', async () => {
    const { url } = await create('officerA', 10, metadata(photo.meta.sha256));

    const peer = await w.call('officerA2', { method: 'HEAD', url: url!, headers: TUS });
    const stranger = await patch('officerB', url!, 0, photo.bytes);
    const anonymous = await patch(undefined, url!, 0, photo.bytes);
    const reviewer = await create('reviewerA', 10, metadata(photo.meta.sha256));

    expect(peer.statusCode).toBe(404);
    expect(stranger.statusCode).toBe(404);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect(reviewer.res.statusCode).toBe(403);
    expect(await w.fx.blobs.has(photo.meta.sha256)).toBe(false);
  });
});

describe('tus uploads (ownership and refusals)', () => {
  const photo = makePhoto(CASE_ID, 'owned', 'overview', 10);
  const stillResumable = async (url: string) => {
    const head = await w.call('officerA', { method: 'HEAD', url, headers: TUS });
    expect(head.statusCode).toBe(200);
    expect(head.headers['upload-offset']).toBe('5');
  };
  const expectErrorBody = (res: { statusCode: number; body: string }, status: number) => {
    expect(res.statusCode).toBe(status);
    expect(ErrorBody.safeParse(JSON.parse(res.body)).success, res.body).toBe(true);
    expect(res.body).not.toContain(w.fx.dir);
    return ErrorBody.parse(JSON.parse(res.body)).error;
  };

  it('refuses an id the contract does not allow before tus runs (no deleting <id>.json)', async () => {
    const { url } = await create('officerA', 10, metadata(photo.meta.sha256));
    await patch('officerA', url!, 0, photo.bytes.subarray(0, 5));

    for (const actor of ['officerA2', 'officerA'] as const) {
      const res = await w.call(actor, { method: 'DELETE', url: `${url!}.json`, headers: TUS });
      expect(expectErrorBody(res, 400)).toMatchObject({
        code: 'validation_failed',
        fields: [{ path: 'params.id' }],
      });
    }
    await stillResumable(url!);
  });

  it.each(['HEAD', 'PATCH', 'DELETE'] as const)(
    'answers another officer’s %s like a missing upload, in the error shape',
    async (method) => {
      const { url } = await create('officerA', 10, metadata(photo.meta.sha256));
      await patch('officerA', url!, 0, photo.bytes.subarray(0, 5));

      const res =
        method === 'PATCH'
          ? await patch('officerA2', url!, 5, photo.bytes.subarray(5))
          : await w.call('officerA2', { method, url: url!, headers: TUS });
      const missing = await w.call('officerA2', {
        method: 'DELETE',
        url: '/api/uploads/0123456789abcdef0123456789abcdef',
        headers: TUS,
      });

      expect(res.statusCode).toBe(404);
      expect(missing.statusCode).toBe(404);
      if (method !== 'HEAD') {
        expect(expectErrorBody(res, 404).code).toBe('not_found');
        expect(res.body).toBe(missing.body);
      }
      await stillResumable(url!);
    },
  );

  it('answers tus’s own refusals in the documented error shape', async () => {
    const { url } = await create('officerA', 10, metadata(photo.meta.sha256));
    await patch('officerA', url!, 0, photo.bytes.subarray(0, 5));
    const noVersion = await w.call('officerA', {
      method: 'DELETE',
      url: url!,
      headers: {},
    });
    const badOffset = await w.call('officerA', {
      method: 'PATCH',
      url: url!,
      headers: {
        ...TUS,
        'upload-offset': 'five',
        'content-type': 'application/offset+octet-stream',
      },
      payload: photo.bytes.subarray(5),
    });
    const stale = await patch('officerA', url!, 0, photo.bytes);
    const tooLarge = await create('officerA', 31 * 1024 * 1024, metadata(photo.meta.sha256));

    expect(expectErrorBody(noVersion, 412).code).toBe('tus_version_unsupported');
    expect(expectErrorBody(badOffset, 400).code).toBe('invalid_tus_request');
    expect(expectErrorBody(stale, 409).code).toBe('upload_offset_conflict');
    expect(expectErrorBody(tooLarge.res, 413).code).toBe('upload_too_large');
    await stillResumable(url!);
  });

  it('answers a fault inside tus with a 500 that names no server path', async () => {
    const uploads = path.join(w.fx.dir, 'uploads');
    await fs.rm(uploads, { recursive: true, force: true });
    await fs.writeFile(uploads, 'not a folder');

    const { res } = await create('officerA', 10, metadata(photo.meta.sha256));

    expect(expectErrorBody(res, 500)).toEqual({
      code: 'internal',
      message: 'Something went wrong on the server.',
    });
  });
});
