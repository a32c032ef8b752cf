/**
 * The insurer's forms as data: what was typed, checked field by field before
 * anything is sent, each problem naming its field (the screen words it in the
 * insurer's language), and the request body the contract takes.
 */
import type { PacketActionInput } from '../../services/usePacketAction';

/** The contract's ceiling for an amount (yuan). */
export const MAX_YUAN = 100_000_000;
export const ASSESSOR_MAX = 80;
export const REFERENCE_MAX = 80;
export const NOTE_MAX = 1000;
export const ACK_NOTE_MAX = 500;

/** What is wrong with one field: a message key of `insurer.form.problem`, and the values it names. */
export interface Problem {
  field: string;
  key:
    | 'amountMissing'
    | 'amountInvalid'
    | 'amountTooLarge'
    | 'required'
    | 'tooLong'
    | 'dateInvalid'
    | 'dateFuture'
    | 'photosPending'
    | 'photosFailed';
  max?: number;
}

export type Checked<T> = { ok: true; body: T } | { ok: false; problems: Problem[] };

/** An amount in yuan as typed ("1200", "1,200.50"), or a problem. */
export function parseYuan(text: string, field: string): number | Problem {
  const plain = text.trim().replace(/[,，\s]/g, '');
  if (plain === '') return { field, key: 'amountMissing' };
  if (!/^\d+(?:\.\d{1,2})?$/.test(plain)) return { field, key: 'amountInvalid' };
  const yuan = Number(plain);
  if (yuan > MAX_YUAN) return { field, key: 'amountTooLarge', max: MAX_YUAN };
  return yuan;
}

function textProblem(text: string, field: string, max: number, required: boolean) {
  const trimmed = text.trim();
  if (required && trimmed === '') return { field, key: 'required' } as const;
  if (trimmed.length > max) return { field, key: 'tooLong', max } as const;
  return undefined;
}

const noteOf = (note: string) => (note.trim() === '' ? {} : { note: note.trim() });

export function checkAcknowledge(note: string): Checked<PacketActionInput<'acknowledge'>> {
  const problem = textProblem(note, 'ack-note', ACK_NOTE_MAX, false);
  return problem ? { ok: false, problems: [problem] } : { ok: true, body: noteOf(note) };
}

export interface AssessmentDraft {
  /** Amount typed per insured vehicle, by vehicle id. */
  amounts: Record<string, string>;
  assessor: string;
  note: string;
}

/** The field id of a vehicle's amount. */
export const amountField = (vehicleId: string) => `assess-amount-${vehicleId}`;

/** Where the assessment's photos stand: the uploaded ones' hashes, and whether any is unfinished. */
export interface AssessmentPhotosState {
  hashes: readonly string[];
  pending: boolean;
  failed: boolean;
}

const NO_PHOTOS: AssessmentPhotosState = { hashes: [], pending: false, failed: false };

/** The field id of the assessment's photos. */
export const PHOTOS_FIELD = 'assess-photos';

function photosProblem(photos: AssessmentPhotosState): Problem | undefined {
  if (photos.pending) return { field: PHOTOS_FIELD, key: 'photosPending' };
  if (photos.failed) return { field: PHOTOS_FIELD, key: 'photosFailed' };
  return undefined;
}

export function checkAssessment(
  draft: AssessmentDraft,
  vehicleIds: readonly string[],
  photos: AssessmentPhotosState = NO_PHOTOS,
): Checked<PacketActionInput<'assessment'>> {
  const problems: Problem[] = [];
  const vehicles: { vehicleId: string; amountYuan: number }[] = [];
  for (const vehicleId of vehicleIds) {
    const amount = parseYuan(draft.amounts[vehicleId] ?? '', amountField(vehicleId));
    if (typeof amount === 'number') vehicles.push({ vehicleId, amountYuan: amount });
    else problems.push(amount);
  }
  const assessor = textProblem(draft.assessor, 'assess-assessor', ASSESSOR_MAX, true);
  const note = textProblem(draft.note, 'assess-note', NOTE_MAX, false);
  problems.push(...[assessor, note, photosProblem(photos)].filter((p) => p !== undefined));
  if (problems.length > 0) return { ok: false, problems };
  const attached = photos.hashes.length > 0 ? { photos: [...photos.hashes] } : {};
  return {
    ok: true,
    body: { vehicles, assessor: draft.assessor.trim(), ...noteOf(draft.note), ...attached },
  };
}

export interface PayoutDraft {
  amount: string;
  paidOn: string;
  reference: string;
  note: string;
}

/** `YYYY-MM-DD` that is a real calendar day. */
function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** `today` is the insurer's calendar day (`YYYY-MM-DD`): a payout is not recorded ahead of it. */
export function checkPayout(
  draft: PayoutDraft,
  today: string,
): Checked<PacketActionInput<'payout'>> {
  const problems: Problem[] = [];
  const amount = parseYuan(draft.amount, 'payout-amount');
  if (typeof amount !== 'number') problems.push(amount);
  const day = draft.paidOn.trim();
  if (day === '') problems.push({ field: 'payout-date', key: 'required' });
  else if (!isDay(day)) problems.push({ field: 'payout-date', key: 'dateInvalid' });
  else if (day > today) problems.push({ field: 'payout-date', key: 'dateFuture' });
  const reference = textProblem(draft.reference, 'payout-reference', REFERENCE_MAX, true);
  const note = textProblem(draft.note, 'payout-note', NOTE_MAX, false);
  problems.push(...[reference, note].filter((p) => p !== undefined));
  if (problems.length > 0 || typeof amount !== 'number') return { ok: false, problems };
  return {
    ok: true,
    body: {
      amountYuan: amount,
      paidOn: day,
      reference: draft.reference.trim(),
      ...noteOf(draft.note),
    },
  };
}

/** The local calendar day of `now`, `YYYY-MM-DD`. */
export function localDay(now: Date): string {
  const off = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - off).toISOString().slice(0, 10);
}
