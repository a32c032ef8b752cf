/** A QR code of some text as a data URL, drawn lazily (the qrcode library loads on first use). */
import { useEffect, useState } from 'react';

/** The QR code of `text` (null: none wanted), or null while it is drawn. */
export function useQrImage(text: string | null, width = 240): string | null {
  const [qr, setQr] = useState<{ of: string; url: string } | null>(null);
  useEffect(() => {
    if (!text) return;
    let live = true;
    void import('qrcode')
      .then((QRCode) => QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, width }))
      .then((url) => live && setQr({ of: text, url }));
    return () => {
      live = false;
    };
  }, [text, width]);
  return qr && qr.of === text ? qr.url : null;
}
