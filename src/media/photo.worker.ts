/** The media worker: processes one photo at a time, off the page's thread. */
import type { PhotoRequest, PhotoResponse } from './photo-messages';
import { processPhoto } from './photo-pipeline';

declare const self: DedicatedWorkerGlobalScope;

self.addEventListener('message', (event: MessageEvent<PhotoRequest>) => {
  const { requestId, ...job } = event.data;
  processPhoto(job).then(
    (photo) => self.postMessage({ requestId, ok: true, ...photo } satisfies PhotoResponse),
    (error: unknown) =>
      self.postMessage({
        requestId,
        ok: false,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      } satisfies PhotoResponse),
  );
});
