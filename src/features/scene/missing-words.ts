/**
 * An item of the accident squad's return in the officer's words — the shot's
 * title in the guided list, the field's name with its vehicle or party, the
 * liability question — and the address of the screen that fixes it.
 */
import type { TFunction } from 'i18next';
import type { FieldOwner, FixScreen, MissingTarget } from '../../domain';
import { withHashParam } from '../../ui/hash-param';

/** Case fields outside the vehicles and parties, by path: the key of their label. */
const CASE_FIELDS: Readonly<Record<string, string>> = {
  occurredAt: 'caseDetail.occurredAt',
  notes: 'caseDetail.notes',
  'location.address': 'newCase.address',
  'location.road': 'newCase.road',
  'location.kmPost': 'newCase.kmPost',
  'location.point': 'steps.location',
};

/** Vehicle and party fields, by their path within the vehicle or party: the key of their label. */
const OWNED_FIELDS: Readonly<Record<string, string>> = {
  plate: 'parties.plate',
  plateType: 'parties.plateType',
  vehicleType: 'parties.vehicleType',
  owner: 'parties.owner',
  vin: 'parties.vin',
  damagedParts: 'parties.damagedParts',
  name: 'parties.name',
  idNumber: 'parties.idNumber',
  licenceNumber: 'parties.licenceNumber',
  phone: 'parties.phone',
  'compulsoryInsurance.insurer': 'parties.compulsoryInsurer',
  'compulsoryInsurance.policyNumber': 'parties.compulsoryPolicy',
  'commercialInsurance.insurer': 'parties.commercialInsurer',
  'commercialInsurance.policyNumber': 'parties.commercialPolicy',
  objectDescription: 'parties.objectDescription',
};

/** A fixed object's keeper fields have their own names. */
const KEEPER_FIELDS: Readonly<Record<string, string>> = {
  name: 'parties.keeper',
  phone: 'parties.keeperPhone',
};

function ownerWords(owner: FieldOwner, t: TFunction): string {
  if (owner.kind === 'vehicle') return t('parties.vehicle', { label: owner.label });
  if (owner.kind === 'fixed-object') return t('parties.fixedObject', { n: owner.n });
  const who =
    owner.vehicleLabel === undefined
      ? t('missing.party')
      : t('missing.driverOf', { label: owner.vehicleLabel });
  return owner.name === '' ? who : `${who} ${owner.name}`;
}

function fieldWords(target: Extract<MissingTarget, { kind: 'field' }>, t: TFunction): string {
  const { owner, field } = target;
  if (!owner) {
    const key = CASE_FIELDS[field];
    return key ? t(key) : t('missing.field', { key: target.key });
  }
  const key =
    (owner.kind === 'fixed-object' ? KEEPER_FIELDS[field] : undefined) ?? OWNED_FIELDS[field];
  return t('missing.owned', { owner: ownerWords(owner, t), field: key ? t(key) : field });
}

/** The item in words, in the language shown (`en`, or Chinese otherwise). */
export function missingWords(target: MissingTarget, t: TFunction, language: string): string {
  const lang = language === 'en' ? 'en' : 'zh';
  if (target.kind === 'shot') {
    return target.title?.[lang] ?? t('missing.shot', { key: target.key });
  }
  if (target.kind === 'fact') {
    return target.question?.[lang] ?? t('missing.fact', { key: target.key });
  }
  return fieldWords(target, t);
}

const SCREEN_PATHS: Readonly<Record<FixScreen, string>> = {
  evidence: '/evidence',
  parties: '/parties',
  case: '',
  location: '/location',
  liability: '/liability',
};

/** Where the officer fixes the item: its screen, and for a shot the evidence screen opened on its slot. */
export function fixHref(caseId: string, target: MissingTarget): string {
  const base = `/cases/${caseId}${SCREEN_PATHS[target.screen]}`;
  return target.kind === 'shot' ? withHashParam(base, 'slot', target.key) : base;
}
