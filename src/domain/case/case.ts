/**
 * Operations on a case. Pure: each takes the time (and ids) it needs and
 * returns a new record, never mutating the one it was given.
 */
import type { Id, Instant } from '../ids';
import { refuse, ok, type Result } from '../result';
import {
  CASE_SCHEMA_VERSION,
  type CaseLocation,
  type CaseOfficer,
  type CaseRecord,
} from './case.schema';
import { canTransition, isOnScene, type CaseState } from './case-state';

export interface OpenCaseInput {
  id: Id;
  /** Arrival on scene: now, unless the officer corrects it. */
  arrivedAt: Instant;
  location: CaseLocation;
  caseNumber: string;
  /** The officer signed in on the phone (also when the shift is over), if any. */
  officer?: CaseOfficer;
  /** When the accident happened, if known yet (the case screen asks it, from arrival). */
  occurredAt?: Instant;
}

/** A new case in state `opened`; its first transition records arrival. */
export function openCase(input: OpenCaseInput): CaseRecord {
  return {
    schemaVersion: CASE_SCHEMA_VERSION,
    id: input.id,
    caseNumber: input.caseNumber,
    state: 'opened',
    arrivedAt: input.arrivedAt,
    location: input.location,
    ...(input.officer ? { officer: input.officer } : {}),
    ...(input.occurredAt ? { occurredAt: input.occurredAt } : {}),
    notes: '',
    vehicles: [],
    parties: [],
    transitions: [{ from: null, to: 'opened', at: input.arrivedAt }],
    createdAt: input.arrivedAt,
    updatedAt: input.arrivedAt,
  };
}

/**
 * A device-made case number: `KC` + local date + a suffix from the case id,
 * e.g. `KC20261127-3F9A2C`. Unique enough for people to read out; the id is
 * what systems use.
 */
export function makeCaseNumber(id: Id, at: Instant, utcOffsetMinutes = 480): string {
  const local = new Date(Date.parse(at) + utcOffsetMinutes * 60_000);
  const ymd = local.toISOString().slice(0, 10).replaceAll('-', '');
  const suffix = id.replaceAll('-', '').slice(-6).toUpperCase();
  return `KC${ymd}-${suffix}`;
}

export type TransitionRefusal = 'not-allowed';

/** Moves the case to `to` at `at`, or refuses when the life cycle forbids it. */
export function transitionCase(
  c: CaseRecord,
  to: CaseState,
  at: Instant,
  reason?: string,
): Result<CaseRecord, TransitionRefusal> {
  if (!canTransition(c.state, to)) {
    return refuse('not-allowed', `${c.state} → ${to}`);
  }
  const step = reason === undefined ? { from: c.state, to, at } : { from: c.state, to, at, reason };
  return ok({ ...c, state: to, transitions: [...c.transitions, step], updatedAt: at });
}

/** The fields an officer edits directly on the case screen. */
export type CaseFieldsPatch = Partial<
  Pick<CaseRecord, 'occurredAt' | 'notes' | 'location' | 'arrivedAt'>
>;

export type EditRefusal = 'not-editable' | 'sealed';

/** What of the case screen is part of the signed determination (determination.ts). */
const sealedPart = (c: CaseRecord) =>
  JSON.stringify([
    c.occurredAt,
    c.arrivedAt,
    c.location.address,
    c.location.road,
    c.location.kmPost,
  ]);

/** Applies an edit of the basic fields while the case is still the officer's. */
export function editCaseFields(
  c: CaseRecord,
  patch: CaseFieldsPatch,
  at: Instant,
): Result<CaseRecord, EditRefusal> {
  if (!isOnScene(c.state)) return refuse('not-editable', c.state);
  // Signed content changes only by an amendment (determination.ts); the
  // signature count is read here to keep case.ts free of the liability module.
  const next = { ...c, ...patch, updatedAt: at };
  const sealed = (c.liability?.signatures.length ?? 0) > 0;
  if (sealed && sealedPart(next) !== sealedPart(c)) return refuse('sealed');
  return ok(next);
}

/** When the case entered `state` for the first time, if it has. */
export function enteredAt(c: CaseRecord, state: CaseState): Instant | undefined {
  return c.transitions.find((t) => t.to === state)?.at;
}

/** States that end the officer's handling at the scene: the clock stops at the first. */
const HANDLING_ENDS: readonly CaseState[] = ['signed', 'submitted', 'closed'];

/**
 * When the on-scene handling ended — the case was first signed, submitted
 * (an escalated case handed over) or closed — or undefined while it goes on.
 * The elapsed-time counter stops there and shows the final duration.
 */
export function handlingEndedAt(c: CaseRecord): Instant | undefined {
  return c.transitions.find((t) => HANDLING_ENDS.includes(t.to))?.at;
}

/**
 * Whether a case is this officer's to see and send on a shared phone: his
 * own, or captured while nobody was signed in. `officerId` undefined (nobody
 * signed in) sees only the unclaimed ones.
 */
export function caseBelongsTo(c: Pick<CaseRecord, 'officer'>, officerId: Id | undefined): boolean {
  return c.officer === undefined || c.officer.id === officerId;
}

/** The case claimed by `officer` when nobody had (unchanged otherwise). */
export function claimCase(c: CaseRecord, officer: CaseOfficer, at: Instant): CaseRecord {
  if (c.officer) return c;
  return { ...c, officer, updatedAt: at };
}
