/**
 * The driver's status as structured facts (schema 2): licence, suspected
 * alcohol or drugs, injury, each with "cannot tell". The engine's triage
 * rules read them (E05, E04, E02): a status that fires a rule escalates the
 * case; "cannot tell" keeps the rule's question open.
 */
import { useTranslation } from 'react-i18next';
import type { LiabilityDraft } from '../../domain';
import { DriverStatus } from '../../domain/liability';
import { Chip } from './Chip';

type DraftVehicle = LiabilityDraft['vehicles'][number];
type Field = keyof DriverStatus;

const FIELDS: readonly Field[] = ['licence', 'alcoholOrDrugs', 'injury'];

/** The allowed values of one status field, "unknown" last. */
const valuesOf = (field: Field): readonly string[] =>
  DriverStatus.shape[field].def.innerType.options;

export function DriverStatusQuestion({
  v,
  onPatch,
}: {
  v: DraftVehicle;
  onPatch: (patch: Partial<DraftVehicle>) => void;
}) {
  const { t } = useTranslation();
  const set = (field: Field, value: string) =>
    onPatch({ driver: { ...v.driver, [field]: value } as DriverStatus });
  return (
    <details className="more" open={v.driver !== undefined}>
      <summary>{t('liability.driverStatus.title', { label: v.id })}</summary>
      {FIELDS.map((field) => (
        <fieldset key={field} className="plain">
          <legend className="q">{t(`liability.driverStatus.${field}`, { label: v.id })}</legend>
          <div className="chips" role="radiogroup">
            {valuesOf(field).map((value) => (
              <Chip
                key={value}
                name={`${field}-${v.id}`}
                checked={v.driver?.[field] === value}
                onChange={() => set(field, value)}
                label={t(`liability.driverStatus.values.${field}.${value}`)}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </details>
  );
}
