/**
 * One driver's signature on the notices screen: signs on screen (with an
 * objection, if any) or refuses with a reason, both bound to the SHA-256 of
 * the determination content shown; once done, what was recorded.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  recordRefusal,
  recordSignature,
  type CaseRecord,
  type Party,
  type SignatureEntry,
} from '../../domain';
import { useCaseStep } from '../../services/useCaseStep';
import { Button } from '../../ui/Button';
import { TextArea } from '../../ui/Field';
import { formatTime } from '../../ui/format';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { SignatureCanvas, type SignatureCanvasHandle } from './SignatureCanvas';

export interface PartySigningProps {
  c: CaseRecord;
  party: Party;
  /** The party's vehicle letter. */
  label: string;
  entry: SignatureEntry | undefined;
  /** The determination content's SHA-256; null while it is computed. */
  hash: string | null;
}

export function PartySigning(props: PartySigningProps) {
  const { t } = useTranslation();
  const title = t('notices.party', { name: props.party.name, label: props.label });
  return props.entry ? (
    <Recorded entry={props.entry} title={title} label={props.label} />
  ) : (
    <SignForm {...props} title={title} />
  );
}

function Recorded({
  entry,
  title,
  label,
}: {
  entry: SignatureEntry;
  title: string;
  label: string;
}) {
  const { t, i18n } = useTranslation();
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
        <Notice tone="warn">{t('notices.reviewHow')}</Notice>
      )}
    </fieldset>
  );
}

function SignForm({ c, party, hash, title }: PartySigningProps & { title: string }) {
  const { t } = useTranslation();
  const { run, error } = useCaseStep(c.id);
  const pad = useRef<SignatureCanvasHandle>(null);
  const [objection, setObjection] = useState('');
  const [refusal, setRefusal] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = `party-${party.id}`;

  const sign = () => {
    if (!pad.current || pad.current.isEmpty()) {
      setProblem(t('notices.emptySignature'));
      return;
    }
    if (!hash) return;
    setProblem(null);
    const image = pad.current.toDataURL();
    run((x, at) =>
      recordSignature(x, { partyId: party.id, contentSha256: hash, image, objection }, at),
    );
  };
  const refuse = () => {
    if (refusal.trim() === '') {
      setProblem(t('notices.refuseNeedsReason'));
      return;
    }
    if (!hash) return;
    setProblem(null);
    run((x, at) =>
      recordRefusal(x, { partyId: party.id, contentSha256: hash, reason: refusal }, at),
    );
  };

  return (
    <fieldset className="party-sign" disabled={c.state !== 'liability-proposed'}>
      <legend>{title}</legend>
      <p className="muted">{t('notices.signHere')}</p>
      <SignatureCanvas ref={pad} label={t('notices.signHere')} />
      <div className="row">
        <Button onClick={() => pad.current?.clear()}>{t('notices.clear')}</Button>
        <Button variant="primary" onClick={sign} disabled={!hash}>
          {t('notices.sign')}
        </Button>
      </div>
      <TextArea
        id={`${id}-objection`}
        label={t('notices.objection')}
        rows={2}
        value={objection}
        onValue={setObjection}
      />
      <details className="refuse">
        <summary>{t('notices.refuse')}</summary>
        <TextArea
          id={`${id}-refusal`}
          label={t('notices.refuseReason')}
          rows={2}
          value={refusal}
          onValue={setRefusal}
        />
        <Button block onClick={refuse} disabled={!hash}>
          {t('notices.refuseConfirm')}
        </Button>
      </details>
      <ErrorNotice error={problem ?? error} />
    </fieldset>
  );
}
