/**
 * A brigade's warning-instead-of-a-fine list (`/admin/brigades/:id/lenient`,
 * 首违警告清单): the region (local plate prefixes and licence area codes)
 * and each minor violation with its legal basis, in Chinese and English.
 * Officers' phones fetch the saved version when next online and suggest the
 * warning from it offline after that.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LenientList } from '../../domain/lenient/lenient-list.schema';
import { useLenientListAdmin, type LenientListView } from '../../services/useLenientListAdmin';
import type { AdminFailure } from '../../services/useWebhooks';
import { Button } from '../../ui/Button';
import { TextArea, TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import {
  type ItemField,
  checkLenientDraft,
  emptyItem,
  lenientDraftOf,
  type DraftKey,
  type ItemDraft,
  type LenientDraft,
  type LenientProblems,
} from './lenient-form';
import { LoadFailure, Loading } from './shared';
import './admin.css';

type Outcome =
  | { kind: 'saved'; version: number }
  | { kind: 'invalid'; problems: LenientProblems }
  | { kind: 'failed'; failure: AdminFailure };

/** The words of a field's problem, naming the field; null when it has none. */
function useProblemText(outcome: Outcome | undefined) {
  const { t } = useTranslation();
  return (key: DraftKey, field: string): string | null => {
    const p = outcome?.kind === 'invalid' ? outcome.problems[key] : undefined;
    return p ? t(`lenientAdmin.problem.${p === 'duplicate' ? 'invalid' : p}`, { field }) : null;
  };
}

function ListForm({ list, view }: { list: LenientList; view: LenientListView }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<LenientDraft>(() => lenientDraftOf(list));
  const [added, setAdded] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>();
  const problem = useProblemText(outcome);
  const change = (next: (d: LenientDraft) => LenientDraft) => {
    setDraft(next);
    setOutcome(undefined);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkLenientDraft(draft);
    if (!checked.ok) return setOutcome({ kind: 'invalid', problems: checked.problems });
    const r = await view.save(checked.value);
    if (!r.ok) return setOutcome({ kind: 'failed', failure: r.failure });
    setDraft(lenientDraftOf(r.value));
    setOutcome({ kind: 'saved', version: r.value.version });
  };
  const listProblem = outcome?.kind === 'invalid' ? outcome.problems.items : undefined;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="admin-form admin-card">
      <p data-testid="lenient-version">
        {list.version === 0
          ? t('lenientAdmin.starter')
          : t('lenientAdmin.version', { version: list.version })}
      </p>
      <RegionFields draft={draft} change={change} problem={problem} />
      {draft.items.map((item, i) => (
        <ItemFields
          key={item.key}
          item={item}
          n={i + 1}
          problem={(f, label) => problem(`items.${i}.${f}`, label)}
          onChange={(next) =>
            change((d) => ({ ...d, items: d.items.map((x, k) => (k === i ? next : x)) }))
          }
          onRemove={() => change((d) => ({ ...d, items: d.items.filter((_, k) => k !== i) }))}
        />
      ))}
      <Button
        onClick={() => {
          change((d) => ({ ...d, items: [...d.items, emptyItem(added)] }));
          setAdded((n) => n + 1);
        }}
      >
        {t('lenientAdmin.add')}
      </Button>
      <ErrorNotice
        error={
          listProblem
            ? t(listProblem === 'tooLong' ? 'lenientAdmin.tooMany' : 'lenientAdmin.duplicate')
            : outcome?.kind === 'failed'
              ? t(`admin.failure.${outcome.failure}`)
              : null
        }
      />
      <p role="status" data-testid="lenient-saved">
        {outcome?.kind === 'saved' && t('lenientAdmin.saved', { version: outcome.version })}
      </p>
      <Button type="submit" variant="primary" block disabled={view.saving}>
        {view.saving ? t('admin.brigades.saving') : t('lenientAdmin.save')}
      </Button>
    </form>
  );
}

function RegionFields(props: {
  draft: LenientDraft;
  change: (next: (d: LenientDraft) => LenientDraft) => void;
  problem: (key: DraftKey, field: string) => string | null;
}) {
  const { t } = useTranslation();
  const { draft, change, problem } = props;
  return (
    <fieldset>
      <legend>{t('lenientAdmin.region')}</legend>
      {(['platePrefixes', 'licenceAreaCodes'] as const).map((key) => (
        <TextField
          key={key}
          id={`lenient-${key}`}
          label={t(`lenientAdmin.${key}`)}
          hint={t(`lenientAdmin.${key}Hint`)}
          value={draft[key]}
          onValue={(v) => change((d) => ({ ...d, [key]: v }))}
          errors={problem(key, t(`lenientAdmin.${key}`))}
        />
      ))}
    </fieldset>
  );
}

function ItemFields(props: {
  item: ItemDraft;
  n: number;
  problem: (field: ItemField, label: string) => string | null;
  onChange: (next: ItemDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { item, n, problem, onChange } = props;
  const idOf = (f: string) => `lenient-item-${item.key}-${f}`;
  const label = (f: ItemField) =>
    `${t(`lenientAdmin.field.${f}`)}（${t('lenientAdmin.item', { n })}）`;
  return (
    <fieldset className="lenient-item">
      <legend>{t('lenientAdmin.item', { n })}</legend>
      <TextField
        id={idOf('id')}
        label={label('id')}
        hint={t('lenientAdmin.idHint')}
        value={item.id}
        onValue={(id) => onChange({ ...item, id })}
        errors={problem('id', label('id'))}
      />
      {(['zh', 'en', 'basis'] as const).map((f) => (
        <TextArea
          key={f}
          id={idOf(f)}
          label={label(f)}
          hint={f === 'basis' ? t('lenientAdmin.basisHint') : undefined}
          rows={2}
          value={item[f]}
          onValue={(v) => onChange({ ...item, [f]: v })}
          errors={problem(f, label(f))}
        />
      ))}
      <Button onClick={props.onRemove}>{t('lenientAdmin.remove', { n })}</Button>
    </fieldset>
  );
}

export function LenientListScreen({ brigadeId }: { brigadeId: string }) {
  const { t } = useTranslation();
  const view = useLenientListAdmin(brigadeId);
  const { list } = view;
  return (
    <Page
      titleId="lenient-list-title"
      title={t('lenientAdmin.title')}
      back={{ href: '/admin/brigades', label: t('admin.brigades.settings') }}
    >
      <p>{t('lenientAdmin.intro')}</p>
      {list.status === 'loading' && <Loading />}
      {list.status === 'failed' && <LoadFailure failure={list.failure} onRetry={view.reload} />}
      {list.status === 'ready' && <ListForm list={list.value} view={view} />}
    </Page>
  );
}
