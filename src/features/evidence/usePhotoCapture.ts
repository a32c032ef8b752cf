/**
 * Takes a captured image through the media worker and into storage. Several
 * photos may be in flight; each is saved whole (verified) or not at all.
 */
import { useRef, useState } from 'react';
import { advanceOnScene, type CaseRecord, type PhotoMeta } from '../../domain';
import { createPhotoProcessor, type PhotoProcessor } from '../../media/photo-client';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../services/ServicesContext';
import { describeSaveError, isQuotaError } from '../../services/save-error';
import { markWriteFailedForSpace } from '../../services/storage-pressure';
import { savePhoto } from '../../storage';

export function stampLines(c: CaseRecord, at: string): string[] {
  const p = c.location.point;
  const where = p
    ? `${p.latitude.toFixed(6)}, ${p.longitude.toFixed(6)}${p.accuracyM !== undefined ? ` ±${Math.round(p.accuracyM)}m` : ''}`
    : c.location.address;
  const local = new Date(Date.parse(at) + 8 * 3600_000)
    .toISOString()
    .replace('T', ' ')
    .slice(0, 19);
  return [`${local} (UTC+8)`, where, c.caseNumber];
}

export function usePhotoCapture(c: CaseRecord) {
  const { db, platform } = useServices();
  const processor = useRef<PhotoProcessor | null>(null);
  const [inFlight, setInFlight] = useState(0);
  const { t } = useTranslation();
  const [lastError, setLastError] = useState<string | null>(null);

  const capture = async (shot: Blob | Promise<Blob>, slot: string) => {
    processor.current ??= createPhotoProcessor();
    const takenAt = platform.clock.now();
    setInFlight((n) => n + 1);
    try {
      const file = await shot;
      const photo = await processor.current.process({ file, stamp: stampLines(c, takenAt) });
      const meta: PhotoMeta = {
        schemaVersion: 1,
        sha256: photo.sha256,
        originalSha256: photo.originalSha256,
        caseId: c.id,
        slot,
        takenAt,
        byteLength: photo.byteLength,
        width: photo.width,
        height: photo.height,
        mimeType: 'image/jpeg',
      };
      const at = platform.clock.now();
      await savePhoto(
        db,
        {
          meta,
          blob: photo.blob,
          changeCase: (x, photos) => advanceOnScene({ ...x, updatedAt: at }, photos, at),
        },
        at,
      );
      setLastError(null);
      markWriteFailedForSpace(false);
    } catch (err) {
      setLastError(
        isQuotaError(err)
          ? await describeSaveError(err, db, t)
          : t('evidence.failed', { reason: err instanceof Error ? err.message : String(err) }),
      );
    } finally {
      setInFlight((n) => n - 1);
    }
  };

  return { capture, inFlight, lastError };
}
