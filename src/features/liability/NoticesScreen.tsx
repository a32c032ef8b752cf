/**
 * The three notices (三告知) in the brigade's courteous script, then each
 * driver signs on screen or refuses with a reason. Every signature and
 * refusal is bound to the SHA-256 of the determination content shown.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  effectiveLiability,
  markNoticesRead,
  recordRefusal,
  recordSignature,
  signingParties,
  type CaseRecord,
  type Party,
  type SignatureEntry,
} from '../../domain';
import { useCase } from '../../services/useCase';
import { formatTime } from '../../ui/format';
import { Link } from '../../ui/router';
import { AmendForm, AmendmentInProgress } from './AmendForm';
import { DisputeForm } from './DisputeForm';
import { SignatureCanvas, type SignatureCanvasHandle } from './SignatureCanvas';
import { citeBasis, useDeterminationHash, useLang, useStep } from './shared';
import './liability.css';

export function NoticesScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const result = useCase(id);
  if (result === undefined) return <p role="status">{t('app.loading')}</p>;
  if (!result.found) return <p role="alert">{t('caseDetail.notFound')}</p>;
  return <Notices c={result.value} />;
}

function Notices({ c }: { c: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const { run, error } = useStep(c.id);
  const record = c.liability;
  const liability = effectiveLiability(c);
  const hash = useDeterminationHash(c);

  if (!record?.proposal || !record.decision || !liability) {
    return (
      <section className="liability notices">
        <Link href={`/cases/${c.id}`} className="back-link">
          ← {c.caseNumber}
        </Link>
        <h1>{t('notices.title')}</h1>
        <p className="notice warn">{t('notices.notReady')}</p>
        <Link href={`/cases/${c.id}/liability`} className="button block">
          {t('liability.title')}
        </Link>
      </section>
    );
  }

  const vehicle = (label: string) => c.vehicles.find((v) => v.label === label);
  const driverName = (label: string) =>
    c.parties.find((p) => p.kind === 'driver' && p.vehicleId === vehicle(label)?.id)?.name ?? '—';
  const labelOf = (p: Party) => c.vehicles.find((v) => v.id === p.vehicleId)?.label ?? '—';
  const atFault = record.decision.findings.filter((f) =>
    Object.values(f.liability).some((l) => l !== 'none'),
  );
  const parties = signingParties(c);
  const readAt = record.noticesReadAt;

  return (
    <section aria-labelledby="notices-title" className="liability notices">
      <Link href={`/cases/${c.id}`} className="back-link">
        ← {c.caseNumber}
      </Link>
      <h1 id="notices-title">{t('notices.title')}</h1>
      <AmendmentInProgress c={c} />

      <article className="script" data-testid="notice-script">
        <h2>{t('notices.scriptTitle')}</h2>
        <p>{t('notices.greeting')}</p>
        <h3>{t('notices.violationTitle')}</h3>
        {atFault.length === 0 && <p>{t('notices.violationNone')}</p>}
        {atFault.map((f, i) => (
          <p key={i}>
            {f.explanation[lang]}
            <br />
            <span className="basis">
              {t('liability.basis')}：{f.basis.map(citeBasis).join('；')}
            </span>
          </p>
        ))}
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
        {record.override && (
          <p>
            {t('document.overrideReason')}：{record.override.reason}
          </p>
        )}
        <h3>{t('notices.rightsTitle')}</h3>
        <ol>
          <li>{t('notices.rightReview')}</li>
          <li>{t('notices.rightMediation')}</li>
          <li>{t('notices.rightSuit')}</li>
        </ol>
        <p>{t('notices.daysNote')}</p>
        <p>{t('notices.signRequest')}</p>
        <p>{t('notices.thanks')}</p>
      </article>

      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}

      {readAt === undefined ? (
        c.state === 'liability-proposed' && (
          <>
            <button
              type="button"
              className="button primary block"
              onClick={() => void run((x, at) => markNoticesRead(x, at)).catch(() => undefined)}
            >
              {t('notices.readDone')}
            </button>
            <Link href={`/cases/${c.id}/liability`} className="button block">
              {t('notices.backToLiability')}
            </Link>
          </>
        )
      ) : (
        <p className="muted" data-testid="notices-read">
          {t('notices.readAt', { time: formatTime(readAt, i18n.language) })}
        </p>
      )}

      {readAt !== undefined && parties.length === 0 && (
        <p className="notice warn">{t('notices.noParties')}</p>
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

      {record.flaggedForReview && (
        <p className="notice warn" role="status" data-testid="flagged">
          {t('notices.flagged', { reason: record.flaggedForReview.reason })}
        </p>
      )}
      {c.state === 'signed' && (
        <div className="notice ok" role="status" data-testid="all-signed">
          <p>{t('notices.allDone')}</p>
        </div>
      )}
      {(c.state === 'signed' || record.signatures.length > 0) && (
        <Link href={`/cases/${c.id}/document`} className="button primary block">
          {t('notices.toDocument')}
        </Link>
      )}
      {c.state === 'liability-proposed' && <DisputeForm c={c} />}
      <AmendForm c={c} hash={hash} />
    </section>
  );
}

function PartySigning({
  c,
  party,
  label,
  entry,
  hash,
}: {
  c: CaseRecord;
  party: Party;
  label: string;
  entry: SignatureEntry | undefined;
  hash: string | null;
}) {
  const { t, i18n } = useTranslation();
  const { run, error } = useStep(c.id);
  const pad = useRef<SignatureCanvasHandle>(null);
  const [objection, setObjection] = useState('');
  const [refusal, setRefusal] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const title = t('notices.party', { name: party.name, label });
  const id = `party-${party.id}`;

  if (entry) {
    return (
      <fieldset className="party-sign done" data-testid={`signed-${label}`}>
        <legend>{title}</legend>
        {entry.kind === 'signed' ? (
          <>
            <p>{t('notices.signed', { time: formatTime(entry.at, i18n.language) })}</p>
            {entry.image && <img src={entry.image} alt={title} className="signature-image" />}
            {entry.reason && <p>{t('notices.objected', { reason: entry.reason })}</p>}
          </>
        ) : (
          <p>
            {t('notices.refused', {
              time: formatTime(entry.at, i18n.language),
              reason: entry.reason ?? '',
            })}
          </p>
        )}
        {(entry.kind === 'refused' || entry.reason) && (
          <p className="notice warn">{t('notices.reviewHow')}</p>
        )}
      </fieldset>
    );
  }

  const sign = () => {
    if (!pad.current || pad.current.isEmpty()) {
      setProblem(t('notices.emptySignature'));
      return;
    }
    if (!hash) return;
    setProblem(null);
    const image = pad.current.toDataURL();
    void run((x, at) =>
      recordSignature(x, { partyId: party.id, contentSha256: hash, image, objection }, at),
    ).catch(() => undefined);
  };

  const refuse = () => {
    if (refusal.trim() === '') {
      setProblem(t('notices.refuseNeedsReason'));
      return;
    }
    if (!hash) return;
    setProblem(null);
    void run((x, at) =>
      recordRefusal(x, { partyId: party.id, contentSha256: hash, reason: refusal }, at),
    ).catch(() => undefined);
  };

  return (
    <fieldset className="party-sign" disabled={c.state !== 'liability-proposed'}>
      <legend>{title}</legend>
      <p className="muted">{t('notices.signHere')}</p>
      <SignatureCanvas ref={pad} label={t('notices.signHere')} />
      <div className="row">
        <button type="button" className="button" onClick={() => pad.current?.clear()}>
          {t('notices.clear')}
        </button>
        <button type="button" className="button primary" onClick={sign} disabled={!hash}>
          {t('notices.sign')}
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-objection`}>{t('notices.objection')}</label>
        <textarea
          id={`${id}-objection`}
          rows={2}
          value={objection}
          onChange={(e) => setObjection(e.target.value)}
        />
      </div>
      <details className="refuse">
        <summary>{t('notices.refuse')}</summary>
        <div className="field">
          <label htmlFor={`${id}-refusal`}>{t('notices.refuseReason')}</label>
          <textarea
            id={`${id}-refusal`}
            rows={2}
            value={refusal}
            onChange={(e) => setRefusal(e.target.value)}
          />
        </div>
        <button type="button" className="button block" onClick={refuse} disabled={!hash}>
          {t('notices.refuseConfirm')}
        </button>
      </details>
      {(problem ?? error) && (
        <p className="warn-text" role="alert">
          {problem ?? error}
        </p>
      )}
    </fieldset>
  );
}
