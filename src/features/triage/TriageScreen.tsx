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
  type Result,
  type TriageRule,
} from '../../domain';
import { useServices } from '../../services/ServicesContext';
import { describeSaveError } from '../../services/save-error';
import { useCase } from '../../services/useCase';
import { updateCase } from '../../storage';
import { Link, navigate } from '../../ui/router';
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

function Triage({ c }: { c: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const { db, platform } = useServices();
  const [error, setError] = useState<string | null>(null);
  // Shown at once, before the database write comes back through the live query.
  const [tapped, setTapped] = useState<Record<string, boolean>>({});
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  // A question opened by a tap takes the focus (its button gives way to it).
  const focusRule = useRef<string | null>(null);
  useEffect(() => {
    if (focusRule.current === null) return;
    document.querySelector<HTMLInputElement>(`input[name="${focusRule.current}"]`)?.focus();
    focusRule.current = null;
  }, [opened]);
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const answers = triageAnswersOf(c, TRIAGE_RULES);
  const outcome = triageCase(TRIAGE_RULES, answers);
  const editable = isOnScene(c.state);
  const answered = Object.keys(answers).length;
  const parties = `/cases/${c.id}/parties`;

  const save = (change: (x: CaseRecord, at: string) => Result<CaseRecord, string>) => {
    const at = platform.clock.now();
    const apply = (x: CaseRecord) => {
      const r = change(x, at);
      if (!r.ok) throw new Error(r.reason);
      return r.value;
    };
    return updateCase(db, c.id, apply, at).catch(async (err: unknown) => {
      setError(await describeSaveError(err, db, t));
      throw err;
    });
  };

  const answer = (ruleId: string, value: boolean) => {
    setTapped((m) => ({ ...m, [ruleId]: value }));
    void save((x, at) => recordTriageAnswer(x, TRIAGE_RULES, ruleId, value, at)).catch(
      () => undefined,
    );
  };

  const settle = () =>
    void save((x, at) => settleTriage(x, TRIAGE_RULES, at)).then(
      () => navigate(`/cases/${c.id}`),
      () => undefined,
    );

  const allNormal = () =>
    void save((x, at) => confirmAllNormal(x, TRIAGE_RULES, at)).then(
      () => navigate(parties),
      () => undefined,
    );

  const current = (rule: TriageRule) => tapped[rule.id] ?? answers[rule.id]?.answer;
  const anyFires = TRIAGE_RULES.rules.some((r) => current(r) === r.firesOn);

  return (
    <section aria-labelledby="triage-title">
      <Link href={`/cases/${c.id}`} className="back-link">
        ← {c.caseNumber}
      </Link>
      <h1 id="triage-title">{t('triage.title')}</h1>
      <p>{t('triage.intro')}</p>
      <p className="muted" role="status" data-testid="triage-progress">
        {t('triage.progress', { answered, total: TRIAGE_RULES.rules.length })}
      </p>
      {!editable && <p className="notice">{t('triage.notEditable')}</p>}
      {c.state === 'escalated' && (
        <p className="notice warn" role="status" data-testid="escalated-notice">
          {t('triage.escalated')}
        </p>
      )}
      <ol className="triage-list">
        {TRIAGE_RULES.rules.map((rule) => {
          const value = current(rule);
          const fires = value !== undefined && value === rule.firesOn;
          const firedRule =
            outcome.outcome === 'escalate'
              ? outcome.fired.find((f) => f.ruleId === rule.id)
              : undefined;
          const open = opened.has(rule.id) || value !== undefined;
          return (
            <li
              key={rule.id}
              className={fires ? 'triage-item fires' : 'triage-item'}
              data-rule-item={rule.id}
            >
              {!open && (
                <button
                  type="button"
                  className="triage-open"
                  aria-expanded={false}
                  disabled={!editable}
                  onClick={() => {
                    setOpened((s) => new Set([...s, rule.id]));
                    focusRule.current = rule.id;
                  }}
                >
                  {rule.question[lang]}
                </button>
              )}
              {open && (
                <fieldset className="plain" disabled={!editable}>
                  <legend>{rule.question[lang]}</legend>
                  <div className="yes-no" role="radiogroup">
                    {[true, false].map((v) => (
                      <label key={String(v)} className={value === v ? 'choice chosen' : 'choice'}>
                        <input
                          type="radio"
                          name={rule.id}
                          checked={value === v}
                          onChange={() => answer(rule.id, v)}
                        />
                        {v ? t('triage.yes') : t('triage.no')}
                      </label>
                    ))}
                  </div>
                </fieldset>
              )}
              {fires && firedRule && <FiredRuleView rule={firedRule} lang={lang} />}
            </li>
          );
        })}
      </ol>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      <div aria-live="polite" className="triage-outcome" data-testid="triage-outcome">
        {c.state === 'opened' && editable && !anyFires && (
          <div className="notice ok">
            <p>{t('triage.allNormalHint')}</p>
            <button type="button" className="button primary block" onClick={allNormal}>
              {t('triage.allNormal')}
            </button>
          </div>
        )}
        {c.state !== 'opened' && c.state !== 'escalated' && outcome.outcome === 'quick' && (
          <div className="notice ok">
            <p>{t('triage.quick')}</p>
            <Link href={parties} className="button primary block">
              {t('triage.next')}
            </Link>
          </div>
        )}
        {outcome.outcome === 'escalate' && (
          <div className="notice error" role="alert">
            <p>
              {t('triage.firedCount', { count: outcome.fired.length })}{' '}
              {outcome.fired.map((f) => f.condition[lang]).join('；')}
            </p>
            {editable && c.state !== 'escalated' && (
              <button type="button" className="button primary block" onClick={settle}>
                {t('triage.confirmEscalate')}
              </button>
            )}
          </div>
        )}
      </div>
      <p className="muted">{t('triage.revised')}</p>
    </section>
  );
}
