/**
 * The photos an insurer attached to its assessment (定损照片), in the
 * reviewer's list of the case's claims: thumbnails read with the reviewer's
 * token and checked against their SHA-256, opening full size.
 */
import { useTranslation } from 'react-i18next';
import type { AssessmentPhoto, Claim } from '../../contracts/claims';
import { useAssessmentPhoto } from '../../services/usePackets';
import {
  photoDialogWords,
  PhotoThumb,
  PhotoThumbList,
  type OpenedPhoto,
} from '../../ui/PhotoDialog';

function Thumb({
  claim,
  sha256,
  n,
  onOpen,
}: {
  claim: Claim;
  sha256: string;
  n: number;
  onOpen(o: OpenedPhoto): void;
}) {
  const { t } = useTranslation();
  const title = t('review.claims.photo', { n, insurer: claim.insurerName ?? claim.insurerId });
  return (
    <PhotoThumb
      url={useAssessmentPhoto(claim.id, sha256)}
      title={title}
      className="review-photo-button"
      openLabel={t('review.case.photoOpen', { slot: title })}
      failedText={t('review.case.photoFailed', { slot: title })}
      onOpen={(url, opener) => onOpen({ title, url, opener })}
    />
  );
}

export function ClaimPhotos({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const photos = claim.assessment?.photos ?? [];
  if (photos.length === 0) return null;
  return (
    <>
      <h4>{t('review.claims.photos', { count: photos.length })}</h4>
      <PhotoThumbList<AssessmentPhoto>
        items={photos}
        keyOf={(p) => p.sha256}
        testId="claim-photos"
        words={(title) => photoDialogWords(t, 'review.photo', title)}
        thumb={(p, i, onOpen) => (
          <Thumb claim={claim} sha256={p.sha256} n={i + 1} onOpen={onOpen} />
        )}
      />
    </>
  );
}
