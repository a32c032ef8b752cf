/**
 * What a return asks the officer to add: shots of the guided list, fields
 * of the case and liability facts, ticked one by one, and a note. At least
 * one item or a note is needed.
 */
import { useTranslation } from 'react-i18next';
import type { MissingItem } from '../../contracts/review';
import type { CaseRecord } from '../../domain';
import { Check, TextArea } from '../../ui/Field';
import { returnChoices, type ReturnChoice } from './return-items';
import { labelText } from './review-format';

export const itemKey = (m: MissingItem) => `${m.kind}:${m.key}`;

export interface ReturnDraft {
  /** Ticked items, by `kind:key`. */
  ticked: ReadonlySet<string>;
  note: string;
}

function Group({
  legend,
  choices,
  draft,
  onDraft,
}: {
  legend: string;
  choices: readonly ReturnChoice[];
  draft: ReturnDraft;
  onDraft(d: ReturnDraft): void;
}) {
  const { t, i18n } = useTranslation();
  if (choices.length === 0) return null;
  const toggle = (key: string, on: boolean) => {
    const ticked = new Set(draft.ticked);
    if (on) ticked.add(key);
    else ticked.delete(key);
    onDraft({ ...draft, ticked });
  };
  return (
    <fieldset>
      <legend>{legend}</legend>
      {choices.map((c) => {
        const key = itemKey(c.item);
        return (
          <Check
            key={key}
            label={labelText(t, i18n.language, c.label)}
            checked={draft.ticked.has(key)}
            onCheck={(on) => toggle(key, on)}
          />
        );
      })}
    </fieldset>
  );
}

/** The ticked items, in the order the form lists them. */
export function missingOf(record: CaseRecord, ticked: ReadonlySet<string>): MissingItem[] {
  const { shots, fields, facts } = returnChoices(record);
  return [...shots, ...fields, ...facts].map((c) => c.item).filter((m) => ticked.has(itemKey(m)));
}

export function ReturnForm({
  record,
  draft,
  onDraft,
  error,
}: {
  record: CaseRecord;
  draft: ReturnDraft;
  onDraft(d: ReturnDraft): void;
  error: string | null;
}) {
  const { t } = useTranslation();
  const { shots, fields, facts } = returnChoices(record);
  return (
    <>
      <h3>{t('review.actions.returnTitle')}</h3>
      <Group legend={t('review.actions.shots')} choices={shots} draft={draft} onDraft={onDraft} />
      <Group legend={t('review.actions.fields')} choices={fields} draft={draft} onDraft={onDraft} />
      <Group legend={t('review.actions.facts')} choices={facts} draft={draft} onDraft={onDraft} />
      <TextArea
        id="review-return-note"
        label={t('review.actions.note')}
        hint={t('review.actions.noteHint')}
        value={draft.note}
        onValue={(note) => onDraft({ ...draft, note })}
        errors={error}
        urgent
      />
    </>
  );
}
