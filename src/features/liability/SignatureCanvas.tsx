/**
 * A signature drawn on screen with signature_pad, loaded only when a party is
 * about to sign. Drawn at CSS-pixel resolution with a transparent background,
 * so the PNG stays small (a few kilobytes).
 */
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type SignaturePadType from 'signature_pad';

export interface SignatureCanvasHandle {
  isEmpty(): boolean;
  toDataURL(): string;
  clear(): void;
}

export const SignatureCanvas = forwardRef<SignatureCanvasHandle, { label: string }>(
  function SignatureCanvas({ label }, ref) {
    const { t } = useTranslation();
    const canvasRef = useRef<HTMLCanvasElement>(null);
    const padRef = useRef<SignaturePadType | null>(null);
    const [ready, setReady] = useState(false);

    useEffect(() => {
      let cancelled = false;
      void import('signature_pad').then(({ default: SignaturePad }) => {
        const canvas = canvasRef.current;
        if (cancelled || !canvas) return;
        canvas.width = Math.max(1, Math.round(canvas.clientWidth));
        canvas.height = Math.max(1, Math.round(canvas.clientHeight));
        padRef.current = new SignaturePad(canvas, { minWidth: 1, maxWidth: 2.5, penColor: '#111' });
        setReady(true);
      });
      return () => {
        cancelled = true;
        padRef.current?.off();
        padRef.current = null;
      };
    }, []);

    useImperativeHandle(ref, () => ({
      isEmpty: () => padRef.current?.isEmpty() ?? true,
      toDataURL: () => padRef.current?.toDataURL('image/png') ?? '',
      clear: () => padRef.current?.clear(),
    }));

    return (
      <div className="signature-box">
        <canvas ref={canvasRef} className="signature-canvas" aria-label={label} role="img" />
        {!ready && <p className="muted">{t('notices.loadingPad')}</p>}
      </div>
    );
  },
);
