/**
 * What the accident squad said about a case, as the officer's phone keeps it:
 * the latest verdict (returned for more, its liability amended, or approved)
 * and whether the squad took the case over. Kept beside the case, never inside the record the
 * officer signs and sends: it is the squad's word, not the officer's.
 *
 * A return lists what the officer is to add, item by item: a shot of the
 * guided list (by slot), a field of the case (by its path, e.g.
 * `vehicles.0.plate`) or a liability fact (by its question id). Each item
 * remembers the value it had on the phone when the return arrived, so the
 * phone can tell, offline, when the officer has changed it.
 */
import type { CaseRecord } from '../case/case.schema';
import type { OfficerDetermination } from '../case/liability-record.schema';
import type { Instant } from '../ids';
import { recordInsurerStep, type InsurerProgress } from './insurer-progress';
import type { SquadDetermination } from './squad-amendment';
import { awaitsOfficer } from './squad-standing';

export type MissingKind = 'shot' | 'field' | 'fact';

/** One thing the squad asked for. */
export interface MissingAsk {
  kind: MissingKind;
  key: string;
  /** A field's or fact's value on the phone when the return arrived (absent: it had none). */
  before?: string;
}

/**
 * `amended`: the squad amended the liability and returned the case; the
 * officer applies its determination (squad-amendment.ts), reads the notices
 * again and the parties sign again.
 */
export type SquadWordKind = 'returned' | 'reviewed' | 'taken-over' | 'amended';

export interface SquadWord {
  kind: SquadWordKind;
  /** The changes feed's cursor of this word: a later one replaces an earlier one. */
  cursor: string;
  /** Server time of the action. */
  at: Instant;
  /** Device time it reached the phone: what the officer did after this answers it. */
  receivedAt: Instant;
  /** The squad's words: what to add (a return), why (a take-over). */
  note?: string;
  /** A return: what is missing, item by item. */
  missing: MissingAsk[];
  /** An amendment: the squad's determination (its liability, reason, corrected facts). */
  amendment?: SquadDetermination;
}

/**
 * A rural station's case: the officer's remote determination as the station's
 * phone received it (station-determination.ts), to read to the parties.
 */
export interface OfficerWord {
  cursor: string;
  at: Instant;
  /** Device time it reached the phone. */
  receivedAt: Instant;
  determination: OfficerDetermination;
}

/** The squad's word on one case, as stored on the phone. */
export interface CaseReview {
  caseId: string;
  /** A station's case: the officer's determination, once it arrived. */
  officer?: OfficerWord;
  /** The latest return, amendment or approval. */
  verdict?: SquadWord;
  /** Set once the squad took the case over. */
  takenOver?: SquadWord;
  /** Each insurer's packet and steps, by insurer id (insurer-progress.ts). */
  insurers?: Record<string, InsurerProgress>;
}

/** A change of the pull feed, as far as the squad's word needs it. */
export interface SquadChange {
  cursor: string;
  caseId: string;
  kind: string;
  at: Instant;
  note?: string;
  missing?: readonly { kind: MissingKind; key: string }[];
  amendment?: SquadDetermination;
  /** `station-confirmed`: the officer's determination of a station's case. */
  determination?: OfficerDetermination;
  /** A step of one insurer's claim. */
  claim?: { insurerId: string; state: string };
}

const WORD_KINDS: ReadonlySet<string> = new Set<SquadWordKind>([
  'returned',
  'reviewed',
  'taken-over',
  'amended',
]);

/** True when the feed's change is something the squad said to the officer. */
export function isSquadWord(kind: string): kind is SquadWordKind {
  return WORD_KINDS.has(kind);
}

const after = (a: string, b: string | undefined) => b === undefined || Number(a) > Number(b);

/**
 * The case's review with the change recorded; undefined when there is nothing
 * to record (not the squad's word, or a word already known — a pull repeated
 * after a crash records nothing twice).
 */
export function recordSquadWord(
  prev: CaseReview | undefined,
  change: SquadChange,
  c: CaseRecord,
  receivedAt: Instant,
): CaseReview | undefined {
  if (change.claim) {
    // One insurer's step: never the squad's verdict.
    const insurers = recordInsurerStep(prev?.insurers, change);
    return insurers ? { ...prev, caseId: change.caseId, insurers } : undefined;
  }
  if (change.kind === 'station-confirmed') return officerWord(prev, change, receivedAt);
  if (!isSquadWord(change.kind)) return undefined;
  const slot = change.kind === 'taken-over' ? 'takenOver' : 'verdict';
  if (!after(change.cursor, prev?.[slot]?.cursor)) return undefined;
  const word: SquadWord = {
    kind: change.kind,
    cursor: change.cursor,
    at: change.at,
    receivedAt,
    missing: (change.missing ?? []).map((m) => withBefore(c, m)),
  };
  const note = change.note?.trim();
  if (note) word.note = note;
  if (change.kind === 'amended' && change.amendment) word.amendment = change.amendment;
  return { ...prev, caseId: change.caseId, [slot]: word };
}

/** The officer's determination kept beside a station's case (once: a repeated pull records nothing). */
function officerWord(
  prev: CaseReview | undefined,
  change: SquadChange,
  receivedAt: Instant,
): CaseReview | undefined {
  if (!change.determination || !after(change.cursor, prev?.officer?.cursor)) return undefined;
  const officer: OfficerWord = {
    cursor: change.cursor,
    at: change.at,
    receivedAt,
    determination: change.determination,
  };
  return { ...prev, caseId: change.caseId, officer };
}

function withBefore(c: CaseRecord, item: { kind: MissingKind; key: string }): MissingAsk {
  const before = askValue(c, item);
  return before === undefined ? { ...item } : { ...item, before };
}

/** The value of a case field by its path (`vehicles.0.plate`), as text; undefined when empty or absent. */
export function fieldValue(c: CaseRecord, path: string): string | undefined {
  let at: unknown = c;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  if (at === undefined || at === null) return undefined;
  const text = typeof at === 'string' ? at.trim() : JSON.stringify(at);
  return text === '' || text === '[]' || text === '{}' ? undefined : text;
}

/** Every answer on the case to a liability question (catalog or escalation check), as text. */
export function factValue(c: CaseRecord, questionId: string): string | undefined {
  const l = c.liability;
  const answers = [...(l?.draft?.answers ?? []), ...(l?.facts?.answers ?? [])]
    .filter((a) => a.questionId === questionId)
    .map((a) => (a.vehicleId === undefined ? a.value : `${a.vehicleId}:${a.value}`));
  const check = l?.draft?.checkAnswers[questionId] ?? l?.facts?.checks?.answers?.[questionId];
  if (check !== undefined) answers.push(check);
  return answers.length === 0 ? undefined : [...new Set(answers)].sort().join(',');
}

function askValue(c: CaseRecord, item: { kind: MissingKind; key: string }): string | undefined {
  if (item.kind === 'field') return fieldValue(c, item.key);
  if (item.kind === 'fact') return factValue(c, item.key);
  return undefined;
}

/**
 * Whether the officer has answered one item since the return reached the
 * phone: a shot, when a photo for its slot was taken after; a field or fact,
 * when it now has a value other than the one it had then. Computed from what
 * is on the phone, never ticked by hand.
 */
export function isAskDone(
  ask: MissingAsk,
  c: CaseRecord,
  photos: readonly { slot: string; takenAt: Instant }[],
  receivedAt: Instant,
): boolean {
  if (ask.kind === 'shot') {
    return photos.some((p) => p.slot === ask.key && p.takenAt > receivedAt);
  }
  const now = askValue(c, ask);
  return now !== undefined && now !== ask.before;
}

/** Where a case stands with the squad, for the case list and the case screen. */
export type SquadStanding =
  'returned' | 'amended' | 'taken-over' | 'approved' | 'resubmitted' | 'none';

export function squadStanding(review: CaseReview | undefined, c: CaseRecord): SquadStanding {
  const kind = review?.verdict?.kind;
  if (awaitsOfficer(review, c)) return kind === 'amended' ? 'amended' : 'returned';
  if (review?.takenOver) return 'taken-over';
  if (kind === 'reviewed') return 'approved';
  if (kind === 'returned' || kind === 'amended') return 'resubmitted';
  return 'none';
}
