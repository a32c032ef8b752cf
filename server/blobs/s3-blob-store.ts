/**
 * Blob store on S3-compatible object storage (MinIO, Ceph RGW, Aliyun OSS,
 * AWS S3), chosen by BLOB_STORE=s3://bucket/prefix. Only the plain S3 API is
 * used — PutObject, GetObject, HeadObject, DeleteObject, CopyObject,
 * ListObjectsV2, HeadBucket — with the SDK's newer flexible checksums off
 * (`WHEN_REQUIRED`): many S3-compatible servers refuse their headers and
 * chunked bodies. Tested against the s3rver emulator (blob-store-contract.ts).
 *
 * Keys mirror the file store: `<prefix>sha256/<ab>/<cd>/<hash>`; the
 * quarantine is `<prefix>quarantine/<hash>.<ms>`.
 *
 * A put is written to a local scratch file while its SHA-256 and MD5 are
 * computed (the key is the hash, so it is known only at the end), then
 * streamed to the bucket with Content-Length and Content-MD5: the object
 * store refuses bytes that changed on the way. `adopt` (a finished tus
 * upload) re-reads the file once for its MD5, checks the SHA-256 the caller
 * vouched for, and puts it the same way. Either returns only after the
 * object store answered the PUT: nothing is acknowledged before it holds the
 * bytes. Any failure of the object store other than "no such key" becomes a
 * {@link BlobStoreUnavailableError} (one line, no credential).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { BlobError, BlobStoreUnavailableError, isSha256Hex } from './blob-store';
import type {
  AdoptedFile,
  BlobSource,
  BlobStore,
  PutOptions,
  PutResult,
  Sha256Hex,
} from './blob-store';

/** Where the bucket is and how to reach it (BLOB_STORE and S3_*: blob-store-config.ts). */
export interface S3Settings {
  bucket: string;
  /** Key prefix, '' or ending in '/'. */
  prefix: string;
  /** e.g. http://minio.local:9000; unset: AWS's endpoint for the region. */
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface S3BlobStoreOptions extends S3Settings {
  /** Local folder for puts in progress (hashed here before they are sent). */
  scratchDir: string;
  /** Attempts per request (the SDK's retries); default 3. */
  maxAttempts?: number;
}

export interface S3BlobStore extends BlobStore {
  readonly bucket: string;
  /** The object key of a blob (for tests and tooling). */
  keyOf(sha256: Sha256Hex): string;
  /** Reaches the bucket once (start-up): throws {@link BlobStoreUnavailableError} when it cannot. */
  check(): Promise<void>;
}

/** Connect time and idle time allowed per request, so a dead store fails instead of hanging. */
const CONNECT_TIMEOUT_MS = 5_000;
const IDLE_TIMEOUT_MS = 60_000;

export async function createS3BlobStore(options: S3BlobStoreOptions): Promise<S3BlobStore> {
  const { bucket, prefix, scratchDir } = options;
  await fs.mkdir(scratchDir, { recursive: true });
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: IDLE_TIMEOUT_MS },
  });
  const where = `s3://${bucket}/${prefix}${options.endpoint ? ` at ${options.endpoint}` : ''}`;

  const keyOf = (sha256: Sha256Hex): string => {
    if (!isSha256Hex(sha256)) {
      throw new BlobError('invalid_hash', `not a lower-case hex SHA-256: ${sha256.slice(0, 80)}`);
    }
    return `${prefix}sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  };

  /** Runs one request; "no such key" is undefined, any other failure unavailable. */
  const send = async <T>(what: string, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      if (isNoSuchKey(error)) return undefined;
      throw new BlobStoreUnavailableError(
        `object store ${where}: ${what} failed: ${describe(error)}`,
        {
          cause: error,
        },
      );
    }
  };

  const sizeOf = async (sha256: Sha256Hex): Promise<number | undefined> => {
    const key = keyOf(sha256);
    const head = await send(`HEAD ${key}`, () =>
      client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })),
    );
    return head?.ContentLength;
  };

  const getStream = async (sha256: Sha256Hex): Promise<Readable | undefined> => {
    const key = keyOf(sha256);
    const got = await send(`GET ${key}`, () =>
      client.send(new GetObjectCommand({ Bucket: bucket, Key: key })),
    );
    return got?.Body as Readable | undefined;
  };

  /** Sends a hashed local file under its hash, unless the bucket already holds it. */
  const upload = async (file: string, sums: Sums): Promise<PutResult> => {
    const { sha256, size } = sums;
    if ((await sizeOf(sha256)) !== undefined) return { sha256, size, created: false };
    const key = keyOf(sha256);
    await send(`PUT ${key}`, () =>
      client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: createReadStream(file),
          ContentLength: size,
          ContentMD5: sums.md5Base64,
          ContentType: 'application/octet-stream',
        }),
      ),
    );
    return { sha256, size, created: true };
  };

  const store: S3BlobStore = {
    bucket,
    keyOf,
    async check() {
      const head = await send('HEAD bucket', () =>
        client.send(new HeadBucketCommand({ Bucket: bucket })),
      );
      if (!head) throw new BlobStoreUnavailableError(`object store ${where}: no such bucket`);
    },
    async put(source: BlobSource, opts: PutOptions = {}): Promise<PutResult> {
      if (opts.expectedSha256 !== undefined) keyOf(opts.expectedSha256); // validates
      const scratch = path.join(scratchDir, `${randomUUID()}.part`);
      try {
        const sums = await writeSummed(scratch, source, opts.maxBytes);
        if (opts.expectedSha256 !== undefined && opts.expectedSha256 !== sums.sha256) {
          throw new BlobError(
            'hash_mismatch',
            `bytes hash to ${sums.sha256}, expected ${opts.expectedSha256}`,
          );
        }
        return await upload(scratch, sums);
      } finally {
        await fs.rm(scratch, { force: true });
      }
    },
    async adopt(file: AdoptedFile): Promise<PutResult> {
      keyOf(file.sha256);
      try {
        if ((await sizeOf(file.sha256)) !== undefined) {
          return { sha256: file.sha256, size: file.size, created: false };
        }
        const sums = await sumsOf(createReadStream(file.path));
        if (sums.sha256 !== file.sha256) {
          throw new BlobError(
            'hash_mismatch',
            `bytes hash to ${sums.sha256}, expected ${file.sha256}`,
          );
        }
        return await upload(file.path, sums);
      } finally {
        await fs.rm(file.path, { force: true });
      }
    },
    async has(sha256) {
      return (await sizeOf(sha256)) !== undefined;
    },
    size: sizeOf,
    get: getStream,
    async verify(sha256) {
      const stream = await getStream(sha256);
      if (!stream) return false;
      const sums = await send(`GET ${keyOf(sha256)}`, () => sumsOf(stream));
      return sums?.sha256 === sha256;
    },
    async *list() {
      let token: string | undefined;
      do {
        const page = await send('LIST', () =>
          client.send(
            new ListObjectsV2Command({
              Bucket: bucket,
              Prefix: `${prefix}sha256/`,
              ...(token !== undefined && { ContinuationToken: token }),
            }),
          ),
        );
        for (const object of page?.Contents ?? []) {
          const name = object.Key?.slice(object.Key.lastIndexOf('/') + 1) ?? '';
          if (isSha256Hex(name) && object.Key === keyOf(name)) yield name;
        }
        token = page?.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token !== undefined);
    },
    async quarantine(sha256) {
      const key = keyOf(sha256);
      const aside = `${prefix}quarantine/${sha256}.${Date.now()}`;
      const copied = await send(`COPY ${key}`, () =>
        client.send(
          new CopyObjectCommand({
            Bucket: bucket,
            Key: aside,
            CopySource: copySource(bucket, key),
          }),
        ),
      );
      if (!copied) return false;
      await send(`DELETE ${key}`, () =>
        client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })),
      );
      return true;
    },
  };
  return store;
}

interface Sums {
  sha256: Sha256Hex;
  md5Base64: string;
  size: number;
}

/** CopyObject's source: `bucket/key`, URL-encoded except its slashes. */
const copySource = (bucket: string, key: string): string =>
  encodeURIComponent(`${bucket}/${key}`).replace(/%2F/g, '/');

async function sumsOf(chunks: AsyncIterable<Uint8Array>): Promise<Sums> {
  const sha = createHash('sha256');
  const md5 = createHash('md5');
  let size = 0;
  for await (const chunk of chunks) {
    sha.update(chunk);
    md5.update(chunk);
    size += chunk.byteLength;
  }
  return { sha256: sha.digest('hex'), md5Base64: md5.digest('base64'), size };
}

/** Writes the source to `file`, summing as it goes; refuses more than maxBytes. */
async function writeSummed(
  file: string,
  source: BlobSource,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<Sums> {
  const handle = await fs.open(file, 'wx');
  try {
    const chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> =
      source instanceof Uint8Array ? [source] : source;
    async function* written() {
      let size = 0;
      for await (const chunk of chunks) {
        size += chunk.byteLength;
        if (size > maxBytes) throw new BlobError('too_large', `blob exceeds ${maxBytes} bytes`);
        await handle.write(chunk);
        yield chunk;
      }
    }
    return await sumsOf(written());
  } finally {
    await handle.close();
  }
}

interface SdkErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
}

function isNoSuchKey(error: unknown): boolean {
  const e = (error ?? {}) as SdkErrorLike;
  return (
    e.name === 'NoSuchKey' ||
    e.name === 'NotFound' ||
    (e.$metadata?.httpStatusCode === 404 && e.name !== 'NoSuchBucket')
  );
}

/** One line: the S3 error's name or the socket's code, and its message. */
function describe(error: unknown): string {
  const e = (error ?? {}) as SdkErrorLike;
  const status = e.$metadata?.httpStatusCode;
  const kind = typeof e.code === 'string' ? e.code : typeof e.name === 'string' ? e.name : 'error';
  const message = typeof e.message === 'string' ? e.message.split('\n')[0] : '';
  return [kind, status && `HTTP ${status}`, message].filter(Boolean).join(' ');
}
