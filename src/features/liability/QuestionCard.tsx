/**
 * The engine's own follow-up question, asked only when the facts given do not
 * decide: its text, the roles it assumes, and its options (yes / no unless it
 * brings its own).
 */
import { useTranslation } from 'react-i18next';
import type { NextQuestion } from '../../domain/liability';
import type { Lang } from './shared';

/** `onAnswer` gets the chosen option's value; the caller writes it into the draft. */
export function QuestionCard({
  q,
  lang,
  disabled,
  onAnswer,
}: {
  q: NextQuestion;
  lang: Lang;
  disabled: boolean;
  onAnswer: (value: string) => void;
}) {
  const { t } = useTranslation();
  const options = q.options ?? [
    { value: 'yes', text: { zh: '是', en: 'Yes' } },
    { value: 'no', text: { zh: '否', en: 'No' } },
  ];
  return (
    <fieldset className="notice warn question" disabled={disabled} data-question={q.id}>
      <legend className="q">{q.text[lang]}</legend>
      <p className="muted">{t('liability.question')}</p>
      {q.roles && q.vehicleId && q.otherVehicleId && (
        <p className="muted">
          {t('liability.questionAbout', {
            vehicle: q.vehicleId,
            role: q.roles.vehicle[lang],
            other: q.otherVehicleId,
            otherRole: q.roles.other[lang],
          })}
        </p>
      )}
      <div className="chips" role="radiogroup">
        {options.map((o) => (
          <label key={o.value} className="chip">
            <input type="radio" name={`q-${q.id}`} onChange={() => onAnswer(o.value)} />
            {o.text[lang]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
