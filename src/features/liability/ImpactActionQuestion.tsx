/**
 * A vehicle's action at one impact, asked only when the case has several
 * impacts (a vehicle moving at the first may be stopped at the second). By
 * default "as chosen above": the vehicle's own action; another choice goes
 * into the facts as `impacts[].actions` (schema 2).
 */
import { useTranslation } from 'react-i18next';
import type { LiabilityDraft } from '../../domain';
import { VehicleActionV2 } from '../../domain/liability';
import { Chip } from './Chip';

type Impact = LiabilityDraft['impacts'][number];
type Actions = NonNullable<Impact['actions']>;

export function ImpactActionQuestion({
  n,
  impact,
  vehicles,
  onChange,
}: {
  /** 0-based. */
  n: number;
  impact: Impact;
  vehicles: LiabilityDraft['vehicles'];
  onChange: (actions: Actions) => void;
}) {
  const ids = [impact.striking, impact.struck].filter(
    (id): id is string => id !== undefined && vehicles.some((v) => v.id === id),
  );
  const set = (vehicleId: string, action: VehicleActionV2 | undefined) => {
    const others = (impact.actions ?? []).filter((a) => a.vehicleId !== vehicleId);
    onChange(action === undefined ? others : [...others, { vehicleId, action }]);
  };
  return (
    <>
      {ids.map((id) => (
        <OneVehicle
          key={id}
          n={n}
          label={id}
          chosen={impact.actions?.find((a) => a.vehicleId === id)?.action}
          onChoose={(action) => set(id, action)}
        />
      ))}
    </>
  );
}

function OneVehicle({
  n,
  label,
  chosen,
  onChoose,
}: {
  n: number;
  label: string;
  chosen: VehicleActionV2 | undefined;
  onChoose: (action: VehicleActionV2 | undefined) => void;
}) {
  const { t } = useTranslation();
  const name = `impact-${n}-action-${label}`;
  return (
    <fieldset className="plain">
      <legend className="q">{t('liability.impactAction', { n: n + 1, label })}</legend>
      <div className="chips" role="radiogroup">
        <Chip
          name={name}
          checked={chosen === undefined}
          onChange={() => onChoose(undefined)}
          label={t('liability.sameAction')}
        />
        {VehicleActionV2.options.map((a) => (
          <Chip
            key={a}
            name={name}
            checked={chosen === a}
            onChange={() => onChoose(a)}
            label={a === 'unknown' ? t('liability.unknown') : t(`liability.actionKind.${a}`)}
          />
        ))}
      </div>
    </fieldset>
  );
}
