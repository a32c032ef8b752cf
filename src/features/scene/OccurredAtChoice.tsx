/**
 * When the accident happened: one tap for "at arrival" or "N minutes before
 * arrival" (what parties usually say), or any other time typed in.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/Field';
import { fromLocalInput, toLocalInput } from '../../ui/format';

/** The quick choices, in minutes before arrival. */
export const MINUTES_BEFORE_ARRIVAL = [0, 5, 10, 15, 30] as const;

const minus = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) - minutes * 60_000).toISOString();

export function OccurredAtChoice({
  arrivedAt,
  value,
  disabled,
  onChange,
}: {
  arrivedAt: string;
  /** The accident time as stored, if any. */
  value: string | undefined;
  disabled?: boolean;
  onChange(occurredAt: string | undefined): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const chosen = MINUTES_BEFORE_ARRIVAL.find(
    (m) => value !== undefined && Date.parse(value) === Date.parse(minus(arrivedAt, m)),
  );
  return (
    // The hint is about the whole choice, so it describes the group.
    <fieldset className="field occurred-at" disabled={disabled} aria-describedby={`${id}-hint`}>
      <legend>{t('accidentTime.title')}</legend>
      <p className="muted" id={`${id}-hint`}>
        {t('accidentTime.hint')}
      </p>
      <div className="quick-times">
        {MINUTES_BEFORE_ARRIVAL.map((m) => (
          <label key={m} className="radio">
            <input
              type="radio"
              name={`${id}-quick`}
              checked={chosen === m}
              onChange={() => onChange(minus(arrivedAt, m))}
            />
            {m === 0 ? t('accidentTime.atArrival') : t('accidentTime.before', { minutes: m })}
          </label>
        ))}
      </div>
      <TextField
        id={`${id}-exact`}
        label={t('accidentTime.exact')}
        type="datetime-local"
        value={value ? toLocalInput(value) : ''}
        onValue={(v) => onChange(fromLocalInput(v))}
      />
    </fieldset>
  );
}
