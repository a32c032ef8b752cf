/**
 * A rural station's last step on a case, in place of the liability step: the
 * station does not determine liability, it hands the cleared case over to an
 * officer (src/domain/case/station.ts), with a note, naming one of the
 * brigade's officers or leaving it to any (the list the phone keeps, so it
 * works offline). Saved on the phone offline; the case is sent at once when
 * there is a connection.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { handOverToOfficer, type CaseRecord } from '../../domain';
import { useCase } from '../../services/useCase';
import { useCaseStep } from '../../services/useCaseStep';
import { useSession } from '../../services/useSession';
import { useStationOfficers } from '../../services/useStation';
import { Button, ButtonLink } from '../../ui/Button';
import { SelectField, TextArea } from '../../ui/Field';
import { formatTime } from '../../ui/format';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';

export function HandOverScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const result = useCase(id);
  if (result === undefined) return <p role="status">{t('app.loading')}</p>;
  if (!result.found) return <p role="alert">{t('caseDetail.notFound')}</p>;
  return <HandOver c={result.value} />;
}

/** The step for a case as stored (exported for its screen test). */
export function HandOver({ c }: { c: CaseRecord }) {
  const { t, i18n } = useTranslation();
  return (
    <Page
      titleId="handover-title"
      title={t('station.handover.title')}
      back={{ href: `/cases/${c.id}`, label: t('station.handover.toCase') }}
    >
      <p>{t('station.handover.intro')}</p>
      {c.handover ? (
        <Notice tone="ok" role="status" data-testid="handed-over">
          {t('station.handover.done', { time: formatTime(c.handover.at, i18n.language) })}
          {c.handover.note && (
            <>
              <br />
              {t('station.handover.yourNote', { note: c.handover.note })}
            </>
          )}
        </Notice>
      ) : c.state === 'scene-cleared' ? (
        <HandOverForm c={c} />
      ) : (
        <>
          <Notice tone="warn">{t('station.handover.notReady')}</Notice>
          <ButtonLink href={`/cases/${c.id}`} block>
            {t('station.handover.toCase')}
          </ButtonLink>
        </>
      )}
    </Page>
  );
}

function HandOverForm({ c }: { c: CaseRecord }) {
  const { t } = useTranslation();
  const session = useSession();
  const { run, refuse, error } = useCaseStep(c.id);
  const [note, setNote] = useState('');
  const [to, setTo] = useState('');
  const by =
    session && session.kind !== 'signed-out'
      ? { id: session.session.user.id, name: session.session.user.displayName }
      : undefined;
  const officers = useStationOfficers(by?.id);
  const submit = () => {
    if (!by) return;
    const input = { by, note, to: to || null };
    // Checked on the case as shown, so a refusal is said in words; the step checks the stored one again.
    const check = handOverToOfficer(c, { ...input, at: c.updatedAt });
    if (!check.ok) {
      refuse(t(`station.handover.refused.${check.reason}`));
      return;
    }
    run((x, at) => handOverToOfficer(x, { ...input, at }));
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <TextArea
        id="handover-note"
        label={t('station.handover.note')}
        hint={t('station.handover.noteHint')}
        value={note}
        onValue={setNote}
        rows={3}
      />
      <SelectField
        id="handover-to"
        label={t('station.handover.to')}
        hint={officers.length === 0 ? t('station.handover.toNone') : t('station.handover.toHint')}
        value={to}
        none={t('station.handover.anyOfficer')}
        options={officers.map((o) => ({
          value: o.id,
          label: t('station.handover.officer', { name: o.name, unit: o.unitName }),
        }))}
        onValue={setTo}
      />
      <Button type="submit" variant="primary" block disabled={!by}>
        {t('station.handover.submit')}
      </Button>
      <ErrorNotice error={error} />
    </form>
  );
}
