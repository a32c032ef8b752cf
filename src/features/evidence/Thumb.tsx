/**
 * A stored photo, shown from IndexedDB (hash-checked on read). Tapping it
 * opens it large in a modal dialog, to check that it is readable (plate,
 * document numbers); Escape or the close button closes it and focus returns.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhotoUrl } from '../../services/usePhotoStore';

export function Thumb({ sha256, alt }: { sha256: string; alt: string }) {
  const { t } = useTranslation();
  const url = usePhotoUrl(sha256);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  // The large copy is only drawn while open: a list of thumbnails stays light.
  const [open, setOpen] = useState(false);
  if (!url) return <span className="thumb placeholder" aria-hidden="true" />;
  // One element per photo, whatever the lists around it count.
  return (
    <span className="thumb-wrap">
      <button
        ref={opener}
        type="button"
        className="thumb-button"
        aria-haspopup="dialog"
        aria-label={t('evidence.viewLarge', { title: alt })}
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        <img src={url} alt="" className="thumb" data-sha256={sha256} />
      </button>
      <dialog
        ref={dialog}
        className="photo-dialog"
        aria-labelledby={titleId}
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
      >
        <h2 id={titleId}>{alt}</h2>
        {open && <img src={url} alt={alt} className="photo-large" />}
        <button type="button" className="button block" onClick={() => dialog.current?.close()}>
          {t('evidence.closeLarge')}
        </button>
      </dialog>
    </span>
  );
}
