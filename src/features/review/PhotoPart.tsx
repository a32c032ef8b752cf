/**
 * Every photo of the case, by its shot of the guided list; a photo opens
 * full size in a modal dialog with zoom (buttons, or + − 0 on the keyboard).
 * Esc closes it and the focus goes back to the photo that opened it.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { requiredShots, type CaseRecord, type PhotoMeta } from '../../domain';
import { useServerPhoto } from '../../services/useReview';
import { Button } from '../../ui/Button';
import { formatTime } from '../../ui/format';
import { Section } from '../../ui/Page';
import { inLanguage } from './review-format';

export const ZOOM_STEPS = [1, 1.5, 2, 3, 4] as const;

/** The next zoom step for a key (`+`/`=`, `-`, `0`), or undefined for any other key. */
export function zoomForKey(key: string, step: number): number | undefined {
  if (key === '+' || key === '=') return Math.min(step + 1, ZOOM_STEPS.length - 1);
  if (key === '-' || key === '_') return Math.max(step - 1, 0);
  if (key === '0') return 0;
  return undefined;
}

interface Open {
  photo: PhotoMeta;
  title: string;
  url: string;
  opener: HTMLButtonElement;
}

function PhotoDialog({ open, onClose }: { open: Open; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const [step, setStep] = useState(0);
  useEffect(() => {
    const dialog = ref.current;
    // showModal makes the rest of the page inert: the focus stays in the dialog.
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => open.opener.focus();
  }, [open.opener]);
  const onKey = (e: KeyboardEvent) => {
    const next = zoomForKey(e.key, step);
    if (next === undefined) return;
    e.preventDefault();
    setStep(next);
  };
  const zoom = ZOOM_STEPS[step] ?? 1;
  return (
    <dialog
      ref={ref}
      className="review-dialog"
      aria-labelledby="review-photo-title"
      aria-describedby="review-photo-keys"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={onKey}
      data-testid="photo-dialog"
    >
      <h2 id="review-photo-title">{t('review.photo.dialog', { slot: open.title })}</h2>
      <p id="review-photo-keys" className="muted">
        {t('review.photo.keys')}{' '}
        {t('review.photo.taken', { time: formatTime(open.photo.takenAt, i18n.language) })}
      </p>
      <div className="review-dialog-tools">
        <Button onClick={() => setStep((s) => Math.max(s - 1, 0))} disabled={step === 0}>
          {t('review.photo.zoomOut')}
        </Button>
        <Button
          onClick={() => setStep((s) => Math.min(s + 1, ZOOM_STEPS.length - 1))}
          disabled={step === ZOOM_STEPS.length - 1}
        >
          {t('review.photo.zoomIn')}
        </Button>
        <Button onClick={() => setStep(0)}>{t('review.photo.reset')}</Button>
        <span role="status">{t('review.photo.zoom', { percent: Math.round(zoom * 100) })}</span>
        <Button variant="primary" onClick={onClose}>
          {t('review.photo.close')}
        </Button>
      </div>
      <div className="review-dialog-view" tabIndex={0} aria-label={open.title}>
        <img src={open.url} alt={open.title} style={{ width: `${zoom * 100}%` }} />
      </div>
    </dialog>
  );
}

function Thumb({
  caseId,
  photo,
  title,
  onOpen,
}: {
  caseId: string;
  photo: PhotoMeta;
  title: string;
  onOpen(open: Open): void;
}) {
  const { t } = useTranslation();
  const url = useServerPhoto(caseId, photo.sha256);
  if (url === 'failed')
    return <p className="notice error">{t('review.case.photoFailed', { slot: title })}</p>;
  return (
    <button
      type="button"
      className="review-photo-button"
      aria-label={t('review.case.photoOpen', { slot: title })}
      disabled={url === undefined}
      onClick={(e) => url && onOpen({ photo, title, url, opener: e.currentTarget })}
    >
      {url && <img src={url} alt="" />}
      <span>{title}</span>
    </button>
  );
}

export function PhotoPart({
  caseId,
  record,
  photos,
}: {
  caseId: string;
  record: CaseRecord;
  photos: readonly PhotoMeta[];
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<Open>();
  const shots = requiredShots(record);
  const order = (p: PhotoMeta) => {
    const i = shots.findIndex((s) => s.slot === p.slot);
    return i === -1 ? shots.length : i;
  };
  const titleOf = (p: PhotoMeta) => {
    const shot = shots.find((s) => s.slot === p.slot);
    return shot ? inLanguage(shot.title, i18n.language) : t('review.case.extraPhoto');
  };
  const sorted = [...photos].sort((a, b) => order(a) - order(b));
  return (
    <Section titleId="review-photos" title={t('review.case.photos', { count: photos.length })}>
      {photos.length === 0 && <p>{t('review.case.photosNone')}</p>}
      <ul className="review-photos">
        {sorted.map((p) => (
          <li key={p.sha256}>
            <Thumb caseId={caseId} photo={p} title={titleOf(p)} onOpen={setOpen} />
          </li>
        ))}
      </ul>
      {open && <PhotoDialog open={open} onClose={() => setOpen(undefined)} />}
    </Section>
  );
}
