/**
 * The photos of the insurer's recorded assessment (定损照片), as thumbnails
 * read with the insurer's token and checked against their SHA-256, each
 * opening full size in the kit's PhotoDialog.
 */
import { useTranslation } from 'react-i18next';
import type { AssessmentPhoto, Claim } from '../../contracts/claims';
import { useAssessmentPhoto } from '../../services/usePackets';
import { Section } from '../../ui/Page';
import {
  photoDialogWords,
  PhotoThumb,
  PhotoThumbList,
  type OpenedPhoto,
} from '../../ui/PhotoDialog';

function Thumb({
  claimId,
  sha256,
  n,
  onOpen,
}: {
  claimId: string;
  sha256: string;
  n: number;
  onOpen(o: OpenedPhoto): void;
}) {
  const { t } = useTranslation();
  const title = t('insurer.assessPhotos.photo', { n });
  return (
    <PhotoThumb
      url={useAssessmentPhoto(claimId, sha256)}
      title={title}
      openLabel={t('insurer.assessPhotos.open', { n })}
      failedText={t('insurer.assessPhotos.loadFailed', { n })}
      onOpen={(url, opener) => onOpen({ title, url, opener })}
    />
  );
}

export function AssessmentPhotos({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const photos = claim.assessment?.photos ?? [];
  if (photos.length === 0) return null;
  return (
    <Section
      titleId="insurer-assess-photos"
      title={t('insurer.assessPhotos.title', { count: photos.length })}
    >
      <PhotoThumbList<AssessmentPhoto>
        items={photos}
        keyOf={(p) => p.sha256}
        testId="assessment-photos"
        words={(title) => photoDialogWords(t, 'insurer.photos', title)}
        thumb={(p, i, onOpen) => (
          <Thumb claimId={claim.id} sha256={p.sha256} n={i + 1} onOpen={onOpen} />
        )}
      />
    </Section>
  );
}
