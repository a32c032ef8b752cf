/**
 * The server on the S3 blob store (the s3rver emulator): a phone's photo
 * uploads, the case ingest that checks them, and the photo download; then
 * the faults — an object gone from the bucket, and a bucket that cannot be
 * reached — answered 404 and 503, never 500, and nothing acknowledged.
 */
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CaseReceipt } from '../../src/contracts/cases';
import { ErrorBody } from '../../src/contracts/errors';
import { runAdmin } from '../admin-cli';
import { insuredCase } from '../case-fixtures';
import { signedCaseBody } from '../test-device';
import { sendUpload, submitCase } from '../test-photos';
import { makeTempDir } from '../test-support';
import { openTestWorld } from '../test-world';
import type { TestWorld } from '../test-world';
import { createS3BlobStore } from './s3-blob-store';
import type { S3BlobStore } from './s3-blob-store';
import { deadEndpoint, startTestS3Server } from './test-s3rver';
import type { TestS3Server } from './test-s3rver';

let s3: TestS3Server;
let w: TestWorld | undefined;
let run = 0;

beforeAll(async () => {
  s3 = await startTestS3Server();
});

afterEach(async () => {
  await w?.close();
  w = undefined;
});

afterAll(async () => {
  await s3.close();
});

async function s3Store(endpoint = s3.endpoint): Promise<S3BlobStore> {
  run += 1;
  return createS3BlobStore({
    bucket: s3.bucket,
    prefix: `flow-${run}/`,
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    scratchDir: await makeTempDir('kuaichu-s3-scratch-'),
    maxAttempts: 1,
  });
}

/**
 * verify-audit with the bucket as the blob store. The suite's own check at its
 * end reads the fixture's folder, where these photos never are: so each test
 * runs it here and leaves its database out of the suite's check.
 */
async function verifyAudit(world: TestWorld, blobs: S3BlobStore) {
  world.fx.tampered();
  const lines: string[] = [];
  const code = await runAdmin(['verify-audit'], {
    db: world.fx.db,
    blobs,
    now: () => new Date(),
    out: () => undefined,
    err: (line) => void lines.push(line),
  });
  return { code, lines };
}

describe('the server with BLOB_STORE on S3 (s3rver)', () => {
  it('stores uploaded photos in the bucket, ingests the case and serves the photos back', async () => {
    const blobs = await s3Store();
    w = await openTestWorld({ blobs });
    const c = insuredCase('on-s3', 2);

    await submitCase(w, c);

    for (const photo of c.photos) {
      expect(await blobs.size(photo.meta.sha256)).toBe(photo.bytes.length);
      const got = await w.call('officerA', {
        url: `/api/cases/${c.record.id}/photos/${photo.meta.sha256}`,
      });
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(photo.bytes)).toBe(true);
    }
    expect(await verifyAudit(w, blobs)).toEqual({ code: 0, lines: [] });
  });

  it('answers 404, not 500, for a photo whose object is gone from the bucket', async () => {
    const blobs = await s3Store();
    w = await openTestWorld({ blobs });
    const c = insuredCase('gone', 1);
    await submitCase(w, c);
    const sha256 = c.photos[0]!.meta.sha256;
    const raw = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    await raw.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: blobs.keyOf(sha256) }));
    raw.destroy();

    const got = await w.call('officerA', { url: `/api/cases/${c.record.id}/photos/${sha256}` });

    expect(got.statusCode).toBe(404);
    expect(ErrorBody.parse(got.json()).error.code).toBe('not_found');
    const audit = await verifyAudit(w, blobs);
    expect(audit.code).toBe(1);
    expect(audit.lines.join('\n')).toContain(`photo ${sha256} was stored and is gone`);
  });

  it('an unreachable bucket: the upload is answered 503 and not acknowledged; the case is stored with the photo missing', async () => {
    const blobs = await s3Store(await deadEndpoint());
    w = await openTestWorld({ blobs });
    const c = insuredCase('down', 1);
    const photo = c.photos[0]!;

    const patched = await sendUpload(w, 'officerA', photo);

    expect(patched.statusCode).toBe(503);
    const body = ErrorBody.parse(patched.json());
    expect(body.error.code).toBe('storage_unavailable');
    expect(patched.body).not.toMatch(/ECONNREFUSED|at .*\.ts|127\.0\.0\.1/);
    const rows = await w.fx.db.selectFrom('photos').select('sha256').execute();
    expect(rows).toEqual([]);

    const put = await w.call('officerA', {
      method: 'PUT',
      url: `/api/cases/${c.record.id}`,
      payload: await signedCaseBody({
        record: c.record,
        photos: c.photos.map((p) => p.meta),
        deviceId: w.devices.officerA.id,
        key: w.devices.officerA.key,
      }),
    });
    // A new version asks the database, not the bucket, which photos are held (cases/photo-holders.ts).
    expect(put.statusCode).toBe(200);
    const receipt = CaseReceipt.parse(put.json());
    expect(receipt.photos.missing).toEqual([photo.meta.sha256]);
    expect(receipt.complete).toBe(false);
    w.fx.tampered(); // verify-audit cannot reach this bucket either
  });
});
