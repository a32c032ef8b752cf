/**
 * The brigades' settings for insurers (`/admin/brigades`): for each brigade,
 * its call-back target in minutes (checked before it is sent, the message
 * naming the field) and when its packets are made; saved one brigade at a
 * time, the answer said in a polite status or an alert. Below each, its
 * five-fast targets (TargetsForm) and its phones' lock (PhoneLockForm), each
 * saved on its own.
 */
import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrigadeSettings } from '../../contracts/admin';
import { useBrigades, type BrigadesView } from '../../services/useBrigades';
import type { AdminFailure } from '../../services/useWebhooks';
import { ButtonLink } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { checkBrigadeDraft, draftOf, type BrigadeDraft, type MinutesError } from './brigade-form';
import { LoadFailure, Loading, SaveEnd } from './shared';
import { PhoneLockForm } from './PhoneLockForm';
import { TargetsForm } from './TargetsForm';
import './admin.css';

type Outcome =
  | { kind: 'saved'; minutes: number }
  | { kind: 'invalid'; error: MinutesError }
  | { kind: 'failed'; failure: AdminFailure };

function useBrigadeForm(brigade: BrigadeSettings, save: BrigadesView['save']) {
  const [draft, setDraft] = useState<BrigadeDraft>(() => draftOf(brigade));
  const [outcome, setOutcome] = useState<Outcome>();
  const edit = (change: Partial<BrigadeDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    // What the last save said no longer speaks of what is typed now.
    setOutcome(undefined);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkBrigadeDraft(draft);
    if (!checked.ok) return setOutcome({ kind: 'invalid', error: checked.error });
    const r = await save(brigade.id, checked.value);
    if (!r.ok) return setOutcome({ kind: 'failed', failure: r.failure });
    setDraft(draftOf(r.value));
    setOutcome({ kind: 'saved', minutes: r.value.callbackMinutes });
  };
  return { draft, outcome, edit, submit };
}

function BrigadeForm({ brigade, view }: { brigade: BrigadeSettings; view: BrigadesView }) {
  const { t } = useTranslation();
  const { draft, outcome, edit, submit } = useBrigadeForm(brigade, view.save);
  const id = `brigade-${brigade.id}`;
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      className="admin-form admin-card"
      aria-labelledby={`${id}-name`}
      data-testid="brigade-form"
    >
      <h2 id={`${id}-name`}>{brigade.name}</h2>
      <TextField
        id={`${id}-minutes`}
        label={t('admin.brigades.minutes')}
        hint={t('admin.brigades.minutesHint')}
        inputMode="numeric"
        autoComplete="off"
        value={draft.minutes}
        onValue={(minutes) => edit({ minutes })}
        errors={outcome?.kind === 'invalid' ? t(`admin.brigades.error.${outcome.error}`) : null}
        urgent
      />
      <SelectField
        id={`${id}-packets-on`}
        label={t('admin.brigades.packetsOn')}
        value={draft.packetsOn}
        options={(['review', 'signed'] as const).map((value) => ({
          value,
          label: t(`admin.brigades.on.${value}`),
        }))}
        onValue={(v) => edit({ packetsOn: v === 'signed' ? 'signed' : 'review' })}
      />
      <SaveEnd
        failure={outcome?.kind === 'failed' ? outcome.failure : undefined}
        saved={outcome?.kind === 'saved' && t('admin.brigades.saved', { minutes: outcome.minutes })}
        savedTestId="brigade-saved"
        saving={view.saving}
        save={t('admin.brigades.save')}
        savingText={t('admin.brigades.saving')}
        label={t('admin.brigades.saveFor', { name: brigade.name })}
      />
      <ButtonLink href={`/admin/brigades/${brigade.id}/script`} block>
        {t('accounts.script.link', { name: brigade.name })}
      </ButtonLink>
      <ButtonLink href={`/admin/brigades/${brigade.id}/lenient`} block>
        {t('lenientAdmin.link', { name: brigade.name })}
      </ButtonLink>
      <ButtonLink href={`/admin/brigades/${brigade.id}/tiles`} block>
        {t('admin.tiles.link', { name: brigade.name })}
      </ButtonLink>
      <ButtonLink href={`/admin/brigades/${brigade.id}/video-units`} block>
        {t('videoUnits.link', { name: brigade.name })}
      </ButtonLink>
    </form>
  );
}

export function BrigadeSettingsScreen() {
  const { t } = useTranslation();
  const view = useBrigades();
  const { brigades } = view;
  return (
    <Page
      titleId="brigade-settings-title"
      title={t('admin.brigades.settings')}
      back={{ href: '/admin', label: t('admin.back') }}
      data-testid="brigade-settings"
    >
      <p>{t('admin.brigades.screenIntro')}</p>
      {brigades.status === 'loading' && <Loading />}
      {brigades.status === 'failed' && (
        <LoadFailure failure={brigades.failure} onRetry={view.reload} />
      )}
      {brigades.status === 'ready' && brigades.value.length === 0 && (
        <Notice>{t('admin.brigades.none')}</Notice>
      )}
      {brigades.value?.map((b) => (
        <Fragment key={b.id}>
          <BrigadeForm brigade={b} view={view} />
          <TargetsForm brigade={b} view={view} />
          <PhoneLockForm brigade={b} view={view} />
        </Fragment>
      ))}
    </Page>
  );
}
