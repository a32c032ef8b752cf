/**
 * What the desk screens' hooks share (the reviewer's, the insurer's): a
 * value read from the server with why there is none, a poll that runs only
 * while the page is visible, and a photo's bytes as an object URL only when
 * they hash to the SHA-256 the record names.
 */
import { useEffect, useState } from 'react';
import { sha256Hex } from '../platform/hash/sha256';

export type ServerLoaded<T, F> =
  | { status: 'loading'; value?: undefined; failure?: undefined }
  | { status: 'ready'; value: T; failure?: undefined }
  | { status: 'failed'; value?: undefined; failure: F };

export function loadedOf<T, F>(
  r: { ok: true; value: T } | { ok: false; failure: F },
): ServerLoaded<T, F> {
  return r.ok ? { status: 'ready', value: r.value } : { status: 'failed', failure: r.failure };
}

/** Calls `tick` every `ms` while the page is visible, and when it shows again. */
export function useVisiblePolling(tick: () => void, ms: number): void {
  useEffect(() => {
    const timer = setInterval(() => {
      if (globalThis.document?.visibilityState !== 'hidden') tick();
    }, ms);
    const onVisible = () => {
      if (document.visibilityState === 'visible') tick();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [tick, ms]);
}

const blobHash = async (blob: Blob) => sha256Hex(new Uint8Array(await blob.arrayBuffer()));

/**
 * The blob `fetchBlob` answers as an object URL, 'failed' when it answers
 * nothing or other bytes than `sha256`; revoked when the screen lets it go.
 * `fetchBlob` must be stable (useCallback): a new one fetches again.
 */
export function useVerifiedBlob(
  sha256: string | undefined,
  fetchBlob: () => Promise<Blob | undefined>,
): string | 'failed' | undefined {
  const [url, setUrl] = useState<string | 'failed'>();
  useEffect(() => {
    if (sha256 === undefined) return;
    let live = true;
    let made: string | undefined;
    void fetchBlob()
      .then(async (blob) => (blob && (await blobHash(blob)) === sha256 ? blob : undefined))
      .then((blob) => {
        if (!live) return;
        if (blob) {
          made = URL.createObjectURL(blob);
          setUrl(made);
        } else setUrl('failed');
      });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
      setUrl(undefined);
    };
  }, [fetchBlob, sha256]);
  return url;
}
