/**
 * Field checks over a whole case, for the forms and for submission.
 *
 * A draft is never blocked: {@link validateCaseDraft} reports only what is
 * filled in and wrong, so the officer sees a message beside the field while
 * the case saves as typed.
 *
 * Paths follow the record, with ids instead of indexes so they survive
 * reordering: `['vehicles', vehicleId, 'plate']`, `['parties', partyId, 'phone']`.
 */
import type { CaseRecord } from '../case/case.schema';
import type { Party } from '../case/party.schema';
import type { Vehicle } from '../case/vehicle.schema';
import type { BilingualText, IdentityField } from './check-result';
import { validateLicenceNumber } from './licence';
import { identityMessage, type IdentityReason } from './messages';
import { validatePhone } from './phone';
import { validatePlate } from './plate';
import { localDateOf, validateResidentId, type CalendarDate } from './resident-id';
import { validateVin } from './vin';

/** The case fields these checks cover. */
export type CaseField = IdentityField | 'name';

export type CaseIssueReason = IdentityReason | 'licence.differs-from-id';

export interface FieldIssue {
  /** Where the value lives in the case record (ids, not indexes). */
  readonly path: readonly string[];
  readonly field: CaseField;
  readonly reason: CaseIssueReason;
  /** Whose field it is: `车辆 A` / `Vehicle A`, `当事人 张三` / `Party 张三`. */
  readonly subject: BilingualText;
  /** Names the field and says what is expected. */
  readonly message: BilingualText;
}

export interface CaseValidationOptions {
  /** The date birth dates may not be after; defaults to the local (UTC+8) date of arrival. */
  readonly today?: CalendarDate;
}

/** Only the filled-in fields that are wrong: never blocks saving. */
export function validateCaseDraft(
  c: CaseRecord,
  options: CaseValidationOptions = {},
): FieldIssue[] {
  return collect(c, options.today ?? localDateOf(c.arrivedAt));
}

/** Messages for the reasons that come from the case, not from one validator. */
const CASE_MESSAGES: Readonly<Record<'licence.differs-from-id', BilingualText>> = {
  'licence.differs-from-id': {
    zh: '驾驶证号与身份证号码不一致：内地居民的驾驶证号应与身份证号码相同',
    en: 'Driving licence number: differs from the ID number (expected the same number for a mainland licence)',
  },
};

/** The message for any case issue reason. */
export function caseIssueMessage(reason: CaseIssueReason, expected?: string): BilingualText {
  return reason === 'licence.differs-from-id'
    ? CASE_MESSAGES[reason]
    : identityMessage(expected === undefined ? { reason } : { reason, expected });
}

function collect(c: CaseRecord, today: CalendarDate): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const v of c.vehicles) issues.push(...vehicleIssues(v));
  c.parties.forEach((p, i) => issues.push(...partyIssues(p, i, c.vehicles, today)));
  return issues;
}

type Check = { ok: true } | { ok: false; reason: IdentityReason; expected?: string };

function issue(
  path: string[],
  field: CaseField,
  subject: BilingualText,
  reason: CaseIssueReason,
  expected?: string,
): FieldIssue {
  return { path, field, reason, subject, message: caseIssueMessage(reason, expected) };
}

/** Runs `check` on a value: skipped when empty. */
function fieldIssue(
  value: string | undefined,
  check: (v: string) => Check,
  make: (reason: IdentityReason, expected?: string) => FieldIssue,
): FieldIssue[] {
  if ((value ?? '').trim() === '') return [];
  const result = check(value ?? '');
  return result.ok ? [] : [make(result.reason, result.expected)];
}

function vehicleIssues(v: Vehicle): FieldIssue[] {
  const subject = { zh: `车辆 ${v.label}`, en: `Vehicle ${v.label}` };
  const at = (key: string) => ['vehicles', v.id, key];
  return [
    ...fieldIssue(
      v.plate,
      (x) => validatePlate(x, v.plateType),
      (r, e) => issue(at('plate'), 'plate', subject, r, e),
    ),
    ...fieldIssue(v.vin, validateVin, (r, e) => issue(at('vin'), 'vin', subject, r, e)),
  ];
}

function partySubject(p: Party, index: number, vehicles: readonly Vehicle[]): BilingualText {
  if (p.name.trim() !== '') return { zh: `当事人 ${p.name}`, en: `Party ${p.name}` };
  const label = vehicles.find((v) => v.id === p.vehicleId)?.label;
  if (label !== undefined) return { zh: `车辆 ${label} 驾驶人`, en: `Driver of vehicle ${label}` };
  return { zh: `当事人 ${index + 1}`, en: `Party ${index + 1}` };
}

function partyIssues(
  p: Party,
  index: number,
  vehicles: readonly Vehicle[],
  today: CalendarDate,
): FieldIssue[] {
  const subject = partySubject(p, index, vehicles);
  const at = (key: string) => ['parties', p.id, key];
  const issues: FieldIssue[] = [];
  const id = (x: string) => validateResidentId(x, today);
  const licence = (x: string) => validateLicenceNumber(x, today);
  issues.push(
    ...fieldIssue(p.idNumber, id, (r, e) => issue(at('idNumber'), 'id-number', subject, r, e)),
    ...fieldIssue(p.licenceNumber, licence, (r, e) =>
      issue(at('licenceNumber'), 'licence-number', subject, r, e),
    ),
    ...fieldIssue(p.phone, validatePhone, (r, e) => issue(at('phone'), 'phone', subject, r, e)),
  );
  // A mainland licence carries the holder's ID number: two different valid numbers is a typo.
  const idOk = id(p.idNumber ?? '');
  const licenceOk = licence(p.licenceNumber ?? '');
  if (
    idOk.ok &&
    licenceOk.ok &&
    licenceOk.format === 'resident-id' &&
    idOk.value !== licenceOk.value
  ) {
    issues.push(issue(at('licenceNumber'), 'licence-number', subject, 'licence.differs-from-id'));
  }
  return issues;
}
