/**
 * The unit (for an officer or reviewer: only units of the kinds the role
 * works in) or the insurer an account of the role belongs to; nothing for an
 * admin; and the role itself, which empties them when it changes. Used by
 * the new account form and the role change.
 */
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS_OF_ROLE } from '../../contracts/admin';
import { ROLES, Role } from '../../contracts/route';
import type { Directory } from '../../services/useAccounts';
import { SelectField } from '../../ui/Field';
import { needsInsurer, needsUnit, type RoleDraft, type RoleField } from './account-form';

export function AffiliationField({
  idPrefix,
  draft,
  directory,
  error,
  edit,
}: {
  /** The form's id prefix: the fields are `<prefix>-unitId` and `<prefix>-insurerId`. */
  idPrefix: string;
  draft: RoleDraft;
  directory: Directory;
  error: (f: RoleField) => string | undefined;
  edit(change: Partial<RoleDraft>): void;
}) {
  const { t } = useTranslation();
  if (needsUnit(draft.role)) {
    const kinds = UNIT_KINDS_OF_ROLE[draft.role] ?? [];
    const units = directory.units.filter((u) => kinds.includes(u.kind));
    return (
      <SelectField
        id={`${idPrefix}-unitId`}
        label={t('accounts.form.unit')}
        hint={t('accounts.form.unitHint')}
        value={draft.unitId}
        none={t('accounts.form.choose')}
        options={units.map((u) => ({
          value: u.id,
          label: `${u.name}（${t(`accounts.units.kind.${u.kind}`)}）`,
        }))}
        onValue={(unitId) => edit({ unitId })}
        errors={error('unitId')}
      />
    );
  }
  if (!needsInsurer(draft.role)) return null;
  return (
    <SelectField
      id={`${idPrefix}-insurerId`}
      label={t('accounts.form.insurer')}
      value={draft.insurerId}
      none={t('accounts.form.choose')}
      options={directory.insurers.map((i) => ({ value: i.id, label: i.name }))}
      onValue={(insurerId) => edit({ insurerId })}
      errors={error('insurerId')}
    />
  );
}

/** The role's select; choosing another role empties the unit and insurer. */
export function RoleSelect({
  id,
  label,
  role,
  edit,
}: {
  id: string;
  label: string;
  role: Role;
  edit(change: Partial<RoleDraft>): void;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      id={id}
      label={label}
      value={role}
      options={ROLES.map((r) => ({ value: r, label: t(`account.role.${r}`) }))}
      onValue={(value) => {
        const next = Role.safeParse(value);
        if (next.success) edit({ role: next.data, unitId: '', insurerId: '' });
      }}
    />
  );
}
