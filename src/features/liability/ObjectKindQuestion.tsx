/**
 * What kind of fixed object an impact struck (guardrail, pole, building, road
 * furniture, other property): the facts' `objects[].kind` (schema 2). The
 * striking vehicle answers for it, and the damage escalates under E12.
 */
import { useTranslation } from 'react-i18next';
import type { LiabilityDraft } from '../../domain';
import { FixedObjectKind } from '../../domain/liability';
import { Chip } from './Chip';

type DraftObject = NonNullable<LiabilityDraft['objects']>[number];

export function ObjectKindQuestion({
  object,
  name,
  onChoose,
}: {
  object: DraftObject;
  /** What the officer called it on the parties screen. */
  name: string;
  onChoose: (kind: FixedObjectKind) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="plain">
      <legend className="q">{t('liability.objectKindQ', { name })}</legend>
      <div className="chips" role="radiogroup">
        {FixedObjectKind.options.map((k) => (
          <Chip
            key={k}
            name={`object-kind-${object.id}`}
            checked={object.kind === k}
            onChange={() => onChoose(k)}
            label={t(`liability.objectKind.${k}`)}
          />
        ))}
      </div>
    </fieldset>
  );
}
