/**
 * The officer's liability questions: the place, what each vehicle was doing
 * (with pictograms), the signal or sign where it matters, who struck whom,
 * then only the engine's own follow-up questions. Shows the proposal with its
 * basis and reasoning; the officer may change it with a written reason.
 * Once the accident squad's amendment is adopted, its determination is the
 * one in force: shown as it stands, the questions and the engine's re-run on
 * the officer's earlier answers withheld until an explicit amendment.
 * This file holds the draft and composes the parts: FactQuestions,
 * QuestionCard, Proposal (with EscalationView) and OverrideForm.
 */
import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  canAmend,
  answerLiabilityQuestion,
  effectiveLiability,
  enteredAt,
  factsFromDraft,
  fixedObjectsOf,
  fitLiabilityDraft,
  isProposalFor,
  proposeLiability,
  saveLiabilityDraft,
  squadReasonInForce,
  type CaseRecord,
  type LiabilityDraft,
} from '../../domain';
import { evaluateLiability, loadLiabilityCatalog } from '../../domain/liability';
import { useCase } from '../../services/useCase';
import { useCaseStep } from '../../services/useCaseStep';
import { ButtonLink } from '../../ui/Button';
import { formatTime } from '../../ui/format';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { navigate } from '../../ui/router';
import { DisputeForm } from './DisputeForm';
import { factErrorText } from './fact-error-text';
import { FactQuestions } from './FactQuestions';
import { EscalationView, ProposalToConfirm, StoredProposal } from './Proposal';
import { QuestionCard } from './QuestionCard';
import { levelsText, objectPartiesOf, useLang } from './shared';
import './liability.css';

const catalog = loadLiabilityCatalog();

export function LiabilityScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const result = useCase(id);
  if (result === undefined) return <p role="status">{t('app.loading')}</p>;
  if (!result.found) return <p role="alert">{t('caseDetail.notFound')}</p>;
  return <Liability c={result.value} />;
}

/** The draft on screen, the engine's decision on it, and the steps that save them. */
function useLiabilityDraft(c: CaseRecord) {
  const { run, error } = useCaseStep(c.id);
  const [draft, setDraft] = useState<LiabilityDraft>(() => fitLiabilityDraft(c));
  const facts = useMemo(() => factsFromDraft(draft, true), [draft]);
  const decision = useMemo(
    () => (facts.ok ? evaluateLiability(catalog, facts.value) : null),
    [facts],
  );
  const change = (next: LiabilityDraft) => {
    setDraft(next);
    run((x, at) => saveLiabilityDraft(x, next, at));
  };
  const propose = () => {
    if (!facts.ok) return;
    run(
      (x, at) => {
        const r = proposeLiability(x, catalog, facts.value, at);
        return r.ok ? { ok: true, value: r.value.case } : r;
      },
      // On to the notices; the proposal (and a change of it) stays one tap back.
      (saved) =>
        navigate(saved.state === 'escalated' ? `/cases/${c.id}` : `/cases/${c.id}/notices`),
    );
  };
  return { draft, facts, decision, change, propose, error };
}

type LiabilityDraftView = ReturnType<typeof useLiabilityDraft>;

export function Liability({ c }: { c: CaseRecord }) {
  const { t } = useTranslation();
  const lang = useLang();
  const view = useLiabilityDraft(c);
  const { draft, facts, change, error } = view;
  const record = c.liability;
  const signedAny = (record?.signatures.length ?? 0) > 0;
  const ready = c.state === 'scene-cleared' || c.state === 'liability-proposed';
  const squadReason = squadReasonInForce(c);
  const editable = ready && !signedAny && squadReason === undefined;
  const proposalCurrent = facts.ok && isProposalFor(c, facts.value);

  return (
    <Page
      titleId="liability-title"
      title={t('liability.title')}
      back={{ href: `/cases/${c.id}`, label: c.caseNumber }}
      className="liability"
    >
      <WhereItStands c={c} ready={ready} signedAny={signedAny} />
      {squadReason === undefined ? (
        <>
          <p className="muted">{t('liability.intro')}</p>
          <FactQuestions c={c} draft={draft} editable={editable} onChange={change} />
          <ErrorNotice error={error} />
          <Outcome c={c} view={view} editable={editable} proposalCurrent={proposalCurrent} />
        </>
      ) : (
        <SquadInForce c={c} reason={squadReason} />
      )}
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
    </Page>
  );
}

/** The accident squad's determination, in force since the officer adopted it. */
function SquadInForce({ c, reason }: { c: CaseRecord; reason: string }) {
  const { t } = useTranslation();
  const liability = effectiveLiability(c);
  return (
    <Notice as="div" tone="warn" data-testid="squad-in-force">
      <h2>{t('liability.squadTitle')}</h2>
      {liability && <p data-testid="squad-in-force-levels">{levelsText(liability, t)}</p>}
      <p>{t('liability.squadInForce', { reason })}</p>
    </Notice>
  );
}

/** Cleared, not ready yet, escalated or sealed; and whether there are vehicles enough. */
function WhereItStands({
  c,
  ready,
  signedAny,
}: {
  c: CaseRecord;
  ready: boolean;
  signedAny: boolean;
}) {
  const { t, i18n } = useTranslation();
  const clearedAt = enteredAt(c, 'scene-cleared');
  const dispute = c.liability?.dispute;
  return (
    <>
      {c.state === 'scene-cleared' && clearedAt && (
        <Notice tone="ok" role="status" data-testid="cleared-confirmation">
          {t('liability.clearedAt', { time: formatTime(clearedAt, i18n.language) })}
        </Notice>
      )}
      {!ready && c.state !== 'escalated' && <Notice tone="warn">{t('liability.notReady')}</Notice>}
      {c.state === 'escalated' && (
        <Notice tone="warn" role="status" data-testid="escalated-notice">
          {t('liability.escalated')}
          {dispute && ` ${t('liability.dispute.recorded', { reason: dispute.reason })}`}
        </Notice>
      )}
      {signedAny && (
        <Notice as="div">
          <p>{t('liability.locked')}</p>
          {canAmend(c) && (
            <ButtonLink href={`/cases/${c.id}/notices#amend`} block>
              {t('amendment.title')}
            </ButtonLink>
          )}
        </Notice>
      )}
      {c.vehicles.length + fixedObjectsOf(c).length < 2 && (
        <Notice tone="warn">{t('liability.needVehicles')}</Notice>
      )}
    </>
  );
}

/** What the engine says of the facts so far: what is missing, its question, or its decision. */
function Outcome({
  c,
  view,
  editable,
  proposalCurrent,
}: {
  c: CaseRecord;
  view: LiabilityDraftView;
  editable: boolean;
  proposalCurrent: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { facts, decision, draft, change, propose } = view;
  const question = decision?.outcome === 'need-more-facts' ? decision.nextQuestion : undefined;
  return (
    <div aria-live="polite" className="liability-outcome" data-testid="liability-outcome">
      {!facts.ok && facts.reason === 'incomplete' && (
        <p className="muted">
          {t('liability.missing', { items: describeMissing(facts.detail ?? '', t, c) })}
        </p>
      )}
      {!facts.ok && facts.reason === 'invalid-facts' && (
        <Notice tone="error">
          {factErrorText(
            t,
            facts.detail ?? '',
            draft.vehicles.map((v) => v.id),
          ).join('；')}
        </Notice>
      )}
      {question && (
        <QuestionCard
          q={question}
          lang={lang}
          disabled={!editable}
          onAnswer={(value) => change(answerLiabilityQuestion(draft, question, value))}
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
  );
}

/**
 * The facts still missing (`place`, `vehicles.B.action`, `impacts.0`,
 * `objects.<party id>.kind`), in the questions' words.
 */
function describeMissing(detail: string, t: TFunction, c: CaseRecord): string {
  const objects = objectPartiesOf(c, t);
  return detail
    .split(',')
    .filter(Boolean)
    .map((item) => {
      if (item === 'place') return t('liability.place');
      const action = /^vehicles\.(.+)\.action$/.exec(item);
      if (action) return t('liability.action', { label: action[1] });
      const impact = /^impacts\.(\d+)$/.exec(item);
      if (impact) return t('liability.impact', { n: Number(impact[1]) + 1 });
      const kind = /^objects\.(.+)\.kind$/.exec(item);
      const object = objects.find((o) => o.id === kind?.[1]);
      if (object) return t('liability.objectKindQ', { name: object.name });
      return item;
    })
    .join('；');
}
