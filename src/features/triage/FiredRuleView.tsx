/** Why a triage question fired: what to do at the scene and the legal basis. */
import { useTranslation } from 'react-i18next';
import type { FiredRule } from '../../domain';

export function FiredRuleView({ rule, lang }: { rule: FiredRule; lang: 'zh' | 'en' }) {
  const { t } = useTranslation();
  return (
    <div className="fired-rule notice error" data-rule={rule.ruleId} role="alert">
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
