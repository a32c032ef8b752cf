/**
 * A vehicle's driver: name, ID number, driving licence number ("same as ID",
 * as it is for nearly every mainland licence), mobile, and the insurers of
 * the compulsory and the commercial insurance.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localDateOf,
  normaliseIdNumber,
  normaliseLicenceNumber,
  normalisePhone,
  type Insurance,
  type Party,
  type PartyPatch,
  validateResidentId,
} from '../../../domain';
import { useServices } from '../../../services/ServicesContext';
import { Check } from '../../../ui/Field';
import { INSURERS_LIST, TextField, optional, usePartiesForm } from './form';

/** No insurance is recorded until something is typed. */
function insurance(insurer: string, policyNumber: string): Insurance | undefined {
  if (insurer === '' && policyNumber === '') return undefined;
  return policyNumber === '' ? { insurer } : { insurer, policyNumber };
}

/**
 * The birth date and sex a valid resident ID number encodes (GB 11643), shown
 * read-only under it so the officer can check them against the person: the
 * case keeps the number, which holds both.
 */
function IdDerived({ id, idNumber }: { id: string; idNumber: string | undefined }) {
  const { t } = useTranslation();
  const { platform } = useServices();
  if (!idNumber) return null;
  const check = validateResidentId(idNumber, localDateOf(platform.clock.now()));
  if (!check.ok) return null;
  return (
    <p className="muted id-derived" id={id} data-testid="id-derived">
      {t('parties.idDerived', {
        birthDate: check.birthDate,
        sex: t(`parties.sexes.${check.sex}`),
      })}
    </p>
  );
}

const fieldId = (driver: Party, field: string) => `p-${driver.id}-${field}`;
const fieldPath = (driver: Party, field: string) => ['parties', driver.id, field];

export function DriverFields({ driver }: { driver: Party }) {
  const { t } = useTranslation();
  const form = usePartiesForm();
  const edit = (patch: PartyPatch) => form.editParty(driver.id, patch);

  return (
    <fieldset className="driver">
      <legend>{t('parties.driver')}</legend>
      <TextField
        id={fieldId(driver, 'name')}
        label={t('parties.name')}
        path={fieldPath(driver, 'name')}
        value={driver.name}
        onValue={(name) => edit({ name })}
      />
      <IdentityFields driver={driver} />
      <TextField
        id={fieldId(driver, 'phone')}
        label={t('parties.phone')}
        path={fieldPath(driver, 'phone')}
        type="tel"
        inputMode="tel"
        value={driver.phone ?? ''}
        onValue={(v) => edit({ phone: optional(v) })}
        onLeave={(v) => {
          const phone = normalisePhone(v);
          if (phone !== v) edit({ phone: optional(phone) });
        }}
      />
      <InsuranceFields driver={driver} />
    </fieldset>
  );
}

/**
 * The ID number (with what it encodes), and the licence number: the same as
 * the ID number until the officer says otherwise.
 */
function IdentityFields({ driver }: { driver: Party }) {
  const { t } = useTranslation();
  const form = usePartiesForm();
  const [sameAsId, setSameAsId] = useState(
    () => (driver.licenceNumber ?? '') === (driver.idNumber ?? ''),
  );
  const edit = (patch: PartyPatch) => form.editParty(driver.id, patch);
  const setIdNumber = (value: string) => {
    const idNumber = optional(value);
    edit(sameAsId ? { idNumber, licenceNumber: idNumber } : { idNumber });
  };
  return (
    <>
      <TextField
        id={fieldId(driver, 'idNumber')}
        label={t('parties.idNumber')}
        path={fieldPath(driver, 'idNumber')}
        value={driver.idNumber ?? ''}
        autoCapitalize="characters"
        spellCheck={false}
        onValue={setIdNumber}
        onLeave={(v) => {
          if (normaliseIdNumber(v) !== v) setIdNumber(normaliseIdNumber(v));
          if (sameAsId) form.reveal(fieldPath(driver, 'licenceNumber'));
        }}
      />
      <IdDerived id={fieldId(driver, 'idDerived')} idNumber={driver.idNumber} />
      <Check
        label={t('parties.licenceSameAsId')}
        checked={sameAsId}
        onCheck={(same) => {
          setSameAsId(same);
          if (same) edit({ licenceNumber: driver.idNumber });
        }}
      />
      {!sameAsId && (
        <TextField
          id={fieldId(driver, 'licenceNumber')}
          label={t('parties.licenceNumber')}
          path={fieldPath(driver, 'licenceNumber')}
          value={driver.licenceNumber ?? ''}
          autoCapitalize="characters"
          spellCheck={false}
          onValue={(v) => edit({ licenceNumber: optional(v) })}
          onLeave={(v) => {
            const licenceNumber = normaliseLicenceNumber(v);
            if (licenceNumber !== v) edit({ licenceNumber: optional(licenceNumber) });
          }}
        />
      )}
    </>
  );
}

/** The insurers (suggested while typing) and policy numbers of both insurances. */
function InsuranceFields({ driver }: { driver: Party }) {
  const { t } = useTranslation();
  const form = usePartiesForm();
  const edit = (patch: PartyPatch) => form.editParty(driver.id, patch);
  const compulsory = driver.compulsoryInsurance;
  const commercial = driver.commercialInsurance;
  const policy = { autoCapitalize: 'characters', spellCheck: false } as const;
  return (
    <div className="two-col">
      <TextField
        id={fieldId(driver, 'compulsoryInsurer')}
        label={t('parties.compulsoryInsurer')}
        hint={t('parties.insurerHint')}
        list={INSURERS_LIST}
        value={compulsory?.insurer ?? ''}
        onValue={(v) => edit({ compulsoryInsurance: insurance(v, compulsory?.policyNumber ?? '') })}
      />
      <TextField
        id={fieldId(driver, 'compulsoryPolicy')}
        label={t('parties.compulsoryPolicy')}
        value={compulsory?.policyNumber ?? ''}
        {...policy}
        onValue={(v) => edit({ compulsoryInsurance: insurance(compulsory?.insurer ?? '', v) })}
      />
      <TextField
        id={fieldId(driver, 'commercialInsurer')}
        label={t('parties.commercialInsurer')}
        list={INSURERS_LIST}
        value={commercial?.insurer ?? ''}
        onValue={(v) => edit({ commercialInsurance: insurance(v, commercial?.policyNumber ?? '') })}
      />
      <TextField
        id={fieldId(driver, 'commercialPolicy')}
        label={t('parties.commercialPolicy')}
        value={commercial?.policyNumber ?? ''}
        {...policy}
        onValue={(v) => edit({ commercialInsurance: insurance(commercial?.insurer ?? '', v) })}
      />
    </div>
  );
}
