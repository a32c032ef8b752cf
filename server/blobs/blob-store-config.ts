/**
 * BLOB_STORE and the S3_* variables (README's configuration table): where
 * photo and packet bytes live. Unset → the file store under DATA_DIR/blobs
 * (zero configuration); `s3://bucket/prefix` → an S3-compatible bucket.
 *
 * Credentials come from S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY only — not
 * the AWS_* variables nor ~/.aws — so the server never picks up a key meant
 * for another program. Each bad value is one line naming its variable.
 */
import type { S3Settings } from './s3-blob-store';

export type BlobStoreConfig = { kind: 'files'; dir: string } | ({ kind: 's3' } & S3Settings);

export const DEFAULT_S3_REGION = 'us-east-1';

/** S3's bucket naming rule (MinIO's and OSS's are the same or looser). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX = /^[A-Za-z0-9!\-_.*'()/]*$/;
const REGION = /^[a-z0-9-]{1,40}$/;

type Env = Record<string, string | undefined>;

const valueOf = (env: Env, name: string): string | undefined =>
  env[name] === '' ? undefined : env[name];

/** The blob store the environment asks for, or the one-line message of what is wrong. */
export function blobStoreFromEnv(env: Env, filesDir: string): BlobStoreConfig | { error: string } {
  const url = valueOf(env, 'BLOB_STORE');
  if (url === undefined) return { kind: 'files', dir: filesDir };
  const shown = `BLOB_STORE=${JSON.stringify(url)}`;
  const s3 = /^s3:\/\/([^/]*)(?:\/(.*))?$/i.exec(url);
  if (!s3) {
    return {
      error: `${shown}: unknown scheme; use s3://bucket/prefix, or leave it unset for files under DATA_DIR.`,
    };
  }
  const bucket = s3[1] ?? '';
  if (!BUCKET.test(bucket)) {
    return {
      error: `${shown}: the bucket name is missing or not valid (3–63 lower-case letters, digits, dots, hyphens), e.g. s3://kuaichu-photos/county.`,
    };
  }
  const prefix = (s3[2] ?? '').replace(/^\/+|\/+$/g, '');
  if (!PREFIX.test(prefix) || prefix.split('/').some((part) => part === '..' || part === '.')) {
    return { error: `${shown}: the prefix may use letters, digits and - _ . / only.` };
  }
  return s3Settings(env, bucket, prefix === '' ? '' : `${prefix}/`);
}

function s3Settings(env: Env, bucket: string, prefix: string): BlobStoreConfig | { error: string } {
  const endpoint = valueOf(env, 'S3_ENDPOINT');
  if (endpoint !== undefined && !isHttpOrigin(endpoint)) {
    return {
      error: `S3_ENDPOINT=${JSON.stringify(endpoint)}: must be an http(s) address without a path, e.g. http://minio.local:9000.`,
    };
  }
  const region = valueOf(env, 'S3_REGION') ?? DEFAULT_S3_REGION;
  if (!REGION.test(region)) {
    return {
      error: `S3_REGION=${JSON.stringify(region)}: must be a region name, e.g. us-east-1 or oss-cn-huhehaote.`,
    };
  }
  const pathStyle = valueOf(env, 'S3_FORCE_PATH_STYLE') ?? 'true';
  if (!['true', 'false', '1', '0'].includes(pathStyle)) {
    return {
      error: `S3_FORCE_PATH_STYLE=${JSON.stringify(pathStyle)}: must be true or false (1 or 0).`,
    };
  }
  const accessKeyId = valueOf(env, 'S3_ACCESS_KEY_ID');
  const secretAccessKey = valueOf(env, 'S3_SECRET_ACCESS_KEY');
  for (const [name, value] of [
    ['S3_ACCESS_KEY_ID', accessKeyId],
    ['S3_SECRET_ACCESS_KEY', secretAccessKey],
  ] as const) {
    if (value === undefined) {
      return { error: `${name}: must be set when BLOB_STORE is s3:// (the bucket's credentials).` };
    }
  }
  return {
    kind: 's3',
    bucket,
    prefix,
    ...(endpoint !== undefined && { endpoint: endpoint.replace(/\/$/, '') }),
    region,
    forcePathStyle: pathStyle === 'true' || pathStyle === '1',
    accessKeyId: accessKeyId ?? '',
    secretAccessKey: secretAccessKey ?? '',
  };
}

function isHttpOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      (url.pathname === '/' || url.pathname === '') &&
      url.search === '' &&
      url.username === '' &&
      url.password === ''
    );
  } catch {
    return false;
  }
}
