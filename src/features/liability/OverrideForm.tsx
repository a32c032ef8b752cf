/**
 * The officer's own determination over the engine's proposal: a level per
 * vehicle and a written reason, which is mandatory (the proposal stays
 * beside it on the record); and the note that says an override stands.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  overrideLiability,
  type CaseRecord,
  type LiabilityByVehicle,
  type LiabilityOverride,
} from '../../domain';
import type { LiabilityLevel } from '../../domain/liability';
import { ReasonSubmit } from './ReasonSubmit';
import { useCaseStep } from '../../services/useCaseStep';
import { SelectField } from '../../ui/Field';
import { LEVELS, levelsText } from './shared';

/** The override that stands, with its reason. */
export function OverrideNote({ override }: { override: LiabilityOverride }) {
  const { t } = useTranslation();
  return (
    <p data-testid="override-note">
      <strong>
        {t('liability.overridden', {
          liability: levelsText(override.liability, t),
          reason: override.reason,
        })}
      </strong>
    </p>
  );
}

export function OverrideForm({
  c,
  proposal,
  current,
}: {
  c: CaseRecord;
  proposal: LiabilityByVehicle;
  current: LiabilityByVehicle;
}) {
  const { t } = useTranslation();
  const { run, error } = useCaseStep(c.id);
  const [levels, setLevels] = useState<Record<string, LiabilityLevel>>({ ...current });
  const [reason, setReason] = useState(c.liability?.override?.reason ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const save = () => {
    if (reason.trim() === '') {
      setProblem(t('liability.overrideNeedsReason'));
      return;
    }
    setProblem(null);
    run((x, at) => overrideLiability(x, levels, reason, at));
  };
  return (
    <details className="override">
      <summary>{t('liability.overrideTitle')}</summary>
      <div>
        <p className="muted">{t('liability.overrideIntro')}</p>
        {Object.keys(proposal)
          .sort()
          .map((label) => (
            <SelectField
              key={label}
              id={`override-${label}`}
              label={t('liability.vehicleLabel', { label })}
              value={levels[label] ?? ''}
              options={LEVELS.map((l) => ({ value: l, label: t(`liability.level.${l}`) }))}
              onValue={(v) => setLevels({ ...levels, [label]: v as LiabilityLevel })}
            />
          ))}
        <ReasonSubmit
          id="override-reason"
          label={t('liability.overrideReason')}
          value={reason}
          problem={problem}
          onChange={setReason}
          error={error}
          submitLabel={t('liability.overrideSave')}
          onSubmit={save}
        />
      </div>
    </details>
  );
}
