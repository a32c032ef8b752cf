import fs from 'node:fs/promises';
import path from 'node:path';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support';
import { BlobStoreUnavailableError } from './blob-store';
import { blobStoreContract, bytesOf, sha256Of } from './blob-store-contract';
import { createS3BlobStore } from './s3-blob-store';
import type { S3BlobStoreOptions } from './s3-blob-store';
import { deadEndpoint, startTestS3Server } from './test-s3rver';
import type { TestS3Server } from './test-s3rver';

let s3: TestS3Server;
let raw: S3Client;
let run = 0;

beforeAll(async () => {
  s3 = await startTestS3Server();
  raw = new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  });
});

afterAll(async () => {
  raw.destroy();
  await s3.close();
});

async function keysUnder(prefix: string): Promise<string[]> {
  const page = await raw.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
  return (page.Contents ?? []).map((o) => o.Key ?? '');
}

const optionsFor = (prefix: string, scratchDir: string): S3BlobStoreOptions => ({
  bucket: s3.bucket,
  prefix,
  endpoint: s3.endpoint,
  region: 'us-east-1',
  forcePathStyle: true,
  accessKeyId: s3.accessKeyId,
  secretAccessKey: s3.secretAccessKey,
  scratchDir,
});

// Each test gets its own prefix in the one bucket, and its own scratch folder.
blobStoreContract('S3 (s3rver)', async () => {
  run += 1;
  const prefix = `run-${run}/photos/`;
  const scratch = await makeTempDir('kuaichu-s3-scratch-');
  const store = await createS3BlobStore(optionsFor(prefix, scratch));
  return {
    store,
    corrupt: async (sha256, bytes) => {
      await raw.send(
        new PutObjectCommand({ Bucket: s3.bucket, Key: store.keyOf(sha256), Body: bytes }),
      );
    },
    quarantined: async () =>
      (await keysUnder(`${prefix}quarantine/`)).map((k) => k.slice(k.lastIndexOf('/') + 1)),
    leftovers: async () => [
      ...(await fs.readdir(scratch)),
      ...(await keysUnder(prefix)).filter(
        (k) => !k.startsWith(`${prefix}sha256/`) && !k.startsWith(`${prefix}quarantine/`),
      ),
    ],
    close: () => fs.rm(scratch, { recursive: true, force: true }),
  };
});

describe('S3 blob store: keys and faults', () => {
  it('keeps a blob under <prefix>sha256/<ab>/<cd>/<hash>', async () => {
    const scratch = await makeTempDir();
    const store = await createS3BlobStore(optionsFor('layout/', scratch));
    const photo = bytesOf('a photo in the bucket');
    const hash = sha256Of(photo);

    await store.put(photo);

    expect(await keysUnder('layout/')).toEqual([
      `layout/sha256/${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`,
    ]);
    await store.check();
    await fs.rm(scratch, { recursive: true, force: true });
  });

  it('an unreachable object store: the put fails with one clear line and nothing is kept', async () => {
    const scratch = await makeTempDir();
    const store = await createS3BlobStore({
      ...optionsFor('down/', scratch),
      endpoint: await deadEndpoint(),
      maxAttempts: 1,
    });
    const file = path.join(scratch, 'upload');
    const photo = bytesOf('never acknowledged');
    await fs.writeFile(file, photo);

    const put = store.put(photo);
    await expect(put).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    const error = (await put.catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(
      /^object store s3:\/\/kuaichu-test\/down\/ at http:\/\/127\.0\.0\.1:\d+: HEAD .* failed: ECONNREFUSED/,
    );
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toContain(s3.secretAccessKey);
    await expect(
      store.adopt({ path: file, sha256: sha256Of(photo), size: photo.byteLength }),
    ).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    await expect(store.check()).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    expect(await fs.readdir(scratch)).toEqual([]);
    await fs.rm(scratch, { recursive: true, force: true });
  });

  // s3rver checks the access key id, not a v4 signature: an unknown id stands for a wrong key.
  it('a missing bucket or an unknown key is named at start-up', async () => {
    const scratch = await makeTempDir();
    const noBucket = await createS3BlobStore({
      ...optionsFor('', scratch),
      bucket: 'no-such-bucket',
    });
    await expect(noBucket.check()).rejects.toThrow(/no-such-bucket.*no such bucket/);
    const wrongKey = await createS3BlobStore({ ...optionsFor('', scratch), accessKeyId: 'NOBODY' });
    await expect(wrongKey.check()).rejects.toThrow(/HEAD bucket failed: .*(403|Forbidden)/);
    await fs.rm(scratch, { recursive: true, force: true });
  });
});
