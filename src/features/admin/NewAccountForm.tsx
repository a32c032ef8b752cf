/**
 * The admin's "New account" form: username, name, role, then the unit (for
 * an officer or reviewer: only units of the kinds the role works in) or the
 * insurer, and a first password. Checked before it is sent; a problem, found
 * here or answered by the server, is said on its field and focus moves to the
 * first one. A created account is said in a polite status and the form empties.
 */
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountsView, Directory } from '../../services/useAccounts';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Notice';
import { AffiliationField, RoleSelect } from './AffiliationField';
import { Section } from '../../ui/Page';
import {
  EMPTY_USER,
  checkUserDraft,
  userRefusal,
  type FieldErrors,
  type UserDraft,
  type UserField,
} from './account-form';

type Outcome =
  | { kind: 'invalid'; errors: FieldErrors<UserField> }
  | { kind: 'failed'; text: string }
  | { kind: 'created'; name: string; username: string };

const FIELD_ORDER: readonly UserField[] = [
  'username',
  'displayName',
  'unitId',
  'insurerId',
  'password',
];

function useNewAccount(view: AccountsView, form: RefObject<HTMLFormElement | null>) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<UserDraft>(EMPTY_USER);
  const [outcome, setOutcome] = useState<Outcome>();
  const invalid = (errors: FieldErrors<UserField>) => {
    setOutcome({ kind: 'invalid', errors });
    const first = FIELD_ORDER.find((f) => errors[f]);
    // After the render that marks the field: focus lands on what to fix.
    queueMicrotask(() => form.current?.querySelector<HTMLElement>(`#new-user-${first}`)?.focus());
  };
  const edit = (change: Partial<UserDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setOutcome(undefined);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkUserDraft(draft);
    if (!checked.ok) return invalid(checked.errors);
    const r = await view.createUser(checked.value);
    if (r.ok) {
      setDraft(EMPTY_USER);
      return setOutcome({ kind: 'created', name: r.value.displayName, username: r.value.username });
    }
    const onField = userRefusal(r.code);
    if (onField) return invalid(onField);
    setOutcome({ kind: 'failed', text: t(`admin.failure.${r.failure}`) });
  };
  return { draft, outcome, edit, submit };
}

export function NewAccountForm({ view, directory }: { view: AccountsView; directory: Directory }) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const { draft, outcome, edit, submit } = useNewAccount(view, form);
  const error = (f: UserField) => {
    const key = outcome?.kind === 'invalid' ? outcome.errors[f] : undefined;
    return key && t(`accounts.error.${key}`);
  };
  return (
    <Section titleId="new-user-title" title={t('accounts.form.title')}>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate className="admin-form">
        <TextField
          id="new-user-username"
          label={t('accounts.form.username')}
          hint={t('accounts.form.usernameHint')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={draft.username}
          onValue={(username) => edit({ username })}
          errors={error('username')}
        />
        <TextField
          id="new-user-displayName"
          label={t('accounts.form.displayName')}
          autoComplete="off"
          value={draft.displayName}
          onValue={(displayName) => edit({ displayName })}
          errors={error('displayName')}
        />
        <RoleSelect
          id="new-user-role"
          label={t('accounts.form.role')}
          role={draft.role}
          edit={edit}
        />
        <AffiliationField
          idPrefix="new-user"
          draft={draft}
          directory={directory}
          error={error}
          edit={edit}
        />
        <TextField
          id="new-user-password"
          label={t('accounts.form.password')}
          hint={t('accounts.form.passwordHint')}
          type="password"
          autoComplete="new-password"
          value={draft.password}
          onValue={(password) => edit({ password })}
          errors={error('password')}
        />
        <ErrorNotice error={outcome?.kind === 'failed' ? outcome.text : null} />
        <p role="status" data-testid="user-created">
          {outcome?.kind === 'created' &&
            t('accounts.form.created', { name: outcome.name, username: outcome.username })}
        </p>
        <Button type="submit" variant="primary" block disabled={view.sending}>
          {view.sending ? t('accounts.form.sending') : t('accounts.form.submit')}
        </Button>
      </form>
    </Section>
  );
}
