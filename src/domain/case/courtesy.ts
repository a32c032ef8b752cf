/**
 * The courteous script of every stop (三告知、两敬礼), step by step: the
 * officer marks the greeting salute, each of the three notices as it is read
 * out, and the farewell salute; each step keeps the time it was first marked.
 * The notices count as read (`noticesReadAt`) once all three are marked, and
 * signing may begin. Each mark also keeps the version of the brigade's script
 * the phone showed (`scriptVersion`), so the reviewer can tell which words were
 * read out. Pure, like liability-step.ts.
 */
import type { Instant } from '../ids';
import { ok, refuse, type Result } from '../result';
import type { CaseRecord } from './case.schema';
import {
  LIABILITY_RECORD_SCHEMA_VERSION,
  type CourtesyMark,
  type CourtesyStep,
  type LiabilityRecord,
} from './liability-record.schema';

/** The three notices, in the order they are read out. */
export const NOTICE_STEPS = [
  'notice-violation',
  'notice-determination',
  'notice-rights',
] as const satisfies readonly CourtesyStep[];

/** Every step of the script, in its order. */
export const COURTESY_STEPS: readonly CourtesyStep[] = [
  'greeting-salute',
  ...NOTICE_STEPS,
  'farewell-salute',
];

export type CourtesyRefusal = 'not-allowed' | 'already-signed';

/** When `step` was marked on the record, if it was. */
export function courtesyMarkedAt(
  record: LiabilityRecord | undefined,
  step: CourtesyStep,
): Instant | undefined {
  return record?.courtesy?.find((m) => m.step === step)?.at;
}

function withMarks(
  c: CaseRecord,
  record: LiabilityRecord,
  steps: readonly CourtesyStep[],
  at: Instant,
  scriptVersion: number | undefined,
): CaseRecord {
  const marked = record.courtesy ?? [];
  const added: CourtesyMark[] = steps
    .filter((step) => !marked.some((m) => m.step === step))
    .map((step) => (scriptVersion === undefined ? { step, at } : { step, at, scriptVersion }));
  const courtesy = [...marked, ...added];
  const allRead = NOTICE_STEPS.every((step) => courtesy.some((m) => m.step === step));
  const noticesReadAt = record.noticesReadAt ?? (allRead ? at : undefined);
  return {
    ...c,
    liability: { ...record, courtesy, ...(noticesReadAt && { noticesReadAt }) },
    updatedAt: at,
  };
}

/**
 * Marks one step of the script; a step already marked keeps its first time.
 * The greeting and the notices belong before anyone signs (a determination
 * being proposed, no signature yet); the farewell salute may follow the
 * signatures until the case is submitted.
 */
export function markCourtesy(
  c: CaseRecord,
  step: CourtesyStep,
  at: Instant,
  scriptVersion?: number,
): Result<CaseRecord, CourtesyRefusal> {
  const record = c.liability ?? { schemaVersion: LIABILITY_RECORD_SCHEMA_VERSION, signatures: [] };
  if (courtesyMarkedAt(record, step) !== undefined && stateAllows(c, step)) return ok(c);
  const refusal = courtesyRefusal(c, step);
  if (refusal) return refuse(refusal, refusal === 'not-allowed' ? c.state : undefined);
  return ok(withMarks(c, record, [step], at, scriptVersion));
}

const stateAllows = (c: CaseRecord, step: CourtesyStep) =>
  step === 'farewell-salute'
    ? c.state === 'liability-proposed' || c.state === 'signed'
    : c.state === 'liability-proposed';

function courtesyRefusal(c: CaseRecord, step: CourtesyStep): CourtesyRefusal | undefined {
  if (!stateAllows(c, step)) return 'not-allowed';
  const signed = (c.liability?.signatures.length ?? 0) > 0;
  return step !== 'farewell-salute' && signed ? 'already-signed' : undefined;
}

/** Whether `step` may be marked now (not yet marked, and allowed in the case's state). */
export function canMarkCourtesy(c: CaseRecord, step: CourtesyStep): boolean {
  return courtesyMarkedAt(c.liability, step) === undefined && !courtesyRefusal(c, step);
}

/**
 * The notices (三告知) have been read out or handed over, all at once: every
 * notice not marked yet is marked now; the first time is kept.
 */
export function markNoticesRead(
  c: CaseRecord,
  at: Instant,
  scriptVersion?: number,
): Result<CaseRecord, CourtesyRefusal> {
  if (c.state !== 'liability-proposed') return refuse('not-allowed', c.state);
  const record = c.liability ?? { schemaVersion: LIABILITY_RECORD_SCHEMA_VERSION, signatures: [] };
  if (record.noticesReadAt !== undefined) return ok(c);
  return ok(withMarks(c, record, NOTICE_STEPS, at, scriptVersion));
}
