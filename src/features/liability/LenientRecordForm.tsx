/**
 * "记录清单内其他违法行为": the officer records a violation on the brigade's
 * warning list for an out-of-town driver (one the findings do not imply,
 * such as a licence not carried); it then shows as a suggestion to confirm
 * or decline like the others.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord, LenientItem, Party } from '../../domain';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { useLang } from './shared';

export interface Recorded {
  partyId: string;
  itemId: string;
}

export function LenientRecordForm(props: {
  c: CaseRecord;
  parties: readonly Party[];
  items: readonly LenientItem[];
  onRecord: (r: Recorded) => void;
}) {
  const { c, parties, items, onRecord } = props;
  const { t } = useTranslation();
  const lang = useLang();
  const [partyId, setPartyId] = useState(parties.length === 1 ? parties[0]!.id : '');
  const [itemId, setItemId] = useState('');
  const labelOf = (p: Party) => c.vehicles.find((v) => v.id === p.vehicleId)?.label ?? '—';
  return (
    <details className="lenient-record">
      <summary>{t('lenient.record')}</summary>
      <SelectField
        id="lenient-party"
        label={t('lenient.recordParty')}
        value={partyId}
        none={t('lenient.recordNone')}
        options={parties.map((p) => ({ value: p.id, label: `${p.name}（${labelOf(p)}）` }))}
        onValue={setPartyId}
      />
      <SelectField
        id="lenient-item"
        label={t('lenient.recordItem')}
        value={itemId}
        none={t('lenient.recordNone')}
        options={items.map((i) => ({ value: i.id, label: i.violation[lang] }))}
        onValue={setItemId}
      />
      <Button
        block
        disabled={partyId === '' || itemId === ''}
        onClick={() => {
          onRecord({ partyId, itemId });
          setItemId('');
        }}
      >
        {t('lenient.recordSubmit')}
      </Button>
    </details>
  );
}
