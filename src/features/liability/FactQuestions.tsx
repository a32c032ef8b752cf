/**
 * The facts the officer gives the engine, mostly as pictograms: the place,
 * what each vehicle was doing (its heading at a junction, the signal or sign
 * where one applies, conditions), who struck whom (ImpactQuestions). Every answer goes out as a
 * whole new draft; the engine's follow-up questions are in QuestionCard.
 */
import { useTranslation } from 'react-i18next';
import type { CaseRecord, LiabilityDraft } from '../../domain';
import {
  PlaceKind,
  type PlaceKindV2,
  VehicleAction,
  VehicleCondition,
  type Heading,
  type SignalFacing,
} from '../../domain/liability';
import { Check } from '../../ui/Field';
import { Chip } from './Chip';
import { DriverStatusQuestion } from './DriverStatusQuestion';
import { ImpactQuestions } from './ImpactQuestions';
import { PictoChoice, PictoGrid } from './PictoGrid';
import { Pictogram } from './Pictogram';
import { objectPartiesOf } from './shared';

const JUNCTIONS: readonly PlaceKindV2[] = [
  'unknown-junction',
  'signalised-junction',
  'officer-controlled-junction',
  'priority-sign-junction',
  'unmarked-junction',
  'roundabout',
];

const SIGNALS_AT: Partial<Record<PlaceKindV2, readonly SignalFacing[]>> = {
  'signalised-junction': ['green', 'green-arrow', 'amber', 'red', 'red-arrow'],
  'officer-controlled-junction': ['officer-go', 'officer-stop'],
  'priority-sign-junction': ['give-way', 'priority', 'none'],
};

type DraftVehicle = LiabilityDraft['vehicles'][number];
type LineKind = 'stop' | 'give-way';

/** Places where facing a stop signal and entering on it are asked separately. */
const STOP_LINE_AT: readonly PlaceKindV2[] = ['signalised-junction', 'officer-controlled-junction'];

/** The line asked about: the stop line at signals or an officer, the give-way line at its sign. */
function lineAskedOf(place: PlaceKindV2 | undefined, v: DraftVehicle): LineKind | undefined {
  if (place === undefined) return undefined;
  if (STOP_LINE_AT.includes(place)) return 'stop';
  return place === 'priority-sign-junction' && v.signal === 'give-way' ? 'give-way' : undefined;
}

const HEADINGS: readonly Heading[] = ['N', 'E', 'S', 'W'];

/** The place, one group per vehicle, and the impacts. */
export function FactQuestions({
  c,
  draft,
  editable,
  onChange,
}: {
  c: CaseRecord;
  draft: LiabilityDraft;
  editable: boolean;
  onChange: (next: LiabilityDraft) => void;
}) {
  const { t } = useTranslation();
  const setVehicle = (label: string, patch: Partial<DraftVehicle>) =>
    onChange({
      ...draft,
      vehicles: draft.vehicles.map((v) => (v.id === label ? { ...v, ...patch } : v)),
    });
  const vehicleOf = (label: string) => c.vehicles.find((v) => v.label === label);
  const driverOf = (label: string) =>
    c.parties.find((p) => p.kind === 'driver' && p.vehicleId === vehicleOf(label)?.id);
  const signals = draft.placeKind ? SIGNALS_AT[draft.placeKind] : undefined;
  const atJunction = draft.placeKind !== undefined && JUNCTIONS.includes(draft.placeKind);

  return (
    <>
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
              onChange={() => onChange({ ...draft, placeKind: k })}
              label={t(`liability.placeKind.${k}`)}
            >
              <Pictogram kind="place" value={k} />
            </PictoChoice>
          ))}
        />
        <div className="chips">
          <Chip
            name="place"
            checked={draft.placeKind === 'unknown-junction'}
            onChange={() => onChange({ ...draft, placeKind: 'unknown-junction' })}
            label={t('liability.placeKind.unknown-junction')}
          />
        </div>
      </fieldset>

      {draft.vehicles.map((v) => (
        <VehicleQuestions
          key={v.id}
          v={v}
          plate={vehicleOf(v.id)?.plate ?? ''}
          driver={driverOf(v.id)?.name}
          editable={editable}
          atJunction={atJunction}
          signals={signals}
          line={lineAskedOf(draft.placeKind, v)}
          onPatch={(patch) => setVehicle(v.id, patch)}
        />
      ))}

      <ImpactQuestions
        labels={c.vehicles.map((v) => v.label)}
        objects={objectPartiesOf(c, t)}
        draft={draft}
        editable={editable}
        onChange={onChange}
      />
    </>
  );
}

interface VehicleQuestionProps {
  v: DraftVehicle;
  onPatch: (patch: Partial<DraftVehicle>) => void;
}

/** What one vehicle was doing. */
function VehicleQuestions({
  v,
  plate,
  driver,
  editable,
  atJunction,
  signals,
  line,
  onPatch,
}: VehicleQuestionProps & {
  plate: string;
  /** The driver's name, when the vehicle has a driver. */
  driver: string | undefined;
  editable: boolean;
  atJunction: boolean;
  signals: readonly SignalFacing[] | undefined;
  /** Ask whether it moved past this line into the junction. */
  line: LineKind | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="vehicle-q" disabled={!editable}>
      <legend>{t('liability.vehicle', { label: v.id, plate })}</legend>
      {driver !== undefined && <p className="muted">{t('liability.driver', { name: driver })}</p>}
      <ActionQuestion v={v} onPatch={onPatch} />
      {atJunction && <HeadingQuestion v={v} onPatch={onPatch} />}
      {signals && <SignalQuestion v={v} signals={signals} onPatch={onPatch} />}
      {signals && line && <StopLineQuestion v={v} line={line} onPatch={onPatch} />}
      <ConditionsQuestion v={v} onPatch={onPatch} />
      <DriverStatusQuestion v={v} onPatch={onPatch} />
    </fieldset>
  );
}

function ActionQuestion({ v, onPatch }: VehicleQuestionProps) {
  const { t } = useTranslation();
  return (
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
            onChange={() => onPatch({ action: a })}
            label={t(`liability.actionKind.${a}`)}
          >
            <Pictogram kind="action" value={a} />
          </PictoChoice>
        ))}
      />
      <div className="chips">
        <Chip
          name={`action-${v.id}`}
          checked={v.action === 'unknown'}
          onChange={() => onPatch({ action: 'unknown' })}
          label={t('liability.unknown')}
        />
      </div>
    </fieldset>
  );
}

function HeadingQuestion({ v, onPatch }: VehicleQuestionProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="plain">
      <legend className="q">{t('liability.heading', { label: v.id })}</legend>
      <div className="picto-grid" role="radiogroup">
        {HEADINGS.map((h) => (
          <PictoChoice
            key={h}
            value={h}
            name={`heading-${v.id}`}
            checked={v.heading === h}
            onChange={() => onPatch({ heading: h })}
            label={t(`liability.headingKind.${h}`)}
          >
            <Pictogram kind="heading" value={h} />
          </PictoChoice>
        ))}
      </div>
    </fieldset>
  );
}

/** The signal facing it — which is not the same as entering on it (StopLineQuestion). */
function SignalQuestion({
  v,
  signals,
  onPatch,
}: VehicleQuestionProps & { signals: readonly SignalFacing[] }) {
  const { t } = useTranslation();
  return (
    <fieldset className="plain">
      <legend className="q">{t('liability.signal', { label: v.id })}</legend>
      <div className="chips" role="radiogroup">
        {signals.map((s) => (
          <Chip
            key={s}
            name={`signal-${v.id}`}
            checked={v.signal === s}
            onChange={() => onPatch({ signal: s })}
            label={t(`liability.signalKind.${s}`)}
          />
        ))}
        <Chip
          name={`signal-${v.id}`}
          checked={v.signal === 'unknown'}
          onChange={() => onPatch({ signal: 'unknown' })}
          label={t('liability.unknown')}
        />
      </div>
    </fieldset>
  );
}

const STOP_LINE_ANSWERS = ['yes', 'no', 'unknown'] as const;

/** Past the stop (give-way) line? A vehicle queued facing red, or waiting at its sign, did not. */
function StopLineQuestion({ v, line, onPatch }: VehicleQuestionProps & { line: LineKind }) {
  const { t } = useTranslation();
  const words = line === 'stop' ? 'stopLine' : 'giveWayLine';
  return (
    <fieldset className="plain">
      <legend className="q">
        {t(line === 'stop' ? 'liability.passedStopLine' : 'liability.passedGiveWayLine', {
          label: v.id,
        })}
      </legend>
      <div className="chips" role="radiogroup">
        {STOP_LINE_ANSWERS.map((a) => (
          <Chip
            key={a}
            name={`stop-line-${v.id}`}
            checked={v.passedStopLine === a}
            onChange={() => onPatch({ passedStopLine: a })}
            label={t(`liability.${words}.${a}`)}
          />
        ))}
      </div>
    </fieldset>
  );
}

function ConditionsQuestion({ v, onPatch }: VehicleQuestionProps) {
  const { t } = useTranslation();
  const toggle = (k: VehicleCondition, on: boolean) =>
    onPatch({
      conditions: on ? (v.conditions ?? []).filter((x) => x !== k) : [...(v.conditions ?? []), k],
    });
  return (
    <details className="more">
      <summary>{t('liability.conditions', { label: v.id })}</summary>
      <div className="chips">
        {VehicleCondition.options.map((k) => {
          const on = v.conditions?.includes(k) ?? false;
          return (
            <Check
              key={k}
              className={on ? 'chip chosen' : 'chip'}
              checked={on}
              onCheck={() => toggle(k, on)}
              label={t(`liability.conditionKind.${k}`)}
            />
          );
        })}
      </div>
    </details>
  );
}
