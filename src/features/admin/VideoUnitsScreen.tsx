/**
 * A brigade's roadside video units (`/admin/brigades/:id/video-units`): the
 * search radius around a case, the units registered (in use or not) with
 * edit and take out of use / put back, and the form that registers a unit
 * or changes the one being edited — checked before it is sent, each problem
 * on its field (a code the brigade already uses, as the server said).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VideoUnit } from '../../contracts/video';
import { FACINGS } from '../../domain/video/footage';
import {
  useVideoUnitsAdmin,
  type VideoUnitsAdminView,
  type VideoUnitsOf,
} from '../../services/useVideoUnitsAdmin';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { Page, Section } from '../../ui/Page';
import { LoadFailure, Loading } from './shared';
import { RadiusForm } from './VideoRadiusForm';
import {
  EMPTY_VIDEO_DRAFT,
  VIDEO_FIELDS,
  checkVideoDraft,
  videoDraftOf,
  type VideoDraft,
  type VideoField,
  type VideoProblems,
} from './video-unit-form';
import './admin.css';

type Outcome =
  | { kind: 'invalid'; problems: VideoProblems; taken?: boolean }
  | { kind: 'failed'; failure: string };

/** What the last save did, said after the form starts afresh. */
type Saved = { name: string; added: boolean } | undefined;

function useUnitForm(
  view: VideoUnitsAdminView,
  editing: VideoUnit | undefined,
  done: (saved: Saved) => void,
) {
  const [draft, setDraft] = useState<VideoDraft>(() =>
    editing ? videoDraftOf(editing) : EMPTY_VIDEO_DRAFT,
  );
  const [outcome, setOutcome] = useState<Outcome>();
  const edit = (change: Partial<VideoDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setOutcome(undefined);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkVideoDraft(draft);
    if (!checked.ok) return setOutcome({ kind: 'invalid', problems: checked.problems });
    const r = editing
      ? await view.change(editing.id, { ...checked.value, active: editing.active })
      : await view.add(checked.value);
    if (r.ok) return done({ name: r.value.name, added: !editing });
    if (r.code === 'code_taken')
      return setOutcome({ kind: 'invalid', problems: { code: 'invalid' }, taken: true });
    setOutcome({ kind: 'failed', failure: r.failure });
  };
  return { draft, outcome, edit, submit };
}

function UnitFields(props: {
  draft: VideoDraft;
  edit(change: Partial<VideoDraft>): void;
  problem(f: VideoField): string | null;
}) {
  const { t } = useTranslation();
  const { draft, edit } = props;
  return VIDEO_FIELDS.map((f) =>
    f === 'facing' ? (
      <SelectField
        key={f}
        id="video-unit-facing"
        label={t('videoUnits.field.facing')}
        value={draft.facing}
        options={FACINGS.map((value) => ({ value, label: t(`footage.facings.${value}`) }))}
        onValue={(v) => edit({ facing: FACINGS.find((x) => x === v) ?? 'N' })}
      />
    ) : (
      <TextField
        key={f}
        id={`video-unit-${f}`}
        label={t(`videoUnits.field.${f}`)}
        hint={f === 'name' ? undefined : t(`videoUnits.hint.${f}`)}
        inputMode={f === 'code' || f === 'name' ? undefined : 'decimal'}
        autoComplete="off"
        value={draft[f]}
        onValue={(v) => edit({ [f]: v })}
        errors={props.problem(f)}
      />
    ),
  );
}

function UnitForm(props: {
  view: VideoUnitsAdminView;
  editing: VideoUnit | undefined;
  onDone(saved: Saved): void;
}) {
  const { t } = useTranslation();
  const { draft, outcome, edit, submit } = useUnitForm(props.view, props.editing, props.onDone);
  const problem = (f: VideoField) => {
    if (outcome?.kind !== 'invalid' || !outcome.problems[f]) return null;
    if (outcome.taken) return t('videoUnits.problem.taken');
    const field = t(`videoUnits.field.${f}`);
    return outcome.problems[f] === 'required'
      ? t('videoUnits.problem.required', { field })
      : t(`videoUnits.problem.${f}`);
  };
  const title = props.editing
    ? t('videoUnits.form.editTitle', { code: props.editing.code })
    : t('videoUnits.form.addTitle');
  return (
    <Section titleId="video-unit-form-title" title={title}>
      <form onSubmit={(e) => void submit(e)} noValidate className="admin-form">
        <UnitFields draft={draft} edit={edit} problem={problem} />
        <ErrorNotice
          error={outcome?.kind === 'failed' ? t(`admin.failure.${outcome.failure}`) : null}
        />
        <Button type="submit" variant="primary" block disabled={props.view.saving}>
          {props.editing ? t('videoUnits.form.save') : t('videoUnits.form.add')}
        </Button>
        {props.editing && (
          <Button block onClick={() => props.onDone(undefined)}>
            {t('videoUnits.form.cancel')}
          </Button>
        )}
      </form>
    </Section>
  );
}

function UnitCards(props: {
  of: VideoUnitsOf;
  view: VideoUnitsAdminView;
  onEdit(u: VideoUnit): void;
}) {
  const { t } = useTranslation();
  const toggle = (u: VideoUnit) => {
    const { id: _id, brigadeId: _b, updatedAt: _u, ...body } = u;
    void props.view.change(u.id, { ...body, active: !u.active });
  };
  return (
    <Section titleId="video-units-list" title={t('videoUnits.listTitle')}>
      {props.of.units.length === 0 && <Notice>{t('videoUnits.none')}</Notice>}
      <ul className="admin-cards" data-testid="video-unit-list">
        {props.of.units.map((u) => (
          <li key={u.id} className="admin-card" data-testid="video-unit">
            <h3>
              {u.code} · {u.name}
            </h3>
            <p>
              {u.active ? t('videoUnits.inUse') : t('videoUnits.outOfUse')} ·{' '}
              {t('videoUnits.place', { lat: u.latitude, lon: u.longitude })} ·{' '}
              {t(`footage.facings.${u.facing}`)} · {t('videoUnits.field.retentionDays')}{' '}
              {u.retentionDays}
            </p>
            <Button
              aria-label={t('videoUnits.editFor', { name: u.name })}
              onClick={() => props.onEdit(u)}
            >
              {t('videoUnits.edit')}
            </Button>
            <Button
              disabled={props.view.saving}
              aria-label={t(u.active ? 'videoUnits.disableFor' : 'videoUnits.enableFor', {
                name: u.name,
              })}
              onClick={() => toggle(u)}
            >
              {u.active ? t('videoUnits.disable') : t('videoUnits.enable')}
            </Button>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Loaded({ of, view }: { of: VideoUnitsOf; view: VideoUnitsAdminView }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<VideoUnit>();
  const [saved, setSaved] = useState<Saved>();
  // A new form each time: the one just saved or cancelled starts afresh.
  const [round, setRound] = useState(0);
  const done = (next: Saved) => {
    setSaved(next);
    setEditing(undefined);
    setRound((n) => n + 1);
  };
  return (
    <>
      <RadiusForm brigade={of.brigade} view={view} />
      <p role="status" data-testid="video-unit-saved">
        {saved &&
          t(saved.added ? 'videoUnits.form.added' : 'videoUnits.form.saved', { name: saved.name })}
      </p>
      <UnitForm
        key={`${editing?.id ?? 'new'}-${round}`}
        view={view}
        editing={editing}
        onDone={done}
      />
      <UnitCards
        of={of}
        view={view}
        onEdit={(u) => {
          setSaved(undefined);
          setEditing(u);
        }}
      />
    </>
  );
}

export function VideoUnitsScreen({ brigadeId }: { brigadeId: string }) {
  const { t } = useTranslation();
  const view = useVideoUnitsAdmin(brigadeId);
  const { loaded } = view;
  return (
    <Page
      titleId="video-units-title"
      title={
        loaded.value
          ? t('videoUnits.link', { name: loaded.value.brigade.name })
          : t('videoUnits.title')
      }
      back={{ href: '/admin/brigades', label: t('admin.brigades.settings') }}
      data-testid="video-units"
    >
      <p>{t('videoUnits.intro')}</p>
      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'failed' && <LoadFailure failure={loaded.failure} onRetry={view.reload} />}
      {loaded.status === 'ready' && <Loaded of={loaded.value} view={view} />}
    </Page>
  );
}
