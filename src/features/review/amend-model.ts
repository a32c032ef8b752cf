/**
 * The squad's amendment as the reviewer drafts it: one liability per vehicle
 * (starting from the determination in force: the officer's override, else
 * the proposal), and optionally the engine's facts corrected — the place
 * kind, and each vehicle's action and signal — with what the engine decides
 * on them. Where the engine decides, each vehicle's liability follows it
 * unless the reviewer chose another (then it is the squad's override, for the
 * reason given).
 */
import type { CaseRecord, LiabilityByVehicle } from '../../domain';
import type { LiabilityDecision } from '../../domain/liability/decision';
import {
  LiabilityFacts,
  type PlaceKindV2 as PlaceKind,
  type SignalFacing,
  type VehicleActionV2 as VehicleAction,
} from '../../domain/liability/facts.schema';

export type Level = LiabilityByVehicle[string];
export const LEVELS: readonly Level[] = ['full', 'primary', 'equal', 'secondary', 'none'];

/** The reviewer's corrections to the stored facts. */
export interface FactEdits {
  placeKind: PlaceKind;
  /** Per vehicle id: its action, and its signal (`''`: not recorded). */
  vehicles: Record<string, { action: VehicleAction; signal: SignalFacing | '' }>;
}

export interface AmendDraft {
  /** The reviewer's own choices, per vehicle label (the rest follow the engine or what is in force). */
  chosen: Partial<Record<string, Level>>;
  reason: string;
  /** Corrected facts to re-run the engine on, when the reviewer opened them. */
  edits: FactEdits | null;
}

/** The case's vehicles, in label order, with their plates. */
export function vehiclesOf(record: CaseRecord): { label: string; plate: string }[] {
  return [...record.vehicles]
    .sort((a, b) => a.label.localeCompare(b.label))
    .map((v) => ({ label: v.label, plate: v.plate }));
}

/** The determination in force: the officer's override, else the proposal. */
export function inForce(record: CaseRecord): Partial<LiabilityByVehicle> {
  const l = record.liability;
  return { ...(l?.override?.liability ?? l?.proposal ?? {}) };
}

/** The edits that leave the stored facts as they are. */
export function editsOf(facts: LiabilityFacts): FactEdits {
  return {
    placeKind: facts.place.kind,
    vehicles: Object.fromEntries(
      facts.vehicles.map((v) => [v.id, { action: v.action, signal: v.signal ?? '' }]),
    ),
  };
}

/**
 * The stored facts with the reviewer's corrections; everything else (the
 * impacts, triage checks and answers already given) is kept, so the engine
 * does not ask again what the officer answered.
 */
export function correctedFacts(stored: LiabilityFacts, edits: FactEdits): LiabilityFacts | null {
  const facts = {
    ...stored,
    place: { ...stored.place, kind: edits.placeKind },
    vehicles: stored.vehicles.map((v) => {
      const e = edits.vehicles[v.id];
      if (!e) return v;
      const { signal: _old, ...rest } = v;
      return { ...rest, action: e.action, ...(e.signal !== '' && { signal: e.signal }) };
    }),
  };
  const parsed = LiabilityFacts.safeParse(facts);
  return parsed.success ? parsed.data : null;
}

/** The liability shown for each vehicle: the reviewer's choice, else the engine's, else in force. */
export function shownLiability(
  record: CaseRecord,
  draft: AmendDraft,
  decision: LiabilityDecision | null,
): Partial<Record<string, Level>> {
  const base = decision?.outcome === 'liability' && decision.liability ? decision.liability : null;
  const standing = inForce(record);
  return Object.fromEntries(
    vehiclesOf(record).map(({ label }) => [
      label,
      draft.chosen[label] ?? base?.[label] ?? standing[label],
    ]),
  );
}

/** The vehicles whose liability the reviewer set otherwise than the engine decided. */
export function overriddenVehicles(
  shown: Partial<Record<string, Level>>,
  decision: LiabilityDecision | null,
): string[] {
  const engine = decision?.outcome === 'liability' ? decision.liability : undefined;
  if (!engine) return [];
  return Object.keys(shown).filter((label) => shown[label] !== engine[label]);
}

export type AmendProblem = { kind: 'reason' } | { kind: 'level'; label: string };

/** What keeps the draft from being sent, or the amendment it sends (facts only where decided). */
export function amendmentOf(
  record: CaseRecord,
  draft: AmendDraft,
  facts: LiabilityFacts | null,
  decision: LiabilityDecision | null,
):
  | { ok: false; problem: AmendProblem }
  | {
      ok: true;
      note: string;
      amendment: { liability: LiabilityByVehicle; facts?: LiabilityFacts };
    } {
  const shown = shownLiability(record, draft, decision);
  const liability: LiabilityByVehicle = {};
  for (const { label } of vehiclesOf(record)) {
    const level = shown[label];
    if (level === undefined) return { ok: false, problem: { kind: 'level', label } };
    liability[label] = level;
  }
  const note = draft.reason.trim();
  if (note === '') return { ok: false, problem: { kind: 'reason' } };
  const decided = facts !== null && decision?.outcome === 'liability';
  return { ok: true, note, amendment: { liability, ...(decided && { facts }) } };
}
