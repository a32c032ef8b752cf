/**
 * The assessment's photos (定损照片, optional): taken with the camera or
 * chosen from files, each shown as a thumbnail with its upload's progress,
 * retried when it failed, removed at will. A file that is not a JPEG, PNG or
 * WebP photo, is over 10 MB or would be the 13th is not taken, and the
 * insurer is told which and why.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ASSESSMENT_PHOTOS } from '../../contracts/packets';
import type { AssessmentUploadsView, PickedPhoto } from '../../services/useAssessmentUploads';
import { Button } from '../../ui/Button';

const ACCEPT = 'image/jpeg,image/png,image/webp';

function PickedItem({
  photo,
  n,
  uploads,
}: {
  photo: PickedPhoto;
  n: number;
  uploads: AssessmentUploadsView;
}) {
  const { t } = useTranslation();
  const name = t('insurer.assessPhotos.photo', { n });
  const percent = photo.total > 0 ? Math.round((photo.sent / photo.total) * 100) : 0;
  return (
    <li className="assess-photo" data-testid="assess-photo" data-status={photo.status}>
      <img src={photo.url} alt={name} className="assess-photo-img" />
      {photo.status === 'uploading' && (
        <progress
          max={100}
          value={percent}
          aria-label={t('insurer.assessPhotos.progress', { name })}
        >
          {percent}%
        </progress>
      )}
      <p className="assess-photo-state" role={photo.status === 'failed' ? 'alert' : undefined}>
        {photo.status === 'uploading' && t('insurer.assessPhotos.uploading', { percent })}
        {photo.status === 'done' && t('insurer.assessPhotos.done')}
        {photo.status === 'failed' &&
          t('insurer.assessPhotos.failed', {
            reason: t(`insurer.failure.${photo.failure ?? 'server'}`),
          })}
      </p>
      {photo.status === 'failed' && (
        <Button onClick={() => uploads.retry(photo.key)}>
          {t('insurer.assessPhotos.retry', { name })}
        </Button>
      )}
      <Button variant="danger" onClick={() => uploads.remove(photo.key)}>
        {t('insurer.assessPhotos.remove', { name })}
      </Button>
    </li>
  );
}

export function AssessmentPhotoPicker({
  uploads,
  errors,
}: {
  uploads: AssessmentUploadsView;
  errors: readonly string[];
}) {
  const { t } = useTranslation();
  const camera = useRef<HTMLInputElement>(null);
  const files = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string[]>([]);
  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    const picked = [...(e.target.files ?? [])];
    e.target.value = '';
    const max = MAX_ASSESSMENT_PHOTOS;
    setRefused(
      uploads
        .add(picked)
        .map((r) => t(`insurer.assessPhotos.refused.${r.reason}`, { name: r.name, max })),
    );
  };
  const full = uploads.photos.length >= MAX_ASSESSMENT_PHOTOS;
  return (
    <fieldset className="assess-photos" aria-describedby="assess-photos-hint assess-photos-msg">
      <legend>{t('insurer.assessPhotos.legend', { max: MAX_ASSESSMENT_PHOTOS })}</legend>
      <p id="assess-photos-hint" className="muted">
        {t('insurer.assessPhotos.hint')}
      </p>
      <div className="assess-photos-pick">
        <Button onClick={() => camera.current?.click()} disabled={full}>
          {t('insurer.assessPhotos.camera')}
        </Button>
        <Button onClick={() => files.current?.click()} disabled={full}>
          {t('insurer.assessPhotos.file')}
        </Button>
      </div>
      <input
        ref={camera}
        type="file"
        accept={ACCEPT}
        capture="environment"
        hidden
        onChange={onPick}
      />
      <input
        ref={files}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        onChange={onPick}
        data-testid="assess-photo-input"
      />
      <div id="assess-photos-msg">
        {[...refused, ...errors].map((text) => (
          <p key={text} className="field-error" role="alert">
            {text}
          </p>
        ))}
      </div>
      {uploads.photos.length > 0 && (
        <ul className="photo-thumbs assess-photo-list">
          {uploads.photos.map((p, i) => (
            <PickedItem key={p.key} photo={p} n={i + 1} uploads={uploads} />
          ))}
        </ul>
      )}
    </fieldset>
  );
}
