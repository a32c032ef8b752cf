/**
 * The insurers' side of a case, for the brigade: each current packet's
 * insurer, where it stands (sent, called back, assessed, paid), the call-back
 * clock — overdue in red and in words when not acknowledged in time — the
 * amounts and the assessment's photos. Also what the five-fast record takes from the insurers.
 */
import { useTranslation } from 'react-i18next';
import type { Claim } from '../../contracts/claims';
import type { InsurerProgress } from '../../domain';
import { formatTime } from '../../ui/format';
import { Section } from '../../ui/Page';
import { Facts } from './CaseFacts';
import { ClaimPhotos } from './ClaimPhotos';

/** The claims as the phone's insurer progress, for the five-fast record. */
export function claimsProgress(claims: readonly Claim[]): Record<string, InsurerProgress> {
  const current = claims.filter((c) => c.supersededAt === undefined);
  return Object.fromEntries(
    current.map((c) => {
      const at = {
        delivered: c.deliveredAt,
        ...(c.acknowledgedAt !== undefined && { acknowledged: c.acknowledgedAt }),
        ...(c.assessment && { assessed: c.assessment.at }),
        ...(c.payout && { paid: c.payout.at }),
      };
      const step = c.payout
        ? 'paid'
        : c.assessment
          ? 'assessed'
          : c.acknowledgedAt
            ? 'acknowledged'
            : 'delivered';
      return [c.insurerId, { insurerId: c.insurerId, step, at, cursor: '0' }];
    }),
  );
}

function ClaimRow({ claim, now }: { claim: Claim; now: number }) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) => formatTime(iso, i18n.language);
  const overdue =
    claim.acknowledgedAt === undefined &&
    claim.callbackDueAt !== undefined &&
    Date.parse(claim.callbackDueAt) < now;
  const progress = claimsProgress([claim])[claim.insurerId]!;
  const rows = [
    [t('review.claims.status'), t(`review.claims.step.${progress.step}`)],
    [t('review.claims.delivered'), time(claim.deliveredAt)],
    [
      t('review.claims.callback'),
      claim.acknowledgedAt !== undefined ? (
        time(claim.acknowledgedAt)
      ) : overdue ? (
        <strong className="overdue">
          {t('review.claims.overdue', { time: time(claim.callbackDueAt!) })}
        </strong>
      ) : (
        t('review.claims.due', { time: time(claim.callbackDueAt ?? claim.deliveredAt) })
      ),
    ],
    [t('review.claims.assessed'), claim.assessment?.amountYuan?.toFixed(2)],
    [t('review.claims.paid'), claim.payout?.amountYuan?.toFixed(2)],
  ] as const;
  return (
    <li data-testid="claim" data-step={progress.step} data-overdue={overdue ? 'true' : undefined}>
      <h3>{claim.insurerName ?? claim.insurerId}</h3>
      <Facts rows={rows} />
      <ClaimPhotos claim={claim} />
    </li>
  );
}

export function ClaimsPart({ claims, now }: { claims: readonly Claim[]; now: number }) {
  const { t } = useTranslation();
  const current = claims.filter((c) => c.supersededAt === undefined);
  if (current.length === 0) return null;
  return (
    <Section titleId="review-claims" title={t('review.claims.title')}>
      <ul className="review-claims">
        {current.map((c) => (
          <ClaimRow key={c.id} claim={c} now={now} />
        ))}
      </ul>
    </Section>
  );
}
