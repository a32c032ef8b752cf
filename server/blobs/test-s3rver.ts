/**
 * Test-only: the s3rver emulator in this process, on a free loopback port,
 * its objects in a temp folder. No real S3-compatible server installs here;
 * the S3 blob store keeps to the plain S3 API so MinIO, Ceph RGW and OSS
 * answer it the same way.
 */
import { once } from 'node:events';
import fs from 'node:fs/promises';
import net from 'node:net';
import S3rver from 's3rver';
import { makeTempDir } from '../test-support';

/** s3rver's built-in key pair (it checks request signatures). */
export const S3RVER_KEY = 'S3RVER';
export const TEST_BUCKET = 'kuaichu-test';

export interface TestS3Server {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  close(): Promise<void>;
}

export async function startTestS3Server(): Promise<TestS3Server> {
  const directory = await makeTempDir('kuaichu-s3rver-');
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: TEST_BUCKET }],
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: TEST_BUCKET,
    accessKeyId: S3RVER_KEY,
    secretAccessKey: S3RVER_KEY,
    async close() {
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}

/** A loopback address where nothing listens (an object store that is down). */
export async function deadEndpoint(): Promise<string> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return `http://127.0.0.1:${port}`;
}
