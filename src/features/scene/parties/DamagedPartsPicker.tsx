/**
 * Damaged parts as large toggle chips: the paper agreement's eight collision
 * points first, the other parts behind "more…". A part from an older record
 * that is not in the vocabulary is shown as typed, and can be unticked.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Check } from '../../../ui/Field';
import {
  DamagedPart,
  PAPER_FORM_COLLISION_POINTS,
  damagedPartLabel,
  isDamagedPart,
  type Vehicle,
} from '../../../domain';
import { usePartiesForm } from './form';

const MORE_PARTS = DamagedPart.options.filter((p) => !PAPER_FORM_COLLISION_POINTS.includes(p));

function isMorePart(part: string): boolean {
  return isDamagedPart(part) && !PAPER_FORM_COLLISION_POINTS.includes(part);
}

export function DamagedPartsPicker({ vehicle }: { vehicle: Vehicle }) {
  const { t } = useTranslation();
  const form = usePartiesForm();
  const parts = vehicle.damagedParts;
  // Open at first when a part behind "more…" is already ticked, so it is seen.
  const [moreOpen, setMoreOpen] = useState(() => parts.some(isMorePart));
  const typed = parts.filter((p) => !isDamagedPart(p));

  const toggle = (part: string, on: boolean) =>
    form.editVehicle(vehicle.id, {
      damagedParts: on ? [...parts, part] : parts.filter((p) => p !== part),
    });

  const chip = (part: string) => {
    const on = parts.includes(part);
    return (
      <Check
        key={part}
        className={on ? 'chip on' : 'chip'}
        checked={on}
        onCheck={(checked) => toggle(part, checked)}
        label={<span>{damagedPartLabel(part)[form.lang]}</span>}
      />
    );
  };

  return (
    <fieldset className="chips-group">
      <legend>{t('parties.damagedParts')}</legend>
      <div className="chips">{[...PAPER_FORM_COLLISION_POINTS, ...typed].map(chip)}</div>
      <details
        className="more-parts"
        open={moreOpen}
        onToggle={(e) => setMoreOpen(e.currentTarget.open)}
      >
        <summary>{t('parties.moreParts')}</summary>
        <div className="chips">{MORE_PARTS.map(chip)}</div>
      </details>
    </fieldset>
  );
}
