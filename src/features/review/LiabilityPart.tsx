/**
 * Liability as the officer settled it: the facts given to the engine, the
 * engine's decision with the law and article of each finding, the officer's
 * override and its reason, when the notices were read and each step of the
 * courteous script with the script's version, the warnings instead of fines
 * decided, each signature (its image) or refusal with its reason, and any
 * amendment.
 */
import { useTranslation } from 'react-i18next';
import type { CaseRecord, LiabilityByVehicle, SignatureEntry } from '../../domain';
import { citeBasis } from '../../documents/document-model';
import { formatTime } from '../../ui/format';
import { Section } from '../../ui/Page';
import { Facts } from './CaseFacts';
import { CourtesyPart } from './CourtesyPart';
import { factRows } from './fact-rows';
import { inLanguage } from './review-format';

function Levels({ liability }: { liability: LiabilityByVehicle | undefined }) {
  const { t } = useTranslation();
  if (!liability) return null;
  return (
    <ul>
      {Object.entries(liability).map(([vehicle, level]) => (
        <li key={vehicle}>
          {t('review.liability.byVehicle', {
            vehicle,
            level: t(`review.liability.level.${level}`),
          })}
        </li>
      ))}
    </ul>
  );
}

function Decision({ record }: { record: NonNullable<CaseRecord['liability']> }) {
  const { t, i18n } = useTranslation();
  const d = record.decision;
  if (!d) return null;
  return (
    <>
      <h3>{t('review.liability.decision')}</h3>
      <p>{t(`review.liability.outcome.${d.outcome}`)}</p>
      <Levels liability={d.liability} />
      {d.escalation && <p>{inLanguage(d.escalation.reason, i18n.language)}</p>}
      {d.findings.length > 0 && <h4>{t('review.liability.finding')}</h4>}
      <ul>
        {d.findings.map((f, i) => (
          <li key={`${f.scenarioId}-${i}`}>
            {inLanguage(f.explanation, i18n.language)}
            <ul>
              {f.basis.map((b) => (
                <li key={`${b.law}${b.article}`}>{t('review.liability.basis', b)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}

function Signature({ entry, name }: { entry: SignatureEntry; name: string }) {
  const { t, i18n } = useTranslation();
  const time = formatTime(entry.at, i18n.language);
  if (entry.kind === 'refused') {
    return <li>{t('review.liability.refused', { name, time, reason: entry.reason })}</li>;
  }
  return (
    <li>
      {t('review.liability.signed', { name, time })}
      {entry.reason && <p>{t('review.liability.objection', { reason: entry.reason })}</p>}
      {entry.image && (
        <img
          className="review-signature"
          src={entry.image}
          alt={t('review.liability.signatureOf', { name })}
        />
      )}
    </li>
  );
}

function Signatures({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const l = record.liability;
  if (!l || l.signatures.length === 0) return null;
  const nameOf = (id: string) => record.parties.find((p) => p.id === id)?.name ?? '?';
  return (
    <>
      <h3>{t('review.liability.signatures')}</h3>
      <ul>
        {l.signatures.map((s) => (
          <Signature key={`${s.partyId}-${s.at}`} entry={s} name={nameOf(s.partyId)} />
        ))}
      </ul>
    </>
  );
}

function Amendments({ record }: { record: NonNullable<CaseRecord['liability']> }) {
  const { t, i18n } = useTranslation();
  if (!record.amendments?.length) return null;
  return (
    <>
      <h3>{t('review.liability.amendments')}</h3>
      <ul>
        {record.amendments.map((a) => (
          <li key={a.at}>
            {t('review.liability.amendment', {
              time: formatTime(a.at, i18n.language),
              reason: a.reason,
              count: a.signatures.length,
            })}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The warnings instead of fines (首违警告) the officer confirmed or declined, as listed. */
function Warnings({ record }: { record: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const decisions = record.liability?.lenient ?? [];
  if (decisions.length === 0) return null;
  const nameOf = (id: string) => record.parties.find((p) => p.id === id)?.name ?? '?';
  return (
    <>
      <h3>{t('review.liability.warnings')}</h3>
      <ul data-testid="review-warnings">
        {decisions.map((d) => (
          <li key={`${d.partyId}-${d.itemId}`}>
            {t(
              d.decision === 'warning'
                ? 'review.liability.warning'
                : 'review.liability.warningDeclined',
              {
                name: nameOf(d.partyId),
                violation: inLanguage(d.violation, i18n.language),
                basis: d.basis.map(citeBasis).join('；'),
                reason: d.reason ?? '',
                time: formatTime(d.at, i18n.language),
                version: d.listVersion,
              },
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function LiabilityPart({ record }: { record: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const l = record.liability;
  return (
    <Section titleId="review-liability" title={t('review.liability.title')}>
      {!l ? (
        <p>{t('review.liability.none')}</p>
      ) : (
        <>
          {l.dispute && <p>{t('review.liability.dispute', { reason: l.dispute.reason })}</p>}
          {l.flaggedForReview && (
            <p>{t('review.liability.flagged', { reason: l.flaggedForReview.reason })}</p>
          )}
          {l.facts && (
            <>
              <h3>{t('review.liability.facts')}</h3>
              <Facts rows={factRows(t, l.facts)} />
            </>
          )}
          <Decision record={l} />
          {l.proposal && <h3>{t('review.liability.proposal')}</h3>}
          <Levels liability={l.proposal} />
          {l.override && (
            <>
              <h3>{t('review.liability.override')}</h3>
              <Levels liability={l.override.liability} />
              <p>{t('review.liability.overrideReason', { reason: l.override.reason })}</p>
            </>
          )}
          {l.noticesReadAt && (
            <Facts
              rows={[
                [t('review.liability.noticesRead'), formatTime(l.noticesReadAt, i18n.language)],
              ]}
            />
          )}
          {(l.noticesReadAt || (l.courtesy?.length ?? 0) > 0) && (
            <CourtesyPart marks={l.courtesy} />
          )}
          <Warnings record={record} />
          <Signatures record={record} />
          <Amendments record={l} />
        </>
      )}
    </Section>
  );
}
