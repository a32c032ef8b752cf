/**
 * The admin's forms for a new account and a new unit, checked before
 * anything is sent with the contract's own rules (the server holds the same),
 * each problem naming its field (a message key under `accounts.error`); a
 * refusal the server answers (`username_taken`, `weak_password`,
 * `unit_kind_mismatch`, `unit_name_taken`) is put on the field it concerns.
 */
import {
  ChangeRoleRequest,
  CreateUnitRequest,
  CreateUserRequest,
  Password,
  UNIT_KINDS_OF_ROLE,
} from '../../contracts/admin';
import { Username, type UnitKind } from '../../contracts/auth';
import type { Role } from '../../contracts/route';

export interface UserDraft {
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  insurerId: string;
  password: string;
}

export const EMPTY_USER: UserDraft = {
  username: '',
  displayName: '',
  role: 'officer',
  unitId: '',
  insurerId: '',
  password: '',
};

export type UserField = keyof UserDraft;
export type FieldErrors<F extends string> = Partial<Record<F, string>>;
export type Checked<T, F extends string> =
  { ok: true; value: T } | { ok: false; errors: FieldErrors<F> };

/** Whether the role belongs to a unit (officer, reviewer) or an insurer. */
export const needsUnit = (role: Role) => UNIT_KINDS_OF_ROLE[role] !== undefined;
export const needsInsurer = (role: Role) => role === 'insurer';

function userErrors(d: UserDraft): FieldErrors<UserField> {
  const errors: FieldErrors<UserField> = {};
  const username = d.username.trim();
  if (!username) errors.username = 'required';
  else if (!Username.safeParse(username).success) errors.username = 'usernamePattern';
  if (!d.displayName.trim()) errors.displayName = 'required';
  else if (d.displayName.trim().length > 80) errors.displayName = 'tooLong';
  if (needsUnit(d.role) && !d.unitId) errors.unitId = 'unitRequired';
  if (needsInsurer(d.role) && !d.insurerId) errors.insurerId = 'insurerRequired';
  if (!d.password) errors.password = 'required';
  else if (!Password.safeParse(d.password).success) errors.password = 'passwordShort';
  return errors;
}

export function checkUserDraft(d: UserDraft): Checked<CreateUserRequest, UserField> {
  const errors = userErrors(d);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = CreateUserRequest.safeParse({
    username: d.username.trim(),
    displayName: d.displayName.trim(),
    role: d.role,
    ...(needsUnit(d.role) ? { unitId: d.unitId } : {}),
    ...(needsInsurer(d.role) ? { insurerId: d.insurerId } : {}),
    password: d.password,
  });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: { username: 'invalid' } };
}

/** The field a server's refusal of a new account concerns, with its message key. */
export function userRefusal(code: string | undefined): FieldErrors<UserField> | undefined {
  switch (code) {
    case 'username_taken':
      return { username: 'usernameTaken' };
    case 'weak_password':
      return { password: 'passwordWeak' };
    case 'unit_kind_mismatch':
    case 'unknown_unit':
      return { unitId: 'unitKind' };
    case 'unknown_insurer':
      return { insurerId: 'insurerRequired' };
    default:
      return undefined;
  }
}

/** Another role for an account, with what it needs. */
export type RoleDraft = Pick<UserDraft, 'role' | 'unitId' | 'insurerId'>;
export type RoleField = 'unitId' | 'insurerId';

export function checkRoleDraft(d: RoleDraft): Checked<ChangeRoleRequest, RoleField> {
  if (needsUnit(d.role) && !d.unitId) return { ok: false, errors: { unitId: 'unitRequired' } };
  if (needsInsurer(d.role) && !d.insurerId) {
    return { ok: false, errors: { insurerId: 'insurerRequired' } };
  }
  const parsed = ChangeRoleRequest.safeParse({
    role: d.role,
    ...(needsUnit(d.role) ? { unitId: d.unitId } : {}),
    ...(needsInsurer(d.role) ? { insurerId: d.insurerId } : {}),
  });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : {
        ok: false,
        errors: needsUnit(d.role) ? { unitId: 'unitKind' } : { insurerId: 'insurerRequired' },
      };
}

/** A new password for an account: the same rule as on creation. */
export function passwordError(password: string): string | undefined {
  if (!password) return 'required';
  return Password.safeParse(password).success ? undefined : 'passwordShort';
}

export interface UnitDraft {
  brigadeId: string;
  name: string;
  kind: UnitKind;
}
export type UnitField = keyof UnitDraft;

export function checkUnitDraft(d: UnitDraft): Checked<CreateUnitRequest, UnitField> {
  const errors: FieldErrors<UnitField> = {};
  if (!d.brigadeId) errors.brigadeId = 'brigadeRequired';
  const name = d.name.trim();
  if (!name) errors.name = 'required';
  else if (name.length > 60) errors.name = 'tooLong';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = CreateUnitRequest.safeParse({ ...d, name });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: { name: 'invalid' } };
}

export function unitRefusal(code: string | undefined): FieldErrors<UnitField> | undefined {
  if (code === 'unit_name_taken') return { name: 'unitNameTaken' };
  if (code === 'unknown_brigade') return { brigadeId: 'brigadeRequired' };
  return undefined;
}
