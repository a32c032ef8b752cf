/**
 * Photos on the phone, for screens: a stored photo as an object URL
 * (hash-checked on read), and saving a processed photo with the case change
 * it causes (the evidence-complete stamp) in one transaction.
 */
import { useEffect, useState } from 'react';
import { advanceOnScene, type PhotoMeta } from '../domain';
import { readPhotoBlob, savePhoto } from '../storage';
import { useServices } from './ServicesContext';
import { markWriteFailedForSpace } from './storage-pressure';

/** The photo's object URL, revoked when the screen lets go of it; null until read. */
export function usePhotoUrl(sha256: string): string | null {
  const { db } = useServices();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let live = true;
    void readPhotoBlob(db, sha256).then((blob) => {
      if (!live || !blob) return;
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [db, sha256]);
  return url;
}

/**
 * Saves a photo of a case; the case moves on (evidence complete) when it
 * completes the shots. A photo saved proves there is room again.
 */
export function useSavePhoto(): (meta: PhotoMeta, blob: Blob) => Promise<void> {
  const { db, platform } = useServices();
  return async (meta, blob) => {
    const at = platform.clock.now();
    await savePhoto(
      db,
      {
        meta,
        blob,
        changeCase: (x, photos) => advanceOnScene({ ...x, updatedAt: at }, photos, at),
      },
      at,
    );
    markWriteFailedForSpace(false);
  };
}
