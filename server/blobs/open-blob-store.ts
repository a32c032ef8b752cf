/**
 * The configured blob store (BLOB_STORE): the file store under DATA_DIR/blobs,
 * or the S3 store, reached once at start-up so a wrong endpoint, key or
 * bucket stops the server with one line instead of failing the first upload.
 * (a {@link ConfigError}, so main.ts prints it alone). The S3 store hashes puts in DATA_DIR/blob-scratch before sending them.
 */
import path from 'node:path';
import { ConfigError } from '../config';
import type { ServerConfig } from '../config';
import { BlobStoreUnavailableError } from './blob-store';
import type { BlobStore } from './blob-store';
import { createFsBlobStore } from './fs-blob-store';
import { createS3BlobStore } from './s3-blob-store';

export async function openBlobStore(
  config: Pick<ServerConfig, 'blobStore' | 'dataDir'>,
): Promise<BlobStore> {
  const settings = config.blobStore;
  if (settings.kind === 'files') return createFsBlobStore(settings.dir);
  const { kind: _kind, ...s3 } = settings;
  const store = await createS3BlobStore({
    ...s3,
    scratchDir: path.join(config.dataDir, 'blob-scratch'),
  });
  try {
    await store.check();
  } catch (error) {
    if (!(error instanceof BlobStoreUnavailableError)) throw error;
    throw new ConfigError(`BLOB_STORE: cannot use the bucket: ${error.message}`);
  }
  return store;
}
