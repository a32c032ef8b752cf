/** A fixed object that was hit (guardrail, lamp post …): a party without a vehicle. */
import { useTranslation } from 'react-i18next';
import type { Party } from '../../../domain';
import { ConfirmRemove } from './ConfirmRemove';
import { FIXED_OBJECTS_LIST, TextField, optional, usePartiesForm } from './form';

export function FixedObjectCard({
  party,
  n,
  onRemove,
}: {
  party: Party;
  /** 1-based number among the fixed objects, for its title. */
  n: number;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const form = usePartiesForm();
  const id = (field: string) => `p-${party.id}-${field}`;
  return (
    <fieldset className="party-card fixed-object" data-testid={`fixed-object-${n}`}>
      <legend>{t('parties.fixedObject', { n })}</legend>
      <TextField
        id={id('objectDescription')}
        label={t('parties.objectDescription')}
        hint={t('parties.objectHint')}
        list={FIXED_OBJECTS_LIST}
        value={party.objectDescription ?? ''}
        onValue={(v) => form.editParty(party.id, { objectDescription: v })}
      />
      <TextField
        id={id('name')}
        label={t('parties.keeper')}
        value={party.name}
        onValue={(name) => form.editParty(party.id, { name })}
      />
      <TextField
        id={id('phone')}
        label={t('parties.keeperPhone')}
        path={['parties', party.id, 'phone']}
        type="tel"
        inputMode="tel"
        value={party.phone ?? ''}
        onValue={(v) => form.editParty(party.id, { phone: optional(v) })}
      />
      <ConfirmRemove
        action={t('parties.removeFixedObject', { n })}
        question={t('parties.confirmRemoveFixedObject', { n })}
        onConfirm={onRemove}
      />
    </fieldset>
  );
}
