/**
 * The insurer's three forms: the call-back (an optional note), the
 * assessment (an amount in yuan per insured vehicle, the assessor, notes,
 * optional photos: AssessmentPhotoPicker)
 * and the payout (amount, date, reference, note). Each field says what is
 * wrong with it, naming itself; the drafts live with the panel, so a retry
 * sends the same submission.
 */
import { useTranslation } from 'react-i18next';
import type { InsurerCaseView } from '../../contracts/claims';
import type { AssessmentUploadsView } from '../../services/useAssessmentUploads';
import { TextArea, TextField } from '../../ui/Field';
import {
  ACK_NOTE_MAX,
  amountField,
  ASSESSOR_MAX,
  NOTE_MAX,
  PHOTOS_FIELD,
  REFERENCE_MAX,
  type AssessmentDraft,
  type PayoutDraft,
  type Problem,
} from './action-forms';
import { AssessmentPhotoPicker } from './AssessmentPhotoPicker';

/** The words of the problems of one field, naming it by its label. */
export function useProblemText(problems: readonly Problem[]) {
  const { t } = useTranslation();
  return (field: string, label: string): string[] =>
    problems
      .filter((p) => p.field === field)
      .map((p) => t(`insurer.form.problem.${p.key}`, { field: label, max: p.max }));
}

export function AcknowledgeFields({
  note,
  onNote,
  problems,
}: {
  note: string;
  onNote(note: string): void;
  problems: readonly Problem[];
}) {
  const { t } = useTranslation();
  const errors = useProblemText(problems);
  const label = t('insurer.form.ackNote');
  return (
    <TextArea
      id="ack-note"
      label={label}
      hint={t('insurer.form.ackHint')}
      value={note}
      onValue={onNote}
      maxLength={ACK_NOTE_MAX}
      errors={errors('ack-note', label)}
      urgent
    />
  );
}

type Insured = Extract<InsurerCaseView['vehicles'][number], { insured: true }>;

export const insuredVehicles = (view: InsurerCaseView): Insured[] =>
  view.vehicles.filter((v): v is Insured => v.insured);

export function AssessmentFields({
  view,
  draft,
  onDraft,
  uploads,
  problems,
}: {
  view: InsurerCaseView;
  draft: AssessmentDraft;
  onDraft(d: AssessmentDraft): void;
  uploads: AssessmentUploadsView;
  problems: readonly Problem[];
}) {
  const { t } = useTranslation();
  const errors = useProblemText(problems);
  const assessor = t('insurer.form.assessor');
  const note = t('insurer.form.note');
  return (
    <>
      {insuredVehicles(view).map((v) => {
        const label = t('insurer.form.amountOf', { plate: v.plate });
        return (
          <TextField
            key={v.id}
            id={amountField(v.id)}
            label={label}
            inputMode="decimal"
            autoComplete="off"
            value={draft.amounts[v.id] ?? ''}
            onValue={(x) => onDraft({ ...draft, amounts: { ...draft.amounts, [v.id]: x } })}
            errors={errors(amountField(v.id), label)}
            urgent
            required
          />
        );
      })}
      <TextField
        id="assess-assessor"
        label={assessor}
        value={draft.assessor}
        maxLength={ASSESSOR_MAX}
        onValue={(x) => onDraft({ ...draft, assessor: x })}
        errors={errors('assess-assessor', assessor)}
        urgent
        required
      />
      <TextArea
        id="assess-note"
        label={note}
        value={draft.note}
        maxLength={NOTE_MAX}
        onValue={(x) => onDraft({ ...draft, note: x })}
        errors={errors('assess-note', note)}
        urgent
      />
      <AssessmentPhotoPicker
        uploads={uploads}
        errors={errors(PHOTOS_FIELD, t('insurer.assessPhotos.legend', { max: 12 }))}
      />
    </>
  );
}

export function PayoutFields({
  draft,
  onDraft,
  problems,
}: {
  draft: PayoutDraft;
  onDraft(d: PayoutDraft): void;
  problems: readonly Problem[];
}) {
  const { t } = useTranslation();
  const errors = useProblemText(problems);
  const labels = {
    amount: t('insurer.form.payoutAmount'),
    date: t('insurer.form.paidOn'),
    reference: t('insurer.form.reference'),
    note: t('insurer.form.note'),
  };
  return (
    <>
      <TextField
        id="payout-amount"
        label={labels.amount}
        inputMode="decimal"
        autoComplete="off"
        value={draft.amount}
        onValue={(x) => onDraft({ ...draft, amount: x })}
        errors={errors('payout-amount', labels.amount)}
        urgent
        required
      />
      <TextField
        id="payout-date"
        type="date"
        label={labels.date}
        value={draft.paidOn}
        onValue={(x) => onDraft({ ...draft, paidOn: x })}
        errors={errors('payout-date', labels.date)}
        urgent
        required
      />
      <TextField
        id="payout-reference"
        label={labels.reference}
        value={draft.reference}
        maxLength={REFERENCE_MAX}
        onValue={(x) => onDraft({ ...draft, reference: x })}
        errors={errors('payout-reference', labels.reference)}
        urgent
        required
      />
      <TextArea
        id="payout-note"
        label={labels.note}
        value={draft.note}
        maxLength={NOTE_MAX}
        onValue={(x) => onDraft({ ...draft, note: x })}
        errors={errors('payout-note', labels.note)}
        urgent
      />
    </>
  );
}
