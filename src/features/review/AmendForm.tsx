/**
 * The squad amends the liability: one choice per vehicle (radio groups, by
 * arrow keys), set to the determination in force; the reason; and, where the
 * officer gave the engine facts, the facts corrected — place kind, each
 * vehicle's action and signal — with what the engine decides on them shown
 * at once. Where the engine decides, the choices follow it unless the
 * reviewer changes one (the squad's override, for its reason); where it
 * escalates or asks for more, the squad's liability goes without the facts.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../domain';
import type { LiabilityDecision } from '../../domain/liability/decision';
import {
  PlaceKind,
  SignalFacing,
  VehicleAction,
  type LiabilityFacts,
} from '../../domain/liability/facts.schema';
import { useLiabilityEngine, type EngineState } from '../../services/useLiabilityEngine';
import { Check, SelectField, TextArea } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import {
  correctedFacts,
  editsOf,
  LEVELS,
  overriddenVehicles,
  shownLiability,
  vehiclesOf,
  type AmendDraft,
  type AmendProblem,
  type FactEdits,
  type Level,
} from './amend-model';
import { inLanguage } from './review-format';

export const EMPTY_AMEND: AmendDraft = { chosen: {}, reason: '', edits: null };

export interface AmendView {
  draft: AmendDraft;
  setDraft(d: AmendDraft): void;
  engine: EngineState;
  /** The corrected facts, when the reviewer opened them and they are complete. */
  facts: LiabilityFacts | null;
  /** What the engine decides on them. */
  decision: LiabilityDecision | null;
}

/** The draft, and the engine's decision on its corrected facts. */
export function useAmend(record: CaseRecord): AmendView {
  const [draft, setDraft] = useState<AmendDraft>(EMPTY_AMEND);
  const engine = useLiabilityEngine(draft.edits !== null);
  const stored = record.liability?.facts;
  const facts = useMemo(
    () => (stored && draft.edits ? correctedFacts(stored, draft.edits) : null),
    [stored, draft.edits],
  );
  const decision = useMemo(
    () => (facts && engine.status === 'ready' ? engine.evaluate(facts) : null),
    [facts, engine],
  );
  return { draft, setDraft, engine, facts, decision };
}

function Levels({ record, view }: { record: CaseRecord; view: AmendView }) {
  const { t } = useTranslation();
  const shown = shownLiability(record, view.draft, view.decision);
  const choose = (label: string, level: Level) =>
    view.setDraft({ ...view.draft, chosen: { ...view.draft.chosen, [label]: level } });
  return vehiclesOf(record).map(({ label, plate }) => (
    <fieldset key={label} className="review-amend-levels">
      <legend>{t('review.amend.levels', { label, plate })}</legend>
      <div>
        {LEVELS.map((level) => (
          <label key={level} className="radio">
            <input
              type="radio"
              name={`review-amend-${label}`}
              value={level}
              checked={shown[label] === level}
              onChange={() => choose(label, level)}
            />
            {t(`review.liability.level.${level}`)}
          </label>
        ))}
      </div>
    </fieldset>
  ));
}

function FactFields({ edits, onEdits }: { edits: FactEdits; onEdits(e: FactEdits): void }) {
  // The words of the liability bundle (src/domain/liability/fact-words.ts), loaded with these screens.
  const { t } = useTranslation();
  const vehicle = (id: string, change: Partial<FactEdits['vehicles'][string]>) => {
    const was = edits.vehicles[id];
    if (was) onEdits({ ...edits, vehicles: { ...edits.vehicles, [id]: { ...was, ...change } } });
  };
  return (
    <fieldset>
      <legend>{t('review.amend.factsTitle')}</legend>
      <SelectField
        id="review-amend-place"
        label={t('review.amend.place')}
        value={edits.placeKind}
        options={PlaceKind.options.map((k) => ({ value: k, label: t(`liability.placeKind.${k}`) }))}
        onValue={(v) => onEdits({ ...edits, placeKind: v as PlaceKind })}
      />
      {Object.entries(edits.vehicles).map(([id, v]) => (
        <div key={id}>
          <SelectField
            id={`review-amend-action-${id}`}
            label={t('review.amend.action', { label: id })}
            value={v.action}
            options={VehicleAction.options.map((a) => ({
              value: a,
              label: t(`liability.actionKind.${a}`),
            }))}
            onValue={(a) => vehicle(id, { action: a as VehicleAction })}
          />
          <SelectField
            id={`review-amend-signal-${id}`}
            label={t('review.amend.signal', { label: id })}
            value={v.signal}
            none={t('review.amend.notRecorded')}
            options={SignalFacing.options.map((s) => ({
              value: s,
              label: t(`liability.signalKind.${s}`),
            }))}
            onValue={(s) => vehicle(id, { signal: s as SignalFacing | '' })}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** What the engine decides on the corrected facts, in words. */
function Preview({ record, view }: { record: CaseRecord; view: AmendView }) {
  const { t, i18n } = useTranslation();
  const { engine, facts, decision } = view;
  const levels = (l: Readonly<Record<string, string>>) =>
    Object.entries(l)
      .map(([v, level]) =>
        t('review.liability.byVehicle', {
          vehicle: v,
          level: t(`review.liability.level.${level}`),
        }),
      )
      .join('；');
  let text: string;
  let tone: 'ok' | 'warn' = 'warn';
  if (engine.status === 'failed') text = t('review.amend.loadFailed');
  else if (facts === null) text = t('review.amend.factsInvalid');
  else if (!decision) text = t('review.amend.loading');
  else if (decision.outcome === 'liability' && decision.liability) {
    tone = 'ok';
    text = t('review.amend.decides', { liability: levels(decision.liability) });
  } else if (decision.outcome === 'escalate') {
    const reason = decision.escalation ? inLanguage(decision.escalation.reason, i18n.language) : '';
    text = t('review.amend.escalates', { reason });
  } else {
    const q = decision.nextQuestion;
    text = t('review.amend.asks', { question: q ? inLanguage(q.text, i18n.language) : '' });
  }
  const differs = overriddenVehicles(shownLiability(record, view.draft, decision), decision);
  return (
    <div aria-live="polite" data-testid="amend-preview">
      <Notice tone={tone}>{text}</Notice>
      {tone === 'ok' && <p className="muted">{t('review.amend.follows')}</p>}
      {differs.length > 0 && (
        <p>{t('review.amend.overridden', { vehicles: differs.join('、') })}</p>
      )}
      {tone === 'ok' && <p className="muted">{t('review.amend.withFacts')}</p>}
    </div>
  );
}

export function AmendForm({
  record,
  view,
  problem,
}: {
  record: CaseRecord;
  view: AmendView;
  problem: AmendProblem | null;
}) {
  const { t } = useTranslation();
  const { draft, setDraft } = view;
  const stored = record.liability?.facts;
  return (
    <>
      <h3>{t('review.amend.title')}</h3>
      <p className="muted">{t('review.amend.intro')}</p>
      <Levels record={record} view={view} />
      {problem?.kind === 'level' && (
        <p className="field-error" role="alert">
          {t('review.amend.levelNeeded', { label: problem.label })}
        </p>
      )}
      {stored ? (
        <Check
          className="check"
          label={t('review.amend.useFacts')}
          checked={draft.edits !== null}
          onCheck={(on) => setDraft({ ...draft, edits: on ? editsOf(stored) : null })}
        />
      ) : (
        <p className="muted">{t('review.amend.noFacts')}</p>
      )}
      {draft.edits && (
        <>
          <FactFields edits={draft.edits} onEdits={(edits) => setDraft({ ...draft, edits })} />
          <Preview record={record} view={view} />
        </>
      )}
      <TextArea
        id="review-amend-reason"
        label={t('review.amend.reason')}
        value={draft.reason}
        onValue={(reason) => setDraft({ ...draft, reason })}
        errors={problem?.kind === 'reason' ? t('review.amend.reasonNeeded') : null}
        urgent
        required
      />
    </>
  );
}
