/**
 * The reviewer's actions on the case as shown: approve, return to the
 * officer (what is missing, and a note), take over (with the reason), amend
 * the liability (per vehicle, with the reason, optionally on facts corrected
 * and re-run through the engine). Each
 * is sent once (the button waits while it goes) with the state and version
 * on screen; when another reviewer acted first the panel says who did what
 * and when, the case is read again, and nothing typed is lost.
 */
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../contracts/cases';
import type { ReviewConflict } from '../../contracts/review';
import { useReviewAction, type ReviewActionOutcome } from '../../services/useReviewAction';
import { Button } from '../../ui/Button';
import { TextArea } from '../../ui/Field';
import { formatTime } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { AmendForm, EMPTY_AMEND, useAmend } from './AmendForm';
import { amendmentOf, type AmendProblem } from './amend-model';
import { returnProblem } from './return-items';
import { missingOf, ReturnForm, type ReturnDraft } from './ReturnForm';

type Mode = 'choose' | 'return' | 'take-over' | 'amend';
type Action = 'review' | 'return' | 'take-over' | 'amend';
type Said = { tone: 'ok' | 'error'; text: string } | null;

/** Which actions the case's state allows (the server checks again). */
export function allowedActions(state: CaseDetail['summary']['state'], takenOver: boolean) {
  return {
    review: state === 'synced',
    return: state === 'synced' || state === 'reviewed',
    takeOver: !takenOver && !['closed', 'paid', 'assessed', 'acknowledged'].includes(state),
    amend: state === 'synced' || state === 'returned' || state === 'reviewed',
  };
}

function useConflictText() {
  const { t, i18n } = useTranslation();
  return (c: ReviewConflict) =>
    t('review.actions.conflict', {
      name: c.by.name,
      time: formatTime(c.at, i18n.language),
      kind: t(`review.history.kind.${c.kind}`, c.kind),
      state: t(`state.${c.state}`),
      version: c.manifestVersion,
    });
}

/** A refusal in words: the amendment's own (naming the field or the engine's rule), else the failure's. */
function useFailureText() {
  const { t } = useTranslation();
  return (o: Extract<ReviewActionOutcome, { kind: 'failed' }>) => {
    const d = o.details ?? {};
    const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');
    if (o.code === 'invalid_amendment') {
      return t('review.amend.invalidAmendment', { vehicles: list(d['vehicles']) });
    }
    if (o.code === 'liability_undecided') {
      return d['outcome'] === 'escalate'
        ? t('review.amend.undecidedEscalate', { rule: String(d['ruleId'] ?? '?') })
        : t('review.amend.undecidedQuestion', { question: String(d['questionId'] ?? '?') });
    }
    if (o.code === 'reopen_required') return t('review.amend.reopenRequired');
    return t(`review.failure.${o.failure}`);
  };
}

interface PanelProps {
  detail: CaseDetail;
  takenOver: boolean;
  onChanged(): Promise<void>;
}

/** The panel's state and its three submissions. */
function usePanel({ detail, onChanged }: PanelProps, answer: RefObject<HTMLDivElement | null>) {
  const { t } = useTranslation();
  const { sending, send } = useReviewAction(detail.summary.id);
  const [mode, setMode] = useState<Mode>('choose');
  const [draft, setDraft] = useState<ReturnDraft>({ ticked: new Set(), note: '' });
  const [reason, setReason] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [said, setSaid] = useState<Said>(null);
  const amend = useAmend(detail.case);
  const [amendProblem, setAmendProblem] = useState<AmendProblem | null>(null);
  const conflictText = useConflictText();
  const failureText = useFailureText();
  const { state, manifestVersion } = detail.summary;
  const expected = { state, manifestVersion };

  const settle = async (action: Action, o: ReviewActionOutcome) => {
    if (o.kind === 'busy') return;
    if (o.kind === 'done') {
      const done = action === 'amend' ? 'review.amend.done' : `review.actions.done.${action}`;
      setSaid({ tone: 'ok', text: t(done) });
      setMode('choose');
      setDraft({ ticked: new Set(), note: '' });
      setReason('');
      amend.setDraft(EMPTY_AMEND);
    } else if (o.kind === 'conflict') {
      setSaid({ tone: 'error', text: conflictText(o.conflict) });
    } else setSaid({ tone: 'error', text: failureText(o) });
    answer.current?.focus();
    if (o.kind !== 'failed') await onChanged();
  };

  const approve = async () => settle('review', await send({ action: 'review', expected }));
  const submitReturn = async (e: FormEvent) => {
    e.preventDefault();
    const missing = missingOf(detail.case, draft.ticked);
    if (returnProblem(missing, draft.note)) return setFormError(t('review.actions.returnNeeds'));
    setFormError(null);
    const note = draft.note.trim();
    await settle(
      'return',
      await send({ action: 'return', expected, missing, ...(note ? { note } : {}) }),
    );
  };
  const submitTakeOver = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim() === '') return setFormError(t('review.actions.reasonNeeded'));
    setFormError(null);
    await settle('take-over', await send({ action: 'take-over', expected, note: reason.trim() }));
  };
  const submitAmend = async (e: FormEvent) => {
    e.preventDefault();
    const made = amendmentOf(detail.case, amend.draft, amend.facts, amend.decision);
    if (!made.ok) return setAmendProblem(made.problem);
    setAmendProblem(null);
    const { note, amendment } = made;
    await settle('amend', await send({ action: 'amend', expected, note, amendment }));
  };
  const choose = (m: Mode) => {
    setFormError(null);
    setAmendProblem(null);
    setMode(m);
  };
  return {
    sending,
    mode,
    draft,
    setDraft,
    reason,
    setReason,
    formError,
    said,
    approve,
    submitReturn,
    submitTakeOver,
    amend,
    amendProblem,
    submitAmend,
    choose,
  };
}

type Panel = ReturnType<typeof usePanel>;

function FormButtons({ panel, label }: { panel: Panel; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="review-action-buttons">
      <Button type="submit" variant="primary" disabled={panel.sending}>
        {panel.sending ? t('review.actions.sending') : label}
      </Button>
      <Button onClick={() => panel.choose('choose')}>{t('review.actions.cancel')}</Button>
    </div>
  );
}

function Choices({ panel, allowed }: { panel: Panel; allowed: ReturnType<typeof allowedActions> }) {
  const { t } = useTranslation();
  return (
    <div className="review-action-buttons">
      {allowed.review && (
        <Button variant="primary" disabled={panel.sending} onClick={() => void panel.approve()}>
          {panel.sending ? t('review.actions.sending') : t('review.actions.approve')}
        </Button>
      )}
      {allowed.return && (
        <Button disabled={panel.sending} onClick={() => panel.choose('return')}>
          {t('review.actions.return')}
        </Button>
      )}
      {allowed.amend && (
        <Button disabled={panel.sending} onClick={() => panel.choose('amend')}>
          {t('review.amend.open')}
        </Button>
      )}
      {allowed.takeOver && (
        <Button disabled={panel.sending} onClick={() => panel.choose('take-over')}>
          {t('review.actions.takeOver')}
        </Button>
      )}
    </div>
  );
}

export function ActionsPanel(props: PanelProps) {
  const { t } = useTranslation();
  // The answer takes the focus: the button that was pressed may be gone with the new state.
  const answer = useRef<HTMLDivElement>(null);
  const panel = usePanel(props, answer);
  const { state, manifestVersion } = props.detail.summary;
  const allowed = allowedActions(state, props.takenOver);
  return (
    <section
      aria-labelledby="review-actions-title"
      className="review-actions"
      data-testid="review-actions"
    >
      <h2 id="review-actions-title">{t('review.actions.title')}</h2>
      <p className="muted">
        {t('review.actions.asSeen', { version: manifestVersion, state: t(`state.${state}`) })}
      </p>
      <div aria-live="polite" data-testid="action-result" ref={answer} tabIndex={-1}>
        {panel.said && (
          <Notice tone={panel.said.tone} role={panel.said.tone === 'error' ? 'alert' : undefined}>
            {panel.said.text}
          </Notice>
        )}
      </div>
      {!allowed.review && !allowed.return && !allowed.takeOver && !allowed.amend && (
        <p>{t('review.actions.notActionable', { state: t(`state.${state}`) })}</p>
      )}
      {panel.mode === 'choose' && <Choices panel={panel} allowed={allowed} />}
      {panel.mode === 'return' && (
        <form onSubmit={(e) => void panel.submitReturn(e)} noValidate>
          <ReturnForm
            record={props.detail.case}
            draft={panel.draft}
            onDraft={panel.setDraft}
            error={panel.formError}
          />
          <FormButtons panel={panel} label={t('review.actions.return')} />
        </form>
      )}
      {panel.mode === 'take-over' && (
        <form onSubmit={(e) => void panel.submitTakeOver(e)} noValidate>
          <TextArea
            id="review-takeover-reason"
            label={t('review.actions.reason')}
            value={panel.reason}
            onValue={panel.setReason}
            errors={panel.formError}
            urgent
            required
          />
          <FormButtons panel={panel} label={t('review.actions.confirmTakeOver')} />
        </form>
      )}
      {panel.mode === 'amend' && (
        <form onSubmit={(e) => void panel.submitAmend(e)} noValidate>
          <AmendForm record={props.detail.case} view={panel.amend} problem={panel.amendProblem} />
          <FormButtons panel={panel} label={t('review.amend.submit')} />
        </form>
      )}
    </section>
  );
}
