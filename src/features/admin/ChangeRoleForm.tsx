/**
 * An account's role changed from its card: the role, then the unit or
 * insurer that role needs (as on creation). Checked before it is sent; the
 * account's sessions end, and the card says so.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../contracts/admin';
import type { AccountsView, Directory } from '../../services/useAccounts';
import type { AdminResult } from '../../services/useWebhooks';
import { Button } from '../../ui/Button';
import {
  checkRoleDraft,
  userRefusal,
  type FieldErrors,
  type RoleDraft,
  type RoleField,
} from './account-form';
import { AffiliationField, RoleSelect } from './AffiliationField';

export function ChangeRoleForm({
  user,
  view,
  directory,
  onDone,
}: {
  user: AdminUser;
  view: AccountsView;
  directory: Directory;
  onDone(r: AdminResult<AdminUser>): void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<RoleDraft>({
    role: user.role,
    unitId: user.unitId ?? '',
    insurerId: user.insurerId ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors<RoleField>>({});
  const prefix = `role-${user.id}`;
  const edit = (change: Partial<RoleDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setErrors({});
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkRoleDraft(draft);
    if (!checked.ok) return setErrors(checked.errors);
    const r = await view.changeRole(user.id, checked.value);
    const onField = r.ok ? undefined : userRefusal(r.code);
    if (onField?.unitId || onField?.insurerId) {
      return setErrors({ unitId: onField.unitId, insurerId: onField.insurerId });
    }
    onDone(r);
  };
  const error = (f: RoleField) => {
    const key = errors[f];
    return key && t(`accounts.error.${key}`);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="admin-form">
      <RoleSelect
        id={`${prefix}-role`}
        label={t('accounts.list.newRole', { name: user.displayName })}
        role={draft.role}
        edit={edit}
      />
      <AffiliationField
        idPrefix={prefix}
        draft={draft}
        directory={directory}
        error={error}
        edit={edit}
      />
      <Button type="submit" variant="primary" disabled={view.sending}>
        {t('accounts.list.saveRole')}
      </Button>
    </form>
  );
}
