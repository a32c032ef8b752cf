/**
 * What the engine concluded, as the officer sees it: liability per vehicle
 * with every finding's law and article, to confirm as the proposal; once
 * stored, the proposal with any override and the way on to the notices. When
 * the engine escalates instead, why and under which articles.
 */
import { useTranslation } from 'react-i18next';
import type {
  CaseRecord,
  DecisionSnapshot,
  LiabilityByVehicle,
  LiabilityOverride,
} from '../../domain';
import type { LiabilityDecision } from '../../domain/liability';
import { canonicalJson } from '../../domain/manifest';
import { OverrideForm, OverrideNote } from './OverrideForm';
import { citeBasis, levelsText, type Lang } from './shared';
import { Button, ButtonLink } from '../../ui/Button';
import { Notice } from '../../ui/Notice';

/** Liability per vehicle, then every finding with its basis and reasoning. */
export function ProposalView({
  decision,
  lang,
  title,
}: {
  decision: LiabilityDecision | DecisionSnapshot;
  lang: Lang;
  title: string;
}) {
  const { t } = useTranslation();
  const liability = decision.liability ?? {};
  return (
    <div className="proposal">
      <h2>{title}</h2>
      <ul className="levels" data-testid="proposal-levels">
        {Object.entries(liability)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([label, level]) => (
            <li key={label} data-vehicle={label} data-level={level}>
              <strong>{t('liability.vehicleLabel', { label })}</strong>：
              {t(`liability.level.${level}`)}
            </li>
          ))}
      </ul>
      {decision.officerMustConfirm && <p className="warn-text">{t('liability.mustConfirm')}</p>}
      {decision.alternatives.length > 0 && (
        <div>
          <p>{t('liability.alternatives')}</p>
          <ul>
            {decision.alternatives.map((a, i) => (
              <li key={i}>
                {levelsText(a.liability, t)} — {a.reason[lang]}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3>{t('liability.findings')}</h3>
      {decision.findings.map((f, i) => (
        <div key={i} className="finding" data-testid="finding" data-scenario={f.scenarioId}>
          <p>{f.explanation[lang]}</p>
          <p className="basis">
            <strong>{t('liability.basis')}：</strong>
            {f.basis.map(citeBasis).join('；')}
          </p>
        </div>
      ))}
    </div>
  );
}

/** The engine's liability for the facts on screen, for the officer to (re)propose. */
export function ProposalToConfirm({
  decision,
  lang,
  canAct,
  again,
  onPropose,
}: {
  decision: LiabilityDecision;
  lang: Lang;
  canAct: boolean;
  /** A proposal is stored already, for other facts. */
  again: boolean;
  onPropose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Notice as="div">
      <ProposalView decision={decision} lang={lang} title={t('liability.proposalTitle')} />
      {canAct && (
        <Button variant="primary" block onClick={onPropose}>
          {again ? t('liability.repropose') : t('liability.propose')}
        </Button>
      )}
    </Notice>
  );
}

/** The stored proposal, the override if any (and the form while it may change), then on to the notices. */
export function StoredProposal({
  c,
  decision,
  proposal,
  override,
  lang,
  editable,
}: {
  c: CaseRecord;
  decision: DecisionSnapshot;
  proposal: LiabilityByVehicle;
  override: LiabilityOverride | undefined;
  lang: Lang;
  editable: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Notice as="div" tone="ok" data-testid="stored-proposal">
      <ProposalView decision={decision} lang={lang} title={t('liability.proposed')} />
      {override && <OverrideNote override={override} />}
      {editable && (
        <OverrideForm
          key={canonicalJson(override ?? proposal)}
          c={c}
          proposal={proposal}
          current={override?.liability ?? proposal}
        />
      )}
      <ButtonLink href={`/cases/${c.id}/notices`} variant="primary" block>
        {t('liability.toNotices')}
      </ButtonLink>
    </Notice>
  );
}

/** Why the case leaves quick handling, and the button that sends it on. */
export function EscalationView({
  decision,
  lang,
  canAct,
  onEscalate,
}: {
  decision: LiabilityDecision;
  lang: Lang;
  canAct: boolean;
  onEscalate: () => void;
}) {
  const { t } = useTranslation();
  const e = decision.escalation;
  return (
    <Notice as="div" tone="error" role="alert" data-rule={e?.ruleId}>
      <h2>{t('liability.escalateTitle')}</h2>
      {e && <p>{e.reason[lang]}</p>}
      {e?.instruction && <p>{e.instruction[lang]}</p>}
      {decision.liabilityHint && (
        <p data-testid="liability-hint">
          {t('liability.hint', { levels: levelsText(decision.liabilityHint, t) })}
        </p>
      )}
      {decision.liabilityHintWithheld && (
        <p data-testid="liability-hint-withheld">{decision.liabilityHintWithheld[lang]}</p>
      )}
      {e && e.basis.length > 0 && (
        <ul>
          {e.basis.map((b) => (
            <li key={`${b.law}${b.article}`}>{citeBasis(b)}</li>
          ))}
        </ul>
      )}
      {canAct && (
        <Button variant="primary" block onClick={onEscalate}>
          {t('liability.escalate')}
        </Button>
      )}
    </Notice>
  );
}
