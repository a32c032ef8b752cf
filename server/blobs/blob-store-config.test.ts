import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';

const opts = { cwd: '/srv', projectRoot: '/opt/kuaichu' };
const keys = { S3_ACCESS_KEY_ID: 'kc-app', S3_SECRET_ACCESS_KEY: 'secret-of-kc-app' };
const blobStore = (env: Record<string, string>) => loadConfig(env, opts).blobStore;

/** The start-up message for a bad environment (what main.ts prints alone, then exits 1). */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env, opts);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('accepted');
}

describe('BLOB_STORE and the S3 variables', () => {
  it('keeps the file store under DATA_DIR when BLOB_STORE is unset or empty', () => {
    const files = { kind: 'files', dir: '/srv/kc/blobs' };
    expect(blobStore({ DATA_DIR: 'kc' })).toEqual(files);
    expect(blobStore({ DATA_DIR: 'kc', BLOB_STORE: '' })).toEqual(files);
  });

  it('reads s3://bucket/prefix with path-style on and us-east-1 by default', () => {
    expect(
      blobStore({
        BLOB_STORE: 's3://kuaichu-photos/county/',
        S3_ENDPOINT: 'http://minio:9000/',
        ...keys,
      }),
    ).toEqual({
      kind: 's3',
      bucket: 'kuaichu-photos',
      prefix: 'county/',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      forcePathStyle: true,
      accessKeyId: 'kc-app',
      secretAccessKey: 'secret-of-kc-app',
    });
  });

  it('reads a bucket without prefix, a region and virtual-hosted style (Aliyun OSS)', () => {
    expect(
      blobStore({
        BLOB_STORE: 's3://kc-photos',
        S3_ENDPOINT: 'https://oss-cn-huhehaote.aliyuncs.com',
        S3_REGION: 'oss-cn-huhehaote',
        S3_FORCE_PATH_STYLE: 'false',
        ...keys,
      }),
    ).toMatchObject({
      bucket: 'kc-photos',
      prefix: '',
      region: 'oss-cn-huhehaote',
      forcePathStyle: false,
    });
  });

  it.each([
    [{ BLOB_STORE: 'minio://kc' }, 'BLOB_STORE="minio://kc": unknown scheme'],
    [{ BLOB_STORE: '/var/kc/blobs' }, 'BLOB_STORE="/var/kc/blobs": unknown scheme'],
    [{ BLOB_STORE: 's3://' }, 'BLOB_STORE="s3://": the bucket name is missing or not valid'],
    [{ BLOB_STORE: 's3:///photos' }, 'the bucket name is missing or not valid'],
    [{ BLOB_STORE: 's3://Kuaichu_Photos' }, 'the bucket name is missing or not valid'],
    [{ BLOB_STORE: 's3://kc-photos/../x' }, 'BLOB_STORE="s3://kc-photos/../x": the prefix may use'],
    [{ BLOB_STORE: 's3://kc-photos' }, 'S3_ACCESS_KEY_ID: must be set when BLOB_STORE is s3://'],
    [
      { BLOB_STORE: 's3://kc-photos', S3_ACCESS_KEY_ID: 'kc-app' },
      'S3_SECRET_ACCESS_KEY: must be set when BLOB_STORE is s3://',
    ],
    [
      { BLOB_STORE: 's3://kc-photos', ...keys, S3_ENDPOINT: 'minio:9000' },
      'S3_ENDPOINT="minio:9000": must be an http(s) address',
    ],
    [
      { BLOB_STORE: 's3://kc-photos', ...keys, S3_ENDPOINT: 'http://minio:9000/kc' },
      'S3_ENDPOINT="http://minio:9000/kc"',
    ],
    [
      { BLOB_STORE: 's3://kc-photos', ...keys, S3_REGION: 'Inner Mongolia' },
      'S3_REGION="Inner Mongolia": must be a region name',
    ],
    [
      { BLOB_STORE: 's3://kc-photos', ...keys, S3_FORCE_PATH_STYLE: 'yes' },
      'S3_FORCE_PATH_STYLE="yes": must be true or false',
    ],
  ])('refuses %j with one line naming the variable', (env, message) => {
    const text = refusal(env);
    expect(text).toContain(message);
    expect(text).not.toContain('\n');
    expect(text).not.toContain('secret-of-kc-app');
  });
});
