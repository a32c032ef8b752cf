/**
 * The reviewer's view of one case (`/review/:id`): its number, state,
 * officer and whether its evidence verifies; then everything the officer
 * recorded, the roadside video near it with its footage requests, every
 * photo, liability, the five-fast times and the history,
 * with the review actions beside it on a desk (below it on a phone).
 */
import { useTranslation } from 'react-i18next';
import type { CaseVerification, VerificationCheck } from '../../contracts/review';
import { requiredShots, type CaseRecord } from '../../domain';
import { useReviewCase, type Loaded, type ReviewCaseView } from '../../services/useReview';
import { Button } from '../../ui/Button';
import { formatTime } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { Link } from '../../ui/router';
import { ActionsPanel } from './ActionsPanel';
import { FiveFastPart, PartiesPart, TriagePart } from './CaseFacts';
import { useClock } from '../../ui/useClock';
import { ClaimsPart } from './ClaimsPart';
import { FootageReview } from './FootageReview';
import { HistoryPart } from './HistoryPart';
import { TimelinePart } from './TimelinePart';
import { LiabilityPart } from './LiabilityPart';
import { LocationPart } from './LocationPart';
import { PhotoPart } from './PhotoPart';
import { inLanguage } from './review-format';
import './review.css';

/** The words of a failed check: which version, or which photo by its shot. */
function useCheckText(record: CaseRecord, photos: readonly { sha256: string; slot: string }[]) {
  const { t, i18n } = useTranslation();
  const shots = requiredShots(record);
  return (c: VerificationCheck) => {
    if (c.kind !== 'photo') return t(`review.case.check.${c.kind}`, { version: c.version ?? '?' });
    const slot = photos.find((p) => p.sha256 === c.sha256)?.slot;
    const shot = shots.find((s) => s.slot === slot);
    return t('review.case.check.photo', {
      slot: shot ? inLanguage(shot.title, i18n.language) : t('review.case.extraPhoto'),
    });
  };
}

function VerificationMark({
  verification,
  record,
  photos,
}: {
  verification: Loaded<CaseVerification>;
  record: CaseRecord;
  photos: readonly { sha256: string; slot: string }[];
}) {
  const { t } = useTranslation();
  const checkText = useCheckText(record, photos);
  if (verification.status === 'loading') return <p role="status">{t('review.case.verifying')}</p>;
  if (verification.status === 'failed') {
    const reason = t(`review.failure.${verification.failure}`);
    return <Notice tone="warn">{t('review.case.verifyUnavailable', { reason })}</Notice>;
  }
  const v = verification.value;
  if (v.verdict === 'verified') {
    return (
      <Notice
        tone="ok"
        className="review-verified"
        data-testid="verification"
        data-verdict="verified"
      >
        ✓ {t('review.case.verified')}
      </Notice>
    );
  }
  return (
    <Notice tone="error" as="div" data-testid="verification" data-verdict="failed">
      <p className="review-verified">✗ {t('review.case.verifyFailed')}</p>
      <ul>
        {v.checks
          .filter((c) => !c.ok)
          .map((c, i) => (
            <li key={`${c.kind}-${c.version ?? c.sha256 ?? i}`}>{checkText(c)}</li>
          ))}
      </ul>
    </Notice>
  );
}

function Loaded({ view, id }: { view: ReviewCaseView; id: string }) {
  const { t, i18n } = useTranslation();
  const now = useClock();
  const detail = view.detail.value;
  if (!detail) return null;
  const { case: record, summary, photos } = detail;
  const history = view.history.value;
  const takenOver = history?.takenOver;
  return (
    <>
      <h1 id="review-case-title">{t('review.case.title', { number: summary.caseNumber })}</h1>
      <dl className="review-dl">
        <dt>{t('review.case.state')}</dt>
        <dd data-testid="case-state">{t(`state.${summary.state}`)}</dd>
        <dt>{t('review.case.officer')}</dt>
        <dd>{record.officer?.name ?? t('review.case.none')}</dd>
        <dt>{t('review.case.version')}</dt>
        <dd>{summary.manifestVersion}</dd>
      </dl>
      {detail.integrity === 'broken' && (
        <Notice tone="error" role="alert">
          {t('review.case.integrityBroken')}
        </Notice>
      )}
      <VerificationMark verification={view.verification} record={record} photos={photos} />
      {takenOver && (
        <Notice>
          {t('review.case.takenOver', {
            name: takenOver.by.name,
            time: formatTime(takenOver.at, i18n.language),
            reason: takenOver.reason,
          })}
        </Notice>
      )}
      <div className="review-case-layout">
        <div>
          <TriagePart record={record} />
          <PartiesPart record={record} />
          <LocationPart record={record} />
          <FootageReview record={record} />
          <PhotoPart caseId={id} record={record} photos={photos} />
          <LiabilityPart record={record} />
          <ClaimsPart claims={detail.claims ?? []} now={now} />
          <FiveFastPart record={record} claims={detail.claims ?? []} />
          {history && <HistoryPart history={history} />}
          <TimelinePart id={id} record={record} />
          {view.history.status === 'failed' && (
            <Notice tone="warn">{t(`review.failure.${view.history.failure}`)}</Notice>
          )}
        </div>
        <ActionsPanel detail={detail} takenOver={takenOver !== undefined} onChanged={view.reload} />
      </div>
    </>
  );
}

export function CaseReview({ id }: { id: string }) {
  const { t } = useTranslation();
  const view = useReviewCase(id);
  const { detail } = view;
  return (
    <section aria-labelledby="review-case-title" className="review-wide" data-testid="review-case">
      <Link href="/review" className="back-link">
        ← {t('review.case.back')}
      </Link>
      {detail.status === 'loading' && (
        <>
          <h1 id="review-case-title">{t('review.loading')}</h1>
          <p role="status">{t('review.loading')}</p>
        </>
      )}
      {detail.status === 'failed' && (
        <>
          <h1 id="review-case-title">{t('review.case.back')}</h1>
          <Notice tone="error" as="div" role="alert">
            <p>{t(`review.failure.${detail.failure}`)}</p>
            <Button onClick={() => void view.reload()}>{t('review.retry')}</Button>
          </Notice>
        </>
      )}
      {detail.status === 'ready' && <Loaded view={view} id={id} />}
    </section>
  );
}
