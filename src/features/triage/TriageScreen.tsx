/**
 * Triage as one confirmation: the 18 situations are listed, and "均无以上情形"
 * (none of them) records every rule as answered and moves on. A situation
 * that may apply opens its question; "是" is always the risky answer, and a
 * question that fires shows why, what to do and the legal basis right beside it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  confirmAllNormal,
  isOnScene,
  recordTriageAnswer,
  settleTriage,
  TRIAGE_RULES,
  triageAnswersOf,
  triageCase,
  type CaseRecord,
  type FiredRule,
  type TriageRule,
} from '../../domain';
import { useCase } from '../../services/useCase';
import { useCaseStep, type CaseStepRunner } from '../../services/useCaseStep';
import { Button, ButtonLink } from '../../ui/Button';
import { ErrorNotice, Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { navigate } from '../../ui/router';
import { FiredRuleView } from './FiredRuleView';
import './triage.css';

type Lang = 'zh' | 'en';

export function TriageScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const result = useCase(id);
  if (result === undefined) return <p role="status">{t('app.loading')}</p>;
  if (!result.found) return <p role="alert">{t('caseDetail.notFound')}</p>;
  return <Triage c={result.value} />;
}

/** Opened questions, and the focus moving to a question opened by a tap. */
function useOpenedQuestions() {
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  // A question opened by a tap takes the focus (its button gives way to it).
  const focusRule = useRef<string | null>(null);
  useEffect(() => {
    if (focusRule.current === null) return;
    document.querySelector<HTMLInputElement>(`input[name="${focusRule.current}"]`)?.focus();
    focusRule.current = null;
  }, [opened]);
  const open = (ruleId: string) => {
    setOpened((s) => new Set([...s, ruleId]));
    focusRule.current = ruleId;
  };
  return { opened, open };
}

function Triage({ c }: { c: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const { run, error } = useCaseStep(c.id);
  // Shown at once, before the database write comes back through the live query.
  const [tapped, setTapped] = useState<Record<string, boolean>>({});
  const { opened, open } = useOpenedQuestions();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const answers = triageAnswersOf(c, TRIAGE_RULES);
  const outcome = triageCase(TRIAGE_RULES, answers);
  const editable = isOnScene(c.state);
  const answered = Object.keys(answers).length;

  const answer = (ruleId: string, value: boolean) => {
    setTapped((m) => ({ ...m, [ruleId]: value }));
    run((x, at) => recordTriageAnswer(x, TRIAGE_RULES, ruleId, value, at));
  };
  const current = (rule: TriageRule) => tapped[rule.id] ?? answers[rule.id]?.answer;
  const anyFires = TRIAGE_RULES.rules.some((r) => current(r) === r.firesOn);
  const firedOf = (rule: TriageRule) =>
    outcome.outcome === 'escalate' ? outcome.fired.find((f) => f.ruleId === rule.id) : undefined;

  return (
    <Page
      titleId="triage-title"
      title={t('triage.title')}
      back={{ href: `/cases/${c.id}`, label: c.caseNumber }}
    >
      <p>{t('triage.intro')}</p>
      <p className="muted" role="status" data-testid="triage-progress">
        {t('triage.progress', { answered, total: TRIAGE_RULES.rules.length })}
      </p>
      {!editable && <Notice>{t('triage.notEditable')}</Notice>}
      {c.state === 'escalated' && (
        <Notice tone="warn" role="status" data-testid="escalated-notice">
          {t('triage.escalated')}
        </Notice>
      )}
      <ol className="triage-list">
        {TRIAGE_RULES.rules.map((rule) => (
          <TriageItem
            key={rule.id}
            rule={rule}
            lang={lang}
            value={current(rule)}
            fired={firedOf(rule)}
            open={opened.has(rule.id)}
            editable={editable}
            onOpen={() => open(rule.id)}
            onAnswer={(v) => answer(rule.id, v)}
          />
        ))}
      </ol>
      <ErrorNotice error={error} />
      <TriageOutcome c={c} outcome={outcome} lang={lang} anyFires={anyFires} run={run} />
      <p className="muted">{t('triage.revised')}</p>
    </Page>
  );
}

/** One situation: its question behind a button until opened or answered, then yes / no. */
function TriageItem({
  rule,
  lang,
  value,
  fired,
  open,
  editable,
  onOpen,
  onAnswer,
}: {
  rule: TriageRule;
  lang: Lang;
  value: boolean | undefined;
  /** Why the rule fired, when the case escalates on it. */
  fired: FiredRule | undefined;
  open: boolean;
  editable: boolean;
  onOpen: () => void;
  onAnswer: (value: boolean) => void;
}) {
  const { t } = useTranslation();
  const fires = value !== undefined && value === rule.firesOn;
  return (
    <li className={fires ? 'triage-item fires' : 'triage-item'} data-rule-item={rule.id}>
      {open || value !== undefined ? (
        <fieldset className="plain" disabled={!editable}>
          <legend>{rule.question[lang]}</legend>
          <div className="yes-no" role="radiogroup">
            {[true, false].map((v) => (
              <label key={String(v)} className={value === v ? 'choice chosen' : 'choice'}>
                <input
                  type="radio"
                  name={rule.id}
                  checked={value === v}
                  onChange={() => onAnswer(v)}
                />
                {v ? t('triage.yes') : t('triage.no')}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <button
          type="button"
          className="triage-open"
          aria-expanded={false}
          disabled={!editable}
          onClick={onOpen}
        >
          {rule.question[lang]}
        </button>
      )}
      {fires && fired && <FiredRuleView rule={fired} lang={lang} />}
    </li>
  );
}

/** None of them (on to the parties), the quick path confirmed, or the escalation to confirm. */
function TriageOutcome({
  c,
  outcome,
  lang,
  anyFires,
  run,
}: {
  c: CaseRecord;
  outcome: ReturnType<typeof triageCase>;
  lang: Lang;
  anyFires: boolean;
  run: CaseStepRunner['run'];
}) {
  const { t } = useTranslation();
  const editable = isOnScene(c.state);
  const parties = `/cases/${c.id}/parties`;
  const settle = () =>
    run(
      (x, at) => settleTriage(x, TRIAGE_RULES, at),
      () => navigate(`/cases/${c.id}`),
    );
  const allNormal = () =>
    run(
      (x, at) => confirmAllNormal(x, TRIAGE_RULES, at),
      () => navigate(parties),
    );
  return (
    <div aria-live="polite" className="triage-outcome" data-testid="triage-outcome">
      {c.state === 'opened' && editable && !anyFires && (
        <Notice as="div" tone="ok">
          <p>{t('triage.allNormalHint')}</p>
          <Button variant="primary" block onClick={allNormal}>
            {t('triage.allNormal')}
          </Button>
        </Notice>
      )}
      {c.state !== 'opened' && c.state !== 'escalated' && outcome.outcome === 'quick' && (
        <Notice as="div" tone="ok">
          <p>{t('triage.quick')}</p>
          <ButtonLink href={parties} variant="primary" block>
            {t('triage.next')}
          </ButtonLink>
        </Notice>
      )}
      {outcome.outcome === 'escalate' && (
        <Notice as="div" tone="error" role="alert">
          <p>
            {t('triage.firedCount', { count: outcome.fired.length })}{' '}
            {outcome.fired.map((f) => f.condition[lang]).join('；')}
          </p>
          {editable && c.state !== 'escalated' && (
            <Button variant="primary" block onClick={settle}>
              {t('triage.confirmEscalate')}
            </Button>
          )}
        </Notice>
      )}
    </div>
  );
}
