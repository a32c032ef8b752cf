/**
 * The three notices (三告知) in the brigade's courteous script, then each
 * driver signs on screen or refuses with a reason. Every signature and
 * refusal is bound to the SHA-256 of the determination content shown.
 */
import { useTranslation } from 'react-i18next';
import {
  effectiveLiability,
  markNoticesRead,
  signingParties,
  type CaseRecord,
  type DecisionSnapshot,
  type LiabilityByVehicle,
  type LiabilityRecord,
  type Party,
} from '../../domain';
import { useCase } from '../../services/useCase';
import { useCourtesyScript } from '../../services/useCourtesyScript';
import { useCaseStep } from '../../services/useCaseStep';
import { Button, ButtonLink } from '../../ui/Button';
import { formatTime } from '../../ui/format';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { AmendForm, AmendmentInProgress } from './AmendForm';
import { CourtesyMark } from './CourtesyMark';
import { DisputeForm } from './DisputeForm';
import { LenientSuggestions } from './LenientSuggestions';
import { PartySigning } from './PartySigning';
import { citeBasis, useDeterminationHash, useLang } from './shared';
import './liability.css';

export function NoticesScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const result = useCase(id);
  if (result === undefined) return <p role="status">{t('app.loading')}</p>;
  if (!result.found) return <p role="alert">{t('caseDetail.notFound')}</p>;
  return <Notices c={result.value} />;
}

function Notices({ c }: { c: CaseRecord }) {
  const { t } = useTranslation();
  const record = c.liability;
  const liability = effectiveLiability(c);
  const hash = useDeterminationHash(c);
  const back = { href: `/cases/${c.id}`, label: c.caseNumber };

  // A station's case carries the officer's remote determination instead of the engine's decision.
  if (!record?.proposal || (!record.decision && !record.remote) || !liability) {
    return (
      <Page
        titleId="notices-title"
        title={t('notices.title')}
        back={back}
        className="liability notices"
      >
        <Notice tone="warn">{t('notices.notReady')}</Notice>
        <ButtonLink href={`/cases/${c.id}/liability`} block>
          {t('liability.title')}
        </ButtonLink>
      </Page>
    );
  }
  const labelOf = (p: Party) => c.vehicles.find((v) => v.id === p.vehicleId)?.label ?? '—';
  const parties = signingParties(c);
  const readAt = record.noticesReadAt;

  return (
    <Page
      titleId="notices-title"
      title={t('notices.title')}
      back={back}
      className="liability notices"
    >
      <AmendmentInProgress c={c} />
      <NoticeScript c={c} decision={record.decision} liability={liability} />
      {record.remote && <RemoteDetermination c={c} />}
      <NoticesRead c={c} readAt={readAt} />
      {readAt !== undefined && parties.length === 0 && (
        <Notice tone="warn">{t('notices.noParties')}</Notice>
      )}
      {readAt !== undefined &&
        parties.map((p) => (
          <PartySigning
            key={p.id}
            c={c}
            party={p}
            label={labelOf(p)}
            entry={record.signatures.find((s) => s.partyId === p.id)}
            hash={hash}
          />
        ))}
      <SigningOutcome c={c} record={record} />
      <CourtesyMark c={c} step="farewell-salute" />
      {/* The officer's remote determination is not the station's to dispute or amend. */}
      {c.state === 'liability-proposed' && !record.remote && <DisputeForm c={c} />}
      {!record.remote && <AmendForm c={c} hash={hash} />}
    </Page>
  );
}

/** The three notices as the officer reads them out: the violation, the determination, the rights. */
function NoticeScript({
  c,
  decision,
  liability,
}: {
  c: CaseRecord;
  decision: DecisionSnapshot | undefined;
  liability: LiabilityByVehicle;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const vehicle = (label: string) => c.vehicles.find((v) => v.label === label);
  const driverName = (label: string) =>
    c.parties.find((p) => p.kind === 'driver' && p.vehicleId === vehicle(label)?.id)?.name ?? '—';
  const atFault = (decision?.findings ?? []).filter((f) =>
    Object.values(f.liability).some((l) => l !== 'none'),
  );
  const override = c.liability?.override;
  const words = useCourtesyScript(c.officer?.id).text;
  return (
    <article className="script" data-testid="notice-script">
      <h2>{t('notices.scriptTitle')}</h2>
      <p data-testid="script-greeting">{words.greeting[lang]}</p>
      <CourtesyMark c={c} step="greeting-salute" />
      <h3>{t('notices.violationTitle')}</h3>
      {atFault.length === 0 && !c.liability?.remote && <p>{t('notices.violationNone')}</p>}
      {c.liability?.remote && (
        <p>
          {c.liability.remote.reason}
          <br />
          <span className="basis">
            {t('liability.basis')}：{c.liability.remote.basis.map(citeBasis).join('；')}
          </span>
        </p>
      )}
      {atFault.map((f, i) => (
        <p key={i}>
          {f.explanation[lang]}
          <br />
          <span className="basis">
            {t('liability.basis')}：{f.basis.map(citeBasis).join('；')}
          </span>
        </p>
      ))}
      <LenientSuggestions c={c} />
      <CourtesyMark c={c} step="notice-violation" />
      <h3>{t('notices.determinationTitle')}</h3>
      <ul>
        {Object.entries(liability)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([label, level]) => (
            <li key={label}>
              {t('notices.determinationLine', {
                label,
                plate: vehicle(label)?.plate ?? '',
                name: driverName(label),
                level: t(`liability.level.${level}`),
              })}
            </li>
          ))}
      </ul>
      {override && (
        <p>
          {t('document.overrideReason')}：{override.reason}
        </p>
      )}
      <CourtesyMark c={c} step="notice-determination" />
      <h3>{t('notices.rightsTitle')}</h3>
      <ol>
        <li>{t('notices.rightReview')}</li>
        <li>{t('notices.rightMediation')}</li>
        <li>{t('notices.rightSuit')}</li>
      </ol>
      <p>{t('notices.daysNote')}</p>
      <CourtesyMark c={c} step="notice-rights" />
      <p>{words.signRequest[lang]}</p>
      <p data-testid="script-thanks">{words.thanks[lang]}</p>
    </article>
  );
}

/** Who determined a station's case, remotely: read out with the notices, not the station's to change. */
function RemoteDetermination({ c }: { c: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const remote = c.liability?.remote;
  if (!remote) return null;
  return (
    <Notice as="div" data-testid="remote-determination">
      <p>
        {t('notices.remoteBy', {
          name: remote.by.name,
          time: formatTime(remote.at, i18n.language),
        })}
      </p>
      <p className="muted">{t('notices.remoteReadOnly')}</p>
    </Notice>
  );
}

/** "The notices have been read" (before signing), or when they were. */
function NoticesRead({ c, readAt }: { c: CaseRecord; readAt: string | undefined }) {
  const { t, i18n } = useTranslation();
  const { run, error } = useCaseStep(c.id);
  const { version } = useCourtesyScript(c.officer?.id);
  return (
    <>
      <ErrorNotice error={error} />
      {readAt === undefined ? (
        c.state === 'liability-proposed' && (
          <>
            <Button
              variant="primary"
              block
              onClick={() => run((x, at) => markNoticesRead(x, at, version))}
            >
              {t('notices.readDone')}
            </Button>
            {!c.liability?.remote && (
              <ButtonLink href={`/cases/${c.id}/liability`} block>
                {t('notices.backToLiability')}
              </ButtonLink>
            )}
          </>
        )
      ) : (
        <p className="muted" data-testid="notices-read">
          {t('notices.readAt', { time: formatTime(readAt, i18n.language) })}
        </p>
      )}
    </>
  );
}

/** Flagged for review, all signed, and the way to the document. */
function SigningOutcome({ c, record }: { c: CaseRecord; record: LiabilityRecord }) {
  const { t } = useTranslation();
  return (
    <>
      {record.flaggedForReview && (
        <Notice tone="warn" role="status" data-testid="flagged">
          {t('notices.flagged', { reason: record.flaggedForReview.reason })}
        </Notice>
      )}
      {c.state === 'signed' && (
        <Notice as="div" tone="ok" role="status" data-testid="all-signed">
          <p>{t('notices.allDone')}</p>
        </Notice>
      )}
      {(c.state === 'signed' || record.signatures.length > 0) && (
        <ButtonLink href={`/cases/${c.id}/document`} variant="primary" block>
          {t('notices.toDocument')}
        </ButtonLink>
      )}
    </>
  );
}
