import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  currentAnswers,
  isOnScene,
  recordTriageAnswer,
  settleTriage,
  TRIAGE_RULES,
  triageCase,
  type CaseRecord,
  type FiredRule,
} from '../../domain';
import { useServices } from '../../services/ServicesContext';
import { describeSaveError } from '../../services/save-error';
import { useCase } from '../../services/useCase';
import { updateCase } from '../../storage';
import { Link, navigate } from '../../ui/router';
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
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const answers = currentAnswers(c.triage?.history ?? []);
  const outcome = triageCase(TRIAGE_RULES, answers);
  const editable = isOnScene(c.state);
  const answered = Object.keys(answers).length;

  const save = (change: (x: CaseRecord, at: string) => CaseRecord) => {
    const at = platform.clock.now();
    return updateCase(db, c.id, (x) => change(x, at), at).catch(async (err: unknown) => {
      setError(await describeSaveError(err, db, t));
      throw err;
    });
  };

  const answer = (ruleId: string, value: boolean) => {
    setTapped((m) => ({ ...m, [ruleId]: value }));
    void save((x, at) => {
      const r = recordTriageAnswer(x, TRIAGE_RULES, ruleId, value, at);
      if (!r.ok) throw new Error(r.reason);
      return r.value;
    }).catch(() => undefined);
  };

  const settle = () =>
    void save((x, at) => {
      const r = settleTriage(x, TRIAGE_RULES, at);
      if (!r.ok) throw new Error(r.reason);
      return r.value;
    }).then(
      () => navigate(`/cases/${c.id}`),
      () => undefined,
    );

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
          const current = tapped[rule.id] ?? answers[rule.id]?.answer;
          const fires = current !== undefined && current === rule.firesOn;
          return (
            <li key={rule.id} className={fires ? 'triage-item fires' : 'triage-item'}>
              <fieldset className="plain" disabled={!editable}>
                <legend>{rule.question[lang]}</legend>
                <div className="yes-no" role="radiogroup">
                  {[true, false].map((v) => (
                    <label key={String(v)} className={current === v ? 'choice chosen' : 'choice'}>
                      <input
                        type="radio"
                        name={rule.id}
                        checked={current === v}
                        onChange={() => answer(rule.id, v)}
                      />
                      {v ? t('triage.yes') : t('triage.no')}
                    </label>
                  ))}
                </div>
              </fieldset>
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
        {outcome.outcome === 'quick' && (
          <div className="notice ok">
            <p>{t('triage.quick')}</p>
            {c.state === 'opened' && (
              <button type="button" className="button primary block" onClick={settle}>
                {t('triage.continue')}
              </button>
            )}
          </div>
        )}
        {outcome.outcome === 'escalate' && (
          <div className="notice error" role="alert">
            {outcome.fired.map((f) => (
              <FiredRuleView key={f.ruleId} rule={f} lang={lang} />
            ))}
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

function FiredRuleView({ rule, lang }: { rule: FiredRule; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <div className="fired-rule" data-rule={rule.ruleId}>
      <h2>{t('triage.fired', { condition: rule.condition[lang] })}</h2>
      {rule.action === 'out-of-scope' && <p>{t('triage.outOfScope')}</p>}
      <p>
        <strong>{t('triage.instruction')}：</strong>
        {rule.sceneInstruction[lang]}
      </p>
      <p>
        <strong>{t('triage.basis')}：</strong>
      </p>
      <ul>
        {rule.legalBasis.map((b) => (
          <li key={`${b.law}${b.article}`}>
            《{b.law.replace(/^《|》$/g, '')}》{b.article}
            {lang === 'en' && ` — ${b.pointEn}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
