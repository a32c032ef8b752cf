/**
 * The officer's liability questions: the place, what each vehicle was doing
 * (with pictograms), the signal or sign where it matters, who struck whom,
 * then only the engine's own follow-up questions. Shows the proposal with its
 * basis and reasoning; the officer may change it with a written reason.
 * This file holds the draft and composes the parts: FactQuestions,
 * QuestionCard, Proposal (with EscalationView) and OverrideForm.
 */
import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  canAmend,
  answerLiabilityQuestion,
  enteredAt,
  factsFromDraft,
  fitLiabilityDraft,
  isProposalFor,
  proposeLiability,
  saveLiabilityDraft,
  type CaseRecord,
  type LiabilityDraft,
} from '../../domain';
import { evaluateLiability, loadLiabilityCatalog } from '../../domain/liability';
import { useCase } from '../../services/useCase';
import { formatTime } from '../../ui/format';
import { Link, navigate } from '../../ui/router';
import { DisputeForm } from './DisputeForm';
import { FactQuestions } from './FactQuestions';
import { EscalationView, ProposalToConfirm, StoredProposal } from './Proposal';
import { QuestionCard } from './QuestionCard';
import { useLang, useStep } from './shared';
import './liability.css';

const catalog = loadLiabilityCatalog();

export function LiabilityScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const result = useCase(id);
  if (result === undefined) return <p role="status">{t('app.loading')}</p>;
  if (!result.found) return <p role="alert">{t('caseDetail.notFound')}</p>;
  return <Liability c={result.value} />;
}

function Liability({ c }: { c: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const clearedAt = enteredAt(c, 'scene-cleared');
  const lang = useLang();
  const { run, error } = useStep(c.id);
  const [draft, setDraft] = useState<LiabilityDraft>(() => fitLiabilityDraft(c));
  const record = c.liability;
  const signedAny = (record?.signatures.length ?? 0) > 0;
  const ready = c.state === 'scene-cleared' || c.state === 'liability-proposed';
  const editable = ready && !signedAny;

  const facts = useMemo(() => factsFromDraft(draft, true), [draft]);
  const decision = useMemo(
    () => (facts.ok ? evaluateLiability(catalog, facts.value) : null),
    [facts],
  );
  const proposalCurrent = facts.ok && isProposalFor(c, facts.value);

  const change = (next: LiabilityDraft) => {
    setDraft(next);
    void run((x, at) => saveLiabilityDraft(x, next, at)).catch(() => undefined);
  };

  const propose = () => {
    if (!facts.ok) return;
    void run((x, at) => {
      const r = proposeLiability(x, catalog, facts.value, at);
      return r.ok ? { ok: true, value: r.value.case } : r;
    }).then(
      // On to the notices; the proposal (and a change of it) stays one tap back.
      (saved) =>
        navigate(saved.state === 'escalated' ? `/cases/${c.id}` : `/cases/${c.id}/notices`),
      () => undefined,
    );
  };

  const labels = c.vehicles.map((v) => v.label);

  return (
    <section aria-labelledby="liability-title" className="liability">
      <Link href={`/cases/${c.id}`} className="back-link">
        ← {c.caseNumber}
      </Link>
      <h1 id="liability-title">{t('liability.title')}</h1>
      {c.state === 'scene-cleared' && clearedAt && (
        <p className="notice ok" role="status" data-testid="cleared-confirmation">
          {t('liability.clearedAt', { time: formatTime(clearedAt, i18n.language) })}
        </p>
      )}
      {!ready && c.state !== 'escalated' && (
        <p className="notice warn">{t('liability.notReady')}</p>
      )}
      {c.state === 'escalated' && (
        <p className="notice warn" role="status" data-testid="escalated-notice">
          {t('liability.escalated')}
          {record?.dispute &&
            ` ${t('liability.dispute.recorded', { reason: record.dispute.reason })}`}
        </p>
      )}
      {signedAny && (
        <div className="notice">
          <p>{t('liability.locked')}</p>
          {canAmend(c) && (
            <Link href={`/cases/${c.id}/notices#amend`} className="button block">
              {t('amendment.title')}
            </Link>
          )}
        </div>
      )}
      {labels.length < 2 && <p className="notice warn">{t('liability.needVehicles')}</p>}
      <p className="muted">{t('liability.intro')}</p>

      <FactQuestions c={c} draft={draft} editable={editable} onChange={change} />

      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}

      <div aria-live="polite" className="liability-outcome" data-testid="liability-outcome">
        {!facts.ok && facts.reason === 'incomplete' && (
          <p className="muted">
            {t('liability.missing', { items: describeMissing(facts.detail ?? '', t) })}
          </p>
        )}
        {!facts.ok && facts.reason === 'invalid-facts' && (
          <p className="notice error">{facts.detail}</p>
        )}
        {decision?.outcome === 'need-more-facts' && decision.nextQuestion && (
          <QuestionCard
            q={decision.nextQuestion}
            lang={lang}
            disabled={!editable}
            onAnswer={(value) =>
              decision.nextQuestion &&
              change(answerLiabilityQuestion(draft, decision.nextQuestion, value))
            }
          />
        )}
        {decision?.outcome === 'escalate' && (
          <EscalationView decision={decision} lang={lang} canAct={editable} onEscalate={propose} />
        )}
        {decision?.outcome === 'liability' && !proposalCurrent && (
          <ProposalToConfirm
            decision={decision}
            lang={lang}
            canAct={editable}
            again={c.state === 'liability-proposed'}
            onPropose={propose}
          />
        )}
      </div>

      {c.state !== 'escalated' &&
        record?.decision &&
        record.proposal &&
        (proposalCurrent || !editable) && (
          <StoredProposal
            c={c}
            decision={record.decision}
            proposal={record.proposal}
            override={record.override}
            lang={lang}
            editable={editable}
          />
        )}

      {ready && <DisputeForm c={c} />}
    </section>
  );
}

/** The facts still missing (`place`, `vehicles.B.action`, `impacts.0`), in the questions' words. */
function describeMissing(detail: string, t: TFunction): string {
  return detail
    .split(',')
    .filter(Boolean)
    .map((item) => {
      if (item === 'place') return t('liability.place');
      const action = /^vehicles\.(.+)\.action$/.exec(item);
      if (action) return t('liability.action', { label: action[1] });
      const impact = /^impacts\.(\d+)$/.exec(item);
      if (impact) return t('liability.impact', { n: Number(impact[1]) + 1 });
      return item;
    })
    .join('；');
}
