/** The brigade's search radius for video units around a case, in metres (checked before it is sent). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrigadeSettings } from '../../contracts/admin';
import type { VideoUnitsAdminView } from '../../services/useVideoUnitsAdmin';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Notice';
import { Section } from '../../ui/Page';
import { checkRadius } from './video-unit-form';

type Outcome =
  { kind: 'invalid' } | { kind: 'failed'; failure: string } | { kind: 'saved'; metres: number };

export function RadiusForm({
  brigade,
  view,
}: {
  brigade: BrigadeSettings;
  view: VideoUnitsAdminView;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(String(brigade.videoRadiusM));
  const [outcome, setOutcome] = useState<Outcome>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const metres = checkRadius(typed);
    if (metres === undefined) return setOutcome({ kind: 'invalid' });
    const r = await view.setRadius(metres);
    setOutcome(
      r.ok
        ? { kind: 'saved', metres: r.value.videoRadiusM }
        : { kind: 'failed', failure: r.failure },
    );
  };
  return (
    <Section titleId="video-radius-title" title={t('videoUnits.radius.title')}>
      <form onSubmit={(e) => void submit(e)} noValidate className="admin-form">
        <TextField
          id="video-radius"
          label={t('videoUnits.radius.field')}
          hint={t('videoUnits.radius.hint')}
          inputMode="numeric"
          autoComplete="off"
          value={typed}
          onValue={(v) => {
            setTyped(v);
            setOutcome(undefined);
          }}
          errors={outcome?.kind === 'invalid' ? t('videoUnits.radius.invalid') : null}
        />
        <ErrorNotice
          error={outcome?.kind === 'failed' ? t(`admin.failure.${outcome.failure}`) : null}
        />
        <p role="status" data-testid="video-radius-saved">
          {outcome?.kind === 'saved' && t('videoUnits.radius.saved', { metres: outcome.metres })}
        </p>
        <Button type="submit" block disabled={view.saving}>
          {t('videoUnits.radius.save')}
        </Button>
      </form>
    </Section>
  );
}
