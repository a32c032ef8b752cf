/**
 * Every photo of the case, by its shot of the guided list; a photo opens
 * full size in the kit's PhotoDialog (zoom by buttons or + − 0; Esc closes
 * it and the focus goes back to the photo that opened it).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requiredShots, type CaseRecord, type PhotoMeta } from '../../domain';
import { useServerPhoto } from '../../services/useReview';
import { formatTime } from '../../ui/format';
import { Section } from '../../ui/Page';
import { PhotoDialog, photoDialogWords, PhotoThumb } from '../../ui/PhotoDialog';
import { inLanguage } from './review-format';

interface Open {
  photo: PhotoMeta;
  title: string;
  url: string;
  opener: HTMLButtonElement;
}

function ReviewPhotoDialog({ open, onClose }: { open: Open; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const taken = t('review.photo.taken', { time: formatTime(open.photo.takenAt, i18n.language) });
  return (
    <PhotoDialog
      name={open.title}
      url={open.url}
      opener={open.opener}
      onClose={onClose}
      words={photoDialogWords(t, 'review.photo', open.title, taken)}
    />
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
  return (
    <PhotoThumb
      url={url}
      title={title}
      className="review-photo-button"
      openLabel={t('review.case.photoOpen', { slot: title })}
      failedText={t('review.case.photoFailed', { slot: title })}
      onOpen={(u, opener) => onOpen({ photo, title, url: u, opener })}
    />
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
      <ul className="photo-thumbs">
        {sorted.map((p) => (
          <li key={p.sha256}>
            <Thumb caseId={caseId} photo={p} title={titleOf(p)} onOpen={setOpen} />
          </li>
        ))}
      </ul>
      {open && <ReviewPhotoDialog open={open} onClose={() => setOpen(undefined)} />}
    </Section>
  );
}
