/**
 * Every account, each a card: name and username, role, unit or insurer,
 * enabled or disabled; "Disable"/"Enable", and "New password" opening a
 * password field under the card. What happened is said in the card's polite
 * status, a refusal (own account, last admin) in an alert.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../contracts/admin';
import type { AccountsView, Directory } from '../../services/useAccounts';
import type { AdminResult } from '../../services/useWebhooks';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { Section } from '../../ui/Page';
import { passwordError } from './account-form';
import { ChangeRoleForm } from './ChangeRoleForm';

type Said = { kind: 'done'; text: string } | { kind: 'failed'; text: string };

function useSay() {
  const { t } = useTranslation();
  const [said, setSaid] = useState<Said>();
  const say = (r: AdminResult<unknown>, done: string) => {
    if (r.ok) return setSaid({ kind: 'done', text: done });
    const refusal =
      r.code === 'cannot_disable_self' ||
      r.code === 'last_admin' ||
      r.code === 'cannot_change_own_role'
        ? t(`accounts.refusal.${r.code}`)
        : t(`admin.failure.${r.failure}`);
    setSaid({ kind: 'failed', text: refusal });
  };
  return { said, say, clear: () => setSaid(undefined) };
}

function ResetPassword({
  user,
  view,
  onDone,
}: {
  user: AdminUser;
  view: AccountsView;
  onDone(r: AdminResult<undefined>): void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const id = `reset-${user.id}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = passwordError(password);
    if (problem) return setError(t(`accounts.error.${problem}`));
    const r = await view.resetPassword(user.id, password);
    if (!r.ok && r.code === 'weak_password') return setError(t('accounts.error.passwordWeak'));
    onDone(r);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        id={id}
        label={t('accounts.list.newPassword', { name: user.displayName })}
        type="password"
        autoComplete="new-password"
        value={password}
        onValue={(v) => {
          setPassword(v);
          setError(undefined);
        }}
        errors={error}
        autoFocus
      />
      <Button type="submit" variant="primary" disabled={view.sending}>
        {t('accounts.list.saveReset')}
      </Button>
    </form>
  );
}

function affiliationOf(user: AdminUser, directory: Directory): string | undefined {
  if (user.unitId) return directory.units.find((u) => u.id === user.unitId)?.name;
  if (user.insurerId) return directory.insurers.find((i) => i.id === user.insurerId)?.name;
  return undefined;
}

function AccountCard({
  user,
  view,
  directory,
}: {
  user: AdminUser;
  view: AccountsView;
  directory: Directory;
}) {
  const { t } = useTranslation();
  const { said, say, clear } = useSay();
  const [open, setOpen] = useState<'reset' | 'role'>();
  const resetting = open === 'reset';
  const changing = open === 'role';
  const name = user.displayName;
  const toggle = async () => {
    clear();
    const r = await view.setDisabled(user.id, !user.disabled);
    say(r, t(user.disabled ? 'accounts.list.enabledDone' : 'accounts.list.disabledDone', { name }));
  };
  return (
    <li className="admin-card" data-testid="account-card" data-username={user.username}>
      <h3>
        {name}（{user.username}）
      </h3>
      <p>
        {t(`account.role.${user.role}`)}
        {affiliationOf(user, directory) && ` · ${affiliationOf(user, directory)}`} ·{' '}
        <span className={user.disabled ? 'badge delivery-disabled' : 'badge'}>
          {t(user.disabled ? 'accounts.list.disabled' : 'accounts.list.enabled')}
        </span>
      </p>
      <p className="admin-links">
        <Button
          onClick={() => void toggle()}
          disabled={view.sending}
          variant={user.disabled ? undefined : 'danger'}
          aria-label={t(user.disabled ? 'accounts.list.enableFor' : 'accounts.list.disableFor', {
            name,
          })}
        >
          {t(user.disabled ? 'accounts.list.enable' : 'accounts.list.disable')}
        </Button>
        <Button
          aria-expanded={resetting}
          aria-label={t(resetting ? 'accounts.list.cancelFor' : 'accounts.list.resetFor', { name })}
          onClick={() => {
            clear();
            setOpen(resetting ? undefined : 'reset');
          }}
        >
          {t(resetting ? 'accounts.list.cancel' : 'accounts.list.reset')}
        </Button>
        <Button
          aria-expanded={changing}
          aria-label={t(changing ? 'accounts.list.cancelRoleFor' : 'accounts.list.changeRoleFor', {
            name,
          })}
          onClick={() => {
            clear();
            setOpen(changing ? undefined : 'role');
          }}
        >
          {t(changing ? 'accounts.list.cancel' : 'accounts.list.changeRole')}
        </Button>
      </p>
      {changing && (
        <ChangeRoleForm
          user={user}
          view={view}
          directory={directory}
          onDone={(r) => {
            if (r.ok) setOpen(undefined);
            say(
              r,
              t('accounts.list.roleDone', {
                name,
                role: r.ok ? t(`account.role.${r.value.role}`) : '',
              }),
            );
          }}
        />
      )}
      {resetting && (
        <ResetPassword
          user={user}
          view={view}
          onDone={(r) => {
            if (r.ok) setOpen(undefined);
            say(r, t('accounts.list.resetDone', { name }));
          }}
        />
      )}
      <ErrorNotice error={said?.kind === 'failed' ? said.text : null} />
      <p role="status">{said?.kind === 'done' && said.text}</p>
    </li>
  );
}

export function AccountList({ view, directory }: { view: AccountsView; directory: Directory }) {
  const { t } = useTranslation();
  return (
    <Section
      titleId="accounts-list-title"
      title={t('accounts.list.title', { count: directory.users.length })}
    >
      {directory.users.length === 0 && <Notice>{t('accounts.list.none')}</Notice>}
      <ul className="admin-cards">
        {directory.users.map((u) => (
          <AccountCard key={u.id} user={u} view={view} directory={directory} />
        ))}
      </ul>
    </Section>
  );
}
