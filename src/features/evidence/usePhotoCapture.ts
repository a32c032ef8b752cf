/**
 * Takes a captured image through the media worker and into storage. Several
 * photos may be in flight; each is saved whole (verified) or not at all.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord, PhotoMeta } from '../../domain';
import { createPhotoProcessor, type PhotoProcessor } from '../../media/photo-client';
import { isQuotaError, useSaveErrorText } from '../../services/save-error';
import { useServices } from '../../services/ServicesContext';
import { useSavePhoto } from '../../services/usePhotoStore';

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
  const { platform } = useServices();
  const savePhoto = useSavePhoto();
  const saveErrorText = useSaveErrorText();
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
      await savePhoto(meta, photo.blob);
      setLastError(null);
    } catch (err) {
      setLastError(
        isQuotaError(err)
          ? await saveErrorText(err)
          : t('evidence.failed', { reason: err instanceof Error ? err.message : String(err) }),
      );
    } finally {
      setInFlight((n) => n - 1);
    }
  };

  return { capture, inFlight, lastError };
}
