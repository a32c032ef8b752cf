/**
 * The page's side of the media worker. Jobs queue in the worker, so the
 * officer can shoot the next photo while earlier ones are processed.
 */
import type { PhotoJob, ProcessedPhoto } from './photo-pipeline';
import type { PhotoRequest, PhotoResponse } from './photo-messages';

export interface PhotoProcessor {
  process(job: PhotoJob): Promise<ProcessedPhoto>;
  /** Photos handed over and not yet back. */
  pending(): number;
}

export function createPhotoProcessor(): PhotoProcessor {
  let worker: Worker | null = null;
  let next = 1;
  const waiting = new Map<
    number,
    { resolve: (p: ProcessedPhoto) => void; reject: (e: Error) => void }
  >();

  const start = () => {
    const w = new Worker(new URL('./photo.worker.ts', import.meta.url), { type: 'module' });
    w.addEventListener('message', (event: MessageEvent<PhotoResponse>) => {
      const r = event.data;
      const entry = waiting.get(r.requestId);
      waiting.delete(r.requestId);
      if (!entry) return;
      if (r.ok) {
        const { requestId: _id, ok: _ok, ...photo } = r;
        entry.resolve(photo);
      } else entry.reject(new Error(r.error));
    });
    w.addEventListener('error', (event) => {
      // A crashed worker fails what it held; the next job starts a new one.
      for (const entry of waiting.values())
        entry.reject(new Error(event.message || 'media worker failed'));
      waiting.clear();
      worker = null;
    });
    return w;
  };

  return {
    process(job) {
      worker ??= start();
      const requestId = next++;
      const request: PhotoRequest = { requestId, ...job };
      return new Promise((resolve, reject) => {
        waiting.set(requestId, { resolve, reject });
        worker?.postMessage(request);
      });
    },
    pending: () => waiting.size,
  };
}
