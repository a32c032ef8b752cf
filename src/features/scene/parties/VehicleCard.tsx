/**
 * One vehicle (A, B …) with its driver below it: plate and plate type, vehicle
 * type, owner, VIN, damaged parts. The plate is normalised on leaving the
 * field and shown as printed (川A·12345); a plate type is suggested from the
 * plate's shape when none is chosen.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PLATE_TYPE_TEXT,
  PlateType,
  VehicleType,
  formatPlate,
  joinPlateProvince,
  plateProvinceChoices,
  splitPlateProvince,
  normaliseVin,
  validatePlate,
  type Party,
  type Vehicle,
} from '../../../domain';
import { useHomeProvince } from '../../../services/home-province';
import { ConfirmRemove } from './ConfirmRemove';
import { DamagedPartsPicker } from './DamagedPartsPicker';
import { DriverFields } from './DriverFields';
import { SelectField } from '../../../ui/Field';
import { TextField, optional, usePartiesForm } from './form';

/** The plate as printed when it is a valid one, else as typed. */
function plateDisplay(plate: string, plateType: PlateType | undefined): string {
  const check = validatePlate(plate, plateType);
  return check.ok ? formatPlate(check.value) : plate;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const asOption = (p: string) => ({ value: p, label: p });

/**
 * The province is picked (the brigade's own by default, then its
 * neighbours); the officer types only what follows it. A whole plate typed
 * with its own province is taken as typed, and the picker follows it.
 */
function PlateField({ vehicle }: { vehicle: Vehicle }) {
  const { t } = useTranslation();
  const form = usePartiesForm();
  const [home] = useHomeProvince();
  const stored = splitPlateProvince(plateDisplay(vehicle.plate, vehicle.plateType));
  const [province, setProvince] = useState(() => stored.province ?? home);
  const [text, setText] = useState(() => stored.rest);
  const choices = plateProvinceChoices(home);
  const id = `v-${vehicle.id}-plate`;

  const save = (plate: string) => {
    const check = validatePlate(plate, vehicle.plateType);
    const plateType = vehicle.plateType ?? (check.ok ? check.plateTypes[0] : undefined);
    if (plate !== vehicle.plate || plateType !== vehicle.plateType) {
      form.editVehicle(vehicle.id, { plate, plateType });
    }
    return check;
  };
  const leave = (typed: string) => {
    const plate = joinPlateProvince(province, typed);
    const check = save(plate);
    const shown = splitPlateProvince(check.ok ? formatPlate(check.value) : plate);
    if (shown.province) setProvince(shown.province);
    setText(shown.rest);
  };
  const pick = (next: string) => {
    setProvince(next);
    if (text !== '' && !/^[\u4e00-\u9fff]/.test(text)) save(joinPlateProvince(next, text));
    form.reveal(['vehicles', vehicle.id, 'plate']);
  };

  return (
    <div className="plate-row">
      <SelectField
        id={`${id}-province`}
        className="plate-province"
        label={t('parties.plateProvince')}
        value={province}
        options={[
          ...choices.near.map(asOption),
          { value: '──', label: '──', disabled: true },
          ...choices.others.map(asOption),
        ]}
        onValue={pick}
      />
      <TextField
        id={id}
        label={t('parties.plate')}
        hint={t('parties.plateHint')}
        path={['vehicles', vehicle.id, 'plate']}
        value={text}
        autoCapitalize="characters"
        spellCheck={false}
        onValue={(v) => {
          setText(v);
          form.editVehicle(vehicle.id, { plate: joinPlateProvince(province, v) });
        }}
        onLeave={leave}
      />
    </div>
  );
}

export function VehicleCard({
  vehicle,
  driver,
  onRemove,
}: {
  vehicle: Vehicle;
  driver: Party | undefined;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const form = usePartiesForm();
  const id = (field: string) => `v-${vehicle.id}-${field}`;
  const edit = (patch: Parameters<typeof form.editVehicle>[1]) =>
    form.editVehicle(vehicle.id, patch);
  const name = t('parties.vehicle', { label: vehicle.label });
  const plateTypes = PlateType.options.map((p) => ({
    value: p,
    label: capitalised(PLATE_TYPE_TEXT[p].name[form.lang]),
  }));
  const vehicleTypes = VehicleType.options.map((v) => ({
    value: v,
    label: t(`parties.vehicleTypes.${v}`),
  }));

  return (
    <fieldset className="party-card" data-testid={`vehicle-${vehicle.label}`}>
      <legend>{name}</legend>
      <PlateField vehicle={vehicle} />
      <div className="two-col">
        <SelectField
          id={id('plateType')}
          label={t('parties.plateType')}
          none={t('parties.notChosen')}
          value={vehicle.plateType ?? ''}
          options={plateTypes}
          onValue={(v) => {
            const parsed = PlateType.safeParse(v);
            edit({ plateType: parsed.success ? parsed.data : undefined });
            // A plate that no longer fits the chosen type is said at once.
            form.reveal(['vehicles', vehicle.id, 'plate']);
          }}
        />
        <SelectField
          id={id('vehicleType')}
          label={t('parties.vehicleType')}
          none={t('parties.notChosen')}
          value={vehicle.vehicleType ?? ''}
          options={vehicleTypes}
          onValue={(v) => {
            const parsed = VehicleType.safeParse(v);
            edit({ vehicleType: parsed.success ? parsed.data : undefined });
          }}
        />
      </div>
      <TextField
        id={id('owner')}
        label={t('parties.owner')}
        value={vehicle.owner ?? ''}
        onValue={(v) => edit({ owner: optional(v) })}
      />
      <TextField
        id={id('vin')}
        label={t('parties.vin')}
        hint={t('parties.vinHint')}
        path={['vehicles', vehicle.id, 'vin']}
        value={vehicle.vin ?? ''}
        autoCapitalize="characters"
        spellCheck={false}
        onValue={(v) => edit({ vin: optional(v) })}
        onLeave={(v) => {
          const vin = optional(normaliseVin(v));
          if (vin !== vehicle.vin) edit({ vin });
        }}
      />
      <DamagedPartsPicker vehicle={vehicle} />
      {driver && <DriverFields driver={driver} />}
      <ConfirmRemove
        action={t('parties.removeVehicle', { label: vehicle.label })}
        question={t('parties.confirmRemoveVehicle', { label: vehicle.label })}
        onConfirm={onRemove}
      />
    </fieldset>
  );
}
