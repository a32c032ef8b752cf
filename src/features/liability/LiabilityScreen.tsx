/**
 * The officer's liability questions: the place, what each vehicle was doing
 * (with pictograms), the signal or sign where it matters, who struck whom,
 * then only the engine's own follow-up questions. Shows the proposal with its
 * basis and reasoning; the officer may change it with a written reason.
 */
import { useMemo, useState, type JSX, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  emptyDraft,
  factsFromDraft,
  overrideLiability,
  proposeLiability,
  saveLiabilityDraft,
  type CaseRecord,
  type DecisionSnapshot,
  type LiabilityByVehicle,
  type LiabilityDraft,
} from '../../domain';
import type { SignalFacing } from '../../domain/liability';
import {
  evaluateLiability,
  loadLiabilityCatalog,
  PlaceKind,
  VehicleAction,
  VehicleCondition,
  type Heading,
  type LiabilityDecision,
  type LiabilityLevel,
  type NextQuestion,
} from '../../domain/liability';
import { canonicalJson } from '../../domain/manifest';
import { useCase } from '../../services/useCase';
import { Link, navigate } from '../../ui/router';
import { DisputeForm } from './DisputeForm';
import { ReasonField } from './ReasonField';
import { Pictogram } from './Pictogram';
import { citeBasis, LEVELS, useLang, useStep, type Lang } from './shared';
import './liability.css';

const catalog = loadLiabilityCatalog();

const JUNCTIONS: readonly PlaceKind[] = [
  'signalised-junction',
  'officer-controlled-junction',
  'priority-sign-junction',
  'unmarked-junction',
  'roundabout',
];

const SIGNALS_AT: Partial<Record<PlaceKind, readonly SignalFacing[]>> = {
  'signalised-junction': ['green', 'green-arrow', 'amber', 'red', 'red-arrow'],
  'officer-controlled-junction': ['officer-go', 'officer-stop'],
  'priority-sign-junction': ['give-way', 'priority', 'none'],
};

const HEADINGS: readonly Heading[] = ['N', 'E', 'S', 'W'];

export function LiabilityScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const result = useCase(id);
  if (result === undefined) return <p role="status">{t('app.loading')}</p>;
  if (!result.found) return <p role="alert">{t('caseDetail.notFound')}</p>;
  return <Liability c={result.value} />;
}

/** The stored draft, fitted to the vehicles the case has now. */
function fitDraft(c: CaseRecord): LiabilityDraft {
  const saved = c.liability?.draft ?? emptyDraft(c);
  const labels = c.vehicles.map((v) => v.label);
  const known = (l: string | undefined) => (l !== undefined && labels.includes(l) ? l : undefined);
  return {
    ...saved,
    vehicles: labels.map((l) => saved.vehicles.find((v) => v.id === l) ?? { id: l }),
    impacts: (saved.impacts.length > 0 ? saved.impacts : [{}]).map((imp) => ({
      ...(known(imp.striking) && { striking: imp.striking }),
      ...(known(imp.struck) && { struck: imp.struck }),
      ...(imp.relation && { relation: imp.relation }),
    })),
  };
}

function Liability({ c }: { c: CaseRecord }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { run, error } = useStep(c.id);
  const [draft, setDraft] = useState<LiabilityDraft>(() => fitDraft(c));
  const record = c.liability;
  const signedAny = (record?.signatures.length ?? 0) > 0;
  const ready = c.state === 'scene-cleared' || c.state === 'liability-proposed';
  const editable = ready && !signedAny;

  const facts = useMemo(() => factsFromDraft(draft, true), [draft]);
  const decision = useMemo(
    () => (facts.ok ? evaluateLiability(catalog, facts.value) : null),
    [facts],
  );
  const proposalCurrent =
    c.state === 'liability-proposed' &&
    facts.ok &&
    record?.facts !== undefined &&
    canonicalJson(record.facts) === canonicalJson(facts.value);

  const change = (next: LiabilityDraft) => {
    setDraft(next);
    void run((x, at) => saveLiabilityDraft(x, next, at)).catch(() => undefined);
  };
  const setVehicle = (label: string, patch: Partial<LiabilityDraft['vehicles'][number]>) =>
    change({
      ...draft,
      vehicles: draft.vehicles.map((v) => (v.id === label ? { ...v, ...patch } : v)),
    });

  const answer = (q: NextQuestion, value: string) => {
    if (q.source === 'escalation') {
      change({ ...draft, checkAnswers: { ...draft.checkAnswers, [q.id]: value as 'yes' | 'no' } });
      return;
    }
    const others = draft.answers.filter(
      (a) => !(a.questionId === q.id && a.vehicleId === q.vehicleId),
    );
    const entry = { questionId: q.id, ...(q.vehicleId && { vehicleId: q.vehicleId }), value };
    change({ ...draft, answers: [...others, entry] });
  };

  const propose = () => {
    if (!facts.ok) return;
    void run((x, at) => {
      const r = proposeLiability(x, catalog, facts.value, at);
      return r.ok ? { ok: true, value: r.value.case } : r;
    }).then(
      (saved) => {
        if (saved.state === 'escalated') navigate(`/cases/${c.id}`);
      },
      () => undefined,
    );
  };

  const vehicleOf = (label: string) => c.vehicles.find((v) => v.label === label);
  const driverOf = (label: string) =>
    c.parties.find((p) => p.kind === 'driver' && p.vehicleId === vehicleOf(label)?.id);
  const labels = c.vehicles.map((v) => v.label);
  const signals = draft.placeKind ? SIGNALS_AT[draft.placeKind] : undefined;
  const atJunction = draft.placeKind !== undefined && JUNCTIONS.includes(draft.placeKind);

  return (
    <section aria-labelledby="liability-title" className="liability">
      <Link href={`/cases/${c.id}`} className="back-link">
        ← {c.caseNumber}
      </Link>
      <h1 id="liability-title">{t('liability.title')}</h1>
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
      {signedAny && <p className="notice">{t('liability.locked')}</p>}
      {labels.length < 2 && <p className="notice warn">{t('liability.needVehicles')}</p>}
      <p className="muted">{t('liability.intro')}</p>

      <fieldset className="plain" disabled={!editable}>
        <legend className="q">{t('liability.place')}</legend>
        <PictoGrid
          chosen={draft.placeKind}
          options={PlaceKind.options.map((k) => (
            <PictoChoice
              key={k}
              value={k}
              name="place"
              checked={draft.placeKind === k}
              onChange={() => change({ ...draft, placeKind: k })}
              label={t(`liability.placeKind.${k}`)}
            >
              <Pictogram kind="place" value={k} />
            </PictoChoice>
          ))}
        />
      </fieldset>

      {draft.vehicles.map((v) => {
        const vehicle = vehicleOf(v.id);
        const driver = driverOf(v.id);
        return (
          <fieldset key={v.id} className="vehicle-q" disabled={!editable}>
            <legend>{t('liability.vehicle', { label: v.id, plate: vehicle?.plate ?? '' })}</legend>
            {driver && <p className="muted">{t('liability.driver', { name: driver.name })}</p>}
            <fieldset className="plain">
              <legend className="q">{t('liability.action', { label: v.id })}</legend>
              <PictoGrid
                chosen={v.action}
                options={VehicleAction.options.map((a) => (
                  <PictoChoice
                    key={a}
                    value={a}
                    name={`action-${v.id}`}
                    checked={v.action === a}
                    onChange={() => setVehicle(v.id, { action: a })}
                    label={t(`liability.actionKind.${a}`)}
                  >
                    <Pictogram kind="action" value={a} />
                  </PictoChoice>
                ))}
              />
            </fieldset>
            {atJunction && (
              <fieldset className="plain">
                <legend className="q">{t('liability.heading', { label: v.id })}</legend>
                <div className="picto-grid" role="radiogroup">
                  {HEADINGS.map((h) => (
                    <PictoChoice
                      key={h}
                      value={h}
                      name={`heading-${v.id}`}
                      checked={v.heading === h}
                      onChange={() => setVehicle(v.id, { heading: h })}
                      label={t(`liability.headingKind.${h}`)}
                    >
                      <Pictogram kind="heading" value={h} />
                    </PictoChoice>
                  ))}
                </div>
              </fieldset>
            )}
            {signals && (
              <fieldset className="plain">
                <legend className="q">{t('liability.signal', { label: v.id })}</legend>
                <div className="chips" role="radiogroup">
                  {signals.map((s) => (
                    <label key={s} className={v.signal === s ? 'chip chosen' : 'chip'}>
                      <input
                        type="radio"
                        name={`signal-${v.id}`}
                        checked={v.signal === s}
                        onChange={() => setVehicle(v.id, { signal: s })}
                      />
                      {t(`liability.signalKind.${s}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
            <details className="more">
              <summary>{t('liability.conditions', { label: v.id })}</summary>
              <div className="chips">
                {VehicleCondition.options.map((k) => {
                  const on = v.conditions?.includes(k) ?? false;
                  return (
                    <label key={k} className={on ? 'chip chosen' : 'chip'}>
                      <input
                        type="checkbox"
                        checked={on}
                        onChange={() =>
                          setVehicle(v.id, {
                            conditions: on
                              ? (v.conditions ?? []).filter((x) => x !== k)
                              : [...(v.conditions ?? []), k],
                          })
                        }
                      />
                      {t(`liability.conditionKind.${k}`)}
                    </label>
                  );
                })}
              </div>
            </details>
          </fieldset>
        );
      })}

      <fieldset className="plain" disabled={!editable}>
        <legend className="q">{t('liability.impacts')}</legend>
        {draft.impacts.map((imp, i) => (
          <fieldset key={i} className="plain impact">
            <legend className="muted">{t('liability.impact', { n: i + 1 })}</legend>
            <div className="chips" role="radiogroup">
              {labels.flatMap((s) =>
                labels
                  .filter((x) => x !== s)
                  .map((x) => {
                    const on = imp.striking === s && imp.struck === x;
                    return (
                      <label key={`${s}${x}`} className={on ? 'chip chosen' : 'chip'}>
                        <input
                          type="radio"
                          name={`impact-${i}`}
                          checked={on}
                          onChange={() =>
                            change({
                              ...draft,
                              impacts: draft.impacts.map((o, j) =>
                                j === i ? { ...o, striking: s, struck: x } : o,
                              ),
                            })
                          }
                        />
                        {t('liability.strikes', { striking: s, struck: x })}
                      </label>
                    );
                  }),
              )}
            </div>
            {draft.impacts.length > 1 && (
              <button
                type="button"
                className="button"
                onClick={() =>
                  change({ ...draft, impacts: draft.impacts.filter((_, j) => j !== i) })
                }
              >
                {t('liability.removeImpact')}
              </button>
            )}
          </fieldset>
        ))}
        {labels.length > 2 && (
          <button
            type="button"
            className="button"
            onClick={() => change({ ...draft, impacts: [...draft.impacts, {}] })}
          >
            {t('liability.addImpact')}
          </button>
        )}
      </fieldset>

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
            onAnswer={(value) => decision.nextQuestion && answer(decision.nextQuestion, value)}
          />
        )}
        {decision?.outcome === 'escalate' && (
          <EscalationView decision={decision} lang={lang} canAct={editable} onEscalate={propose} />
        )}
        {decision?.outcome === 'liability' && !proposalCurrent && (
          <div className="notice">
            <ProposalView decision={decision} lang={lang} title={t('liability.proposalTitle')} />
            {editable && (
              <button type="button" className="button primary block" onClick={propose}>
                {c.state === 'liability-proposed'
                  ? t('liability.repropose')
                  : t('liability.propose')}
              </button>
            )}
          </div>
        )}
      </div>

      {c.state !== 'escalated' &&
        record?.decision &&
        record.proposal &&
        (proposalCurrent || !editable) && (
          <div className="notice ok" data-testid="stored-proposal">
            <ProposalView decision={record.decision} lang={lang} title={t('liability.proposed')} />
            {record.override && (
              <p data-testid="override-note">
                <strong>
                  {t('liability.overridden', {
                    liability: levelsText(record.override.liability, t),
                    reason: record.override.reason,
                  })}
                </strong>
              </p>
            )}
            {editable && (
              <OverrideForm
                key={canonicalJson(record.override ?? record.proposal)}
                c={c}
                proposal={record.proposal}
                current={record.override?.liability ?? record.proposal}
              />
            )}
            <Link href={`/cases/${c.id}/notices`} className="button primary block">
              {t('liability.toNotices')}
            </Link>
          </div>
        )}

      {ready && <DisputeForm c={c} />}
    </section>
  );
}

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

function levelsText(m: LiabilityByVehicle, t: TFunction): string {
  return Object.entries(m)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, level]) => `${label} ${t(`liability.level.${level}`)}`)
    .join('，');
}

/**
 * A grid of pictogram choices that folds to the chosen one once answered, so
 * the next question comes into view; "change" opens it again.
 */
function PictoGrid({ chosen, options }: { chosen: string | undefined; options: JSX.Element[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(chosen === undefined);
  const [seen, setSeen] = useState(chosen);
  if (seen !== chosen) {
    // A new answer folds the grid.
    setSeen(chosen);
    setOpen(chosen === undefined);
  }
  const shown = open ? options : options.filter((o) => o.props.value === chosen);
  return (
    <div className="picto-fold">
      <div className="picto-grid" role="radiogroup">
        {shown}
      </div>
      {!open && (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('liability.change')}
        </button>
      )}
    </div>
  );
}

function PictoChoice({
  value: _value,
  name,
  checked,
  onChange,
  label,
  children,
}: {
  /** Read by PictoGrid to find the chosen option. */
  value: string;
  name: string;
  checked: boolean;
  onChange: () => void;
  label: string;
  children: ReactNode;
}) {
  return (
    <label className={checked ? 'picto chosen' : 'picto'}>
      <input type="radio" name={name} checked={checked} onChange={onChange} />
      {children}
      <span>{label}</span>
    </label>
  );
}

function QuestionCard({
  q,
  lang,
  disabled,
  onAnswer,
}: {
  q: NextQuestion;
  lang: Lang;
  disabled: boolean;
  onAnswer: (value: string) => void;
}) {
  const { t } = useTranslation();
  const options = q.options ?? [
    { value: 'yes', text: { zh: '是', en: 'Yes' } },
    { value: 'no', text: { zh: '否', en: 'No' } },
  ];
  return (
    <fieldset className="notice warn question" disabled={disabled} data-question={q.id}>
      <legend className="q">{q.text[lang]}</legend>
      <p className="muted">{t('liability.question')}</p>
      {q.roles && q.vehicleId && q.otherVehicleId && (
        <p className="muted">
          {t('liability.questionAbout', {
            vehicle: q.vehicleId,
            role: q.roles.vehicle[lang],
            other: q.otherVehicleId,
            otherRole: q.roles.other[lang],
          })}
        </p>
      )}
      <div className="chips" role="radiogroup">
        {options.map((o) => (
          <label key={o.value} className="chip">
            <input type="radio" name={`q-${q.id}`} onChange={() => onAnswer(o.value)} />
            {o.text[lang]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function EscalationView({
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
    <div className="notice error" role="alert" data-rule={e?.ruleId}>
      <h2>{t('liability.escalateTitle')}</h2>
      {e && <p>{e.reason[lang]}</p>}
      {e?.instruction && <p>{e.instruction[lang]}</p>}
      {e && e.basis.length > 0 && (
        <ul>
          {e.basis.map((b) => (
            <li key={`${b.law}${b.article}`}>{citeBasis(b)}</li>
          ))}
        </ul>
      )}
      {canAct && (
        <button type="button" className="button primary block" onClick={onEscalate}>
          {t('liability.escalate')}
        </button>
      )}
    </div>
  );
}

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

function OverrideForm({
  c,
  proposal,
  current,
}: {
  c: CaseRecord;
  proposal: LiabilityByVehicle;
  current: LiabilityByVehicle;
}) {
  const { t } = useTranslation();
  const { run, error } = useStep(c.id);
  const [levels, setLevels] = useState<Record<string, LiabilityLevel>>({ ...current });
  const [reason, setReason] = useState(c.liability?.override?.reason ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const save = () => {
    if (reason.trim() === '') {
      setProblem(t('liability.overrideNeedsReason'));
      return;
    }
    setProblem(null);
    void run((x, at) => overrideLiability(x, levels, reason, at)).catch(() => undefined);
  };
  return (
    <details className="override">
      <summary>{t('liability.overrideTitle')}</summary>
      <div>
        <p className="muted">{t('liability.overrideIntro')}</p>
        {Object.keys(proposal)
          .sort()
          .map((label) => (
            <div key={label} className="field">
              <label htmlFor={`override-${label}`}>{t('liability.vehicleLabel', { label })}</label>
              <select
                id={`override-${label}`}
                value={levels[label]}
                onChange={(e) =>
                  setLevels({ ...levels, [label]: e.target.value as LiabilityLevel })
                }
              >
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`liability.level.${l}`)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        <ReasonField
          id="override-reason"
          label={t('liability.overrideReason')}
          value={reason}
          problem={problem}
          onChange={setReason}
        />
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        <button type="button" className="button block" onClick={save}>
          {t('liability.overrideSave')}
        </button>
      </div>
    </details>
  );
}
