/**
 * What the accident squad said about the case, on the case screen, read from
 * the phone alone (it works offline): a return with its reason, each item
 * asked for with whether it is done and the way to fix it, and the one button
 * that resubmits; a take-over (the case is now the squad's, though what the
 * officer adds still goes to them); an approval.
 */
import { useTranslation } from 'react-i18next';
import {
  canTransition,
  returnReason,
  isAskDone,
  squadStanding,
  transitionCase,
  type CaseRecord,
  type CaseReview,
  type PhotoMeta,
  type SquadWord,
} from '../../domain';
import { useCaseReview, usePhotos } from '../../services/useCase';
import { useCaseStep } from '../../services/useCaseStep';
import { Button } from '../../ui/Button';
import { formatTime } from '../../ui/format';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { AmendedNotice } from './AmendedNotice';
import { MissingItems } from './MissingItems';
import { OfficerNotice } from './OfficerNotice';

export function SquadNotice({ c }: { c: CaseRecord }) {
  const review = useCaseReview(c.id);
  const photos = usePhotos(c.id);
  if (review === undefined || photos === undefined) return null;
  // A return pulled before the squad's word was kept on its own still shows its reason.
  const standing = review ? squadStanding(review, c) : c.state === 'returned' ? 'returned' : 'none';
  return (
    <>
      {standing === 'returned' && <ReturnedNotice c={c} word={review?.verdict} photos={photos} />}
      {standing === 'amended' && review?.verdict && <AmendedNotice c={c} word={review.verdict} />}
      {review?.takenOver && <TakenOverNotice word={review.takenOver} />}
      {review?.officer && c.handover && <OfficerNotice c={c} word={review.officer} />}
      {standing === 'approved' && <ApprovedNotice review={review} />}
      {standing === 'resubmitted' && <ResubmittedNotice />}
    </>
  );
}

function ReturnedNotice({
  c,
  word,
  photos,
}: {
  c: CaseRecord;
  word: SquadWord | undefined;
  photos: readonly PhotoMeta[];
}) {
  const { t } = useTranslation();
  const reason = word ? word.note : returnReason(c);
  const asks = word?.missing ?? [];
  const open = word ? asks.filter((a) => !isAskDone(a, c, photos, word.receivedAt)).length : 0;
  return (
    <Notice as="div" tone="warn" data-testid="returned-notice">
      <h2>{t('returned.title')}</h2>
      {reason ? (
        <p>{t('returned.reason', { reason })}</p>
      ) : (
        asks.length === 0 && <p>{t('returned.noReason')}</p>
      )}
      {word && asks.length > 0 && (
        <>
          <h3>{t('returned.items')}</h3>
          <MissingItems c={c} word={word} photos={photos} />
          <p role="status" data-testid="missing-progress">
            {open > 0 ? t('returned.openItems', { count: open }) : t('returned.allDone')}
          </p>
        </>
      )}
      <Resubmit c={c} />
    </Notice>
  );
}

/** The one way back to the squad: the case goes to `submitted` and its next version is sent. */
function Resubmit({ c }: { c: CaseRecord }) {
  const { t } = useTranslation();
  const { run, error } = useCaseStep(c.id);
  if (!canTransition(c.state, 'submitted')) return null;
  return (
    <>
      <p className="muted" id="resubmit-hint">
        {t('returned.resubmitHint')}
      </p>
      <Button
        variant="primary"
        block
        aria-describedby="resubmit-hint"
        onClick={() => run((x, at) => transitionCase(x, 'submitted', at))}
      >
        {t('returned.resubmit')}
      </Button>
      <ErrorNotice error={error} />
    </>
  );
}

function TakenOverNotice({ word }: { word: SquadWord }) {
  const { t, i18n } = useTranslation();
  return (
    <Notice as="div" tone="warn" data-testid="taken-over-notice">
      <h2>{t('squad.takenOver')}</h2>
      {word.note && <p>{t('squad.takenOverReason', { reason: word.note })}</p>}
      <p className="muted">{t('squad.at', { time: formatTime(word.at, i18n.language) })}</p>
      <p>{t('squad.takenOverNote')}</p>
    </Notice>
  );
}

function ApprovedNotice({ review }: { review: CaseReview | null }) {
  const { t, i18n } = useTranslation();
  const at = review?.verdict?.at;
  return (
    <Notice as="div" tone="ok" data-testid="approved-notice">
      <p>
        <strong>{t('squad.approved')}</strong>
      </p>
      {at && <p className="muted">{t('squad.at', { time: formatTime(at, i18n.language) })}</p>}
    </Notice>
  );
}

function ResubmittedNotice() {
  const { t } = useTranslation();
  return (
    <Notice role="status" data-testid="resubmitted-notice">
      {t('returned.resubmitted')}
    </Notice>
  );
}
