/**
 * Each insurer's step on the case, as the phone learned it from the changes
 * feed (src/domain/review/insurer-progress.ts): packet sent, called back,
 * damage assessed, paid — with the time of the step reached. Insurers are
 * numbered in the order their packets arrived (the feed carries no names).
 */
import { useTranslation } from 'react-i18next';
import type { CaseReview } from '../../domain';
import { formatTime } from '../../ui/format';
import { Section } from '../../ui/Page';

export function InsurerSteps({ review }: { review: CaseReview | null | undefined }) {
  const { t, i18n } = useTranslation();
  const insurers = Object.values(review?.insurers ?? {}).sort((a, b) =>
    (a.at.delivered ?? '').localeCompare(b.at.delivered ?? ''),
  );
  if (insurers.length === 0) return null;
  return (
    <Section titleId="insurer-steps-title" title={t('insurerSteps.title')}>
      <ul className="insurer-steps" data-testid="insurer-progress">
        {insurers.map((p, i) => (
          <li key={p.insurerId} data-step={p.step}>
            {t('insurerSteps.insurer', { n: i + 1 })}：
            {t('insurerSteps.at', {
              step: t(`insurerSteps.${p.step}`),
              time: formatTime(p.at[p.step] ?? '', i18n.language),
            })}
          </li>
        ))}
      </ul>
    </Section>
  );
}
