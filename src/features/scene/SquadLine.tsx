/**
 * The accident squad's word on a case card of the list: returned (with the
 * reason and what is missing, in words), its liability amended (with why),
 * taken over (with why), approved, or resubmitted and awaiting review. Loaded with the first card that has one.
 */
import { useTranslation } from 'react-i18next';
import { squadStanding, type CaseRecord, type CaseReview } from '../../domain';
import { MissingLine } from './MissingItems';

export function SquadLine({ c, review }: { c: CaseRecord; review: CaseReview | undefined }) {
  const { t } = useTranslation();
  const standing = squadStanding(review, c);
  if (standing === 'none') return null;
  const word = standing === 'taken-over' ? review?.takenOver : review?.verdict;
  const showReason = standing !== 'approved' && standing !== 'resubmitted';
  const asks = standing === 'returned' ? (word?.missing ?? []) : [];
  return (
    <span
      className={`case-squad squad-${standing}`}
      data-testid="case-squad"
      data-standing={standing}
    >
      <strong>{t(`caseSquad.${standing}`)}</strong>
      {showReason && word?.note && (
        <span className="case-reason">{t('caseSquad.reason', { reason: word.note })}</span>
      )}
      {asks.length > 0 && <MissingLine c={c} asks={asks} />}
    </span>
  );
}
