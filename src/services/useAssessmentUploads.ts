/**
 * The photos an insurer picks for its assessment (定损): each one checked
 * (JPEG, PNG or WebP, at most 10 MB, at most 12), hashed, then uploaded by
 * tus for the packet at once, its progress reported; a failed upload can be
 * retried (it resumes at the server's offset) or removed. The assessment
 * sends the hashes of the uploaded ones. Previews are object URLs of the
 * picked files, revoked when a photo is removed or the form goes away.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AssessmentMediaType } from '../contracts/claims';
import { MAX_ASSESSMENT_PHOTOS } from '../contracts/packets';
import { MAX_ASSESSMENT_PHOTO_BYTES } from '../contracts/uploads';
import { sha256Hex } from '../platform/hash/sha256';
import { packetApi, packetFailure, type PacketFailure } from './packet-client';
import { withToken } from './review-client';
import { useServices } from './ServicesContext';

export type PickedStatus = 'uploading' | 'done' | 'failed';

export interface PickedPhoto {
  key: string;
  name: string;
  /** The picked file as an object URL, for its thumbnail. */
  url: string;
  status: PickedStatus;
  /** The bytes' SHA-256, once hashed. */
  sha256?: string;
  /** Bytes sent and in all (uploading). */
  sent: number;
  total: number;
  failure?: PacketFailure;
}

/** Why a picked file was not taken. */
export type PickRefusal = 'type' | 'size' | 'too-many';

export interface AssessmentUploadsView {
  photos: readonly PickedPhoto[];
  /** Takes the files it can; answers those it refused, by name. */
  add(files: readonly File[]): { name: string; reason: PickRefusal }[];
  remove(key: string): void;
  retry(key: string): void;
  /** The hashes of the uploaded photos, in the order picked. */
  hashes: readonly string[];
  /** Some photo is still on its way, or failed: the assessment waits. */
  pending: boolean;
  failed: boolean;
}

const TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];

export function refusalOf(file: File, count: number): PickRefusal | undefined {
  if (!TYPES.includes(file.type)) return 'type';
  if (file.size === 0 || file.size > MAX_ASSESSMENT_PHOTO_BYTES) return 'size';
  if (count >= MAX_ASSESSMENT_PHOTOS) return 'too-many';
  return undefined;
}

interface Entry {
  file: File;
  url: string;
  sha256?: string;
  abort?: AbortController;
}

/** The state of the picked photos and the uploads behind them. */
export function useAssessmentUploads(packetId: string): AssessmentUploadsView {
  const { session } = useServices();
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const entries = useRef(new Map<string, Entry>());
  const patch = useCallback((key: string, change: Partial<PickedPhoto>) => {
    setPhotos((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));
  }, []);

  const upload = useCallback(
    async (key: string) => {
      const entry = entries.current.get(key);
      if (!entry) return;
      entry.abort = new AbortController();
      patch(key, { status: 'uploading', sent: 0, failure: undefined });
      entry.sha256 ??= await sha256Hex(new Uint8Array(await entry.file.arrayBuffer()));
      const r = await withToken(session, (token) =>
        packetApi().uploadAssessmentPhoto(token, {
          sha256: entry.sha256!,
          claimId: packetId,
          blob: entry.file,
          mediaType: entry.file.type as AssessmentMediaType,
          signal: entry.abort!.signal,
          onProgress: (sent, total) => patch(key, { sent, total }),
        }),
      );
      if (!entries.current.has(key)) return;
      if (r.ok) patch(key, { status: 'done', sent: entry.file.size, sha256: entry.sha256 });
      else patch(key, { status: 'failed', failure: packetFailure(r.failure) });
    },
    [packetId, patch, session],
  );

  const add = (files: readonly File[]) => {
    const refused: { name: string; reason: PickRefusal }[] = [];
    const taken: PickedPhoto[] = [];
    for (const file of files) {
      const reason = refusalOf(file, entries.current.size);
      if (reason) {
        refused.push({ name: file.name, reason });
        continue;
      }
      const key = crypto.randomUUID();
      const url = URL.createObjectURL(file);
      entries.current.set(key, { file, url });
      taken.push({ key, name: file.name, url, status: 'uploading', sent: 0, total: file.size });
    }
    setPhotos((list) => [...list, ...taken]);
    for (const p of taken) void upload(p.key);
    return refused;
  };

  const remove = (key: string) => {
    const entry = entries.current.get(key);
    entry?.abort?.abort();
    if (entry) URL.revokeObjectURL(entry.url);
    entries.current.delete(key);
    setPhotos((list) => list.filter((p) => p.key !== key));
  };

  useEffect(() => {
    const all = entries.current;
    return () => {
      for (const e of all.values()) {
        e.abort?.abort();
        URL.revokeObjectURL(e.url);
      }
    };
  }, []);

  const hashes = photos
    .filter((p) => p.status === 'done')
    .map((p) => p.sha256)
    .filter((h): h is string => h !== undefined);
  return {
    photos,
    add,
    remove,
    retry: (key) => void upload(key),
    hashes,
    pending: photos.some((p) => p.status === 'uploading'),
    failed: photos.some((p) => p.status === 'failed'),
  };
}
