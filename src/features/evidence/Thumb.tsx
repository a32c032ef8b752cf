import { useEffect, useState } from 'react';
import { useServices } from '../../services/ServicesContext';
import { readPhotoBlob } from '../../storage';

/** A stored photo, shown from IndexedDB (hash-checked on read). */
export function Thumb({ sha256, alt }: { sha256: string; alt: string }) {
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
  return url ? (
    <img src={url} alt={alt} className="thumb" data-sha256={sha256} />
  ) : (
    <span className="thumb placeholder" aria-hidden="true" />
  );
}
