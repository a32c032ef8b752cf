/**
 * An officer checks a case a rural station handed over — its place, vehicles
 * and parties, photos and the station's note — confirms it or corrects it
 * (saying what), and determines each vehicle's liability with a reason and
 * the law and article it rests on. Sent to the server at once (it needs the
 * link); the station's phone then reads it to the parties, who sign there.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandedOverCase, StationConfirmation, StationDecision } from '../../contracts/station';
import { GENERAL_LIABILITY_BASIS, type Basis, type LiabilityByVehicle } from '../../domain';
import { useConfirmStationCase, useHandovers } from '../../services/useStation';
import { Button, ButtonLink } from '../../ui/Button';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { formatTime } from '../../ui/format';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { ConfirmResult } from './ConfirmResult';

const LEVELS = ['full', 'primary', 'equal', 'secondary', 'none'] as const;
type Level = (typeof LEVELS)[number];

export function ConfirmScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const handovers = useHandovers();
  const [done, setDone] = useState<StationConfirmation>();
  const back = { href: '/handovers', label: t('station.confirm.back') };
  if (done) return <ConfirmResult done={done} back={back} />;
  if (handovers.status === 'loading') return <p role="status">{t('station.list.loading')}</p>;
  if (handovers.status === 'failed') {
    return (
      <Notice tone="error" role="alert">
        {t(`station.failure.${handovers.failure}`)}
      </Notice>
    );
  }
  const item = handovers.value.find((i) => i.caseId === id);
  if (!item) {
    return (
      <Page titleId="confirm-title" title={t('station.list.title')} back={back}>
        <p role="alert">{t('station.confirm.notFound')}</p>
      </Page>
    );
  }
  return (
    <Page
      titleId="confirm-title"
      title={t('station.confirm.title', { number: item.caseNumber })}
      back={back}
    >
      <CaseFacts item={item} />
      <ConfirmForm item={item} onDone={setDone} />
    </Page>
  );
}

function CaseFacts({ item }: { item: HandedOverCase }) {
  const { t, i18n } = useTranslation();
  const namesOf = (label: string) =>
    item.parties
      .filter((p) => p.vehicleLabel === label)
      .map((p) => p.name)
      .join('、') || '—';
  return (
    <dl className="facts">
      <dt>{t('station.confirm.place')}</dt>
      <dd>{item.address}</dd>
      <dt>{t('station.confirm.arrived')}</dt>
      <dd>{formatTime(item.arrivedAt, i18n.language)}</dd>
      <dt>{t('station.confirm.vehicles')}</dt>
      <dd>
        <ul>
          {item.vehicles.map((v) => (
            <li key={v.label}>{t('station.confirm.vehicle', { ...v, names: namesOf(v.label) })}</li>
          ))}
        </ul>
        {t('station.confirm.photos', { count: item.photos })}
      </dd>
      <dt>{t('station.confirm.stationNote')}</dt>
      <dd data-testid="station-note">{item.handover.note || t('station.confirm.noNote')}</dd>
    </dl>
  );
}

function ConfirmForm({
  item,
  onDone,
}: {
  item: HandedOverCase;
  onDone: (done: StationConfirmation) => void;
}) {
  const { t } = useTranslation();
  const confirm = useConfirmStationCase();
  const [decision, setDecision] = useState<StationDecision>('confirm');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [basis, setBasis] = useState<Basis>(GENERAL_LIABILITY_BASIS);
  const [levels, setLevels] = useState<Record<string, Level | ''>>({});
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteMissing = decision === 'correct' && note.trim() === '';
  const reasonMissing = reason.trim() === '';
  const basisMissing = basis.law.trim() === '' || basis.article.trim() === '';
  const chosen = item.vehicles.every((v) => levels[v.label]);
  const submit = async () => {
    setTried(true);
    if (noteMissing || reasonMissing || basisMissing || !chosen) return;
    setBusy(true);
    const liability = Object.fromEntries(
      item.vehicles.map((v) => [v.label, levels[v.label]]),
    ) as LiabilityByVehicle;
    const cited = [{ law: basis.law.trim(), article: basis.article.trim() }];
    const r = await confirm(item.caseId, { decision, note, liability, reason, basis: cited });
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(t(`station.failure.${r.failure}`));
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset>
        <legend>{t('station.confirm.decision')}</legend>
        {(['confirm', 'correct'] as const).map((d) => (
          <label key={d} className="radio">
            <input
              type="radio"
              name="decision"
              value={d}
              checked={decision === d}
              onChange={() => setDecision(d)}
            />
            {t(`station.confirm.${d}`)}
          </label>
        ))}
      </fieldset>
      <TextArea
        id="confirm-note"
        label={
          decision === 'correct' ? t('station.confirm.noteCorrect') : t('station.confirm.note')
        }
        value={note}
        onValue={setNote}
        rows={2}
        errors={tried && noteMissing ? t('station.confirm.noteRequired') : null}
        urgent
      />
      {item.vehicles.map((v) => (
        <SelectField
          key={v.label}
          id={`liability-${v.label}`}
          label={t('station.confirm.liability', { label: v.label })}
          value={levels[v.label] ?? ''}
          none="—"
          options={LEVELS.map((l) => ({ value: l, label: t(`station.level.${l}`) }))}
          onValue={(value) => setLevels((x) => ({ ...x, [v.label]: value as Level }))}
          errors={tried && !levels[v.label] ? t('station.confirm.levelRequired', v) : null}
        />
      ))}
      <TextArea
        id="confirm-reason"
        label={t('station.confirm.reason')}
        value={reason}
        onValue={setReason}
        rows={3}
        errors={tried && reasonMissing ? t('station.confirm.reasonRequired') : null}
        urgent
      />
      <BasisFields basis={basis} onBasis={setBasis} tried={tried} />
      <Button type="submit" variant="primary" block disabled={busy}>
        {busy ? t('station.confirm.sending') : t('station.confirm.submit')}
      </Button>
      <ErrorNotice error={error} />
      <ButtonLink href="/handovers" block>
        {t('station.confirm.toList')}
      </ButtonLink>
    </form>
  );
}

/** The law and the article the determination rests on; the general article offered first. */
function BasisFields({
  basis,
  onBasis,
  tried,
}: {
  basis: Basis;
  onBasis: (basis: Basis) => void;
  tried: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id="confirm-law"
        label={t('station.confirm.law')}
        value={basis.law}
        onValue={(law) => onBasis({ ...basis, law })}
        errors={tried && basis.law.trim() === '' ? t('station.confirm.lawRequired') : null}
      />
      <TextField
        id="confirm-article"
        label={t('station.confirm.article')}
        hint={t('station.confirm.articleHint')}
        value={basis.article}
        onValue={(article) => onBasis({ ...basis, article })}
        errors={tried && basis.article.trim() === '' ? t('station.confirm.articleRequired') : null}
      />
    </>
  );
}
