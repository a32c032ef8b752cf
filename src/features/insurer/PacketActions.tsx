/**
 * What the insurer records next on the packet, by its status: the call-back
 * (acknowledge), then the assessment, then the payout. A submission is
 * checked field by field first, then sent once (its request id kept for a
 * retry of the same submission); the answer is said in words — saving,
 * saved, or why not (a packet replaced by a later one, a step its state does
 * not allow) — and the packet is read again.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimPacket, PacketStatus } from '../../contracts/packets';
import { useAssessmentUploads } from '../../services/useAssessmentUploads';
import {
  usePacketAction,
  type PacketActionInput,
  type PacketActionOutcome,
} from '../../services/usePacketAction';
import type { PacketActionKind } from '../../services/packet-client';
import { Button } from '../../ui/Button';
import { SaveStatus, type SaveState } from '../../ui/SaveStatus';
import {
  checkAcknowledge,
  checkAssessment,
  checkPayout,
  localDay,
  type AssessmentDraft,
  type Checked,
  type PayoutDraft,
  type Problem,
} from './action-forms';
import { AcknowledgeFields, AssessmentFields, insuredVehicles, PayoutFields } from './ActionForms';
import { nextStep } from './packet-model';

const EMPTY_ASSESSMENT: AssessmentDraft = { amounts: {}, assessor: '', note: '' };
const EMPTY_PAYOUT: PayoutDraft = { amount: '', paidOn: '', reference: '', note: '' };

/** The panel's drafts, its problems and its one submission at a time. */
function useSteps(packet: ClaimPacket, onChanged: () => Promise<void>) {
  const { t } = useTranslation();
  const { sending, send } = usePacketAction(packet.id);
  const uploads = useAssessmentUploads(packet.id);
  const [ackNote, setAckNote] = useState('');
  const [assessment, setAssessment] = useState(EMPTY_ASSESSMENT);
  const [payout, setPayout] = useState({ ...EMPTY_PAYOUT, paidOn: localDay(new Date()) });
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [saved, setSaved] = useState<SaveState>('idle');
  const [savedText, setSavedText] = useState<string>();

  const settle = async (kind: PacketActionKind, o: PacketActionOutcome) => {
    if (o.kind === 'busy') return;
    if (o.kind === 'failed') {
      setSaved({ error: t(`insurer.failure.${o.failure}`) });
      return;
    }
    setSavedText(t(`insurer.actions.done.${kind}`));
    setSaved('saved');
    await onChanged();
  };

  async function submit<K extends PacketActionKind>(
    kind: K,
    checked: Checked<PacketActionInput<K>>,
  ) {
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    setSaved('saving');
    await settle(kind, await send(kind, checked.body));
  }

  const vehicleIds = insuredVehicles(packet.case).map((v) => v.id);
  return {
    sending,
    problems,
    saved,
    savedText,
    ack: { note: ackNote, setNote: setAckNote },
    assessment: { draft: assessment, setDraft: setAssessment, uploads },
    payout: { draft: payout, setDraft: setPayout },
    acknowledge: () => submit('acknowledge', checkAcknowledge(ackNote)),
    assess: () => submit('assessment', checkAssessment(assessment, vehicleIds, uploads)),
    pay: () => submit('payout', checkPayout(payout, localDay(new Date()))),
  };
}

type Steps = ReturnType<typeof useSteps>;

function StepForm({
  steps,
  step,
  packet,
}: {
  steps: Steps;
  step: PacketActionKind;
  packet: ClaimPacket;
}) {
  const { t } = useTranslation();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const run = { acknowledge: steps.acknowledge, assessment: steps.assess, payout: steps.pay }[
      step
    ];
    void run();
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="insurer-step-title">
      <h3 id="insurer-step-title">{t(`insurer.actions.title.${step}`)}</h3>
      <p className="muted">{t(`insurer.actions.explain.${step}`)}</p>
      {step === 'acknowledge' && (
        <AcknowledgeFields
          note={steps.ack.note}
          onNote={steps.ack.setNote}
          problems={steps.problems}
        />
      )}
      {step === 'assessment' && (
        <AssessmentFields
          view={packet.case}
          draft={steps.assessment.draft}
          onDraft={steps.assessment.setDraft}
          uploads={steps.assessment.uploads}
          problems={steps.problems}
        />
      )}
      {step === 'payout' && (
        <PayoutFields
          draft={steps.payout.draft}
          onDraft={steps.payout.setDraft}
          problems={steps.problems}
        />
      )}
      <Button type="submit" variant="primary" block disabled={steps.sending}>
        {steps.sending ? t('insurer.actions.sending') : t(`insurer.actions.submit.${step}`)}
      </Button>
    </form>
  );
}

export function PacketActions({
  packet,
  status,
  onChanged,
}: {
  packet: ClaimPacket;
  status: PacketStatus;
  onChanged(): Promise<void>;
}) {
  const { t } = useTranslation();
  const steps = useSteps(packet, onChanged);
  const answer = useRef<HTMLDivElement>(null);
  const step = nextStep(status);
  // The answer takes the focus: the form that was sent gives way to the next step's.
  useEffect(() => {
    if (steps.saved !== 'idle' && steps.saved !== 'saving') answer.current?.focus();
  }, [steps.saved]);
  return (
    <section
      aria-labelledby="insurer-actions-title"
      className="insurer-actions"
      data-testid="packet-actions"
    >
      <h2 id="insurer-actions-title">{t('insurer.actions.heading')}</h2>
      <div ref={answer} tabIndex={-1} data-testid="action-result">
        <SaveStatus status={steps.saved} saved={steps.savedText} />
      </div>
      {step ? (
        <StepForm steps={steps} step={step} packet={packet} />
      ) : (
        <p>{t(`insurer.actions.none.${status}`)}</p>
      )}
    </section>
  );
}
