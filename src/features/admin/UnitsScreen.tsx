/**
 * The brigade's units (`/admin/units`): each brigade's patrol squads,
 * accident squads and rural stations with how many accounts each has, and
 * the form for a new one (its name unique in the brigade, said on the field).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitKind } from '../../contracts/auth';
import { useAccounts, type AccountsView, type Directory } from '../../services/useAccounts';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { Page, Section } from '../../ui/Page';
import {
  checkUnitDraft,
  unitRefusal,
  type FieldErrors,
  type UnitDraft,
  type UnitField,
} from './account-form';
import { LoadFailure, Loading } from './shared';
import './admin.css';

type Outcome =
  | { kind: 'invalid'; errors: FieldErrors<UnitField> }
  | { kind: 'failed'; failure: string }
  | { kind: 'created'; name: string };

function useNewUnit(view: AccountsView, directory: Directory) {
  const only = directory.brigades.length === 1 ? (directory.brigades[0]?.id ?? '') : '';
  const empty: UnitDraft = { brigadeId: only, name: '', kind: 'patrol-squad' };
  const [draft, setDraft] = useState<UnitDraft>(empty);
  const [outcome, setOutcome] = useState<Outcome>();
  const edit = (change: Partial<UnitDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setOutcome(undefined);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkUnitDraft(draft);
    if (!checked.ok) return setOutcome({ kind: 'invalid', errors: checked.errors });
    const r = await view.createUnit(checked.value);
    if (r.ok) {
      setDraft(empty);
      return setOutcome({ kind: 'created', name: r.value.name });
    }
    const onField = unitRefusal(r.code);
    setOutcome(
      onField ? { kind: 'invalid', errors: onField } : { kind: 'failed', failure: r.failure },
    );
  };
  return { draft, outcome, edit, submit };
}

function NewUnitForm({ view, directory }: { view: AccountsView; directory: Directory }) {
  const { t } = useTranslation();
  const { draft, outcome, edit, submit } = useNewUnit(view, directory);
  const error = (f: UnitField) => {
    const key = outcome?.kind === 'invalid' ? outcome.errors[f] : undefined;
    return key && t(`accounts.error.${key}`);
  };
  return (
    <Section titleId="new-unit-title" title={t('accounts.units.form.title')}>
      <form onSubmit={(e) => void submit(e)} noValidate className="admin-form">
        <SelectField
          id="new-unit-brigade"
          label={t('accounts.units.form.brigade')}
          value={draft.brigadeId}
          none={t('accounts.form.choose')}
          options={directory.brigades.map((b) => ({ value: b.id, label: b.name }))}
          onValue={(brigadeId) => edit({ brigadeId })}
          errors={error('brigadeId')}
        />
        <TextField
          id="new-unit-name"
          label={t('accounts.units.form.name')}
          autoComplete="off"
          value={draft.name}
          onValue={(name) => edit({ name })}
          errors={error('name')}
        />
        <SelectField
          id="new-unit-kind"
          label={t('accounts.units.form.kind')}
          value={draft.kind}
          options={UnitKind.options.map((k) => ({
            value: k,
            label: t(`accounts.units.kind.${k}`),
          }))}
          onValue={(v) => {
            const kind = UnitKind.safeParse(v);
            if (kind.success) edit({ kind: kind.data });
          }}
        />
        <ErrorNotice
          error={outcome?.kind === 'failed' ? t(`admin.failure.${outcome.failure}`) : null}
        />
        <p role="status" data-testid="unit-created">
          {outcome?.kind === 'created' && t('accounts.units.form.created', { name: outcome.name })}
        </p>
        <Button type="submit" variant="primary" block disabled={view.sending}>
          {view.sending ? t('accounts.form.sending') : t('accounts.units.form.submit')}
        </Button>
      </form>
    </Section>
  );
}

function UnitLists({ directory }: { directory: Directory }) {
  const { t } = useTranslation();
  const members = (unitId: string) => directory.users.filter((u) => u.unitId === unitId).length;
  return directory.brigades.map((b) => {
    const units = directory.units.filter((u) => u.brigadeId === b.id);
    return (
      <Section
        key={b.id}
        titleId={`units-${b.id}`}
        title={t('accounts.units.listTitle', { brigade: b.name })}
      >
        {units.length === 0 && <Notice>{t('accounts.units.none')}</Notice>}
        <ul className="admin-cards" data-testid="unit-list">
          {units.map((u) => (
            <li key={u.id} className="admin-card">
              <h3>{u.name}</h3>
              <p>
                {t(`accounts.units.kind.${u.kind}`)} ·{' '}
                {t('accounts.units.members', { count: members(u.id) })}
              </p>
            </li>
          ))}
        </ul>
      </Section>
    );
  });
}

export function UnitsScreen() {
  const { t } = useTranslation();
  const view = useAccounts();
  const { directory } = view;
  return (
    <Page
      titleId="units-title"
      title={t('accounts.units.title')}
      back={{ href: '/admin', label: t('admin.back') }}
      data-testid="units-screen"
    >
      <p>{t('accounts.units.intro')}</p>
      {directory.status === 'loading' && <Loading />}
      {directory.status === 'failed' && (
        <LoadFailure failure={directory.failure} onRetry={view.reload} />
      )}
      {directory.status === 'ready' && (
        <>
          <NewUnitForm view={view} directory={directory.value} />
          <UnitLists directory={directory.value} />
        </>
      )}
    </Page>
  );
}
