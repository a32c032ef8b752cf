/**
 * An in-page camera (rear camera through getUserMedia), so low-memory phones
 * do not unload the app as the system camera can. Captures a full-resolution
 * JPEG; the photo pipeline does the rest. Falls back to the file picker.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';

/**
 * `onShot` is called at the moment of the tap (so the shot belongs to the slot
 * on screen then), with the JPEG still being encoded.
 */
export function Camera({
  onShot,
  onClose,
}: {
  onShot: (file: Promise<Blob>) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<'starting' | 'live' | 'failed'>('starting');

  useEffect(() => {
    let stream: MediaStream | null = null;
    let live = true;
    const start = async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error('no camera API');
        stream = await navigator.mediaDevices.getUserMedia({
          video: {
            facingMode: { ideal: 'environment' },
            width: { ideal: 4032 },
            height: { ideal: 3024 },
          },
          audio: false,
        });
        if (!live) return stream.getTracks().forEach((tr) => tr.stop());
        if (video.current) {
          video.current.srcObject = stream;
          await video.current.play();
        }
        setState('live');
      } catch {
        if (live) setState('failed');
      }
    };
    void start();
    return () => {
      live = false;
      stream?.getTracks().forEach((tr) => tr.stop());
    };
  }, []);

  const capture = () => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    onShot(
      new Promise<Blob>((resolve, reject) =>
        canvas.toBlob(
          (blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))),
          'image/jpeg',
          0.95,
        ),
      ),
    );
  };

  return (
    <div className="camera" role="dialog" aria-modal="true" aria-label={t('evidence.camera')}>
      <video ref={video} playsInline muted className="camera-view" />
      {state === 'failed' && (
        <Notice tone="warn" role="alert">
          {t('evidence.cameraFailed')}
        </Notice>
      )}
      <div className="camera-bar">
        <Button onClick={onClose}>{t('evidence.done')}</Button>
        <Button
          variant="primary"
          className="shutter"
          onClick={capture}
          disabled={state !== 'live'}
          aria-label={t('evidence.shutter')}
        >
          {t('evidence.shutter')}
        </Button>
      </div>
    </div>
  );
}
